"""The debrief's "The room's choices in the client situations": per situation the room
rated in full, each response's average beside the expert key, the room's order against
the key's, and the scenario spotlight with its discussion prompt. Aggregates only, as the
rest of the debrief (core/room_choices.py decides what may be shown)."""

from __future__ import annotations

from collections.abc import Sequence

from rapport.charts.room_choices import RATINGS, rating_counts
from rapport.core.framework import Framework, Reference
from rapport.core.room_choices import (
    CHOICES_HIDDEN,
    COUNTS_HIDDEN,
    ScenarioAggregate,
    scenario_spotlight,
)
from rapport.core.scenarios import EFFECTIVENESS
from rapport.reports.common import ChartImage, Writer, add_figure, add_table


def _order(aggregate: ScenarioAggregate, by_key: bool) -> str:
    if by_key:
        ranked = sorted(aggregate.options, key=lambda o: -o.option.key)
    else:
        ranked = list(aggregate.consensus)
    return ", ".join(aggregate.letter(o.option.id) for o in ranked)


def write_room_choices(
    writer: Writer,
    framework: Framework,
    choices: Sequence[ScenarioAggregate],
    spotlight_chart: ChartImage | None,
    figure_number: int,
) -> list[Reference]:
    """The section, if any situation may be shown; the references its text cites."""
    shown = [a for a in choices if a.shown]
    if not shown:
        return []
    cited: set[str] = set()
    writer.heading("The room's choices in the client situations", 1)
    writer.text(
        "Participants could also rate how effective four responses to a short client "
        "situation would be, from 1 (very ineffective) to 6 (very effective). For each "
        "situation the tables give the room's average rating of every response beside the "
        "expert key. Agreement is the share of pairs of responses that the room puts in the "
        "key's order: 100% means the room ranks the responses as the key does."
    )
    if len(shown) < len(choices):
        writer.text(CHOICES_HIDDEN)
    if any(not o.distribution_shown for a in shown for o in a.options):
        hidden = COUNTS_HIDDEN[0].lower() + COUNTS_HIDDEN[1:]
        writer.text(f"\u201cNot shown\u201d in the last column: {hidden}")
    spotlight = scenario_spotlight(shown)
    if spotlight is not None:
        far = spotlight.furthest
        writer.heading(f"Scenario spotlight: {spotlight.practice.name}", 2)
        # The situation stays on the page of the chart that answers it.
        writer.text(spotlight.scenario.situation).paragraph_format.keep_with_next = True
        for option in spotlight.options:  # the chart names them by letter
            item = writer.text(f"{spotlight.letter(option.option.id)}. {option.option.text}")
            item.paragraph_format.keep_with_next = True
        if spotlight_chart is not None:
            add_figure(writer.doc, spotlight_chart, figure_number)
        reference = framework.reference(far.option.citation)
        cited.add(reference.key)
        writer.cited(
            f"The room rated response {spotlight.letter(far.option.id)}, "
            f"\u201c{far.option.text.rstrip('.')}\u201d, {far.mean:.1f} on average; the key "
            f"rates it {far.option.key} ({EFFECTIVENESS[far.option.key - 1].lower()}). "
            f"{far.option.rationale.rstrip('.')} ({reference.cite})."
        )
        writer.text("A question for the discussion:")
        writer.text(spotlight.prompt, style="List Bullet")
    for aggregate in shown:
        writer.heading(f"{aggregate.practice.name}: the situation", 2)
        writer.text(aggregate.scenario.situation).paragraph_format.keep_with_next = True
        add_table(
            writer.doc,
            ["Response", "Room", "Key", "n", RATINGS],
            [
                [
                    f"{aggregate.letter(o.option.id)}. {o.option.text}",
                    f"{o.mean:.1f}",
                    str(o.option.key),
                    str(o.responses),
                    rating_counts(o),
                ]
                for o in aggregate.options
            ],
        )
        best = aggregate.scenario.best
        reference = framework.reference(best.citation)
        cited.add(reference.key)
        writer.cited(
            f"The room's order, most effective first: {_order(aggregate, by_key=False)}; the "
            f"key's: {_order(aggregate, by_key=True)} (agreement {aggregate.agreement:.0f}%). "
            f"The key's strongest response is {aggregate.letter(best.id)}: "
            f"{best.rationale.rstrip('.')} ({reference.cite})."
        )
    return [r for r in framework.references if r.key in cited]
