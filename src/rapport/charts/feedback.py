"""How others see a person: their own score beside each group of raters, per practice.

Only what core/feedback.py lets the owner see reaches this chart: groups at or above the
floor, and practices that a group's raters rated often enough. Every group's mark carries
its count, in the tooltip and the table, and groups differ by shape as well as colour.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.style import (
    CURRENT_COLOUR,
    SCREEN,
    TARGET_COLOUR,
    WIDTH,
    Figure,
    configure_chart,
    scale_axis,
)
from rapport.core.blind_spots import BLIND_SPOT, HIDDEN_STRENGTH, Contrast
from rapport.core.feedback import ALL, ALL_LABEL, FeedbackView, Group
from rapport.core.framework import Framework
from rapport.core.i18n import N_, _, ngettext, pgettext
from rapport.core.scoring import Profile

# Translators: the person themselves, beside the groups who rated them (a legend entry and
# a column).
SELF = N_("Me")  # shown as _(SELF)
READING = {BLIND_SPOT: N_("Blind spot"), HIDDEN_STRENGTH: N_("Hidden strength")}
# The person first, then each group in the view's order; "All others" (always last) is
# drawn in the darkest grey. Okabe-Ito colours, each with a shape of its own.
_GROUP_MARKS = (
    (TARGET_COLOUR, "diamond"),
    ("#007A5A", "triangle-up"),  # bluish green, darkened for 3:1 on white
    ("#A8527F", "triangle-down"),  # reddish purple, darkened likewise
    ("#2B7DB0", "cross"),
)
_SELF_MARK = (CURRENT_COLOUR, "circle")
_ALL_MARK = ("#333333", "square")
COLUMNS = ["Practice", "Full name", "Who", "Level", "n"]  # field names, not shown as such


def _marks(who: list[str], with_self: bool, last_is_all: bool) -> list[tuple[str, str]]:
    groups = len(who) - with_self - last_is_all
    marks = [_GROUP_MARKS[i % len(_GROUP_MARKS)] for i in range(groups)]
    return ([_SELF_MARK] if with_self else []) + marks + ([_ALL_MARK] if last_is_all else [])


def feedback_figure(
    framework: Framework, view: FeedbackView, profile: Profile | None
) -> Figure | None:
    """Own score (when there is one) and each shown group's average, per practice; None
    until a group is shown."""
    if view.everyone is None:
        return None
    own = {s.practice.id: s.current for s in profile.scored} if profile is not None else {}
    # With one group shown, "All others" is that group: drawn twice, one hides the other.
    groups = [g for g in view.groups if g.key != ALL] if len(view.groups) == 2 else view.groups
    me = _(SELF)
    rows: list[dict[str, object]] = []
    for practice in framework.practices:
        if view.everyone.shown(practice.id) is None:
            continue
        if own.get(practice.id) is not None:
            rows.append(_row(practice.short_name, practice.name, me, own[practice.id], None))
        for group in groups:
            aggregate = group.shown(practice.id)
            if aggregate is not None and aggregate.mean_current is not None:
                level, n = aggregate.mean_current, aggregate.responses
                rows.append(_row(practice.short_name, practice.name, _who(group), level, n))
    data = pd.DataFrame(rows, columns=COLUMNS)
    who = ([me] if own else []) + [_who(g) for g in groups]
    marks = _marks(who, bool(own), last_is_all=groups[-1].key == ALL)
    order = list(dict.fromkeys(data["Practice"]))
    chart = configure_chart(
        alt.Chart(data)
        .mark_point(filled=True, size=180, opacity=0.95)
        .encode(
            y=alt.Y("Practice:N", sort=order, title=None),
            # Each group a little apart within its practice's row: equal values never hide
            # one mark behind another.
            yOffset=alt.YOffset("Who:N", sort=who, scale=alt.Scale(paddingOuter=0.6)),
            x=alt.X(
                "Level:Q",
                scale=alt.Scale(domain=[1, framework.scale.max_value], nice=False, padding=12),
                axis=scale_axis(framework.scale, _("How often")),
            ),
            color=alt.Color(
                "Who:N",
                scale=alt.Scale(domain=who, range=[c for c, _ in marks]),
                legend=alt.Legend(title=None, orient="bottom", columns=3),
            ),
            shape=alt.Shape(
                "Who:N", scale=alt.Scale(domain=who, range=[s for _, s in marks]), legend=None
            ),
            tooltip=[
                alt.Tooltip("Full name:N", title=_("Practice")),
                # Translators: a tooltip's title: whose rating a mark is ("Me", "Clients (n=3)").
                alt.Tooltip("Who:N", title=_("Who")),
                alt.Tooltip("Level:Q", format=".1f", title=_("Level")),
                alt.Tooltip("n:Q", title=_raters()),
            ],
        )
        .properties(width=WIDTH, height=max(120, SCREEN.row * len(order))),
        SCREEN,
    )
    # Translators: a group and how many rated in it ("clients 3"), in a list in brackets.
    count = _("{group} {n}")
    counts = ", ".join(count.format(group=g.label.lower(), n=g.raters) for g in groups)
    n = len(order)
    if own:
        # Translators: {counts} lists each group with its raters ("clients 3, teammates 4").
        first = ngettext(
            "How others rate {n} practice, beside my own score (raters: {counts}).",
            "How others rate {n} practices, beside my own score (raters: {counts}).",
            n,
        )
    else:
        # Translators: {counts} lists each group with its raters ("clients 3, teammates 4").
        first = ngettext(
            "How others rate {n} practice, beside each other (raters: {counts}).",
            "How others rate {n} practices, beside each other (raters: {counts}).",
            n,
        )
    caption = " ".join(
        (
            first.format(n=n, counts=counts),
            _(
                "Each group's mark is its average; a group appears only where at least three "
                "of its raters rated the practice."
            ),
        )
    )
    table = data.drop(columns=["Full name"]).rename(
        columns={"Practice": _("Practice"), "Who": _("Who"), "Level": _("Level"), "n": _raters()}
    )
    return Figure("others", _("How others see me"), chart, caption, table)


def _raters() -> str:
    # Translators: a column and a tooltip: how many people of a group rated.
    return _("Raters")


def _who(group: Group) -> str:
    """A group as the legend names it, with its raters: the count beside every value."""
    # Translators: a group of raters as the legend names it, with their number
    # ("Clients (n=3)").
    return _("{group} (n={n})").format(group=group.label, n=group.raters)


def _row(label: str, name: str, who: str, level: float, n: int | None) -> dict[str, object]:
    return {"Practice": label, "Full name": name, "Who": who, "Level": round(level, 1), "n": n}


def contrast_table(found: tuple[Contrast, ...]) -> pd.DataFrame:
    """The comparison as a table: own score, all others, the difference and what it is."""
    columns = [
        _("Practice"),
        _(SELF),
        _(ALL_LABEL),
        _raters(),
        _("Difference"),
        # Translators: a column: what a difference means ("Blind spot").
        pgettext("interpretation of a result", "Reading"),
    ]
    return pd.DataFrame(
        [
            (
                c.practice.name,
                round(c.own, 1),
                c.others,
                c.others_n,
                round(c.difference, 1),
                _(READING[c.kind]) if c.kind in READING else "",
            )
            for c in found
        ],
        columns=columns,
    )
