"""One client situation as the room answered it: each response's average rating beside the
expert key, on the six effectiveness words. Aggregates only, and only shown scenarios
(core/room_choices.py decides which)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.dumbbell import dumbbell
from rapport.charts.judgement import CHOICES_COLOUR
from rapport.charts.style import NEUTRAL_COLOUR, SCREEN, Figure, Sizing
from rapport.core.i18n import N_, _, pgettext
from rapport.core.room_choices import OptionAggregate, ScenarioAggregate
from rapport.core.scenarios import HIGHEST, LOWEST, effectiveness
from rapport.core.text import number, percent

ROOM, KEY = "Room", "Key"  # the chart's field names; the reader reads room_label(), key_label()
# Translators: a column: how many people gave each rating, from 1 to 6.
RATINGS = N_("Ratings, 1 to 6")  # shown as _(RATINGS)


def room_label() -> str:
    """The room's average, as a legend, tooltip or column names it."""
    return pgettext("workshop room", "Room")


def key_label() -> str:
    """The expert key's rating, as a legend, tooltip or column names it."""
    # Translators: the expert key: the rating an expert gives a response (not a key that
    # opens anything).
    return pgettext("expert key of a client situation", "Key")


def rating_counts(option: OptionAggregate) -> str:
    """The ratings per level where the room may see them (core/room.level_counts_to_show)."""
    if not option.distribution_shown:
        # Translators: in the column of rating counts, when the counts are withheld.
        return _("not shown")
    counts = " · ".join(str(c) for c in option.distribution)
    behind = sum(option.distribution)
    if behind != option.responses:  # counts wait for k changes per level (core/room.py)
        # Translators: {counts} are the counts per rating ("0 · 1 · 3 · 2 · 0 · 0"),
        # published when {behind} of the {n} people who answered had rated.
        return _("{counts} (the last published, from {behind} of the {n})").format(
            counts=counts, behind=behind, n=option.responses
        )
    return counts


def choices_figure(aggregate: ScenarioAggregate, sizing: Sizing = SCREEN) -> Figure:
    rows = pd.DataFrame(
        [
            {
                # Rows named by letter only: a response's words fit no phone's width, so
                # they are listed beside the chart and in its table, whole.
                "Practice": aggregate.letter(o.option.id),
                "Full name": o.option.text,
                ROOM: o.mean,
                KEY: o.option.key,
                "n": o.responses,
            }
            for o in aggregate.options
        ],
        columns=["Practice", "Full name", ROOM, KEY, "n"],
    )
    chart = dumbbell(
        rows,
        (ROOM, KEY),
        (room_label(), key_label()),
        ((CHOICES_COLOUR, "circle"), (NEUTRAL_COLOUR, "diamond")),
        tuple(effectiveness(value) for value in range(LOWEST, HIGHEST + 1)),
        [alt.Tooltip("n:Q", title=_n())],
        sizing,
        axis_title=_("How effective"),
    )
    far = aggregate.furthest
    caption = " ".join(
        (
            _(
                "The room's average rating of each response to the situation (circle) beside "
                "the expert key (diamond), from very ineffective to very effective, n = {n}."
            ).format(n=aggregate.responses),
            # Translators: {agreement} is a percentage ("83%"); {letter} names a response
            # ("B"), {room} is the room's average rating of it and {key} the key's rating.
            _(
                "The room's order follows the key's in {agreement} of the pairs of responses; "
                "furthest from the key: {letter} (room {room}, key {key})."
            ).format(
                agreement=percent(aggregate.agreement),
                letter=aggregate.letter(far.option.id),
                room=number(far.mean, 1),
                key=far.option.key,
            ),
        )
    )
    # Translators: a response in the table: its letter and its words ("B. Call the client").
    response = _("{letter}. {response}")
    table = pd.DataFrame(
        [
            {
                _("Response"): response.format(
                    letter=aggregate.letter(o.option.id), response=o.option.text
                ),
                room_label(): o.mean,
                key_label(): o.option.key,
                _n(): o.responses,
                _(RATINGS): rating_counts(o),
            }
            for o in aggregate.options
        ]
    )
    # Translators: a chart's title; {practice} is a practice's short name.
    title = _("{practice}: the room's choices").format(practice=aggregate.practice.short_name)
    return Figure(f"choices-{aggregate.scenario.id}", title, chart, caption, table)


def _n() -> str:
    # Translators: the statistician's n, the number of people behind a value: keep it short.
    return _("n")
