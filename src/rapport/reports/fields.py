"""Word fields and what hangs on them: page numbers and the table of contents."""

from __future__ import annotations

import re

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph

from rapport.core.i18n import _
from rapport.core.text import clean_text
from rapport.reports.parts import add_internal_link


def field(paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """A Word field (PAGE, NUMPAGES...): begin, instruction, the result shown until the
    field is updated, end."""
    open_field(paragraph, instruction)
    if shown:
        paragraph.add_run(shown)
    close_field(paragraph)


def close_field(paragraph: Paragraph) -> None:
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


class Contents:
    """A table of contents: Word's TOC field, which Word fills in with page numbers when it
    opens the file (w:updateFields), holding until then a list of the headings, each a
    link to its heading's bookmark, so that a reader that does not update fields
    (LibreOffice, a previewer, a PDF made from either) still lists every section.

    The list has no page numbers: a field's result is kept as written by such readers, and
    a page number written here would be a guess."""

    def __init__(self, doc: DocumentObject, title: str | None = None, depth: int = 2) -> None:
        self.depth = depth
        self._doc = doc
        # Translators: the heading of the table of contents in the Word documents.
        doc.add_paragraph(title or _("Contents"), style="TOC Heading")
        self._anchor = doc.add_paragraph()  # becomes the first entry
        self._entries: list[tuple[int, str, str]] = []
        update_fields_on_open(doc)

    def heading(self, text: str, level: int) -> Paragraph:
        """Add a heading; headings down to `depth` get a bookmark and an entry."""
        paragraph = self._doc.add_paragraph(clean_text(text), style=f"Heading {level}")
        if level <= self.depth:
            number = len(self._entries) + 1
            name = f"_Toc{number:04d}"
            bookmark(paragraph, name, number)
            self._entries.append((level, clean_text(text), name))
        return paragraph

    def finish(self) -> None:
        """Write the entries into the field, now that every heading is known."""
        if not self._entries:
            self._anchor._p.getparent().remove(self._anchor._p)
            return
        previous: Paragraph | None = None
        for level, text, bookmark in self._entries:
            if previous is None:
                paragraph = self._anchor
                open_field(paragraph, f'TOC \\o "1-{self.depth}" \\h \\z \\u')
            else:
                element = OxmlElement("w:p")
                previous._p.addnext(element)
                paragraph = Paragraph(element, previous._parent)
            layout = paragraph.paragraph_format
            layout.left_indent = Inches(0.25 * (level - 1))
            layout.space_after = Pt(2)
            add_internal_link(paragraph, bookmark, text)
            previous = paragraph
        assert previous is not None
        close_field(previous)


def open_field(paragraph: Paragraph, instruction: str) -> None:
    """The first half of a field whose result spans several paragraphs (the TOC)."""
    for kind in ("begin", "instr", "separate"):
        run = paragraph.add_run()
        if kind == "instr":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        else:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)


_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)  # fmt: skip


def bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def update_fields_on_open(doc: DocumentObject) -> None:
    """Ask Word to refresh the fields (the contents' page numbers) when it opens the file."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # CT_Settings is a sequence: updateFields comes before these (strict readers check).
    later = {qn(f"w:{tag}") for tag in _AFTER_UPDATE_FIELDS}
    following = next((child for child in settings if child.tag in later), None)
    if following is None:
        settings.append(update)
    else:
        following.addprevious(update)


_PAGE_FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}


def add_page_numbers(doc: DocumentObject) -> None:
    """ "Page X of Y" in the footer, the words translated around Word's two fields."""
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Translators: the page footer of the Word documents; Word fills {page}
    # and {pages} in (this page's number, the number of pages). Keep both
    # placeholders.
    words = _("Page {page} of {pages}")
    for piece in re.split(r"(\{page\}|\{pages\})", words):
        if piece in ("{page}", "{pages}"):
            field(footer, _PAGE_FIELDS[piece[1:-1]], "1")
        elif piece:
            footer.add_run(piece)
