"""Cleaning user text before it is shown, stored or written into a document."""

from __future__ import annotations

import re
import unicodedata

# XML 1.0 forbids most C0 controls, lone surrogates and the two non-characters U+FFFE/U+FFFF.
# python-docx (via lxml) refuses any of them, so they are dropped everywhere text enters.
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

MAX_NOTE_CHARS = 1000
MAX_NAME_CHARS = 120


def xml_safe(value: str) -> str:
    """Drop only the characters XML cannot hold; spacing is left exactly as it was."""
    return _XML_INCOMPATIBLE.sub("", value)


def clean_text(value: str, max_chars: int | None = None) -> str:
    """Return `value` safe for XML and storage: normalized, no forbidden characters, trimmed.

    Newlines and tabs stay (they are legitimate in notes); Windows line ends become \\n.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = xml_safe(text)
    text = unicodedata.normalize("NFC", text).strip()
    if max_chars is not None and len(text) > max_chars:
        text = text[:max_chars].rstrip()
    return text


def one_line(value: str, max_chars: int | None = None) -> str:
    """clean_text for one-line fields such as a name: whitespace runs become one space."""
    return " ".join(clean_text(value, None).split())[: max_chars or None]
