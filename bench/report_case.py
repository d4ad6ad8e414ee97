"""Case 3: the Word report in a warm process, against python-docx and vl-convert alone.

The floor writes a document of the same shape as Rapport's report (the same paragraphs in
the same styles with texts of the same lengths, the same tables, the same pictures) and
renders the same Vega-Lite specs to PNG with vl-convert. It does none of Rapport's own
work: scoring, building Altair charts, wording, citations, embedding the answers.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Any

import vl_convert
from docx import Document
from docx.shared import Inches
from docx.table import Table
from docx.text.paragraph import Paragraph

from bench.common import Plan, Step, clock, interleaved, sample
from bench.results import CaseResult, Check, ms
from rapport.charts.png import PNG_SCALE, warm_up
from rapport.charts.results import figures
from rapport.core.scoring import score
from rapport.usecases import student
from rapport.usecases.student import forget_prepared, prepare_report, student_report

TODAY = date(2026, 11, 27)
FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. "
PICTURE_WIDTH = Inches(6)


@dataclass(frozen=True)
class Block:
    """A paragraph (style, text length, pictures in it) or a table (cell text lengths)."""

    style: str | None = None
    length: int = 0
    pictures: int = 0
    cells: tuple[tuple[int, ...], ...] = ()  # a table's rows of cell text lengths
    table_style: str | None = None


def layout(report: bytes) -> list[Block]:
    """The shape of a document: its body's paragraphs and tables, in order."""
    doc = Document(BytesIO(report))
    blocks = []
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph):
            pictures = len(item._p.xpath(".//pic:pic"))
            style = item.style.name if item.style is not None else None
            blocks.append(Block(style=style, length=len(item.text), pictures=pictures))
        elif isinstance(item, Table):
            cells = tuple(tuple(len(c.text) for c in row.cells) for row in item.rows)
            table_style = item.style.name if item.style is not None else None
            blocks.append(Block(cells=cells, table_style=table_style))
    return blocks


def _text(length: int) -> str:
    return (FILLER * (length // len(FILLER) + 1))[:length]


def floor_report(blocks: list[Block], specs: list[dict[str, Any]]) -> bytes:
    """python-docx writing the same blocks, plus vl-convert rendering the same charts."""
    pictures = iter([vl_convert.vegalite_to_png(spec, scale=PNG_SCALE) for spec in specs])
    doc = Document()
    for block in blocks:
        if block.cells:
            table = doc.add_table(rows=len(block.cells), cols=len(block.cells[0]))
            table.style = block.table_style
            for row, lengths in zip(table.rows, block.cells, strict=True):
                for cell, length in zip(row.cells, lengths, strict=True):
                    cell.text = _text(length)
            continue
        paragraph = doc.add_paragraph(_text(block.length), style=block.style)
        for _ in range(block.pictures):
            paragraph.add_run().add_picture(BytesIO(next(pictures)), width=PICTURE_WIDTH)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _shape() -> tuple[list[Block], list[Any]]:
    """The report's blocks and chart specs, which the floor writes and renders."""
    framework, assessment = sample()
    warm_up()  # what the app's chart_renderer() resource does once per process
    blocks = layout(student_report(framework, assessment, TODAY))
    specs = [f.chart.to_dict() for f in figures(score(framework, assessment), assessment)]
    if sum(b.pictures for b in blocks) != len(specs):
        raise RuntimeError("the report does not hold one picture per chart")
    return blocks, specs


def _report_and_floor(plan: Plan) -> tuple[list[float], list[float], list[Block], list[Any]]:
    framework, assessment = sample()
    blocks, specs = _shape()
    subject = Step(
        act=lambda: student_report(framework, assessment, TODAY), prepare=forget_prepared
    )
    baseline = Step(act=lambda: floor_report(blocks, specs))
    times, floor = interleaved(subject, baseline, plan.warmup, plan.slow_runs)
    if len(layout(floor_report(blocks, specs))) != len(blocks):
        raise RuntimeError("the floor document does not have the report's shape")
    return times, floor, blocks, specs


def report_case(plan: Plan) -> CaseResult:
    framework, assessment = sample()
    times, floor, blocks, specs = _report_and_floor(plan)
    report = student_report(framework, assessment, TODAY)
    # The floor's two halves, for the notes: how much of it is vl-convert.
    png = [
        clock(lambda: [vl_convert.vegalite_to_png(s, scale=PNG_SCALE) for s in specs])
        for _ in range(5)
    ]
    result = CaseResult.timed(
        case="3 word report",
        title="Word report (warm process): rapport.services.student_report",
        baseline="python-docx writing the same paragraphs and tables + vl-convert, same charts",
        times=times,
        floor=floor,
        extra={
            "paragraphs": sum(1 for b in blocks if not b.cells),
            "tables": sum(1 for b in blocks if b.cells),
            "pictures": len(specs),
            "characters": sum(b.length + sum(map(sum, b.cells)) for b in blocks),
            "report_bytes": len(report),
            "floor_vl_convert_median": statistics.median(png),
        },
    )
    result.summary = f"vl-convert alone {ms(statistics.median(png))} of the floor"
    # Issue #5: under half a second. Where python-docx and vl-convert alone take longer
    # (0.6-0.7 s on a slower VM), no code can meet that: the bound is then reported, not
    # checked, and the ratio is the budget (docs/benchmarks.md, "case 3's absolute bound").
    result.checks = [Check("ratio", "<=", 1.3, result.ratio)]
    if (result.baseline_median or 0.0) < 0.5:
        result.checks.append(Check("median", "<", 0.5, result.median, "s"))
    else:
        result.summary += "; the floor alone takes over 500 ms here: 500 ms not checked"
    return result


def report_after_results_case(plan: Plan) -> CaseResult:
    """3b: the download that follows a Results visit, which drew the pictures ahead
    (usecases/student.prepare_report); against the same floor as case 3."""
    framework, assessment = sample()

    def visit_results() -> None:  # untimed: what Results does while the person reads
        forget_prepared()
        prepare_report(framework, assessment)
        student.answer_pictures(framework, assessment)  # the person reads for a while

    blocks, specs = _shape()
    subject = Step(act=lambda: student_report(framework, assessment, TODAY), prepare=visit_results)
    baseline = Step(act=lambda: floor_report(blocks, specs))
    times, floor = interleaved(subject, baseline, plan.warmup, plan.slow_runs)
    result = CaseResult.timed(
        case="3b report after results",
        title="Word report after a Results visit drew its pictures ahead",
        baseline="python-docx writing the same paragraphs and tables + vl-convert, same charts",
        times=times,
        floor=floor,
        extra={},
    )
    result.summary = "pictures drawn ahead while Results is read"
    result.checks = [
        Check("ratio", "<=", 0.5, result.ratio),
        Check("median", "<", 0.15, result.median, "s"),
    ]
    return result


if __name__ == "__main__":  # quick look at this case alone
    print(report_case(Plan()).to_json())
    print(report_after_results_case(Plan()).to_json())
