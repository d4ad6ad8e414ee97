"""Small python-docx helpers for what the library has no API for: external and internal
links, alt text, hanging indents, and APA italics written as *...* in the content files."""

from __future__ import annotations

import re
from io import BytesIO

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from docx.text.paragraph import Paragraph

from rapport.core.text import clean_text, xml_safe

_ITALICS = re.compile(r"\*([^*]+)\*")
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)


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


def add_internal_link(paragraph: Paragraph, bookmark: str, text: str) -> None:
    """Append a link to a bookmark in the same document (a contents entry)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    label = OxmlElement("w:t")
    label.text = clean_text(text)
    label.set(qn("xml:space"), "preserve")
    run.append(label)
    link.append(run)
    paragraph._p.append(link)


def add_picture(paragraph: Paragraph, png: bytes, alt_text: str, width_inches: float) -> None:
    """Add an image with alternative text that screen readers announce."""
    shape = paragraph.add_run().add_picture(BytesIO(png), width=Inches(width_inches))
    shape._inline.docPr.set("descr", clean_text(alt_text))


def hanging_indent(paragraph: Paragraph, inches: float = 0.5) -> None:
    paragraph.paragraph_format.left_indent = Inches(inches)
    paragraph.paragraph_format.first_line_indent = Inches(-inches)
    paragraph.paragraph_format.space_after = Pt(6)
