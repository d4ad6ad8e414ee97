"""Recommendations that follow from a person's own answers, never generic advice.

For each practice below target, the indicators rated below the target are the places to
start, and the framework's actions are ranked by how low the person rated the indicators
each action improves.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapport.core.assessment import Assessment
from rapport.core.framework import Action, Indicator
from rapport.core.i18n import _
from rapport.core.scoring import PracticeScore, Profile
from rapport.core.text import number

MAX_ACTIONS = 2


@dataclass(frozen=True)
class RatedIndicator:
    indicator: Indicator
    rating: int


@dataclass(frozen=True)
class PracticePlan:
    score: PracticeScore
    weakest: tuple[RatedIndicator, ...]  # rated below target, lowest first
    actions: tuple[Action, ...]  # most relevant first; empty when the target is met


def numeric_ratings(score: PracticeScore, assessment: Assessment) -> dict[str, int]:
    return {
        i.id: value
        for i in score.practice.indicators
        if (value := assessment.numeric_rating(i.id)) is not None
    }


def plan_practice(score: PracticeScore, assessment: Assessment) -> PracticePlan:
    ratings = numeric_ratings(score, assessment)
    weakest = sorted(
        (
            RatedIndicator(indicator, ratings[indicator.id])
            for indicator in score.practice.indicators
            if indicator.id in ratings and ratings[indicator.id] < score.target
        ),
        key=lambda r: r.rating,  # sorted() is stable: ties keep the framework's order
    )
    if score.meets_target or not score.scored:
        return PracticePlan(score, tuple(weakest), ())

    def relevance(action: Action) -> tuple[int, int]:
        linked = [ratings[i] for i in action.indicators if i in ratings]
        lowest = min(linked, default=score.target)
        below = sum(r < score.target for r in linked)
        return (lowest, -below)

    ranked = sorted(score.practice.actions, key=relevance)
    return PracticePlan(score, tuple(weakest), tuple(ranked[:MAX_ACTIONS]))


def action_plan(profile: Profile, assessment: Assessment) -> tuple[PracticePlan, ...]:
    """Plans for the focus practices, most urgent first."""
    return tuple(plan_practice(score, assessment) for score in profile.focus)


def describe_level(profile: Profile, value: float) -> str:
    """ "3.4 (Sometimes)": a practice's level and the scale's nearest word."""
    # Translators: a practice's level, as in "3.4 (Sometimes)": {value} is the score and
    # {word} the nearest word of the rating scale.
    return _("{value} ({word})").format(
        value=number(value, 1), word=profile.framework.scale.nearest_label(value)
    )
