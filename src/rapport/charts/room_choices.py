"""One client situation as the room answered it: each response's average rating beside the
expert key, on the six effectiveness words. Aggregates only, and only shown scenarios
(core/room_choices.py decides which)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.dumbbell import dumbbell
from rapport.charts.judgement import CHOICES_COLOUR
from rapport.charts.style import NEUTRAL_COLOUR, SCREEN, Figure, Sizing
from rapport.core.room_choices import OptionAggregate, ScenarioAggregate
from rapport.core.scenarios import EFFECTIVENESS

ROOM, KEY = "Room", "Key"
RATINGS = "Ratings, 1 to 6"


def rating_counts(option: OptionAggregate) -> str:
    """The ratings per level where the room may see them (core/room.level_counts_to_show)."""
    if not option.distribution_shown:
        return "not shown"
    counts = " · ".join(str(c) for c in option.distribution)
    behind = sum(option.distribution)
    if behind != option.responses:  # counts wait for k changes per level (core/room.py)
        return f"{counts} (the last published, from {behind} of the {option.responses})"
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
        ((CHOICES_COLOUR, "circle"), (NEUTRAL_COLOUR, "diamond")),
        EFFECTIVENESS,
        [alt.Tooltip("n:Q")],
        sizing,
        axis_title="How effective",
    )
    far = aggregate.furthest
    caption = (
        f"The room's average rating of each response to the situation (circle) beside the "
        f"expert key (diamond), from very ineffective to very effective, "
        f"n = {aggregate.responses}. The room's order follows the key's in "
        f"{aggregate.agreement:.0f}% of the pairs of responses; furthest from the key: "
        f"{aggregate.letter(far.option.id)} (room {far.mean:.1f}, key {far.option.key})."
    )
    table = pd.DataFrame(
        [
            {
                "Response": f"{aggregate.letter(o.option.id)}. {o.option.text}",
                "Room": o.mean,
                "Key": o.option.key,
                "n": o.responses,
                RATINGS: rating_counts(o),
            }
            for o in aggregate.options
        ]
    )
    title = f"{aggregate.practice.short_name}: the room's choices"
    return Figure(f"choices-{aggregate.scenario.id}", title, chart, caption, table)
