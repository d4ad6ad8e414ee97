"""The debrief's "The room's choices in the client situations": per situation the room
rated in full, each response's average beside the expert key, the room's order against
the key's, and the scenario spotlight with its discussion prompt. Aggregates only, as the
rest of the debrief (core/room_choices.py decides what may be shown)."""

from __future__ import annotations

from collections.abc import Sequence

from rapport.charts.room_choices import RATINGS, rating_counts
from rapport.core.framework import Framework, Reference
from rapport.core.i18n import _, pgettext
from rapport.core.room_choices import (
    CHOICES_HIDDEN,
    COUNTS_HIDDEN,
    ScenarioAggregate,
    scenario_spotlight,
)
from rapport.core.scenarios import effectiveness
from rapport.core.text import number as decimal
from rapport.core.text import percent
from rapport.reports.common import ChartImage, Writer, add_figure, add_table, numbered, quoted


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
    writer.heading(_("The room's choices in the client situations"), 1)
    writer.text(
        _(
            "Participants could also rate how effective four responses to a short client "
            "situation would be, from 1 (very ineffective) to 6 (very effective). For each "
            "situation the tables give the room's average rating of every response beside the "
            "expert key. Agreement is the share of pairs of responses that the room puts in "
            "the key's order: 100% means the room ranks the responses as the key does."
        )
    )
    if len(shown) < len(choices):
        writer.text(_(CHOICES_HIDDEN))
    if any(not o.distribution_shown for a in shown for o in a.options):
        hidden = _(COUNTS_HIDDEN)
        # Translators: "Not shown" is what the table's last column says where
        # counts are hidden (keep the same words); {explanation} is a sentence,
        # its first letter lowered.
        note = _("\u201cNot shown\u201d in the last column: {explanation}")
        writer.text(note.format(explanation=hidden[:1].lower() + hidden[1:]))
    spotlight = scenario_spotlight(shown)
    if spotlight is not None:
        far = spotlight.furthest
        # Translators: a heading; {practice} is the practice's name.
        spot = _("Scenario spotlight: {practice}").format(practice=spotlight.practice.name)
        writer.heading(spot, 2)
        # The situation stays on the page of the chart that answers it.
        writer.text(spotlight.scenario.situation).paragraph_format.keep_with_next = True
        for option in spotlight.options:  # the chart names them by letter
            item = writer.text(numbered(spotlight.letter(option.option.id), option.option.text))
            item.paragraph_format.keep_with_next = True
        if spotlight_chart is not None:
            add_figure(writer.doc, spotlight_chart, figure_number)
        reference = framework.reference(far.option.citation)
        cited.add(reference.key)
        # Translators: {letter} names a response (A to D), {response} is its text
        # in quotation marks, {mean} the room's average rating ("4.2"), {key} the
        # key's rating (1 to 6) and {effectiveness} its word in lower case
        # ("effective"); {rationale} is why, and {source} its in-text citation
        # ("Bourne, 2009").
        rated = _(
            "The room rated response {letter}, {response}, {mean} on average; the key rates it "
            "{key} ({effectiveness}). {rationale} ({source})."
        )
        writer.cited(
            rated.format(
                letter=spotlight.letter(far.option.id),
                response=quoted(far.option.text),
                mean=decimal(far.mean, 1),
                key=far.option.key,
                effectiveness=effectiveness(far.option.key).lower(),
                rationale=far.option.rationale.rstrip("."),
                source=reference.cite,
            )
        )
        writer.text(_("A question for the discussion:"))
        writer.text(spotlight.prompt, style="List Bullet")
    for aggregate in shown:
        # Translators: a heading; {practice} is the practice's name.
        writer.heading(_("{practice}: the situation").format(practice=aggregate.practice.name), 2)
        writer.text(aggregate.scenario.situation).paragraph_format.keep_with_next = True
        header = [
            # Translators: a column header: a response to the client situation.
            pgettext("table column", "Response"),
            # Translators: a column header: the room's average rating.
            pgettext("table column", "Room"),
            # Translators: a column header: the expert key's rating (the sources'
            # ranking of the responses).
            pgettext("table column", "Key"),
            # Translators: a column header: how many rated the response.
            pgettext("table column", "n"),
            _(RATINGS),
        ]
        rows = [
            [
                numbered(aggregate.letter(o.option.id), o.option.text),
                decimal(o.mean, 1),
                str(o.option.key),
                str(o.responses),
                rating_counts(o),
            ]
            for o in aggregate.options
        ]
        add_table(writer.doc, header, rows)
        best = aggregate.scenario.best
        reference = framework.reference(best.citation)
        cited.add(reference.key)
        # Translators: {room} and {key} are orders of letters ("B, A, D, C"),
        # {agreement} a percentage, {letter} names the key's best response,
        # {rationale} says why and {source} is its in-text citation ("Bourne,
        # 2009").
        order = _(
            "The room's order, most effective first: {room}; the key's: {key} (agreement "
            "{agreement}). The key's strongest response is {letter}: {rationale} ({source})."
        )
        writer.cited(
            order.format(
                room=_order(aggregate, by_key=False),
                key=_order(aggregate, by_key=True),
                agreement=percent(aggregate.agreement),
                letter=aggregate.letter(best.id),
                rationale=best.rationale.rstrip("."),
                source=reference.cite,
            )
        )
    return [r for r in framework.references if r.key in cited]
