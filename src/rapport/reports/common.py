"""What every Word document Rapport writes shares, so neither report shows its seams.

A new document here has its language set (the reader's, so Word spell-checks it in that
language), headings that never end a page, a footer with
"Page X of Y", and on saving, properties of its own: created and modified now, last
modified by Rapport, Rapport as the application, and none of python-docx's template
leftovers (its 2013 dates, "Microsoft Macintosh Word", its thumbnail picture).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from rapport.core.citations import Citable, GroupAuthors
from rapport.core.framework import Reference
from rapport.core.i18n import _, current_language
from rapport.core.text import clean_text
from rapport.reports.fields import Contents, add_page_numbers
from rapport.reports.parts import add_hyperlink, add_marked_text, add_picture, hanging_indent
from rapport.reports.tables import add_table, fit_columns, keep_table_rows_whole

__all__ = [
    "ChartImage",
    "Writer",
    "add_figure",
    "add_table",
    "document_language",
    "fit_columns",
    "keep_table_rows_whole",
    "new_document",
    "numbered",
    "quoted",
    "save",
]

APPLICATION = "Rapport"
# The language tag Word spell-checks and hyphenates by. English is British, as the
# framework spells it: organisation, prioritise, recognise.
LANGUAGE_TAGS = {"en": "en-GB", "es": "es-ES", "fr": "fr-FR"}
BODY_FONT = "Calibri"
HEADINGS = ("Title", "Heading 1", "Heading 2", "Heading 3")


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
    add_page_numbers(doc)
    _remember_style_ids(doc)
    return doc


def _remember_style_ids(doc: DocumentObject) -> None:
    """Look each style name up once per document. python-docx resolves a style name on
    every styled paragraph by scanning all the styles twice (by name, then for the type's
    default): a fifth of a report's writing time. The styles are all set up above, before
    any paragraph is written, so the answer for a name cannot change afterwards."""
    part = doc.part
    resolve = part.get_style_id
    known: dict[tuple[str, object], str | None] = {}

    def get_style_id(style_or_name: Any, style_type: Any) -> str | None:
        if not isinstance(style_or_name, str):
            return resolve(style_or_name, style_type)
        key = (style_or_name, style_type)
        if key not in known:
            known[key] = resolve(style_or_name, style_type)
        return known[key]

    part.get_style_id = get_style_id  # type: ignore[method-assign]


def document_language() -> str:
    """The tag of the language the document is being written in ("en-GB", "es-ES"...)."""
    return LANGUAGE_TAGS.get(current_language(), LANGUAGE_TAGS["en"])


def _set_language(doc: DocumentObject) -> None:
    """w:lang in the document defaults: spelling and hyphenation follow the text's language."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr"))
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    language = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), document_language())
    properties.append(language)


def quoted(text: str) -> str:
    """Text in the reader's quotation marks, inside a sentence: without its own full stop."""
    # Translators: quotation marks around a quoted statement or title; {text}
    # is the text.
    return _("\u201c{text}\u201d").format(text=text.rstrip("."))


def numbered(mark: int | str, title: str) -> str:
    """A numbered heading or list item: "3. Respond promptly", "B. Ask the client"."""
    # Translators: a numbered heading or list item; {number} is a number or a
    # letter.
    return _("{number}. {title}").format(number=mark, title=title)


class Writer:
    """One document being written in reading order: headings go through the contents,
    cited prose through the group-author rule (full name at the first citation)."""

    def __init__(self, doc: DocumentObject, references: Sequence[Citable] = ()) -> None:
        self.doc = doc
        self.contents: Contents | None = None
        self._citations = GroupAuthors(tuple(references))

    def add_contents(self, depth: int = 2) -> None:
        self.contents = Contents(self.doc, depth=depth)

    def heading(self, text: str, level: int) -> Paragraph:
        if self.contents is not None:
            return self.contents.heading(text, level)
        return self.doc.add_paragraph(clean_text(text), style=f"Heading {level}")

    def text(self, text: str, style: str | None = None) -> Paragraph:
        return self.doc.add_paragraph(clean_text(text), style=style)

    def with_citations(self, text: str) -> str:
        """Text that cites sources, a group author spelled out if this is its first time."""
        return self._citations.write(text)

    def cited(self, text: str, style: str | None = None) -> Paragraph:
        """A paragraph of prose that cites sources."""
        return self.text(self.with_citations(text), style)

    def bullet(self, bold: str, rest: str = "") -> Paragraph:
        item = self.doc.add_paragraph(style="List Bullet")
        item.add_run(clean_text(bold)).bold = True
        if rest:
            item.add_run(" " + clean_text(rest))
        return item

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def finish(self) -> None:
        if self.contents is not None:
            self.contents.finish()


@dataclass(frozen=True)
class ChartImage:
    """A chart as the report shows it: a picture, its title, and a caption that states
    its finding (also the picture's alt text)."""

    title: str
    caption: str
    png: bytes


PICTURE_WIDTH_INCHES = 6.0


def add_figure(doc: DocumentObject, chart: ChartImage, number: int) -> None:
    """A chart picture with alt text and a numbered caption, kept on one page together."""
    picture = doc.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    add_picture(picture, chart.png, chart.caption, PICTURE_WIDTH_INCHES)
    caption = doc.add_paragraph(style="Caption")
    # Translators: the bold start of a figure's caption; {title} is the
    # chart's title.
    label = _("Figure {number}. {title}.").format(number=number, title=clean_text(chart.title))
    caption.add_run(label + " ").bold = True
    caption.add_run(clean_text(chart.caption))


def save(
    doc: DocumentObject,
    title: str,
    author: str,
    subject: str,
    comments: str,
    keywords: str = "",
) -> bytes:
    """Set this document's own properties and return its bytes."""
    now = datetime.now(UTC).replace(microsecond=0)
    properties = doc.core_properties
    properties.title = clean_text(title)
    properties.author = clean_text(author) or APPLICATION
    properties.subject = clean_text(subject)
    properties.comments = clean_text(comments)
    properties.keywords = clean_text(keywords)
    properties.created = now
    properties.modified = now
    properties.last_modified_by = APPLICATION
    properties.revision = 1
    printed = properties._element.find(qn("cp:lastPrinted"))
    if printed is not None:  # the template's, never this document's
        properties._element.remove(printed)
    properties.language = document_language()
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


def add_references(writer: Writer, references: Sequence[Reference]) -> None:
    """The APA reference list, alphabetical as the framework keeps it, with working links."""
    # Translators: a heading of the Word documents, the list of sources.
    writer.heading(_("References"), 1)
    for reference in references:
        paragraph = writer.doc.add_paragraph()
        hanging_indent(paragraph)
        add_marked_text(paragraph, reference.apa)
        if reference.url:
            paragraph.add_run(" ")
            add_hyperlink(paragraph, reference.url)
