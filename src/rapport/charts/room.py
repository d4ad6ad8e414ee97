"""Charts of a workshop room: aggregates only, each practice with its response count.

Practices below the minimum group size, or not yet revealed, are simply not drawn; level
counts only where they cannot tell a participant the others' levels.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import pandas as pd

from rapport.charts.dumbbell import dumbbell
from rapport.charts.style import (
    CURRENT_COLOUR,
    NEUTRAL_COLOUR,
    SCREEN,
    TARGET_COLOUR,
    WIDTH,
    Figure,
    Sizing,
    answer_scale,
    configure_chart,
)
from rapport.core.framework import RatingScale
from rapport.core.i18n import _, ngettext, pgettext
from rapport.core.room import DISTRIBUTION_HIDDEN, PracticeAggregate, RoomSummary, counts_waiting
from rapport.core.scoring import Profile
from rapport.core.text import number

ROOM_COLOUR = NEUTRAL_COLOUR


# Why a practice's level counts may be missing; said wherever the distribution is drawn.
def _labeller(aggregates: list[PracticeAggregate]) -> Callable[[PracticeAggregate], str]:
    """Row labels carry n, the responses behind each average; when every practice has the
    same n it is said once in the caption instead, leaving the projector's width to data."""
    if len({a.responses for a in aggregates}) <= 1:
        return lambda a: a.practice.short_name
    # Translators: a row of a room's chart: a practice's short name and the number of
    # responses behind its values.
    row = _("{practice} (n={n})")
    return lambda a: row.format(practice=a.practice.short_name, n=a.responses)


def _same_n(aggregates: list[PracticeAggregate]) -> list[str]:
    """The caption's sentence on n when it is the same for every practice (else none)."""
    counts = {a.responses for a in aggregates}
    if len(counts) != 1:
        return []
    n = counts.pop()
    return [
        ngettext(
            "n = {n} response for every practice.", "n = {n} responses for every practice.", n
        ).format(n=n)
    ]


def _responses() -> str:
    # Translators: a column and a tooltip: how many people's answers an average rests on.
    return _("Responses")


def room_figure(
    aggregates: list[PracticeAggregate], scale: RatingScale, sizing: Sizing = SCREEN
) -> Figure:
    """The room's average current level against its average target, widest gap first."""
    ordered = sorted(aggregates, key=lambda a: -((a.mean_target or 0.0) - (a.mean_current or 0.0)))
    label = _labeller(aggregates)
    rows = pd.DataFrame(
        [
            {
                "Practice": label(a),
                "Full name": a.practice.name,
                "Now": round(a.mean_current or 0.0, 2),
                "Target": round(a.mean_target or 0.0, 2),
                "Responses": a.responses,
            }
            for a in ordered
        ],
        columns=["Practice", "Full name", "Now", "Target", "Responses"],
    )
    chart = dumbbell(
        rows,
        ("Now", "Target"),
        (pgettext("current level", "Now"), _("Target")),
        ((CURRENT_COLOUR, "circle"), (TARGET_COLOUR, "diamond")),
        scale,
        [alt.Tooltip("Responses:Q", title=_responses())],
        sizing,
    )
    widest = ordered[0] if ordered else None
    sentences = [
        ngettext(
            "The room's average level (circle) and average target (diamond) for {n} practice.",
            "The room's average level (circle) and average target (diamond) for {n} practices.",
            len(ordered),
        ).format(n=len(ordered)),
        *_same_n(aggregates),
    ]
    if widest is not None and widest.mean_current is not None:
        sentences.append(
            # Translators: {practice} is a practice's full name, {level} and {target} the
            # room's average level and target ("2.4", "4.0").
            _("Widest gap: {practice}, {level} against {target}.").format(
                practice=widest.practice.name,
                level=number(widest.mean_current, 1),
                target=number(widest.mean_target or 0.0, 1),
            )
        )
    table = rows.drop(columns=["Full name"]).rename(
        columns={
            "Practice": _("Practice"),
            "Now": pgettext("current level", "Now"),
            "Target": _("Target"),
            "Responses": _responses(),
        }
    )
    return Figure("room", _("Where the room stands"), chart, " ".join(sentences), table)


def distribution_figure(
    aggregates: list[PracticeAggregate], scale: RatingScale, sizing: Sizing = SCREEN
) -> Figure | None:
    """How many people sit at each level of each practice (their rounded practice score),
    for the practices whose counts are safe to show; None when none is."""
    drawn = [a for a in aggregates if a.distribution_shown]
    if not drawn:
        return None
    label = _labeller(drawn)
    data = pd.DataFrame(
        [
            {"Practice": label(a), "Level": level.label, "Order": level.value, "People": count}
            for a in drawn
            for level, count in zip(scale.levels, a.distribution, strict=True)
            if count
        ],
        columns=["Practice", "Level", "Order", "People"],
    )
    chart = configure_chart(
        alt.Chart(data)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y("Practice:N", sort=[label(a) for a in drawn], title=None),
            x=alt.X("People:Q", title=_people(), axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("Level:N", scale=answer_scale(scale, levels_only=True), title=None),
            order=alt.Order("Order:Q"),
            tooltip=[
                alt.Tooltip("Practice:N", title=_("Practice")),
                alt.Tooltip("Level:N", title=_("Level")),
                alt.Tooltip("People:Q", title=_people()),
            ],
        )
        .properties(width=WIDTH, height=sizing.row * len(drawn)),
        sizing,
    )
    left_out = len(aggregates) - len(drawn)
    waiting = [a for a in drawn if a.distribution_responses != a.responses]
    sentences = [
        _(
            "How many people's practice score rounds to each level, per practice. Each bar is "
            "a whole practice, never one person's single answer."
        ),
        *_same_n(drawn),
    ]
    if waiting:
        sentences.append(counts_waiting(waiting))
    if left_out:
        sentences.append(_(DISTRIBUTION_HIDDEN))
        sentences.append(
            ngettext("({n} practice left out.)", "({n} practices left out.)", left_out).format(
                n=left_out
            )
        )
    table = (
        data.pivot_table(
            index="Practice", columns="Level", values="People", aggfunc="sum", fill_value=0
        )
        .reset_index()
        .rename(columns={"Practice": _("Practice")})
    )
    table.columns.name = None
    return Figure(
        "distribution", _("How the room's answers spread"), chart, " ".join(sentences), table
    )


def _people() -> str:
    # Translators: an axis, a tooltip and the table: how many people sit at a level.
    return _("People")


def mirror_figure(profile: Profile, summary: RoomSummary) -> Figure:
    """Your level beside the room's average, for practices the room may see."""
    rows = []
    for score in profile.scored:
        aggregate = summary.practice(score.practice.id)
        if aggregate is None or not aggregate.shown or aggregate.mean_current is None:
            continue
        rows.append(
            {
                "Practice": score.practice.short_name,
                "Full name": score.practice.name,
                "You": round(score.current or 0.0, 2),
                "Room": round(aggregate.mean_current, 2),
                "Responses": aggregate.responses,
            }
        )
    frame = pd.DataFrame(rows, columns=["Practice", "Full name", "You", "Room", "Responses"])
    chart = dumbbell(
        frame,
        ("You", "Room"),
        # Translators: the legend of a chart that sets a participant beside the room: their
        # own level, and the room's average.
        (_("You"), pgettext("workshop room", "Room")),
        ((CURRENT_COLOUR, "circle"), (ROOM_COLOUR, "square")),
        profile.framework.scale,
        [alt.Tooltip("Responses:Q", title=_("Room responses"))],
    )
    ahead = sum(r["You"] > r["Room"] for r in rows)
    caption = ngettext(
        "Own level (circle) beside the room's average (square) for {n} practice; above the "
        "room on {ahead}.",
        "Own level (circle) beside the room's average (square) for {n} practices; above the "
        "room on {ahead}.",
        len(rows),
    ).format(n=len(rows), ahead=ahead)
    table = frame.drop(columns=["Full name"]).rename(
        columns={
            "Practice": _("Practice"),
            "You": _("You"),
            "Room": pgettext("workshop room", "Room"),
            "Responses": _responses(),
        }
    )
    return Figure("mirror", _("Compared with the room"), chart, caption, table)
