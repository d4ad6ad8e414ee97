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
from rapport.core.room import (
    DISTRIBUTION_HIDDEN,
    MEANS_ROUNDED,
    SPREAD_HIDDEN,
    PracticeAggregate,
    RoomSummary,
)
from rapport.core.room_choices import ScenarioAggregate
from rapport.core.text import clean_text, long_date, plural
from rapport.core.workshop import Workshop
from rapport.reports.common import (
    ChartImage,
    Writer,
    add_figure,
    add_references,
    add_table,
    new_document,
    save,
)
from rapport.reports.room_choices_section import write_room_choices

TOP_GAPS = 3
SPREAD_MEANING = (
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
            f"{aggregate.mean_current or 0:.1f}",
            f"{aggregate.mean_target or 0:.1f}",
            f"{_gap(aggregate):+.1f}",
            "\u2014" if aggregate.spread is None else f"{aggregate.spread:.1f}",
        ]
        for aggregate in shown
    ]
    header = ["Practice", "Responses", "Room now", "Room target", "Gap", "Spread"]
    add_table(writer.doc, header, rows)
    writer.text(SPREAD_MEANING.format(levels=framework.scale.max_value))
    if any(a.spread is None for a in shown):
        writer.text(f"A dash: {SPREAD_HIDDEN[0].lower()}{SPREAD_HIDDEN[1:]}")


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
    title = f"Workshop debrief: {workshop.title}"
    writer.doc.add_paragraph(clean_text(title), style="Title")
    writer.text(
        f"{long_date(generated_on)}. {plural(summary.count, 'response')} to "
        f"\u201c{framework.name}\u201d. Averages are shown only for practices with at least "
        f"{workshop.min_group_size} responses, and no individual answer is included. "
        + MEANS_ROUNDED
    )
    shown = [a for a in summary.practices if a.shown]
    if not summary.ready or not shown:
        writer.text(
            f"Fewer than {workshop.min_group_size} responses so far, so nothing about the room "
            "is summarized yet."
        )
        return _save(writer, title, framework)
    writer.add_contents(depth=1)

    writer.heading("The room's profile", 1)
    for number, chart in enumerate(charts, start=1):
        add_figure(writer.doc, chart, number)
    if any(not a.distribution_shown for a in shown):
        writer.text(DISTRIBUTION_HIDDEN)
    _profile_table(writer, framework, shown)

    spotlight = summary.spotlight
    if spotlight is not None:
        writer.heading(f"Where the room disagrees most: {spotlight.practice.name}", 1)
        spread = "" if spotlight.spread is None else f" (spread {spotlight.spread:.1f})"
        writer.text(
            f"Scores for this practice spread the widest{spread}: people experience it "
            "differently, which makes it the richest discussion."
        )
        _prompts(writer, spotlight)

    writer.heading("Largest gaps between where the room is and wants to be", 1)
    for aggregate in sorted(shown, key=_gap, reverse=True)[:TOP_GAPS]:
        writer.heading(aggregate.practice.name, 2)
        writer.text(
            f"Room now {aggregate.mean_current or 0:.1f}, target {aggregate.mean_target or 0:.1f} "
            f"(gap {_gap(aggregate):+.1f}, {plural(aggregate.responses, 'response')})."
        )
        for action in aggregate.practice.actions:
            writer.bullet(action.title.rstrip(".") + ".", action.detail)

    writer.heading("Discussion prompts for every practice", 1)
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
        comments=f"Workshop debrief made with Rapport (framework {framework.id} "
        f"{framework.version}); aggregates only.",
    )
