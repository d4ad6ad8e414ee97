"""The workshop debrief: the room's profile as a Word document, aggregates only.

Built from the RoomSummary, which already hides practices below the minimum group size;
no individual answer, name or note ever reaches it. It shares the student report's craft
(common.py with its tables, fields and parts) but nothing else of it. Its reference list
holds only what its text cites, the sources of the client situations' key (APA lists
only what is cited); without situations it cites none and lists none.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rapport.core.framework import Framework
from rapport.core.i18n import N_, _, ngettext, pgettext
from rapport.core.room import (
    DISTRIBUTION_HIDDEN,
    MEANS_ROUNDED,
    SPREAD_HIDDEN,
    PracticeAggregate,
    RoomSummary,
)
from rapport.core.room_choices import ScenarioAggregate
from rapport.core.text import clean_text, long_date, signed
from rapport.core.text import number as decimal
from rapport.core.workshop import Workshop
from rapport.reports.common import (
    ChartImage,
    Writer,
    add_figure,
    add_references,
    add_table,
    new_document,
    quoted,
    save,
)
from rapport.reports.room_choices_section import write_room_choices

TOP_GAPS = 3
# Translators: {levels} is the number of points of the rating scale (5).
SPREAD_MEANING = N_(
    "Spread is the standard deviation of the practice scores on the {levels}-point scale: "
    "the typical distance of one person's score from the room's average. Near 0, the room "
    "agrees; around 1 or more, people sit a whole scale step or more apart, which makes "
    "the practice worth discussing."
)


def _gap(aggregate: PracticeAggregate) -> float:
    return (aggregate.mean_target or 0.0) - (aggregate.mean_current or 0.0)


def _profile_table(
    writer: Writer, framework: Framework, shown: Sequence[PracticeAggregate]
) -> None:
    rows = [
        [
            aggregate.practice.name,
            str(aggregate.responses),
            decimal(aggregate.mean_current or 0, 1),
            decimal(aggregate.mean_target or 0, 1),
            signed(_gap(aggregate), 1),
            "\u2014" if aggregate.spread is None else decimal(aggregate.spread, 1),
        ]
        for aggregate in shown
    ]
    header = [
        pgettext("table column", "Practice"),
        # Translators: a column header: how many responded.
        pgettext("table column", "Responses"),
        # Translators: a column header: the room's average current level.
        pgettext("table column", "Room now"),
        # Translators: a column header: the room's average target.
        pgettext("table column", "Room target"),
        pgettext("table column", "Gap"),
        # Translators: a column header: how far apart people's scores are (the
        # standard deviation).
        pgettext("table column", "Spread"),
    ]
    add_table(writer.doc, header, rows)
    writer.text(_(SPREAD_MEANING).format(levels=framework.scale.max_value))
    if any(a.spread is None for a in shown):
        hidden = _(SPREAD_HIDDEN)
        # Translators: explains the dash in the table's Spread column;
        # {explanation} is a sentence, its first letter lowered.
        dash = _("A dash: {explanation}")
        writer.text(dash.format(explanation=hidden[:1].lower() + hidden[1:]))


def _prompts(writer: Writer, aggregate: PracticeAggregate) -> None:
    for prompt in aggregate.practice.discussion_prompts:
        writer.text(prompt, style="List Bullet")


def build_debrief(
    framework: Framework,
    workshop: Workshop,
    summary: RoomSummary,
    charts: Sequence[ChartImage],
    generated_on: date,
    choices: Sequence[ScenarioAggregate] = (),
    spotlight_chart: ChartImage | None = None,
) -> bytes:
    """`charts` picture the practices; `spotlight_chart` the scenario spotlight's choices."""
    writer = Writer(new_document(), framework.references)
    # Translators: the debrief's title (and the document's title property);
    # {workshop} is the workshop's title, given by its facilitator.
    title = _("Workshop debrief: {workshop}").format(workshop=workshop.title)
    writer.doc.add_paragraph(clean_text(title), style="Title")
    size = workshop.min_group_size
    # Translators: {date} is today's date, {framework} the framework's name in
    # quotation marks.
    responses = ngettext(
        "{date}. {n} response to {framework}.",
        "{date}. {n} responses to {framework}.",
        summary.count,
    ).format(date=long_date(generated_on), n=summary.count, framework=quoted(framework.name))
    # Translators: {n} is the workshop's minimum group size.
    shown_only = ngettext(
        "Averages are shown only for practices with at least {n} response, and no individual "
        "answer is included.",
        "Averages are shown only for practices with at least {n} responses, and no individual "
        "answer is included.",
        size,
    ).format(n=size)
    writer.text(f"{responses} {shown_only} {_(MEANS_ROUNDED)}")
    shown = [a for a in summary.practices if a.shown]
    if not summary.ready or not shown:
        # Translators: {n} is the workshop's minimum group size.
        fewer = ngettext(
            "Fewer than {n} response so far, so nothing about the room is summarized yet.",
            "Fewer than {n} responses so far, so nothing about the room is summarized yet.",
            size,
        )
        writer.text(fewer.format(n=size))
        return _save(writer, title, framework)
    writer.add_contents(depth=1)

    writer.heading(_("The room's profile"), 1)
    for number, chart in enumerate(charts, start=1):
        add_figure(writer.doc, chart, number)
    if any(not a.distribution_shown for a in shown):
        writer.text(_(DISTRIBUTION_HIDDEN))
    _profile_table(writer, framework, shown)

    spotlight = summary.spotlight
    if spotlight is not None:
        # Translators: a heading; {practice} is the practice's name.
        disagrees = _("Where the room disagrees most: {practice}")
        writer.heading(disagrees.format(practice=spotlight.practice.name), 1)
        if spotlight.spread is None:
            widest = _(
                "Scores for this practice spread the widest: people experience it "
                "differently, which makes it the richest discussion."
            )
        else:
            # Translators: {spread} is the standard deviation of the scores ("1.2").
            widest = _(
                "Scores for this practice spread the widest (spread {spread}): people "
                "experience it differently, which makes it the richest discussion."
            ).format(spread=decimal(spotlight.spread, 1))
        writer.text(widest)
        _prompts(writer, spotlight)

    writer.heading(_("Largest gaps between where the room is and wants to be"), 1)
    for aggregate in sorted(shown, key=_gap, reverse=True)[:TOP_GAPS]:
        writer.heading(aggregate.practice.name, 2)
        # Translators: {now} and {target} are the room's averages ("3.1"), {gap}
        # their difference with its sign ("+0.8"), {n} the number of responses.
        gap = ngettext(
            "Room now {now}, target {target} (gap {gap}, {n} response).",
            "Room now {now}, target {target} (gap {gap}, {n} responses).",
            aggregate.responses,
        )
        writer.text(
            gap.format(
                now=decimal(aggregate.mean_current or 0, 1),
                target=decimal(aggregate.mean_target or 0, 1),
                gap=signed(_gap(aggregate), 1),
                n=aggregate.responses,
            )
        )
        for action in aggregate.practice.actions:
            writer.bullet(action.title.rstrip(".") + ".", action.detail)

    writer.heading(_("Discussion prompts for every practice"), 1)
    for aggregate in shown:
        writer.heading(aggregate.practice.name, 2)
        _prompts(writer, aggregate)
    cited = write_room_choices(writer, framework, choices, spotlight_chart, len(charts) + 1)
    if cited:
        add_references(writer, cited)
    return _save(writer, title, framework)


def _save(writer: Writer, title: str, framework: Framework) -> bytes:
    writer.finish()
    return save(
        writer.doc,
        title=title,
        author="Rapport",
        subject=framework.name,
        # Translators: the document's comments property; {framework} is the
        # framework's id ("client-relationships") and {version} its version
        # ("1.0").
        comments=_(
            "Workshop debrief made with Rapport (framework {framework} {version}); aggregates only."
        ).format(framework=framework.id, version=framework.version),
    )
