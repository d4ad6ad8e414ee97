"""What my choices show: per practice, the self-rating beside the scenario judgement, both
on 0-100 (core/judgement.py), flagged practices first."""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.dumbbell import dumbbell
from rapport.charts.style import CURRENT_COLOUR, Figure
from rapport.core.judgement import CHOOSES_BETTER, SAYS_MORE, SayDo
from rapport.core.text import join_words, plural

CHOICES_COLOUR = "#007A5A"  # Okabe-Ito bluish green, darkened for 3:1 on white
SAY, DO = "Self-rating", "Choices"
READING = {
    SAYS_MORE: "Says more than the choices show",
    CHOOSES_BETTER: "Choices beat the self-rating",
}


def say_do_figure(found: tuple[SayDo, ...]) -> Figure | None:
    """None until a practice has both a self-rating and a fully rated scenario."""
    if not found:
        return None
    rows = pd.DataFrame(
        [
            {
                "Practice": s.practice.short_name,
                "Full name": s.practice.name,
                SAY: round(s.say),
                DO: round(s.do),
                "Gap": round(s.gap),
                "Reading": READING.get(s.flag or "", ""),
            }
            for s in found
        ],
        columns=["Practice", "Full name", SAY, DO, "Gap", "Reading"],
    )
    chart = dumbbell(
        rows,
        (SAY, DO),
        ((CURRENT_COLOUR, "circle"), (CHOICES_COLOUR, "triangle-up")),
        None,
        [alt.Tooltip("Gap:Q"), alt.Tooltip("Reading:N")],
        percent="Score (0-100)",
    )
    flagged = [s.practice.name for s in found if s.flag == SAYS_MORE]
    caption = (
        f"Self-rating (circle) and the judgement shown in the client situations (triangle), "
        f"both 0-100, for {plural(len(found), 'practice')}."
        + (
            f" The self-rating runs a third of the range or more above the choices for "
            f"{join_words(flagged)}."
            if flagged
            else " No practice where the self-rating runs far above the choices."
        )
    )
    table = rows.drop(columns=["Full name"])
    return Figure("choices", "Self-rating against choices", chart, caption, table)
