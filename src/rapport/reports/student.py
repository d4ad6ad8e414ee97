"""The student's Word report: core values and chart PNGs in, .docx bytes out.

It is the document a student hands in for the course exercise, so it reads as theirs:
the research summary in the third person, everything about their own habits in the first,
their own introduction and conclusion (or first-person drafts made from their answers,
marked as drafts). Layout: title page; contents; introduction; the practices in the
research; my self-assessment (method, results, charts, scores, ratings per practice);
progress, when there is an earlier assessment; action plan; conclusion; references. The
answers ride along inside (docx_answers), so the report can restore the assessment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapport.core.assessment import Assessment
from rapport.core.compare import Comparison, progress_sentences
from rapport.core.drafts import conclusion_draft, introduction_draft, split_paragraphs
from rapport.core.framework import Framework
from rapport.core.judgement import SAYS_MORE, SayDo, say_do
from rapport.core.scoring import Profile
from rapport.core.text import ME, clean_text, join_words, long_date, spelled
from rapport.files.docx_answers import embed_answers
from rapport.reports.choices_section import write_choices
from rapport.reports.common import (
    ChartImage,
    Writer,
    add_figure,
    add_references,
    add_table,
    new_document,
    save,
)
from rapport.reports.others_section import OthersInput, write_others
from rapport.reports.student_sections import (
    write_action_plan,
    write_method,
    write_practice_ratings,
    write_research,
    write_results_summary,
    write_score_table,
)

__all__ = [
    "ChartImage", "ChoicesInput", "OthersInput", "Progress", "ReportInput", "build_report",
    "outline",
]  # fmt: skip

DRAFT_NOTE = (
    "[Draft written from my answers. I will rewrite it in my own words before handing the "
    "report in.]"
)


@dataclass(frozen=True)
class Progress:
    """A retake's comparison with an earlier assessment, and its chart."""

    comparison: Comparison
    chart: ChartImage | None
    earlier_on: str | None  # when the earlier answers were saved, in words


@dataclass(frozen=True)
class ChoicesInput:
    """The client scenarios answered: each practice's say-do, and the chart of them."""

    found: tuple[SayDo, ...]
    chart: ChartImage | None


@dataclass(frozen=True)
class ReportInput:
    framework: Framework
    assessment: Assessment
    profile: Profile
    charts: Sequence[ChartImage]
    generated_on: date
    answers_json: bytes | None = None  # embedded so the report can restore the assessment
    progress: Progress | None = None
    others: OthersInput | None = None  # feedback from others, when it shows anything
    choices: ChoicesInput | None = None  # client scenarios answered, when any are


def outline(
    framework: Framework,
    profile: Profile,
    assessment: Assessment,
    with_progress: bool,
    with_others: bool = False,
) -> list[tuple[str, str]]:
    """The report's sections and what each holds, for the preview on the Report page."""
    writing = assessment.writing
    # Said on the Report page, to the person: the report itself speaks as them.
    own = "In your own words, from the text above."
    draft = "A first-person draft made from your answers, marked as a draft to rewrite."
    focus = (
        f"Steps for {join_words([s.practice.name for s in profile.focus])}."
        if profile.focus
        else "None needed: every target is met."
    )
    sections = [
        ("Contents", "Every section; Word adds the page numbers when it updates the fields."),
        ("Introduction", own if writing.introduction else draft),
        (
            "Good practices in the research",
            f"The {spelled(len(framework.practices))} practices, each defined and explained "
            "with its sources.",
        ),
        (
            "My self-assessment",
            "How you rated, what the results show, three charts with captions, scores and "
            "priorities, and your ratings practice by practice, in your voice.",
        ),
        ("Action plan", focus),
        ("Conclusion", own if writing.reflection else draft),
        ("References", f"{len(framework.references)} sources in APA 7 style, with links."),
    ]
    if say_do(framework, profile, assessment.scenarios):
        sections.insert(
            4,
            (
                "What my choices show",
                "Your ratings of the client situations against the key, beside your "
                "self-ratings; the strongest response in each, and why.",
            ),
        )
    if with_others:
        sections.insert(
            4,
            (
                "How others see me",
                "Your raters' averages beside your own scores, blind spots and hidden "
                "strengths, and how their anonymity was kept (no comments).",
            ),
        )
    if with_progress:
        sections.insert(
            4, ("Progress", "Before and after per practice, against your earlier answers.")
        )
    return sections


def _title(framework: Framework) -> str:
    return f"{framework.name}: a self-assessment"


def _title_page(writer: Writer, data: ReportInput) -> None:
    doc = writer.doc
    doc.add_paragraph(clean_text(_title(data.framework)), style="Title")
    writer.text(
        f"{spelled(len(data.framework.practices)).capitalize()} good practices from the "
        "research, how I rate my "
        "own habits against them, and what I will do next.",
        style="Subtitle",
    )
    who = data.assessment.respondent
    details = [
        ("Prepared by", who.name),
        ("Course", who.course),
        ("Date", long_date(data.generated_on)),
    ]
    for label, value in details:
        if value:
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(clean_text(value))
    writer.page_break()


def _own_or_draft(writer: Writer, own: str, draft: tuple[str, ...]) -> None:
    paragraphs = split_paragraphs(own)
    if paragraphs:
        for paragraph in paragraphs:
            writer.text(paragraph)
        return
    note = writer.text("")
    note.add_run(DRAFT_NOTE).italic = True
    for paragraph in draft:
        writer.text(paragraph)


def _progress(writer: Writer, data: ReportInput, progress: Progress, first_figure: int) -> None:
    since = f" of {progress.earlier_on}" if progress.earlier_on else ""
    writer.heading("Progress since my earlier assessment", 1)
    writer.text(f"Compared with my assessment{since}:")
    for sentence in progress_sentences(progress.comparison, data.framework.scale, ME):
        writer.text(sentence, style="List Bullet")
    if progress.chart is not None:
        add_figure(writer.doc, progress.chart, first_figure)
    scale = data.framework.scale
    rows = []
    for change in progress.comparison.changes:
        before = "Not rated" if change.before is None else f"{change.before:.1f}"
        after = "Not rated" if change.after is None else f"{change.after:.1f}"
        target = (
            f"{scale.label(change.target_before)} to {scale.label(change.target_after)}"
            if change.target_moved
            else scale.label(change.target_after)
        )
        rows.append([change.practice.name, before, after, target])
    add_table(writer.doc, ["Practice", "Before", "Now", "Target"], rows)


def build_report(data: ReportInput) -> bytes:
    framework, profile, assessment = data.framework, data.profile, data.assessment
    writer = Writer(new_document(), framework.references)
    _title_page(writer, data)
    writer.add_contents()
    writer.page_break()

    writer.heading("Introduction", 1)
    _own_or_draft(writer, assessment.writing.introduction, introduction_draft(profile))

    write_research(writer, framework)

    writer.heading("My self-assessment", 1)
    write_method(writer, framework, profile)
    write_results_summary(writer, profile)
    for number, chart in enumerate(data.charts, start=1):
        add_figure(writer.doc, chart, number)
    write_score_table(writer, profile)
    write_practice_ratings(writer, profile, assessment)

    figures = len(data.charts)
    if data.progress is not None:
        _progress(writer, data, data.progress, first_figure=figures + 1)
        figures += data.progress.chart is not None
    if data.others is not None:
        write_others(writer, data.others, first_figure=figures + 1)
        figures += data.others.chart is not None
    says_more: tuple[SayDo, ...] = ()
    if data.choices is not None:
        ratings = {k: dict(v) for k, v in assessment.scenarios.items()}
        write_choices(
            writer, framework, data.choices.found, ratings, data.choices.chart, figures + 1
        )
        says_more = tuple(s for s in data.choices.found if s.flag == SAYS_MORE)
    write_action_plan(writer, profile, assessment, says_more)

    writer.heading("Conclusion", 1)
    _own_or_draft(writer, assessment.writing.reflection, conclusion_draft(profile, assessment))

    add_references(writer, framework.references)
    writer.finish()
    if data.answers_json is not None:
        embed_answers(writer.doc, data.answers_json)
    who = clean_text(assessment.respondent.name)
    return save(
        writer.doc,
        title=_title(framework),
        author=who,
        subject=framework.name,
        comments=f"Self-assessment made with Rapport (framework {framework.id} "
        f"{framework.version}).",
        keywords="; ".join(clean_text(k) for k in framework.keywords),
    )
