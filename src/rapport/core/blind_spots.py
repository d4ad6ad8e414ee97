"""Blind spots and hidden strengths: where a person's own view and others' part ways.

A gap of a third of the scale's range or more between the own score and all others'
published average is worth naming: self above others is a blind spot, others above self a
hidden strength (the line Primalogik's 360-degree reports draw between the two).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapport.core.assessment import Assessment
from rapport.core.feedback import FLOOR, FeedbackView, in_numbers
from rapport.core.framework import Framework, Indicator, Practice
from rapport.core.i18n import N_
from rapport.core.room import published_mean
from rapport.core.scoring import Profile
from rapport.core.snapshots import Snapshot


def gap_threshold(levels: int) -> float:
    """A third of the scale's range: self and others this far apart is a blind spot (self
    higher) or a hidden strength (others higher). 4/3 on five levels."""
    return (levels - 1) / 3


# What a contrast is: compared as values (Contrast.kind), and English words marked for the
# catalog, so `_()` them where they are shown.
# Translators: own rating well above others' ratings (a 360-degree feedback term).
BLIND_SPOT = N_("blind spot")
# Translators: others' ratings well above one's own (a 360-degree feedback term).
HIDDEN_STRENGTH = N_("hidden strength")


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


@dataclass(frozen=True)
class RaterRatings:
    """One rater's statement ratings, as stored: None for "I haven't seen this"."""

    perspective: str
    seq: int
    ratings: Mapping[str, int | None]


@dataclass(frozen=True)
class StatementGap:
    """One statement: the person's own rating beside all others' published average."""

    practice: Practice
    indicator: Indicator
    own: int
    others: float
    others_n: int

    @property
    def difference(self) -> float:
        return self.own - self.others


def _included(
    view: FeedbackView, snapshots: Mapping[str, Snapshot], practice_id: str
) -> list[str] | None:
    """The perspectives whose raters are in all others' numbers for the practice, or None
    when the practice is not shown for all others."""
    if view.everyone is None or view.everyone.shown(practice_id) is None:
        return None
    return [p for p, snapshot in snapshots.items() if in_numbers(view, p, snapshot, practice_id)]


def statement_gaps(
    framework: Framework,
    view: FeedbackView,
    snapshots: Mapping[str, Snapshot],
    raters: Iterable[RaterRatings],
    own: Assessment,
    limit: int = 3,
) -> tuple[StatementGap, ...]:
    """The statements where my rating and others' average differ most (at least a third
    of the scale apart), widest first.

    A statement's average is taken over exactly the raters in all others' number for its
    practice, and only when every one of them rated every statement of that practice: then
    the practice's average is the mean of its statements' averages, and the statements add
    nothing that could be subtracted from it. (Had one rater skipped a statement, the
    practice average and the statement averages together would give that rater away.)
    """
    raters = list(raters)
    threshold = gap_threshold(framework.scale.max_value)
    found: list[StatementGap] = []
    for practice in framework.practices:
        perspectives = _included(view, snapshots, practice.id)
        if not perspectives:
            continue
        chosen = [
            r
            for r in raters
            if r.perspective in perspectives
            and r.seq <= snapshots[r.perspective].refreshed.get(practice.id, 0)
            and any(r.ratings.get(i.id) is not None for i in practice.indicators)
        ]
        complete = all(r.ratings.get(i.id) is not None for r in chosen for i in practice.indicators)
        if len(chosen) < FLOOR or not complete:
            continue
        for indicator in practice.indicators:
            mine = own.numeric_rating(indicator.id)
            if mine is None:
                continue
            values = [int(r.ratings[indicator.id] or 0) for r in chosen]
            others = published_mean(sum(values) / len(values), framework.scale.max_value)
            if abs(mine - others) >= threshold:
                found.append(StatementGap(practice, indicator, mine, others, len(values)))
    found.sort(key=lambda g: (-abs(g.difference), g.indicator.id))
    return tuple(found[:limit])
