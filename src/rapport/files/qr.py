"""QR codes for join links, drawn offline with segno."""

from __future__ import annotations

import io

import segno


def qr_png(link: str, scale: int = 12) -> bytes:
    """A PNG big enough to scan from the back of a room when projected (about 400 px).

    Error correction "M" survives a projector's glare and keystone; a quiet zone of four
    modules is what phone cameras expect around the code.
    """
    code = segno.make(link, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4, dark="#000000", light="#ffffff")
    return buffer.getvalue()
