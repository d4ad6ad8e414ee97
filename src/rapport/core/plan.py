"""Recommendations that follow from a person's own answers, never generic advice.

For each practice below target, the indicators rated below the target are the places to
start, and the framework's actions are ranked by how low the person rated the indicators
each action improves.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapport.core.assessment import Assessment
from rapport.core.framework import Action, Indicator
from rapport.core.scoring import PracticeScore, Profile
from rapport.core.text import join_some, join_words

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


def _numeric_ratings(score: PracticeScore, assessment: Assessment) -> dict[str, int]:
    return {
        i.id: value
        for i in score.practice.indicators
        if (value := assessment.numeric_rating(i.id)) is not None
    }


def plan_practice(score: PracticeScore, assessment: Assessment) -> PracticePlan:
    ratings = _numeric_ratings(score, assessment)
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
    return f"{value:.1f} ({profile.framework.scale.nearest_label(value)})"


def nothing_scored_sentence(profile: Profile) -> str:
    """Why there is no score yet: nothing answered, or only Not applicable answers."""
    if profile.answered == 0:
        return "No statement has been rated yet, so there are no results to summarize."
    label = profile.framework.scale.not_applicable.label
    return (
        f"All {profile.answered} statements answered so far are marked {label}, so there is "
        "nothing to score yet. Rate the statements that apply to your work."
    )


def summary_sentences(profile: Profile) -> tuple[str, ...]:
    """A plain-words headline of this profile: what is strong, what to work on first."""
    if profile.is_empty:
        return ()
    scale = profile.framework.scale
    sentences: list[str] = []
    if not profile.is_complete:
        sentences.append(
            f"These results use {profile.answered} of your {profile.total} answers so far "
            f"({profile.completion:.0%}); practices you have not rated are left out."
        )
    strengths = profile.strengths
    if strengths:
        best = strengths[0]
        sentence = (
            f"Your strongest practice is {best.practice.name}: you rate it "
            f"{describe_level(profile, best.current or 0)}, meeting your target of "
            f"{scale.label(best.target)}."
        )
        if len(strengths) > 1:
            others = join_some([s.practice.name for s in strengths[1:]], 2, "more")
            sentence += f" You also meet your target in {others}."
        sentences.append(sentence)
    else:
        sentences.append("None of the practices you rated reaches its target yet.")
    focus = profile.focus
    if focus:
        first = focus[0]
        importance = profile.framework.importance.label(first.importance).lower()
        weight = (
            f"importance left at its default, {importance}"
            if first.importance_is_default
            else f"a practice you marked {importance} importance"
        )
        sentences.append(
            f"Focus first on {first.practice.name}: you rate it "
            f"{describe_level(profile, first.current or 0)} against a target of "
            f"{scale.label(first.target)}, a gap of {first.gap:.1f} ({weight})."
        )
        if len(focus) > 1:
            levels = profile.framework.importance
            rest = join_words(
                [
                    f"{s.practice.name} (gap {s.gap:.1f}, "
                    f"{levels.label(s.importance).lower()} importance)"
                    for s in focus[1:]
                ]
            )
            sentences.append(f"Then work on {rest}.")
    else:
        sentences.append(
            "You meet or exceed every target you set; raise a target where you want to stretch."
        )
    return tuple(sentences)


def unsupported_sentence(profile: Profile) -> str | None:
    """A caution when high ratings come without the recent example that would back them."""
    flagged = profile.unsupported_high
    if not flagged:
        return None
    names = join_words([s.practice.name for s in flagged])
    return (
        f"High ratings without a recent example: {names}. Self-ratings tend to run "
        "optimistic; a concrete example from your own work makes a high score credible."
    )
