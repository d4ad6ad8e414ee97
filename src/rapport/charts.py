"""Altair chart builders: core values in, alt.Chart out, each with a text alternative.

Colours come from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies) and never carry meaning alone: current and target also differ by shape, and
heatmap cells carry their rating as text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import altair as alt
import pandas as pd

from rapport.core.assessment import Assessment
from rapport.core.framework import NOT_APPLICABLE, RatingScale
from rapport.core.scoring import Profile

CURRENT_COLOUR = "#0072B2"  # Okabe-Ito blue
TARGET_COLOUR = "#B35900"  # Okabe-Ito vermillion, darkened for 3:1 contrast on white
NEUTRAL_COLOUR = "#767676"
NA_COLOUR = "#D9D9D9"
WIDTH = 560
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"


@dataclass(frozen=True)
class Figure:
    """A chart with what a screen reader or a printed page needs in its place."""

    key: str
    title: str
    chart: alt.TopLevelMixin
    caption: str
    table: pd.DataFrame


def scale_axis(scale: RatingScale, title: str) -> alt.Axis:
    labels = json.dumps(["", *(level.label for level in scale.levels)])
    return alt.Axis(
        values=list(range(1, scale.max_value + 1)),
        labelExpr=f"{labels}[datum.value] || ''",
        title=title,
        grid=True,
    )


def configure_chart(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    # fit-x: fill the page's width but keep the height we set; Streamlit's default "fit"
    # would squeeze rows to the default 20 px band.
    return (
        chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
        .configure(font=FONT)
        .configure_axis(labelFontSize=12, titleFontSize=12, labelLimit=220)
        .configure_legend(labelFontSize=12, titleFontSize=12, orient="top")
        .configure_view(stroke=None)
    )


def dumbbell(
    rows: pd.DataFrame,
    ends: tuple[str, str],
    styles: tuple[tuple[str, str], tuple[str, str]],
    scale: RatingScale,
    extra_tooltip: list[alt.Tooltip],
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
        alt.layer(rule, points).properties(width=WIDTH, height=max(120, 44 * len(order)))
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
            f"Current level (circle) against target (diamond) for {len(rows)} practices, "
            f"most urgent first. The largest weighted gap is {widest.practice.name}: "
            f"{widest.current:.1f} against a target of {widest.target}. "
            f"Practices meeting their target: {met} of {len(rows)}."
        )
    else:
        caption = (
            f"Current level (circle) against target (diamond) for {len(rows)} practices: "
            "every practice meets or exceeds its target."
        )
    return Figure("gaps", "Current level vs your target", chart, caption, table)


# Sequential blues (ColorBrewer), light = rarely, dark = always; lightness alone orders them,
# which survives every colour-vision deficiency and greyscale printing.
_BLUES = ("#deebf7", "#9ecae1", "#6baed6", "#2171b5", "#08306b", "#041c40", "#020e20")
UNANSWERED_COLOUR = "#FFFFFF"


def _answer_scale(scale: RatingScale, unanswered: bool = False) -> alt.Scale:
    """One colour per answer word, shared by every chart so a colour means one thing."""
    domain = [level.label for level in scale.levels] + [scale.not_applicable.label]
    colours = [*_BLUES[: scale.max_value], NA_COLOUR]
    if unanswered:
        domain.append("Not answered")
        colours.append(UNANSWERED_COLOUR)
    return alt.Scale(domain=domain, range=colours)


def _rating_text(scale: RatingScale, rating: object) -> str:
    if rating is None:
        return "Not answered"
    if rating == NOT_APPLICABLE:
        return scale.not_applicable.label
    return scale.label(int(rating))  # type: ignore[call-overload]


def heatmap_figure(profile: Profile, assessment: Assessment) -> Figure:
    """Every statement's rating, one row per practice and one column per statement."""
    scale = profile.framework.scale
    rows = []
    for s in profile.scores:
        for number, indicator in enumerate(s.practice.indicators, start=1):
            rating = assessment.rating(indicator.id)
            numeric = rating if isinstance(rating, int) else None
            rows.append(
                {
                    "Practice": s.practice.short_name,
                    "Statement": f"S{number}",
                    "Text": indicator.text,
                    "Rating": numeric,
                    "Answer": _rating_text(scale, rating),
                    "Mark": str(numeric) if numeric else ("n/a" if rating else "–"),
                }
            )
    data = pd.DataFrame(rows)
    order = [s.practice.short_name for s in profile.scores]
    base = alt.Chart(data).encode(
        y=alt.Y("Practice:N", sort=order, title=None),
        x=alt.X("Statement:O", title="Statement", axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("Practice:N"),
            alt.Tooltip("Text:N", title="Statement"),
            alt.Tooltip("Answer:N"),
        ],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "Answer:N",
            scale=_answer_scale(scale, unanswered=True),
            legend=alt.Legend(title=None, symbolStrokeColor=NEUTRAL_COLOUR, symbolStrokeWidth=1),
        )
    )
    labels = base.mark_text(fontSize=13, fontWeight="bold").encode(
        text="Mark:N",
        color=alt.condition(
            f"datum.Rating >= {scale.max_value - 1}", alt.value("white"), alt.value("black")
        ),
    )
    chart = configure_chart(
        alt.layer(cells, labels).properties(width=WIDTH * 0.6, height=36 * len(order))
    )
    rated = data.dropna(subset=["Rating"])
    if rated.empty:
        caption = "No statement has a rating on the scale yet."
    else:
        lowest = rated.sort_values("Rating", kind="stable").iloc[0]
        caption = (
            f"Ratings of all {len(data)} statements (darker is more often; n/a is not "
            f"applicable, – is not answered). Your lowest: \u201c{lowest['Text']}\u201d "
            f"({lowest['Answer']}, {lowest['Practice']})."
        )
    table = data[["Practice", "Statement", "Text", "Answer"]]
    return Figure("items", "Every statement you rated", chart, caption, table)


def mix_figure(profile: Profile, assessment: Assessment) -> Figure:
    """Overview: how the answers to each practice spread across the scale."""
    scale = profile.framework.scale
    answer_order = [level.label for level in scale.levels] + [scale.not_applicable.label]
    rows = []
    for s in profile.scores:
        for indicator in s.practice.indicators:
            rating = assessment.rating(indicator.id)
            if rating is not None:
                rows.append(
                    {"Practice": s.practice.short_name, "Answer": _rating_text(scale, rating)}
                )
    data = pd.DataFrame(rows, columns=["Practice", "Answer"])
    counts = data.groupby(["Practice", "Answer"], sort=False).size().reset_index(name="Statements")
    counts["Order"] = counts["Answer"].map(answer_order.index)
    chart = configure_chart(
        alt.Chart(counts)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y("Practice:N", sort=[s.practice.short_name for s in profile.scores], title=None),
            x=alt.X("Statements:Q", title="Statements", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("Answer:N", scale=_answer_scale(scale), sort=answer_order, title=None),
            order=alt.Order("Order:Q"),
            tooltip=["Practice:N", "Answer:N", "Statements:Q"],
        )
        .properties(width=WIDTH, height=36 * len(profile.scores))
    )
    high = [level.label for level in scale.levels[-2:]]
    low = [level.label for level in scale.levels[:2]]
    caption = (
        f"How your {len(data)} answers spread across the scale. "
        f"{data['Answer'].isin(high).sum()} are {' or '.join(high)}; "
        f"{data['Answer'].isin(low).sum()} are {' or '.join(low)}."
    )
    table = (
        counts.pivot_table(index="Practice", columns="Answer", values="Statements", fill_value=0)
        .reindex(columns=[a for a in answer_order if a in set(counts["Answer"])])
        .reset_index()
    )
    table.columns.name = None
    return Figure("mix", "Your answers, by practice", chart, caption, table)


def figures(profile: Profile, assessment: Assessment) -> tuple[Figure, ...]:
    """The three result charts, in the order the Results page and the report show them."""
    return (
        gap_figure(profile),
        heatmap_figure(profile, assessment),
        mix_figure(profile, assessment),
    )
