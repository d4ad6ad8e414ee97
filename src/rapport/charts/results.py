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
from rapport.core.plan import describe_level
from rapport.core.scoring import Profile
from rapport.core.text import plural


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
