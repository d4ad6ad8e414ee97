"""The student's Word report: core values and chart PNGs in, .docx bytes out.

Layout: title page; summary; the research behind the practices; results (charts, score
table); progress since an earlier assessment, when there is one; one section per practice;
action plan; references. Built-in Title/Heading styles keep Word's navigation pane and
table of contents working. The answers ride along inside (docx_answers), so the report
can restore the assessment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from rapport.core.assessment import Assessment
from rapport.core.compare import Comparison, progress_sentences
from rapport.core.framework import Framework, RatingScale
from rapport.core.plan import (
    describe_level,
    nothing_scored_sentence,
    summary_sentences,
    unsupported_sentence,
)
from rapport.core.scoring import Profile
from rapport.core.text import clean_text, join_words
from rapport.docx_answers import embed_answers
from rapport.docx_parts import (
    add_heading,
    add_hyperlink,
    add_marked_text,
    add_picture,
    add_styled,
    add_text,
    hanging_indent,
    mark_header_row,
    page_break,
    set_column_widths,
)
from rapport.report_practices import write_action_plan, write_practice_section

PICTURE_WIDTH_INCHES = 6.0


@dataclass(frozen=True)
class ChartImage:
    title: str
    caption: str
    png: bytes


@dataclass(frozen=True)
class Progress:
    """A retake's comparison with an earlier assessment, and its chart."""

    comparison: Comparison
    chart: ChartImage | None
    earlier_on: str | None  # when the earlier answers were saved, in words


@dataclass(frozen=True)
class ReportInput:
    framework: Framework
    assessment: Assessment
    profile: Profile
    charts: Sequence[ChartImage]
    generated_on: date
    answers_json: bytes | None = None  # embedded so the report can restore the assessment
    progress: Progress | None = None


def outline(framework: Framework, profile: Profile, with_progress: bool) -> list[tuple[str, str]]:
    """The report's sections and what each holds, for the preview on the Report page."""
    focus = (
        f"Steps for {join_words([s.practice.name for s in profile.focus])}."
        if profile.focus
        else "None needed: every target is met."
    )
    sections = [
        ("Summary", " ".join(summary_sentences(profile)) or nothing_scored_sentence(profile)),
        ("Why these practices", "The research behind the framework, with citations."),
        ("Results", "Three charts with captions, and scores, targets, gaps and priorities."),
        (
            "The practices",
            f"{len(framework.practices)} sections: definition, why it matters "
            "(with sources), your ratings, your example and recommended actions.",
        ),
        ("Action plan", focus),
        ("References", f"{len(framework.references)} sources in APA 7 style, with links."),
    ]
    if with_progress:
        sections.insert(
            3, ("Progress", "Before and after per practice, against your earlier answers.")
        )
    return sections


def _title(data: ReportInput) -> str:
    return f"{data.framework.name}: self-assessment report"


def _title_page(doc: DocumentObject, data: ReportInput) -> None:
    add_styled(doc, clean_text(_title(data)), "Title")
    who = data.assessment.respondent
    details = [
        ("Prepared by", who.name),
        ("Course", who.course),
        ("Date", data.generated_on.strftime("%d %B %Y").lstrip("0")),
        ("Framework", f"{data.framework.name} (version {data.framework.version})"),
    ]
    for label, value in details:
        if value:
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(clean_text(value))
    add_text(doc, data.framework.description)
    page_break(doc.add_paragraph())


def _summary(doc: DocumentObject, data: ReportInput) -> None:
    add_heading(doc, "Summary", 1)
    profile = data.profile
    if profile.is_empty:
        add_text(doc, nothing_scored_sentence(profile))
        return
    for sentence in summary_sentences(profile):
        add_text(doc, sentence)
    caution = unsupported_sentence(profile)
    if caution:
        add_text(doc, caution)


def _introduction(doc: DocumentObject, data: ReportInput) -> None:
    add_heading(doc, "Why these practices", 1)
    for paragraph in data.framework.introduction:
        add_text(doc, paragraph)
    scale = data.framework.scale
    words = ", ".join(level.label for level in scale.levels)
    add_text(
        doc,
        f"Each practice was assessed through behaviour statements rated by how often they "
        f"happen ({words}, or {scale.not_applicable.label}). A practice's current level is the "
        "average of its rated statements; the gap is the chosen target minus that level, and "
        "priority weighs the gap by the importance the author gave the practice.",
    )


def _score_table(doc: DocumentObject, profile: Profile) -> None:
    scale = profile.framework.scale
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Practice", "Current", "Target", "Gap", "Priority"], strict=True
    ):
        cell.text = text
    ordered = [*profile.priorities, *(s for s in profile.scores if not s.scored)]
    for s in ordered:
        rank = profile.priority_rank(s.practice.id)
        cells = table.add_row().cells
        cells[0].text = clean_text(s.practice.name)
        cells[1].text = describe_level(profile, s.current) if s.current is not None else "Not rated"
        cells[2].text = f"{s.target} ({scale.label(s.target)})"
        cells[3].text = f"{s.gap:+.1f}" if s.gap is not None else "–"
        cells[4].text = str(rank) if rank is not None else "–"
    mark_header_row(table)
    set_column_widths(table, [2.6, 1.3, 1.1, 0.6, 0.8])


def add_figure(doc: DocumentObject, chart: ChartImage, number: int) -> None:
    """A chart picture with alt text and a numbered caption (shared with the debrief)."""
    picture = doc.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_picture(picture, chart.png, chart.caption, PICTURE_WIDTH_INCHES)
    caption = add_styled(doc, "", "Caption")
    caption.add_run(f"Figure {number}. {clean_text(chart.title)}. ").bold = True
    caption.add_run(clean_text(chart.caption))


def _results(doc: DocumentObject, data: ReportInput) -> None:
    add_heading(doc, "Results", 1)
    for number, chart in enumerate(data.charts, start=1):
        add_figure(doc, chart, number)
    add_heading(doc, "Scores and priorities", 2)
    add_text(doc, "Gap is target minus current level; priority 1 is the most urgent.")
    _score_table(doc, data.profile)


def _progress(
    doc: DocumentObject, progress: Progress, scale: RatingScale, first_figure: int
) -> None:
    since = f" of {progress.earlier_on}" if progress.earlier_on else ""
    add_heading(doc, "Progress since your earlier assessment", 1)
    add_text(doc, f"Compared with your assessment{since}:")
    for sentence in progress_sentences(progress.comparison, scale):
        add_styled(doc, clean_text(sentence), "List Bullet")
    if progress.chart is not None:
        add_figure(doc, progress.chart, first_figure)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Practice", "Before", "Now", "Target"], strict=True
    ):
        cell.text = text
    for change in progress.comparison.changes:
        cells = table.add_row().cells
        cells[0].text = clean_text(change.practice.name)
        cells[1].text = "Not rated" if change.before is None else f"{change.before:.1f}"
        cells[2].text = "Not rated" if change.after is None else f"{change.after:.1f}"
        moved = f"{change.target_before} to {change.target_after}"
        cells[3].text = moved if change.target_moved else str(change.target_after)
    mark_header_row(table)
    set_column_widths(table, [3.2, 1.0, 1.0, 1.2])


def add_references(doc: DocumentObject, framework: Framework) -> None:
    """The APA reference list with working links (shared with the debrief)."""
    add_heading(doc, "References", 1)
    for reference in framework.references:
        paragraph = doc.add_paragraph()
        hanging_indent(paragraph)
        add_marked_text(paragraph, reference.apa)
        if reference.url:
            paragraph.add_run(" ")
            add_hyperlink(paragraph, reference.url)


def build_report(data: ReportInput) -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    properties = doc.core_properties
    properties.title = clean_text(_title(data))
    properties.author = clean_text(data.assessment.respondent.name) or "Rapport"
    properties.subject = clean_text(data.framework.name)
    properties.keywords = "; ".join(clean_text(k) for k in data.framework.keywords)
    properties.comments = (
        f"Made with Rapport, framework {data.framework.id} {data.framework.version}"
    )

    _title_page(doc, data)
    _summary(doc, data)
    _introduction(doc, data)
    _results(doc, data)
    if data.progress is not None:
        _progress(doc, data.progress, data.framework.scale, first_figure=len(data.charts) + 1)
    add_heading(doc, "The practices", 1)
    for score in data.profile.scores:
        write_practice_section(doc, data, score)
    write_action_plan(doc, data)
    add_references(doc, data.framework)
    if data.answers_json is not None:
        embed_answers(doc, data.answers_json)

    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
