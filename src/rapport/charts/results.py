"""Altair chart builders: core values in, Figures (chart plus text alternative) out."""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.statements import heatmap_figure, mix_figure
from rapport.charts.style import (
    CURRENT_COLOUR,
    NEUTRAL_COLOUR,
    SCREEN,
    TARGET_COLOUR,
    WIDTH,
    Figure,
    Sizing,
    configure_chart,
    scale_axis,
)
from rapport.core.assessment import Assessment
from rapport.core.framework import RatingScale
from rapport.core.plan import describe_level
from rapport.core.scoring import Profile
from rapport.core.text import plural

__all__ = ["CURRENT_COLOUR", "TARGET_COLOUR", "Figure", "dumbbell", "figures", "gap_figure"]


def dumbbell(
    rows: pd.DataFrame,
    ends: tuple[str, str],
    styles: tuple[tuple[str, str], tuple[str, str]],
    scale: RatingScale,
    extra_tooltip: list[alt.Tooltip],
    sizing: Sizing = SCREEN,
) -> alt.TopLevelMixin:
    """Two levels per practice joined by a line, rows in the order given.

    `rows` has "Practice", "Full name" and one column per end; `styles` gives each end its
    (colour, shape), so the two ends never differ by colour alone.
    """
    order = list(rows["Practice"])
    long = rows.melt(
        id_vars=[c for c in rows.columns if c not in ends],
        value_vars=list(ends),
        var_name="Series",
        value_name="Level",
    )
    y = alt.Y("Practice:N", sort=order, title=None)
    x_scale = alt.Scale(domain=[1, scale.max_value], nice=False, padding=12)
    rule = (
        alt.Chart(rows)
        .mark_rule(strokeWidth=3, color=NEUTRAL_COLOUR)
        .encode(y=y, x=alt.X(f"{ends[0]}:Q", scale=x_scale), x2=f"{ends[1]}:Q")
    )
    domain = list(ends)
    points = (
        alt.Chart(long)
        .mark_point(filled=True, size=220, opacity=1)
        .encode(
            y=y,
            x=alt.X("Level:Q", scale=x_scale, axis=scale_axis(scale, "How often")),
            color=alt.Color(
                "Series:N",
                scale=alt.Scale(domain=domain, range=[colour for colour, _ in styles]),
                legend=alt.Legend(title=None),
            ),
            shape=alt.Shape(
                "Series:N",
                scale=alt.Scale(domain=domain, range=[shape for _, shape in styles]),
                legend=alt.Legend(title=None),
            ),
            tooltip=[
                alt.Tooltip("Full name:N", title="Practice"),
                alt.Tooltip("Series:N"),
                alt.Tooltip("Level:Q", format=".1f"),
                *extra_tooltip,
            ],
        )
    )
    return configure_chart(
        alt.layer(rule, points).properties(width=WIDTH, height=max(120, sizing.row * len(order))),
        sizing,
    )


def gap_figure(profile: Profile) -> Figure:
    """Current vs target per practice, as a dumbbell, most urgent practice at the top."""
    rows = pd.DataFrame(
        [
            {
                "Practice": s.practice.short_name,
                "Full name": s.practice.name,
                "Current": round(s.current or 0.0, 2),
                "Target": s.target,
                "Gap": round(s.gap or 0.0, 2),
                "Priority": rank,
            }
            for rank, s in enumerate(profile.priorities, start=1)
        ],
        columns=["Practice", "Full name", "Current", "Target", "Gap", "Priority"],
    )
    table = rows[["Priority", "Practice", "Current", "Target", "Gap"]]
    chart = dumbbell(
        rows,
        ("Current", "Target"),
        ((CURRENT_COLOUR, "circle"), (TARGET_COLOUR, "diamond")),
        profile.framework.scale,
        [alt.Tooltip("Gap:Q", format="+.1f"), alt.Tooltip("Priority:O")],
    )
    widest = profile.priorities[0] if profile.priorities else None
    if widest is None:
        caption = "No practice has a rating yet."
    elif (widest.gap or 0) > 0:
        met = sum(s.meets_target for s in profile.scored)
        caption = (
            f"Current level (circle) against target (diamond) for "
            f"{plural(len(rows), 'practice')}, "
            f"most urgent first. The largest weighted gap is {widest.practice.name}: "
            f"{describe_level(profile, widest.current or 0)} against a target of "
            f"{profile.framework.scale.label(widest.target)}. "
            f"Practices meeting their target: {met} of {len(rows)}."
        )
    else:
        caption = (
            f"Current level (circle) against target (diamond) for "
            f"{plural(len(rows), 'practice')}: "
            "every practice meets or exceeds its target."
        )
    return Figure("gaps", "Current level against target", chart, caption, table)


def figures(profile: Profile, assessment: Assessment) -> tuple[Figure, ...]:
    """The three result charts, in the order the Results page and the report show them."""
    return (
        gap_figure(profile),
        heatmap_figure(profile, assessment),
        mix_figure(profile, assessment),
    )
