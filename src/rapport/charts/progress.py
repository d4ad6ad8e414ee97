"""The before/after chart of a retake: core Comparison in, a Figure out."""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.dumbbell import dumbbell
from rapport.charts.style import CURRENT_COLOUR, Figure
from rapport.core.compare import Comparison, progress_sentences
from rapport.core.framework import RatingScale
from rapport.core.i18n import _, pgettext

BEFORE_COLOUR = "#767676"  # grey: the past; "now" keeps the blue used for current levels


def progress_figure(comparison: Comparison, scale: RatingScale) -> Figure:
    """Earlier level (square) and current level (circle) per practice, biggest gain first."""
    comparable = sorted(
        (c for c in comparison.changes if c.comparable), key=lambda c: -(c.change or 0.0)
    )
    wide = pd.DataFrame(
        [
            {
                "Practice": c.practice.short_name,
                "Full name": c.practice.name,
                "Before": round(c.before or 0.0, 2),
                "Now": round(c.after or 0.0, 2),
                "Change": round(c.change or 0.0, 2),
                "Target before": c.target_before,
                "Target now": c.target_after,
            }
            for c in comparable
        ],
        columns=["Practice", "Full name", "Before", "Now", "Change", "Target before", "Target now"],
    )
    # Translators: the level at the earlier assessment, and the level now (legend, tooltip
    # and column of the table).
    before, now = _("Before"), pgettext("current level", "Now")
    chart = dumbbell(
        wide,
        ("Before", "Now"),
        (before, now),
        ((BEFORE_COLOUR, "square"), (CURRENT_COLOUR, "circle")),
        scale,
        [alt.Tooltip("Change:Q", format="+.1f", title=_change())],
    )
    caption = " ".join(progress_sentences(comparison, scale))
    table = wide.drop(columns=["Full name"]).rename(
        columns={
            "Practice": _("Practice"),
            "Before": before,
            "Now": now,
            "Change": _change(),
            # Translators: columns of the table: the target set at the earlier assessment
            # and the one set now.
            "Target before": _("Target before"),
            "Target now": _("Target now"),
        }
    )
    return Figure("progress", _("Progress since the earlier assessment"), chart, caption, table)


def _change() -> str:
    # Translators: a column and a tooltip: how far a level moved since the earlier
    # assessment ("+1.0").
    return pgettext("difference between two levels", "Change")
