"""Small python-docx helpers for what the library has no API for: hyperlinks, alt text,
repeating table headers, and APA italics written as *...* in the content files."""

from __future__ import annotations

import re
from io import BytesIO

from docx.document import Document as DocumentObject
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from rapport.core.text import clean_text, xml_safe

_ITALICS = re.compile(r"\*([^*]+)\*")
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)


def add_styled(document: DocumentObject, text: str, style: str | None) -> Paragraph:
    """document.add_paragraph(text, style=name), minus python-docx's scan of every style in
    the document to find the default one, which it repeats for each paragraph."""
    paragraph = document.add_paragraph(text)
    if style is not None:
        paragraph._p.style = document.styles[style].style_id
    return paragraph


def add_heading(document: DocumentObject, text: str, level: int) -> Paragraph:
    return add_styled(document, text, "Title" if level == 0 else f"Heading {level}")


def add_text(document: DocumentObject, text: str = "", style: str | None = None) -> Paragraph:
    """A paragraph of cleaned text: every string reaches the document through here."""
    return add_styled(document, clean_text(text), style)


def add_marked_text(paragraph: Paragraph, text: str) -> None:
    """Append text, turning *...* spans into italic runs (used for APA titles)."""
    position = 0
    for match in _ITALICS.finditer(text):
        paragraph.add_run(xml_safe(text[position : match.start()]))
        paragraph.add_run(xml_safe(match.group(1))).italic = True
        position = match.end()
    paragraph.add_run(xml_safe(text[position:]))


def add_hyperlink(paragraph: Paragraph, url: str, text: str | None = None) -> None:
    """Append a clickable external link (python-docx has no public API for it)."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(LINK_COLOUR))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([colour, underline])
    run.append(properties)
    label = OxmlElement("w:t")
    label.text = clean_text(text or url)
    label.set(qn("xml:space"), "preserve")
    run.append(label)
    link.append(run)
    paragraph._p.append(link)


def add_picture(paragraph: Paragraph, png: bytes, alt_text: str, width_inches: float) -> None:
    """Add an image with alternative text that screen readers announce."""
    shape = paragraph.add_run().add_picture(BytesIO(png), width=Inches(width_inches))
    shape._inline.docPr.set("descr", clean_text(alt_text))


def mark_header_row(table: Table) -> None:
    """Bold the first row and repeat it on each page, as Word's accessibility checker wants."""
    row = table.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True


def set_column_widths(table: Table, inches: list[float]) -> None:
    """Fix column widths (Word reads the cells' widths; LibreOffice the grid's)."""
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, inches, strict=True):
            cell.width = Inches(width)


def hanging_indent(paragraph: Paragraph, inches: float = 0.5) -> None:
    paragraph.paragraph_format.left_indent = Inches(inches)
    paragraph.paragraph_format.first_line_indent = Inches(-inches)
    paragraph.paragraph_format.space_after = Pt(6)


def page_break(paragraph: Paragraph) -> None:
    paragraph.add_run().add_break(WD_BREAK.PAGE)
