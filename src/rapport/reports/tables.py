"""Tables as the reports draw them: a repeating bold header, rows that never split across
pages, and columns as wide as their longest word so that no word breaks inside a cell."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
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


# A table this short is kept on one page whole: split, it strands a row or two.
KEEP_WHOLE_ROWS = 8


def add_table(doc: DocumentObject, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A table with a repeating, bold header row, rows that never split, and columns that
    fit their content; a short one stays whole on one page."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = clean_text(text)
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = clean_text(text)
    _mark_header_row(table)
    keep_table_rows_whole(table)
    if len(table.rows) <= KEEP_WHOLE_ROWS:
        for row in table.rows[:-1]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    section = doc.sections[-1]
    width = (section.page_width - section.left_margin - section.right_margin) / 914400
    fit_columns(table, width)
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
