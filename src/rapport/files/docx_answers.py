"""Answers carried inside a Word report, invisible to the reader.

They travel as a custom XML part (`customXml/itemN.xml` with its itemProps), the storage
Word itself uses for document data: Word and LibreOffice keep such parts when a document is
edited and saved again. LibreOffice renumbers the parts on save, so the reader finds ours by
the namespace of its root element, never by file name.
"""

from __future__ import annotations

import re
import uuid
import zipfile
import zlib
from io import BytesIO
from itertools import count

from docx.document import Document as DocumentObject
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from rapport.core.errors import AnswersError
from rapport.core.i18n import _, ngettext
from rapport.core.text import grouped

NAMESPACE = "urn:x-rapport:answers:1"
_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_ITEM = re.compile(r"customXml/item\d+\.xml")
MAX_UNPACKED_BYTES = 50_000_000  # a real report unpacks to ~1 MB
MAX_ITEM_BYTES = 2_000_000
# What one upload may make this server unpack, whatever the zip's headers claim: the
# headers are written by whoever made the file, and a part that says 1,000 bytes can
# inflate to gigabytes. Parts are read in chunks and reading stops at the budget.
READ_BUDGET_BYTES = 8_000_000
CHUNK_BYTES = 64 * 1024
# No entities, no network, no huge trees: the document comes from an upload.
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def embed_answers(document: DocumentObject, answers_json: bytes) -> None:
    """Store the answers file's JSON inside the document as a custom XML part."""
    package = document.part.package
    used = {str(part.partname) for part in package.iter_parts()}
    number = next(n for n in count(1) if f"/customXml/item{n}.xml" not in used)
    root = etree.Element(f"{{{NAMESPACE}}}answers", nsmap={"rapport": NAMESPACE})
    root.text = answers_json.decode("utf-8")
    item = Part(
        PackURI(f"/customXml/item{number}.xml"),
        CT.XML,
        etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
        package,
    )
    datastore = etree.Element(f"{{{_DATASTORE}}}datastoreItem", nsmap={"ds": _DATASTORE})
    datastore.set(f"{{{_DATASTORE}}}itemID", "{" + str(uuid.uuid4()).upper() + "}")
    refs = etree.SubElement(datastore, f"{{{_DATASTORE}}}schemaRefs")
    etree.SubElement(refs, f"{{{_DATASTORE}}}schemaRef").set(f"{{{_DATASTORE}}}uri", NAMESPACE)
    properties = Part(
        PackURI(f"/customXml/itemProps{number}.xml"),
        CT.OFC_CUSTOM_XML_PROPERTIES,
        etree.tostring(datastore, xml_declaration=True, encoding="UTF-8", standalone=True),
        package,
    )
    item.relate_to(properties, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def _not_a_report(summary: str) -> AnswersError:
    return AnswersError(
        summary, [_("Upload a Word report Rapport made, or its .json answers file.")]
    )


class _Budget:
    """Bytes this upload may still unpack."""

    def __init__(self, total: int) -> None:
        self.left = total


def _read_capped(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """A part's bytes, unpacked a chunk at a time (zipfile's read() of a whole part would
    inflate it in one call, as large as the data makes it), stopping at the part's cap or
    the upload's budget, whichever comes first."""
    cap = min(MAX_ITEM_BYTES, budget.left)
    chunks: list[bytes] = []
    size = 0
    with archive.open(member) as stream:
        while chunk := stream.read(CHUNK_BYTES):
            size += len(chunk)
            budget.left -= len(chunk)
            if size > cap:
                raise _not_a_report(
                    _(
                        "This document holds a part far larger than it declares, as no Word "
                        "report does; it was not read."
                    )
                )
            chunks.append(chunk)
    return b"".join(chunks)


def extract_answers(raw: bytes) -> bytes:
    """Return the answers JSON embedded in a Rapport Word report."""
    if not raw.startswith(b"PK\x03\x04"):
        raise _not_a_report(_("This file is not a Word document (.docx)."))
    try:
        archive = zipfile.ZipFile(BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _not_a_report(_("This Word document is damaged and cannot be opened.")) from exc
    names = {member.filename for member in members}
    if "word/document.xml" not in names:
        raise _not_a_report(_("This file is a zip archive but not a Word document."))
    declared = sum(member.file_size for member in members)
    if declared > MAX_UNPACKED_BYTES:
        raise _not_a_report(
            ngettext(
                "This document says it unpacks to {size} byte, far more than any report.",
                "This document says it unpacks to {size} bytes, far more than any report.",
                declared,
            ).format(size=grouped(declared))
        )
    budget = _Budget(READ_BUDGET_BYTES)
    for member in members:
        if not _ITEM.fullmatch(member.filename) or member.file_size > MAX_ITEM_BYTES:
            continue
        try:
            root = etree.fromstring(_read_capped(archive, member, budget), parser=_SAFE_XML)
        except (
            etree.XMLSyntaxError,
            zipfile.BadZipFile,
            zlib.error,  # corrupt compressed data
            NotImplementedError,  # a compression method zipfile cannot read
            RuntimeError,  # an encrypted part
            ValueError,
            OSError,
            EOFError,
        ):
            continue  # a damaged or foreign part is not ours; keep looking
        if etree.QName(root).namespace == NAMESPACE and root.text:
            return root.text.encode("utf-8")
    raise AnswersError(
        _("This Word document has no Rapport answers inside."),
        [
            _(
                "It may be another program's document, or a copy saved in a format that drops "
                "document data (for example via Google Docs)."
            ),
            _("Upload the .json answers file instead, if you kept it."),
        ],
    )
