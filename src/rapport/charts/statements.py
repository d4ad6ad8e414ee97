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
from rapport.core.i18n import _, ngettext
from rapport.core.scoring import Profile
from rapport.core.text import join_words


def _statement(number: int) -> str:
    # Translators: a statement's short name in the heatmap's columns ("S1", "S2"...): a
    # letter or two at most, the column is narrow.
    return _("S{number}").format(number=number)


def _not_applicable() -> str:
    # Translators: the mark in a heatmap cell rated "not applicable": three or four
    # characters at most.
    return _("n/a")


def heatmap_figure(profile: Profile, assessment: Assessment) -> Figure:
    """Every statement's rating, one row per practice and one column per statement."""
    scale = profile.framework.scale
    widest = max(len(s.practice.indicators) for s in profile.scores)
    rows = []
    na = _not_applicable()
    for s in profile.scores:
        for number, indicator in enumerate(s.practice.indicators, start=1):
            rating = assessment.rating(indicator.id)
            numeric = assessment.numeric_rating(indicator.id)
            rows.append(
                {
                    "Practice": s.practice.short_name,
                    "Statement": _statement(number),
                    "Text": indicator.text,
                    "Rating": numeric,
                    "Answer": scale.word(rating),
                    "Mark": str(numeric) if numeric else (na if rating else "–"),
                }
            )
    data = pd.DataFrame(rows)
    # A practice with fewer statements than the widest has no cell there, drawn as an
    # outline so that it never reads as a skipped (white, "Not answered") statement.
    absent = pd.DataFrame(
        [
            {"Practice": s.practice.short_name, "Statement": _statement(number)}
            for s in profile.scores
            for number in range(len(s.practice.indicators) + 1, widest + 1)
        ],
        columns=["Practice", "Statement"],
    )
    order = [s.practice.short_name for s in profile.scores]
    columns = [_statement(number) for number in range(1, widest + 1)]
    base = alt.Chart(data).encode(
        y=alt.Y("Practice:N", sort=order, title=None),
        x=alt.X("Statement:O", sort=columns, title=_("Statement"), axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("Practice:N", title=_("Practice")),
            alt.Tooltip("Text:N", title=_("Statement")),
            # Translators: a tooltip's title: the answer word given ("Often", "Not answered").
            alt.Tooltip("Answer:N", title=_("Answer")),
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
                tooltip=[
                    alt.Tooltip("Practice:N", title=_("Practice")),
                    alt.Tooltip("Statement:N", title=_("Statement")),
                ],
            )
        )
    chart = configure_chart(alt.layer(*layers).properties(width=WIDTH, height=36 * len(order)))
    rated = data.dropna(subset=["Rating"])
    sentences = [
        ngettext(
            "Ratings of all {n} statement (darker is more often; {na} is not applicable, – is "
            "not answered).",
            "Ratings of all {n} statements (darker is more often; {na} is not applicable, – is "
            "not answered).",
            len(data),
        ).format(n=len(data), na=na)
    ]
    if not absent.empty:
        counts = {s.practice.short_name: len(s.practice.indicators) for s in profile.scores}
        shorter = [
            # Translators: in a list in brackets: {practice} has {n} statements.
            ngettext("{practice} has {n}", "{practice} has {n}", counts[name]).format(
                practice=name, n=counts[name]
            )
            for name in order
            if name in set(absent["Practice"])
        ]
        sentences.append(
            # Translators: {n} is the most statements a practice has; {practices} lists the
            # practices that have fewer, each with its count ("Show appreciation has 4").
            _(
                "A dashed outline marks where a practice has fewer statements than {n} "
                "({practices})."
            ).format(n=widest, practices=join_words(shorter))
        )

    if rated.empty:
        sentences.append(_("No statement has a rating on the scale yet."))
    elif rated["Rating"].nunique() == 1:
        sentences.append(
            # Translators: {answer} is a word of the scale ("Always").
            _("Every rated statement has the same answer: {answer}.").format(
                answer=rated.iloc[0]["Answer"]
            )
        )
    else:
        lowest = rated.sort_values("Rating", kind="stable").iloc[0]
        sentences.append(
            # Translators: {statement} is the statement's text, {answer} its answer word
            # ("Rarely") and {practice} the practice's short name.
            _("Lowest rated: \u201c{statement}\u201d ({answer}, {practice}).").format(
                statement=lowest["Text"], answer=lowest["Answer"], practice=lowest["Practice"]
            )
        )
    table = data[["Practice", "Statement", "Text", "Answer"]].rename(
        columns={
            "Practice": _("Practice"),
            "Statement": _("Statement"),
            # Translators: a column of the table: the statement's words.
            "Text": _("Text"),
            "Answer": _("Answer"),
        }
    )
    return Figure("items", _("Every statement, as rated"), chart, " ".join(sentences), table)


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
            x=alt.X("Statements:Q", title=_("Statements"), axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("Answer:N", scale=answer_scale(scale), sort=answer_order, title=None),
            order=alt.Order("Order:Q"),
            tooltip=[
                alt.Tooltip("Practice:N", title=_("Practice")),
                alt.Tooltip("Answer:N", title=_("Answer")),
                alt.Tooltip("Statements:Q", title=_("Statements")),
            ],
        )
        .properties(width=WIDTH, height=36 * len(profile.scores))
    )
    high = [level.label for level in scale.high_levels]
    low = [level.label for level in scale.low_levels]
    # Translators: {high_count} answers were {high}, the scale's highest words ("Often or
    # Always"); {low_count} were {low}, its lowest ("Never or Rarely").
    caption = ngettext(
        "How the {n} answer spread across the scale: {high_count} {high}, {low_count} {low}.",
        "How the {n} answers spread across the scale: {high_count} {high}, {low_count} {low}.",
        len(data),
    ).format(
        n=len(data),
        high_count=data["Answer"].isin(high).sum(),
        high=join_words(high, "or"),
        low_count=data["Answer"].isin(low).sum(),
        low=join_words(low, "or"),
    )
    table = (
        counts.pivot_table(
            index="Practice", columns="Answer", values="Statements", aggfunc="sum", fill_value=0
        )
        .reindex(index=[p for p in practice_order if p in set(counts["Practice"])])
        .reindex(columns=[a for a in answer_order if a in set(counts["Answer"])])
        .astype(int)
        .reset_index()
        .rename(columns={"Practice": _("Practice")})
    )
    table.columns.name = None
    return Figure("mix", _("Answers by practice"), chart, caption, table)
