"""The student's Word report: core values and chart PNGs in, .docx bytes out.

Layout: title page; summary; the research behind the practices; results (charts, score
table); one section per practice; action plan; references. Built-in Title/Heading styles
keep Word's navigation pane and table of contents working.
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
from rapport.core.framework import NOT_APPLICABLE, Framework, Practice
from rapport.core.plan import (
    PracticePlan,
    action_plan,
    describe_level,
    plan_practice,
    summary_sentences,
)
from rapport.core.scoring import PracticeScore, Profile
from rapport.core.text import clean_text
from rapport.docx_parts import (
    add_hyperlink,
    add_marked_text,
    add_picture,
    hanging_indent,
    mark_header_row,
    page_break,
    set_column_widths,
)

PICTURE_WIDTH_INCHES = 6.0


@dataclass(frozen=True)
class ChartImage:
    title: str
    caption: str
    png: bytes


@dataclass(frozen=True)
class ReportInput:
    framework: Framework
    assessment: Assessment
    profile: Profile
    charts: Sequence[ChartImage]
    generated_on: date


def _title(data: ReportInput) -> str:
    return f"{data.framework.name}: self-assessment report"


def _para(doc: DocumentObject, text: str = "", style: str | None = None) -> object:
    return doc.add_paragraph(clean_text(text), style=style)


def _title_page(doc: DocumentObject, data: ReportInput) -> None:
    doc.add_paragraph(clean_text(_title(data)), style="Title")
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
    _para(doc, data.framework.description)
    page_break(doc.add_paragraph())


def _summary(doc: DocumentObject, data: ReportInput) -> None:
    doc.add_heading("Summary", level=1)
    profile = data.profile
    if profile.is_empty:
        _para(doc, "No statement has been rated yet, so there are no results to summarize.")
        return
    for sentence in summary_sentences(profile):
        _para(doc, sentence)
    flagged = profile.unsupported_high
    if flagged:
        names = ", ".join(s.practice.name for s in flagged)
        _para(
            doc,
            f"Check before relying on it: {names} scored high without a recent example. "
            "Self-ratings tend to run optimistic; a concrete example makes a high score credible.",
        )


def _introduction(doc: DocumentObject, data: ReportInput) -> None:
    doc.add_heading("Why these practices", level=1)
    for paragraph in data.framework.introduction:
        _para(doc, paragraph)
    scale = data.framework.scale
    words = ", ".join(level.label for level in scale.levels)
    _para(
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


def _results(doc: DocumentObject, data: ReportInput) -> None:
    doc.add_heading("Results", level=1)
    for number, chart in enumerate(data.charts, start=1):
        picture = doc.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_picture(picture, chart.png, chart.caption, PICTURE_WIDTH_INCHES)
        caption = doc.add_paragraph(style="Caption")
        caption.add_run(f"Figure {number}. {clean_text(chart.title)}. ").bold = True
        caption.add_run(clean_text(chart.caption))
    doc.add_heading("Scores and priorities", level=2)
    _para(doc, "Gap is target minus current level; priority 1 is the most urgent.")
    _score_table(doc, data.profile)


def _citation_line(doc: DocumentObject, framework: Framework, practice: Practice) -> None:
    paragraph = doc.add_paragraph()
    paragraph.add_run("Sources: ").bold = True
    cites = "; ".join(framework.reference(key).cite for key in practice.citations)
    paragraph.add_run(clean_text(cites) + ". Full entries under References.")


def _rating_word(framework: Framework, rating: object) -> str:
    if rating is None:
        return "Not answered"
    if rating == NOT_APPLICABLE:
        return framework.scale.not_applicable.label
    return framework.scale.label(int(rating))  # type: ignore[call-overload]


def _practice_section(doc: DocumentObject, data: ReportInput, score: PracticeScore) -> None:
    practice, framework = score.practice, data.framework
    doc.add_heading(clean_text(practice.name), level=2)
    definition = doc.add_paragraph()
    definition.add_run(clean_text(practice.definition)).bold = True
    doc.add_heading("Why it matters", level=3)
    _para(doc, practice.why_it_matters)
    _citation_line(doc, framework, practice)
    doc.add_heading("Your ratings", level=3)
    level = (
        describe_level(data.profile, score.current) if score.current is not None else "not rated"
    )
    _para(
        doc,
        f"Current level {level}; target {score.target} ({framework.scale.label(score.target)}).",
    )
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Statement", "How often"
    for indicator in practice.indicators:
        cells = table.add_row().cells
        cells[0].text = clean_text(indicator.text)
        cells[1].text = _rating_word(framework, data.assessment.rating(indicator.id))
    mark_header_row(table)
    set_column_widths(table, [4.8, 1.6])
    doc.add_heading("Your example", level=3)
    _para(doc, score.example or "No example given.")
    doc.add_heading("Recommended actions", level=3)
    _plan_body(doc, plan_practice(score, data.assessment))


def _plan_body(doc: DocumentObject, plan: PracticePlan) -> None:
    score = plan.score
    if not score.scored:
        _para(doc, "Rate at least one statement of this practice to get recommendations.")
        return
    if not plan.actions:
        _para(doc, "You meet your target here. Keep the habits that got you there.")
        return
    if plan.weakest:
        start = plan.weakest[0].indicator.text.rstrip(".")
        _para(doc, f"Start with the statement you rated lowest: \u201c{start}.\u201d")
    for action in plan.actions:
        item = doc.add_paragraph(style="List Bullet")
        item.add_run(clean_text(action.title) + ". ").bold = True
        item.add_run(clean_text(action.detail))


def _action_plan(doc: DocumentObject, data: ReportInput) -> None:
    doc.add_heading("Action plan", level=1)
    plans = action_plan(data.profile, data.assessment)
    if not plans:
        _para(doc, "No practice is below its target, so there is no gap to close right now.")
        return
    _para(doc, "The practices with the largest gaps, weighted by the importance you gave them.")
    for number, plan in enumerate(plans, start=1):
        doc.add_heading(f"{number}. {clean_text(plan.score.practice.name)}", level=2)
        _plan_body(doc, plan)
        below = plan.weakest[1:3]
        if below:
            _para(doc, "Also below your target: " + "; ".join(r.indicator.text for r in below))


def _references(doc: DocumentObject, framework: Framework) -> None:
    doc.add_heading("References", level=1)
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
    properties.keywords = "client relationships; self-assessment; project management"
    properties.comments = (
        f"Made with Rapport, framework {data.framework.id} {data.framework.version}"
    )

    _title_page(doc, data)
    _summary(doc, data)
    _introduction(doc, data)
    _results(doc, data)
    doc.add_heading("The practices", level=1)
    for score in data.profile.scores:
        _practice_section(doc, data, score)
    _action_plan(doc, data)
    _references(doc, data.framework)

    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
