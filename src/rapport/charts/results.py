"""The student's results: the gap chart, and the figures the Results page and report show."""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.dumbbell import dumbbell
from rapport.charts.statements import heatmap_figure, mix_figure
from rapport.charts.style import (
    CURRENT_COLOUR,
    TARGET_COLOUR,
    Figure,
)
from rapport.core.assessment import Assessment
from rapport.core.i18n import _, ngettext
from rapport.core.plan import describe_level
from rapport.core.scoring import Profile


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
    table = rows[["Priority", "Practice", "Current", "Target", "Gap"]].rename(
        columns={
            # Translators: a column of the table: the practice's rank, 1 the most urgent.
            "Priority": _("Priority"),
            "Practice": _("Practice"),
            # Translators: a column, the legend and a tooltip: the current level.
            "Current": _("Current"),
            # Translators: a column, the legend and a tooltip: the target level.
            "Target": _("Target"),
            # Translators: the distance between the two levels a chart sets side by side.
            "Gap": _("Gap"),
        }
    )
    chart = dumbbell(
        rows,
        ("Current", "Target"),
        (_("Current"), _("Target")),
        ((CURRENT_COLOUR, "circle"), (TARGET_COLOUR, "diamond")),
        profile.framework.scale,
        [
            alt.Tooltip("Gap:Q", format="+.1f", title=_("Gap")),
            alt.Tooltip("Priority:O", title=_("Priority")),
        ],
    )
    widest = profile.priorities[0] if profile.priorities else None
    n = len(rows)
    if widest is None:
        caption = _("No practice has a rating yet.")
    elif (widest.gap or 0) > 0:
        met = sum(s.meets_target for s in profile.scored)
        caption = " ".join(
            (
                ngettext(
                    "Current level (circle) against target (diamond) for {n} practice, most "
                    "urgent first.",
                    "Current level (circle) against target (diamond) for {n} practices, most "
                    "urgent first.",
                    n,
                ).format(n=n),
                # Translators: {practice} is a practice's full name; {level} describes its
                # current level ("2.0 (Rarely)"), {target} is a level word ("Often").
                _(
                    "The largest weighted gap is {practice}: {level} against a target of {target}."
                ).format(
                    practice=widest.practice.name,
                    level=describe_level(profile, widest.current or 0),
                    target=profile.framework.scale.label(widest.target),
                ),
                # Translators: "{met} of {n}": how many of the charted practices meet theirs.
                _("Practices meeting their target: {met} of {n}.").format(met=met, n=n),
            )
        )
    else:
        caption = ngettext(
            "Current level (circle) against target (diamond) for {n} practice: every practice "
            "meets or exceeds its target.",
            "Current level (circle) against target (diamond) for {n} practices: every practice "
            "meets or exceeds its target.",
            n,
        ).format(n=n)
    return Figure("gaps", _("Current level against target"), chart, caption, table)


def figures(profile: Profile, assessment: Assessment) -> tuple[Figure, ...]:
    """The three result charts, in the order the Results page and the report show them."""
    return (
        gap_figure(profile),
        heatmap_figure(profile, assessment),
        mix_figure(profile, assessment),
    )
