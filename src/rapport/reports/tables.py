"""Tables as the reports draw them: a repeating bold header, rows that never split across
pages, and columns as wide as their longest word so that no word breaks inside a cell."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches
from docx.table import Table

from rapport.core.text import clean_text

TEXT_WIDTH_INCHES = 6.0  # python-docx's template: US Letter less 1.25-inch margins
# Calibri 11 pt averages about 0.075 inch a character; rounded up so that a word measured
# to fit does fit, with the cell's own margins on top.
INCHES_PER_CHARACTER = 0.085
CELL_MARGINS_INCHES = 0.2


def keep_table_rows_whole(table: Table) -> None:
    """No row breaks across pages (w:cantSplit)."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        if properties.find(qn("w:cantSplit")) is None:
            properties.append(OxmlElement("w:cantSplit"))


def column_widths(texts: Sequence[Sequence[str]], total_inches: float) -> list[float]:
    """Widths that fit the content: every column at least as wide as its longest word (so
    no word breaks inside a cell), the rest of the width shared by how much text each
    column holds."""
    columns = len(texts[0]) if texts else 0

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
        return [w * total_inches / sum(wanted) for w in wanted]
    spare = max(total_inches - sum(least), 0.0)
    extra = [w - low for w, low in zip(wanted, least, strict=True)]
    return [
        low + (spare * e / sum(extra) if sum(extra) else 0.0)
        for low, e in zip(least, extra, strict=True)
    ]


def _set_grid(table: Table, widths: Sequence[float]) -> None:
    """The widths in the table's grid, which LibreOffice reads (Word reads each cell's)."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(int(width * 1440)))


def fit_columns(table: Table, total_inches: float = TEXT_WIDTH_INCHES) -> list[float]:
    """Fit an existing table's columns to its content (see column_widths): written to the
    grid and to every cell."""
    rows = [row.cells for row in table.rows]
    widths = column_widths([[cell.text for cell in cells] for cells in rows], total_inches)
    _set_grid(table, widths)
    for cells in rows:
        for cell, width in zip(cells, widths, strict=True):
            cell.width = Inches(width)
    return widths


# A table this short is kept on one page whole: split, it strands a row or two.
KEEP_WHOLE_ROWS = 8


def add_table(doc: DocumentObject, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A table with a repeating, bold header row, rows that never split, and columns that
    fit their content; a short one stays whole on one page.

    Written as one piece of WordprocessingML and parsed once: built cell by cell through
    python-docx, the tables took a quarter of a report's writing time (each cell's width,
    run, bold and keep-with-next is a separate tree search there). The markup is what
    python-docx itself writes for the same calls."""
    texts = [[clean_text(t) for t in header], *([clean_text(t) for t in row] for row in rows)]
    section = doc.sections[-1]
    width = (section.page_width - section.left_margin - section.right_margin) / 914400
    twips = [int(inches * 1440) for inches in column_widths(texts, width)]
    style = doc.part.get_style_id("Table Grid", WD_STYLE_TYPE.TABLE)
    whole, last = len(texts) <= KEEP_WHOLE_ROWS, len(texts) - 1
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style}"/>'
        '<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        'w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{t}"/>' for t in twips),
        "</w:tblGrid>",
    ]
    for number, values in enumerate(texts):
        # No row breaks across pages; the header repeats on each, as Word's accessibility
        # checker wants, and is bold.
        repeat = '<w:tblHeader w:val="true"/>' if number == 0 else ""
        parts.append(f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>")
        keep = "<w:pPr><w:keepNext/></w:pPr>" if whole and number < last else ""
        bold = "<w:rPr><w:b/></w:rPr>" if number == 0 else ""
        for text, t in zip(values, twips, strict=True):
            run = f"<w:r>{bold}{_text_runs(text)}</w:r>" if text else ""
            cell = f'<w:tcPr><w:tcW w:type="dxa" w:w="{t}"/></w:tcPr><w:p>{keep}{run}</w:p>'
            parts.append(f"<w:tc>{cell}</w:tc>")
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    table = parse_xml("".join(parts))
    doc.element.body._insert_tbl(table)
    return Table(table, doc._body)


def _text_runs(text: str) -> str:
    """A run's text as python-docx writes it: a line break as w:br, a tab as w:tab."""
    lines = (
        "<w:tab/>".join(
            f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in line.split("\t")
        )
        for line in text.split("\n")
    )
    return "<w:br/>".join(lines)
