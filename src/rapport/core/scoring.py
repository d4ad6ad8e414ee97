"""Scores, gaps and priorities, derived only from one person's answers.

Model (after the Stakeholder Circle's current-vs-target engagement profile): each practice
has a current level (the mean of its rated indicators), a target level and an importance.
The gap is target - current; priority is the positive gap weighted by importance.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework, Practice

FOCUS_SIZE = 3


@dataclass(frozen=True)
class PracticeScore:
    practice: Practice
    position: int  # order in the framework, the final tie-breaker
    current: float | None  # None when no indicator has a scale rating (N/A does not count)
    target: int
    importance: int
    importance_is_default: bool
    answered: int  # indicators with any answer, N/A included
    rated: int  # indicators with a scale rating
    total: int
    example: str

    @property
    def scored(self) -> bool:
        return self.current is not None

    @property
    def gap(self) -> float | None:
        return None if self.current is None else self.target - self.current

    @property
    def weighted_gap(self) -> float | None:
        gap = self.gap
        return None if gap is None else max(gap, 0.0) * self.importance

    @property
    def meets_target(self) -> bool:
        gap = self.gap
        return gap is not None and gap <= 0


@dataclass(frozen=True)
class Profile:
    framework: Framework
    scores: tuple[PracticeScore, ...]  # framework order

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.scores)

    @property
    def total(self) -> int:
        return sum(s.total for s in self.scores)

    @property
    def completion(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def scored(self) -> tuple[PracticeScore, ...]:
        return tuple(s for s in self.scores if s.scored)

    @property
    def is_empty(self) -> bool:
        return not self.scored

    @property
    def is_complete(self) -> bool:
        return self.answered == self.total

    @property
    def priorities(self) -> tuple[PracticeScore, ...]:
        """Scored practices, most urgent first: weighted gap, then raw gap, then framework order."""
        return tuple(
            sorted(
                self.scored, key=lambda s: (-(s.weighted_gap or 0.0), -(s.gap or 0.0), s.position)
            )
        )

    @property
    def focus(self) -> tuple[PracticeScore, ...]:
        """Up to three practices below their target, the most urgent first."""
        return tuple(s for s in self.priorities if (s.weighted_gap or 0.0) > 0)[:FOCUS_SIZE]

    @property
    def strengths(self) -> tuple[PracticeScore, ...]:
        """Practices at or above target, highest current level first."""
        meeting = [s for s in self.scored if s.meets_target]
        return tuple(sorted(meeting, key=lambda s: (-(s.current or 0.0), s.position)))

    @property
    def unsupported_high(self) -> tuple[PracticeScore, ...]:
        """Practices rated high (Often or above on five levels) with no example given.

        Self-ratings run optimistic; a concrete recent example is the check we ask for.
        """
        threshold = self.framework.scale.high_from
        return tuple(
            s for s in self.scored if (s.current or 0) >= threshold and not s.example.strip()
        )

    def priority_rank(self, practice_id: str) -> int | None:
        for rank, score in enumerate(self.priorities, start=1):
            if score.practice.id == practice_id:
                return rank
        return None


def score_practice(
    framework: Framework, assessment: Assessment, practice: Practice, position: int
) -> PracticeScore:
    answers = [assessment.rating(i.id) for i in practice.indicators]
    values = [v for i in practice.indicators if (v := assessment.numeric_rating(i.id)) is not None]
    return PracticeScore(
        practice=practice,
        position=position,
        current=fmean(values) if values else None,
        target=assessment.target(framework, practice.id),
        importance=assessment.importance(framework, practice.id),
        importance_is_default=assessment.choice(practice.id).importance is None,
        answered=sum(a is not None for a in answers),
        rated=len(values),
        total=len(answers),
        example=assessment.choice(practice.id).example,
    )


def score(framework: Framework, assessment: Assessment) -> Profile:
    return Profile(
        framework=framework,
        scores=tuple(
            score_practice(framework, assessment, practice, position)
            for position, practice in enumerate(framework.practices)
        ),
    )
