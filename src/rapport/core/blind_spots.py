"""Blind spots and hidden strengths: where a person's own view and others' part ways.

A gap of a third of the scale's range or more between the own score and all others'
published average is worth naming: self above others is a blind spot, others above self a
hidden strength (the line Primalogik's 360-degree reports draw between the two).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapport.core.feedback import FeedbackView
from rapport.core.framework import Practice
from rapport.core.scoring import Profile


def gap_threshold(levels: int) -> float:
    """A third of the scale's range: self and others this far apart is a blind spot (self
    higher) or a hidden strength (others higher). 4/3 on five levels."""
    return (levels - 1) / 3


BLIND_SPOT = "blind spot"
HIDDEN_STRENGTH = "hidden strength"


@dataclass(frozen=True)
class Contrast:
    """One practice: the person's own score beside all others' published average."""

    practice: Practice
    own: float
    others: float
    others_n: int
    threshold: float

    @property
    def difference(self) -> float:
        return self.own - self.others

    @property
    def kind(self) -> str | None:
        if self.difference >= self.threshold:
            return BLIND_SPOT
        if -self.difference >= self.threshold:
            return HIDDEN_STRENGTH
        return None


def contrasts(profile: Profile, view: FeedbackView) -> tuple[Contrast, ...]:
    """Own score against all others for every practice both have, widest apart first."""
    everyone = view.everyone
    if everyone is None:
        return ()
    limit = gap_threshold(profile.framework.scale.max_value)
    found = []
    for score in profile.scored:
        aggregate = everyone.shown(score.practice.id)
        if aggregate is None or aggregate.mean_current is None or score.current is None:
            continue
        found.append(
            Contrast(
                score.practice, score.current, aggregate.mean_current, aggregate.responses, limit
            )
        )
    return tuple(sorted(found, key=lambda c: (-abs(c.difference), c.practice.name)))
