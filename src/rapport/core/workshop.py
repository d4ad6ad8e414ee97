"""Workshops: a room of participants answering privately, and what the room may see.

The trust of the room rests on rules kept here, in the pure core: nothing is aggregated
below the minimum group size k (per practice as well as overall); results stay hidden until
the facilitator reveals them; a level distribution is drawn only where it cannot tell a
participant the others' levels; and the room's results move only in published snapshots,
each taking in at least k new answers, so comparing two of them never isolates one person.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rapport.core.assessment import Assessment
from rapport.core.errors import RapportError
from rapport.core.framework import Framework, Practice
from rapport.core.scoring import score

# No look-alikes (0/O, 1/I/L, 5/S, 2/Z, 8/B): a code read off a projector is typed right.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
MIN_GROUP_FLOOR = 3
DEFAULT_MIN_GROUP = 5
REVEAL_ALL = "*"


class WorkshopError(RapportError):
    """A workshop action that cannot be done: unknown code, closed workshop, bad settings."""


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: str) -> str | None:
    """A typed code in canonical form, or None when it cannot be a join code."""
    code = "".join(text.split()).upper().replace("-", "")
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return None
    return code


@dataclass(frozen=True)
class Workshop:
    id: str
    code: str
    title: str
    framework_id: str
    framework_version: str
    min_group_size: int
    share_with_participants: bool
    is_open: bool
    revealed: frozenset[str]  # practice ids, or REVEAL_ALL
    created_at: datetime
    expires_at: datetime

    def is_revealed(self, practice_id: str) -> bool:
        return REVEAL_ALL in self.revealed or practice_id in self.revealed

    def has_ended(self, now: datetime) -> bool:
        """Past its retention time: it takes no answers and opens no dashboard."""
        return self.expires_at <= now


@dataclass(frozen=True)
class NewResponse:
    """A submission as stored: who (a hash), the anonymous answers, their practices."""

    participant_hash: str
    answers_json: str
    practices: tuple[PracticeResult, ...]
    submitted_at: datetime


@dataclass(frozen=True)
class PracticeResult:
    """One practice of one submission, as stored for aggregation."""

    practice_id: str
    current: float | None
    target: int
    importance: int

    @property
    def level(self) -> int | None:
        """The scale level this score rounds to (half rounds up), for the distribution."""
        return None if self.current is None else math.floor(self.current + 0.5)


def practice_results(framework: Framework, assessment: Assessment) -> tuple[PracticeResult, ...]:
    return tuple(
        PracticeResult(s.practice.id, s.current, s.target, s.importance)
        for s in score(framework, assessment).scores
    )


@dataclass(frozen=True)
class PracticeRow:
    """One row of the dashboard's single GROUP BY (workshop, practice, level) query."""

    practice_id: str
    level: int | None  # None: submissions that have no score for this practice
    responses: int
    sum_current: float
    sum_current_sq: float
    sum_target: float


@dataclass(frozen=True)
class PracticeAggregate:
    practice: Practice
    responses: int  # submissions with a score for this practice
    mean_current: float | None
    mean_target: float | None
    spread: float | None  # population standard deviation of the current levels
    distribution: tuple[int, ...]  # submissions per scale level, level 1 first; zeros if hidden
    shown: bool  # enough responses (k) for this practice to be aggregated at all
    distribution_shown: bool = False  # the per-level counts are safe to draw (see below)

    @classmethod
    def hidden(cls, practice: Practice, responses: int, levels: int) -> PracticeAggregate:
        """A practice the room may not see: its count at most, no numbers."""
        return cls(practice, responses, None, None, None, (0,) * levels, False, False)


@dataclass(frozen=True)
class RoomSummary:
    count: int
    min_group_size: int
    practices: tuple[PracticeAggregate, ...] = field(default=())

    @property
    def ready(self) -> bool:
        return still_needed(self.count, self.min_group_size) == 0

    @property
    def waiting_for(self) -> int:
        return still_needed(self.count, self.min_group_size)

    @property
    def spotlight(self) -> PracticeAggregate | None:
        """Where the room disagrees most: the widest spread among aggregated practices."""
        return widest_spread(self.practices)

    def practice(self, practice_id: str) -> PracticeAggregate | None:
        return next((p for p in self.practices if p.practice.id == practice_id), None)


def still_needed(count: int, min_group_size: int) -> int:
    """How many more responses before anything about the room may be shown."""
    return max(0, min_group_size - count)


def by_practice(rows: Iterable[PracticeRow]) -> dict[str, list[PracticeRow]]:
    grouped: dict[str, list[PracticeRow]] = {}
    for row in rows:
        grouped.setdefault(row.practice_id, []).append(row)
    return grouped


def scored_responses(rows: Iterable[PracticeRow]) -> int:
    """Responses with a score among one practice's rows (level None: not applicable)."""
    return sum(r.responses for r in rows if r.level is not None)


def responses_in(rows: Iterable[PracticeRow]) -> int:
    """Submissions behind GROUP BY rows: every submission has a row for every practice."""
    return max((sum(r.responses for r in group) for group in by_practice(rows).values()), default=0)


def widest_spread(aggregates: Iterable[PracticeAggregate]) -> PracticeAggregate | None:
    """The shown practice whose scores spread the widest (the disagreement spotlight)."""
    candidates = [a for a in aggregates if a.shown and a.spread is not None]
    return max(candidates, key=lambda a: a.spread or 0.0, default=None)


def distribution_is_safe(counts: Sequence[int], min_group_size: int) -> bool:
    """Per-level counts say more than an average: a participant who knows their own level
    reads the others' off the bars. They are drawn only for at least 2k responses, and
    only while at least k people sit outside the fullest level: otherwise one of the few
    outside it learns that everybody else is on it (six answers with levels 0,1,0,5,0 at
    k = 3 told the one at Rarely that the five others chose Often)."""
    responses = sum(counts)
    return responses >= 2 * min_group_size and max(counts, default=0) <= (
        responses - min_group_size
    )


def summarize(
    framework: Framework, min_group_size: int, rows: Iterable[PracticeRow]
) -> RoomSummary:
    """Fold the GROUP BY rows into per-practice aggregates, hiding groups smaller than k."""
    levels = framework.scale.max_value
    rows = list(rows)
    grouped = by_practice(rows)
    count = responses_in(rows)
    aggregates = []
    for practice in framework.practices:
        scored = [r for r in grouped.get(practice.id, []) if r.level is not None]
        n = scored_responses(scored)
        shown = count >= min_group_size and n >= min_group_size
        if not shown or n == 0:
            aggregates.append(PracticeAggregate.hidden(practice, n, levels))
            continue
        mean = sum(r.sum_current for r in scored) / n
        variance = max(0.0, sum(r.sum_current_sq for r in scored) / n - mean * mean)
        distribution = [0] * levels
        for r in scored:
            distribution[min(levels, max(1, r.level or 1)) - 1] += r.responses
        safe = distribution_is_safe(distribution, min_group_size)
        aggregates.append(
            PracticeAggregate(
                practice,
                n,
                mean,
                sum(r.sum_target for r in scored) / n,
                math.sqrt(variance),
                tuple(distribution) if safe else (0,) * levels,
                True,
                safe,
            )
        )
    return RoomSummary(count, min_group_size, tuple(aggregates))
