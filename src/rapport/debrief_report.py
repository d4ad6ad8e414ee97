"""The workshop debrief: the room's profile as a Word document, aggregates only.

Built from the RoomSummary, which already hides practices below the minimum group size;
no individual answer, name or note ever reaches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.shared import Pt

from rapport.core.framework import Framework
from rapport.core.text import clean_text
from rapport.core.workshop import PracticeAggregate, RoomSummary, Workshop
from rapport.docx_parts import add_text, mark_header_row, set_column_widths
from rapport.report import ChartImage, add_figure, add_references
from rapport.room_charts import DISTRIBUTION_HIDDEN

TOP_GAPS = 3


def _gap(aggregate: PracticeAggregate) -> float:
    return (aggregate.mean_target or 0.0) - (aggregate.mean_current or 0.0)


def _profile_table(doc: DocumentObject, shown: Sequence[PracticeAggregate]) -> None:
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    headers = ["Practice", "Responses", "Room now", "Room target", "Gap", "Spread"]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for aggregate in shown:
        cells = table.add_row().cells
        cells[0].text = clean_text(aggregate.practice.name)
        cells[1].text = str(aggregate.responses)
        cells[2].text = f"{aggregate.mean_current or 0:.1f}"
        cells[3].text = f"{aggregate.mean_target or 0:.1f}"
        cells[4].text = f"{_gap(aggregate):+.1f}"
        cells[5].text = f"{aggregate.spread or 0:.2f}"
    mark_header_row(table)
    set_column_widths(table, [2.4, 0.9, 0.9, 0.9, 0.6, 0.7])


def _prompts(doc: DocumentObject, aggregate: PracticeAggregate) -> None:
    for prompt in aggregate.practice.discussion_prompts:
        doc.add_paragraph(clean_text(prompt), style="List Bullet")


def build_debrief(
    framework: Framework,
    workshop: Workshop,
    summary: RoomSummary,
    charts: Sequence[ChartImage],
    generated_on: date,
) -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    title = f"Workshop debrief: {workshop.title}"
    doc.core_properties.title = clean_text(title)
    doc.core_properties.subject = clean_text(framework.name)
    doc.core_properties.author = "Rapport"
    doc.add_paragraph(clean_text(title), style="Title")
    add_text(
        doc,
        f"{generated_on.day} {generated_on:%B %Y}. {summary.count} responses to "
        f"\u201c{framework.name}\u201d. Averages are shown only for practices with at least "
        f"{workshop.min_group_size} responses, and no individual answer is included.",
    )
    shown = [a for a in summary.practices if a.shown]
    if not summary.ready or not shown:
        add_text(
            doc,
            f"Fewer than {workshop.min_group_size} responses so far, so nothing about the room "
            "is summarized yet.",
        )
        return _save(doc)

    doc.add_heading("The room's profile", level=1)
    for number, chart in enumerate(charts, start=1):
        add_figure(doc, chart, number)
    if any(not a.distribution_shown for a in shown):
        add_text(doc, DISTRIBUTION_HIDDEN)
    _profile_table(doc, shown)

    spotlight = summary.spotlight
    if spotlight is not None:
        doc.add_heading(f"Where the room disagrees most: {spotlight.practice.name}", level=1)
        add_text(
            doc,
            f"Scores for this practice spread the widest (standard deviation "
            f"{spotlight.spread or 0:.2f} on the {framework.scale.max_value}-point scale): "
            "people experience it differently, which makes it the richest discussion.",
        )
        _prompts(doc, spotlight)

    doc.add_heading("Largest gaps between where the room is and wants to be", level=1)
    for aggregate in sorted(shown, key=_gap, reverse=True)[:TOP_GAPS]:
        doc.add_heading(clean_text(aggregate.practice.name), level=2)
        add_text(
            doc,
            f"Room now {aggregate.mean_current or 0:.1f}, target {aggregate.mean_target or 0:.1f} "
            f"(gap {_gap(aggregate):+.1f}, {aggregate.responses} responses).",
        )
        for action in aggregate.practice.actions:
            item = doc.add_paragraph(style="List Bullet")
            item.add_run(clean_text(action.title) + ". ").bold = True
            item.add_run(clean_text(action.detail))

    doc.add_heading("Discussion prompts for every practice", level=1)
    for aggregate in shown:
        doc.add_heading(clean_text(aggregate.practice.name), level=2)
        _prompts(doc, aggregate)

    add_references(doc, framework)
    return _save(doc)


def _save(doc: DocumentObject) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
