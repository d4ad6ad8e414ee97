"""What every Word document Rapport writes shares, so neither report shows its seams.

A new document here has its language set, headings that never end a page, a footer with
"Page X of Y", and on saving, properties of its own: created and modified now, last
modified by Rapport, Rapport as the application, and none of python-docx's template
leftovers (its 2013 dates, "Microsoft Macintosh Word", its thumbnail picture).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from io import BytesIO
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from rapport.core.text import clean_text

APPLICATION = "Rapport"
LANGUAGE = "en-GB"  # the framework's spelling: organisation, prioritise, recognise
BODY_FONT = "Calibri"
TEXT_WIDTH_INCHES = 6.5  # US Letter less python-docx's one-inch margins
HEADINGS = ("Title", "Heading 1", "Heading 2", "Heading 3")
# Calibri 11 pt averages about 0.075 inch a character; rounded up so that a word measured
# to fit does fit, with the cell's own margins on top.
INCHES_PER_CHARACTER = 0.085
CELL_MARGINS_INCHES = 0.2


def new_document() -> DocumentObject:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(11)
    _set_language(doc)
    for name in HEADINGS:
        # A heading stays with what it introduces, and its own lines stay together.
        doc.styles[name].paragraph_format.keep_with_next = True
        doc.styles[name].paragraph_format.keep_together = True
    caption = doc.styles["Caption"]
    caption.paragraph_format.keep_together = True
    _add_page_numbers(doc)
    return doc


def _set_language(doc: DocumentObject) -> None:
    """w:lang in the document defaults: spelling and hyphenation follow the text's language."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr"))
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    language = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), LANGUAGE)
    properties.append(language)


def _field(paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """A Word field (PAGE, NUMPAGES, TOC, PAGEREF...): begin, instruction, the result
    shown until the field is updated, end."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        run = paragraph.add_run()
        if kind == "instr":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {text} "
            run._r.append(code)
        else:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)
    if shown:
        paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _add_page_numbers(doc: DocumentObject) -> None:
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")


class Contents:
    """A table of contents: Word's TOC field, with its entries written out already so that
    a reader that does not update fields (LibreOffice, a previewer) still lists them.
    Each entry's page number is a PAGEREF to a bookmark on its heading, which LibreOffice
    computes when it lays the document out, and Word updates on opening."""

    def __init__(self, doc: DocumentObject, title: str = "Contents", depth: int = 2) -> None:
        self.depth = depth
        self._doc = doc
        doc.add_paragraph(title, style="TOC Heading")
        self._anchor = doc.add_paragraph()  # becomes the first entry
        self._entries: list[tuple[int, str, str]] = []
        _update_fields_on_open(doc)

    def heading(self, text: str, level: int) -> Paragraph:
        """Add a heading; headings down to `depth` get a bookmark and an entry."""
        paragraph = self._doc.add_paragraph(clean_text(text), style=f"Heading {level}")
        if level <= self.depth:
            number = len(self._entries) + 1
            name = f"_Toc{number:04d}"
            _bookmark(paragraph, name, number)
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
            else:
                element = OxmlElement("w:p")
                previous._p.addnext(element)
                paragraph = Paragraph(element, previous._parent)
            layout = paragraph.paragraph_format
            layout.left_indent = Inches(0.25 * (level - 1))
            layout.space_after = Pt(2)
            layout.tab_stops.add_tab_stop(
                Inches(TEXT_WIDTH_INCHES), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            if previous is None:
                _open_field(paragraph, f'TOC \\o "1-{self.depth}" \\h \\z \\u')
            paragraph.add_run(text + "\t")
            _field(paragraph, f"PAGEREF {bookmark} \\h")
            previous = paragraph
        assert previous is not None
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        previous.add_run()._r.append(end)


def _open_field(paragraph: Paragraph, instruction: str) -> None:
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


def _bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _update_fields_on_open(doc: DocumentObject) -> None:
    """Ask Word to refresh the fields (the contents' page numbers) when it opens the file."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def keep_table_rows_whole(table: Table) -> None:
    """No row breaks across pages (w:cantSplit)."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        if properties.find(qn("w:cantSplit")) is None:
            properties.append(OxmlElement("w:cantSplit"))


def fit_columns(table: Table, total_inches: float = TEXT_WIDTH_INCHES) -> list[float]:
    """Widths that fit the content: every column at least as wide as its longest word (so
    no word breaks inside a cell), the rest of the width shared by how much text each
    column holds. Written to the grid (LibreOffice reads it) and every cell (Word does)."""
    columns = len(table.columns)
    texts = [[cell.text for cell in row.cells] for row in table.rows]

    def inches(characters: int) -> float:
        return characters * INCHES_PER_CHARACTER + CELL_MARGINS_INCHES

    longest_word = [
        max((len(word) for row in texts for word in row[c].split()), default=1)
        for c in range(columns)
    ]
    longest_line = [max((len(row[c]) for row in texts), default=1) for c in range(columns)]
    least = [inches(n) for n in longest_word]
    wanted = [max(inches(min(n, 60)), low) for n, low in zip(longest_line, least, strict=True)]
    if sum(wanted) <= total_inches:
        widths = [w * total_inches / sum(wanted) for w in wanted]
    else:
        spare = max(total_inches - sum(least), 0.0)
        extra = [w - low for w, low in zip(wanted, least, strict=True)]
        widths = [
            low + (spare * e / sum(extra) if sum(extra) else 0.0)
            for low, e in zip(least, extra, strict=True)
        ]
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(int(width * 1440)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Inches(width)
    return widths


def add_table(
    doc: DocumentObject, header: Sequence[str], rows: Sequence[Sequence[str]]
) -> Table:
    """A table with a repeating, bold header row, rows that never split, and columns that
    fit their content."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = clean_text(text)
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = clean_text(text)
    _mark_header_row(table)
    keep_table_rows_whole(table)
    fit_columns(table)
    return table


def _mark_header_row(table: Table) -> None:
    """Bold the first row and repeat it on each page, as Word's accessibility checker wants."""
    row = table.rows[0]
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True


def save(doc: DocumentObject, title: str, author: str, subject: str, comments: str) -> bytes:
    """Set this document's own properties and return its bytes."""
    now = datetime.now(UTC).replace(microsecond=0)
    properties = doc.core_properties
    properties.title = clean_text(title)
    properties.author = clean_text(author) or APPLICATION
    properties.subject = clean_text(subject)
    properties.comments = clean_text(comments)
    properties.created = now
    properties.modified = now
    properties.last_modified_by = APPLICATION
    properties.revision = 1
    properties.last_printed = None
    properties.language = LANGUAGE
    _own_app_properties(doc)
    _drop_thumbnail(doc)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "<AppVersion>1.0000</AppVersion></Properties>"
)


def _own_app_properties(doc: DocumentObject) -> None:
    """docProps/app.xml says Rapport wrote the file, not the template's Word for Mac."""
    package = doc.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _APP_XML.format(application=escape(APPLICATION)).encode()


def _drop_thumbnail(doc: DocumentObject) -> None:
    """The template's thumbnail shows another document in file browsers: remove it."""
    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
