"""The dumbbell: two levels per practice joined by a line (now and target, before and now,
you and the room). One primitive, so every such chart reads the same way."""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.style import (
    NEUTRAL_COLOUR,
    SCREEN,
    WIDTH,
    Sizing,
    configure_chart,
    words_axis,
)
from rapport.core.framework import RatingScale
from rapport.core.i18n import _


def dumbbell(
    rows: pd.DataFrame,
    ends: tuple[str, str],
    labels: tuple[str, str],
    styles: tuple[tuple[str, str], tuple[str, str]],
    scale: RatingScale | tuple[str, ...] | None,
    extra_tooltip: list[alt.Tooltip],
    sizing: Sizing = SCREEN,
    percent: str | None = None,
    axis_title: str | None = None,
) -> alt.TopLevelMixin:
    """Two levels per practice joined by a line, rows in the order given.

    `rows` has "Practice", "Full name" and one column per end, named by the ids in `ends`;
    `labels` name the ends to the reader (legend and tooltip), in the reader's language.
    `styles` gives each end its (colour, shape), so the two ends never differ by colour
    alone. The x axis is the scale's words (a RatingScale's levels, or the words given),
    titled `axis_title` ("How often" unless given), or, with `scale` None, 0-100 titled
    `percent`.
    """
    order = list(rows["Practice"])
    long = rows.melt(
        id_vars=[c for c in rows.columns if c not in ends],
        value_vars=list(ends),
        var_name="Series",
        value_name="Level",
    )
    long["Series"] = long["Series"].map(dict(zip(ends, labels, strict=True)))
    y = alt.Y("Practice:N", sort=order, title=None)
    if scale is None:
        x_scale = alt.Scale(domain=[0, 100], nice=False, padding=12)
        axis = alt.Axis(values=[0, 25, 50, 75, 100], title=percent, grid=True)
    else:
        words = scale if isinstance(scale, tuple) else tuple(lv.label for lv in scale.levels)
        x_scale = alt.Scale(domain=[1, len(words)], nice=False, padding=12)
        axis = words_axis(words, axis_title or _("How often"))
    rule = (
        alt.Chart(rows)
        .mark_rule(strokeWidth=3, color=NEUTRAL_COLOUR)
        .encode(y=y, x=alt.X(f"{ends[0]}:Q", scale=x_scale), x2=f"{ends[1]}:Q")
    )
    domain = list(labels)
    points = (
        alt.Chart(long)
        .mark_point(filled=True, size=220, opacity=1)
        .encode(
            y=y,
            x=alt.X("Level:Q", scale=x_scale, axis=axis),
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
                alt.Tooltip("Full name:N", title=_("Practice")),
                # Translators: a tooltip's title: which of the chart's two marks this is
                # ("Current" or "Target", say).
                alt.Tooltip("Series:N", title=_("Series")),
                alt.Tooltip("Level:Q", format=".1f", title=_("Level")),
                *extra_tooltip,
            ],
        )
    )
    return configure_chart(
        alt.layer(rule, points).properties(width=WIDTH, height=max(120, sizing.row * len(order))),
        sizing,
    )
