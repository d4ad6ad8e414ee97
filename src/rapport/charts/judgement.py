"""What my choices show: per practice, the self-rating beside the scenario judgement, both
on 0-100 (core/judgement.py), flagged practices first."""

from __future__ import annotations

import altair as alt
import pandas as pd

from rapport.charts.dumbbell import dumbbell
from rapport.charts.style import CURRENT_COLOUR, Figure
from rapport.core.i18n import N_, _, ngettext, pgettext
from rapport.core.judgement import CHOOSES_BETTER, SAYS_MORE, SayDo
from rapport.core.text import join_words

CHOICES_COLOUR = "#007A5A"  # Okabe-Ito bluish green, darkened for 3:1 on white
SAY, DO = "Self-rating", "Choices"  # the chart's field names; the reader reads their _()
READING = {
    SAYS_MORE: N_("Says more than the choices show"),
    CHOOSES_BETTER: N_("Choices beat the self-rating"),
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
                "Reading": _(READING[s.flag]) if s.flag in READING else "",
            }
            for s in found
        ],
        columns=["Practice", "Full name", SAY, DO, "Gap", "Reading"],
    )
    # Translators: the two marks of the chart: the person's own rating of a practice, and
    # the judgement their choices in the client situations show.
    say, do = _("Self-rating"), _("Choices")
    # Translators: what a practice's gap means ("Says more than the choices show").
    reading = pgettext("interpretation of a result", "Reading")
    chart = dumbbell(
        rows,
        (SAY, DO),
        (say, do),
        ((CURRENT_COLOUR, "circle"), (CHOICES_COLOUR, "triangle-up")),
        None,
        [alt.Tooltip("Gap:Q", title=_("Gap")), alt.Tooltip("Reading:N", title=reading)],
        percent=_("Score (0-100)"),
    )
    flagged = [s.practice.name for s in found if s.flag == SAYS_MORE]
    sentences = [
        ngettext(
            "Self-rating (circle) and the judgement shown in the client situations (triangle), "
            "both 0-100, for {n} practice.",
            "Self-rating (circle) and the judgement shown in the client situations (triangle), "
            "both 0-100, for {n} practices.",
            len(found),
        ).format(n=len(found))
    ]
    if flagged:
        sentences.append(
            # Translators: {practices} lists practices' full names ("A, B and C").
            _(
                "The self-rating runs a third of the range or more above the choices for "
                "{practices}."
            ).format(practices=join_words(flagged))
        )
    else:
        sentences.append(_("No practice where the self-rating runs far above the choices."))
    table = rows.drop(columns=["Full name"]).rename(
        columns={
            "Practice": _("Practice"),
            SAY: say,
            DO: do,
            "Gap": _("Gap"),
            "Reading": reading,
        }
    )
    return Figure("choices", _("Self-rating against choices"), chart, " ".join(sentences), table)
