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
from rapport.core.i18n import N_, _, ngettext, pgettext
from rapport.core.judgement import SAYS_MORE, SayDo
from rapport.core.scoring import Profile
from rapport.core.text import ME, clean_text, long_date, spelled
from rapport.core.text import number as decimal
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
from rapport.reports.outline import outline
from rapport.reports.plan_section import write_action_plan
from rapport.reports.student_sections import (
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

# Translators: shown in italics above a paragraph Rapport drafted for the
# student.
DRAFT_NOTE = N_(
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


def _title(framework: Framework) -> str:
    # Translators: the report's title (and the document's title property);
    # {framework} is the framework's name, "Managing client relationships".
    return _("{framework}: a self-assessment").format(framework=framework.name)


def _title_page(writer: Writer, data: ReportInput) -> None:
    doc = writer.doc
    doc.add_paragraph(clean_text(_title(data.framework)), style="Title")
    practices = len(data.framework.practices)
    writer.text(
        # Translators: the report's subtitle, in the student's voice; {n} is the
        # number of practices, in words in English ("Seven").
        ngettext(
            "{n} good practice from the research, how I rate my own habits against it, and "
            "what I will do next.",
            "{n} good practices from the research, how I rate my own habits against them, "
            "and what I will do next.",
            practices,
        ).format(n=spelled(practices).capitalize()),
        style="Subtitle",
    )
    who = data.assessment.respondent
    details = [
        # Translators: labels on the report's title page, each followed by its
        # value.
        (_("Prepared by:"), who.name),
        (_("Course:"), who.course),
        (_("Date:"), long_date(data.generated_on)),
    ]
    for label, value in details:
        if value:
            paragraph = doc.add_paragraph()
            paragraph.add_run(label + " ").bold = True
            paragraph.add_run(clean_text(value))
    writer.page_break()


def _own_or_draft(writer: Writer, own: str, draft: tuple[str, ...]) -> None:
    paragraphs = split_paragraphs(own)
    if paragraphs:
        for paragraph in paragraphs:
            writer.text(paragraph)
        return
    note = writer.text("")
    note.add_run(_(DRAFT_NOTE)).italic = True
    for paragraph in draft:
        writer.text(paragraph)


def _progress(writer: Writer, data: ReportInput, progress: Progress, first_figure: int) -> None:
    writer.heading(_("Progress since my earlier assessment"), 1)
    if progress.earlier_on:
        # Translators: {date} says when the earlier answers were saved ("27
        # November 2026").
        writer.text(_("Compared with my assessment of {date}:").format(date=progress.earlier_on))
    else:
        writer.text(_("Compared with my assessment:"))
    for sentence in progress_sentences(progress.comparison, data.framework.scale, ME):
        writer.text(sentence, style="List Bullet")
    if progress.chart is not None:
        add_figure(writer.doc, progress.chart, first_figure)
    scale = data.framework.scale
    rows = []
    for change in progress.comparison.changes:
        before = _("Not rated") if change.before is None else decimal(change.before, 1)
        after = _("Not rated") if change.after is None else decimal(change.after, 1)
        target = (
            # Translators: a target that moved, in a table cell; both are level words
            # of the scale ("Sometimes to Often").
            _("{before} to {after}").format(
                before=scale.label(change.target_before), after=scale.label(change.target_after)
            )
            if change.target_moved
            else scale.label(change.target_after)
        )
        rows.append([change.practice.name, before, after, target])
    header = [
        pgettext("table column", "Practice"),
        # Translators: a column header: the score at the earlier assessment.
        pgettext("table column", "Before"),
        # Translators: a column header: the score now.
        pgettext("table column", "Now"),
        # Translators: a column header: the realistic level aimed for.
        pgettext("table column", "Target"),
    ]
    add_table(writer.doc, header, rows)


def build_report(data: ReportInput) -> bytes:
    framework, profile, assessment = data.framework, data.profile, data.assessment
    writer = Writer(new_document(), framework.references)
    _title_page(writer, data)
    writer.add_contents()
    writer.page_break()

    writer.heading(_("Introduction"), 1)
    _own_or_draft(writer, assessment.writing.introduction, introduction_draft(profile))

    write_research(writer, framework)

    writer.heading(_("My self-assessment"), 1)
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

    writer.heading(_("Conclusion"), 1)
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
        # Translators: the document's comments property; {framework} is the
        # framework's id ("client-relationships") and {version} its version
        # ("1.0").
        comments=_("Self-assessment made with Rapport (framework {framework} {version}).").format(
            framework=framework.id, version=framework.version
        ),
        keywords="; ".join(clean_text(k) for k in framework.keywords),
    )
