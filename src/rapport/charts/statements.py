"""Statement-level charts: the heatmap of every rating and the answer mix per practice."""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.style import (
    NEUTRAL_COLOUR,
    WIDTH,
    Figure,
    answer_scale,
    configure_chart,
    is_dark,
    level_colours,
)
from rapport.core.assessment import Assessment
from rapport.core.scoring import Profile
from rapport.core.text import join_words, plural


def heatmap_figure(profile: Profile, assessment: Assessment) -> Figure:
    """Every statement's rating, one row per practice and one column per statement."""
    scale = profile.framework.scale
    widest = max(len(s.practice.indicators) for s in profile.scores)
    rows = []
    for s in profile.scores:
        for number, indicator in enumerate(s.practice.indicators, start=1):
            rating = assessment.rating(indicator.id)
            numeric = assessment.numeric_rating(indicator.id)
            rows.append(
                {
                    "Practice": s.practice.short_name,
                    "Statement": f"S{number}",
                    "Text": indicator.text,
                    "Rating": numeric,
                    "Answer": scale.word(rating),
                    "Mark": str(numeric) if numeric else ("n/a" if rating else "–"),
                }
            )
    data = pd.DataFrame(rows)
    # A practice with fewer statements than the widest has no cell there, drawn as an
    # outline so that it never reads as a skipped (white, "Not answered") statement.
    absent = pd.DataFrame(
        [
            {"Practice": s.practice.short_name, "Statement": f"S{number}"}
            for s in profile.scores
            for number in range(len(s.practice.indicators) + 1, widest + 1)
        ],
        columns=["Practice", "Statement"],
    )
    order = [s.practice.short_name for s in profile.scores]
    columns = [f"S{number}" for number in range(1, widest + 1)]
    base = alt.Chart(data).encode(
        y=alt.Y("Practice:N", sort=order, title=None),
        x=alt.X("Statement:O", sort=columns, title="Statement", axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("Practice:N"),
            alt.Tooltip("Text:N", title="Statement"),
            alt.Tooltip("Answer:N"),
        ],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "Answer:N",
            scale=answer_scale(scale, unanswered=True),
            legend=alt.Legend(title=None, symbolStrokeColor=NEUTRAL_COLOUR, symbolStrokeWidth=1),
        )
    )
    dark = [
        lv.value for lv, c in zip(scale.levels, level_colours(scale), strict=True) if is_dark(c)
    ]
    labels = base.mark_text(fontSize=13, fontWeight="bold").encode(
        text="Mark:N",
        color=alt.condition(
            alt.FieldOneOfPredicate(field="Rating", oneOf=dark),
            alt.value("white"),
            alt.value("black"),
        ),
    )
    layers = [cells, labels]
    if not absent.empty:
        layers.append(
            alt.Chart(absent)
            .mark_rect(fill="white", stroke=NEUTRAL_COLOUR, strokeDash=[3, 3], strokeWidth=1)
            .encode(
                y=alt.Y("Practice:N", sort=order),
                x=alt.X("Statement:O", sort=columns),
                tooltip=[alt.Tooltip("Practice:N"), alt.Tooltip("Statement:N")],
            )
        )
    chart = configure_chart(alt.layer(*layers).properties(width=WIDTH, height=36 * len(order)))
    rated = data.dropna(subset=["Rating"])
    caption = (
        f"Ratings of all {plural(len(data), 'statement')} (darker is more often; n/a is not "
        "applicable, – is not answered)."
    )
    if not absent.empty:
        counts = {s.practice.short_name: len(s.practice.indicators) for s in profile.scores}
        shorter = [
            f"{name} has {counts[name]}" for name in order if name in set(absent["Practice"])
        ]
        caption += (
            f" A dashed outline marks where a practice has fewer statements than {widest} "
            f"({join_words(shorter)})."
        )

    if rated.empty:
        caption += " No statement has a rating on the scale yet."
    elif rated["Rating"].nunique() == 1:
        caption += f" Every rated statement has the same answer: {rated.iloc[0]['Answer']}."
    else:
        lowest = rated.sort_values("Rating", kind="stable").iloc[0]
        caption += (
            f" Lowest rated: \u201c{lowest['Text']}\u201d ({lowest['Answer']}, "
            f"{lowest['Practice']})."
        )
    table = data[["Practice", "Statement", "Text", "Answer"]]
    return Figure("items", "Every statement, as rated", chart, caption, table)


def mix_figure(profile: Profile, assessment: Assessment) -> Figure:
    """Overview: how the answers to each practice spread across the scale."""
    scale = profile.framework.scale
    answer_order = [level.label for level in scale.levels] + [scale.not_applicable.label]
    practice_order = [s.practice.short_name for s in profile.scores]
    data = pd.DataFrame(
        [
            {"Practice": s.practice.short_name, "Answer": scale.word(rating)}
            for s in profile.scores
            for indicator in s.practice.indicators
            if (rating := assessment.rating(indicator.id)) is not None
        ],
        columns=["Practice", "Answer"],
    )
    counts = data.groupby(["Practice", "Answer"], sort=False).size().reset_index(name="Statements")
    counts["Order"] = counts["Answer"].map(answer_order.index)
    chart = configure_chart(
        alt.Chart(counts)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y("Practice:N", sort=practice_order, title=None),
            x=alt.X("Statements:Q", title="Statements", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("Answer:N", scale=answer_scale(scale), sort=answer_order, title=None),
            order=alt.Order("Order:Q"),
            tooltip=["Practice:N", "Answer:N", "Statements:Q"],
        )
        .properties(width=WIDTH, height=36 * len(profile.scores))
    )
    high = [level.label for level in scale.high_levels]
    low = [level.label for level in scale.low_levels]
    caption = (
        f"How the {plural(len(data), 'answer')} spread across the scale: "
        f"{data['Answer'].isin(high).sum()} {' or '.join(high)}, "
        f"{data['Answer'].isin(low).sum()} {' or '.join(low)}."
    )
    table = (
        counts.pivot_table(
            index="Practice", columns="Answer", values="Statements", aggfunc="sum", fill_value=0
        )
        .reindex(index=[p for p in practice_order if p in set(counts["Practice"])])
        .reindex(columns=[a for a in answer_order if a in set(counts["Answer"])])
        .astype(int)
        .reset_index()
    )
    table.columns.name = None
    return Figure("mix", "Answers by practice", chart, caption, table)
