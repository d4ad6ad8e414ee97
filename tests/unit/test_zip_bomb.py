"""A Word file whose zip headers lie cannot make the server unpack more than its budget.

The attack: a ~0.5 MB .docx whose customXml part inflates to 512 MB of one byte, with the
declared size rewritten to 1,000 in both the local and the central header, so the
declared-size check passes. Reading that part whole made the server grow by the part's
real size. The upload is read here in a subprocess, whose peak memory is measured.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

BOMB_BYTES = 512 * 1024 * 1024
DECLARED = 1_000
ALLOWED_GROWTH_MIB = 64


def _entry(name: str, data: bytes, declared: int | None = None) -> tuple[bytes, bytes, int]:
    """A deflated zip entry: (local header + data, its central-directory header, size)."""
    compressed = _deflate_chunks([data])
    return _entry_from(name, compressed, zlib.crc32(data), declared or len(data))


def _deflate_chunks(chunks: list[bytes] | object) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [packer.compress(chunk) for chunk in chunks]  # type: ignore[attr-defined]
    out.append(packer.flush())
    return b"".join(out)


def _entry_from(name: str, compressed: bytes, crc: int, declared: int) -> tuple[bytes, bytes, int]:
    encoded = name.encode()
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(compressed), declared,
        len(encoded), 0,
    ) + encoded + compressed  # fmt: skip
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(compressed),
        declared, len(encoded), 0, 0, 0, 0, 0, 0,
    ) + encoded  # fmt: skip
    return local, central, len(local)


def lying_docx() -> bytes:
    """word/document.xml, then customXml/item1.xml: 512 MB of "a" that says it is 1,000."""
    chunk = b"a" * (1024 * 1024)
    bomb = _deflate_chunks(chunk for _ in range(BOMB_BYTES // len(chunk)))
    entries = [
        _entry("word/document.xml", b"<w:document/>"),
        _entry_from("customXml/item1.xml", bomb, 0, DECLARED),
    ]
    body, directory, offset = b"", b"", 0
    for local, central, size in entries:
        # The central header's last field is the local header's offset.
        directory += central[:42] + struct.pack("<I", offset) + central[46:]
        body += local
        offset += size
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                      len(directory), len(body), 0)  # fmt: skip
    return body + directory + end


CHILD = """
import json, resource, sys
from rapport.core.errors import AnswersError
from rapport.files.framework_file import load_framework
from rapport.files.uploads import load_upload
from pathlib import Path
framework = load_framework(Path(sys.argv[2]))
raw = Path(sys.argv[1]).read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    load_upload(raw, "report.docx", framework)
    outcome = "read"
except AnswersError as error:
    outcome = error.summary
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"grew_kib": after - before, "outcome": outcome}))
"""


def test_a_part_that_lies_about_its_size_is_not_unpacked(tmp_path: Path) -> None:
    bomb = tmp_path / "report.docx"
    bomb.write_bytes(lying_docx())
    assert bomb.stat().st_size < 2_000_000  # small enough to pass the upload limit
    framework_file = Path(__file__).resolve().parents[2] / "data" / "client-relationships.yaml"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(bomb), str(framework_file)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["grew_kib"] / 1024 < ALLOWED_GROWTH_MIB, measured
    assert measured["outcome"] == "This Word document has no Rapport answers inside.", measured


def test_a_corrupt_compressed_part_is_a_message(tmp_path: Path) -> None:
    """Damaged deflate data inside a part raised zlib.error, an error box on the page."""
    import pytest

    from rapport.core.errors import AnswersError
    from rapport.files.framework_file import load_framework
    from rapport.files.uploads import load_upload

    entries = [
        _entry("word/document.xml", b"<w:document/>"),
        _entry_from("customXml/item1.xml", b"\xff\xfe\xfd garbage", 0, 50),
    ]
    body, directory, offset = b"", b"", 0
    for local, central, size in entries:
        directory += central[:42] + struct.pack("<I", offset) + central[46:]
        body += local
        offset += size
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 2, 2, len(directory), len(body), 0)
    framework = load_framework(
        Path(__file__).resolve().parents[2] / "data" / "client-relationships.yaml"
    )
    with pytest.raises(AnswersError, match="no Rapport answers inside"):
        load_upload(body + directory + end, "report.docx", framework)
