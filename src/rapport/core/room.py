"""What a room may see of its answers: aggregation and the privacy rules it keeps.

The trust of the room rests on rules kept here, in the pure core: nothing is aggregated
below the minimum group size k (per practice as well as overall); results stay hidden until
the facilitator reveals them; a level distribution is drawn only where it cannot tell a
participant the others' levels; published means are rounded and kept off the scale's ends,
and the spread is shown only where it cannot be solved back. The room's results move only
in published snapshots (core/snapshots.py), so comparing two of them never isolates anyone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapport.core.framework import Framework, Practice
from rapport.core.i18n import N_, _

# A published mean is rounded to one decimal and kept this far inside the scale: 4.96 at
# n = 5 said four people scored 5.0 and one 4.8; "4.8" says only that most sit near the top.
MEAN_DECIMALS = 1
MEAN_MARGIN = 0.2

# The rules above in the words every screen, chart and report uses to explain them: English,
# marked for the catalog, so `_()` them where they are shown.
DISTRIBUTION_HIDDEN = N_(
    "Level counts appear only once twice the minimum group size have scored a practice and "
    "at least the minimum group size sit outside its most common level, so no one can read "
    "the others' levels off them."
)
SPREAD_HIDDEN = N_(
    "Spread appears only once twice the minimum group size have scored a practice, so no "
    "one can solve the others' scores from it and the average."
)
# MEAN_MARGIN is written out (0.2) so the constant can be `_()`-ed as it is; a unit test
# keeps the two in step.
# Translators: "0.2" is a fixed number of scale points: write it as your language does.
MEANS_ROUNDED = N_(
    "Averages are rounded to one decimal and kept at least 0.2 inside either "
    "end of the scale, so an average at the very top or bottom cannot tell how each person "
    "scored."
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
    mean_current: float | None  # as published: see published_mean
    mean_target: float | None
    spread: float | None  # standard deviation, one decimal, only from 2k responses on
    distribution: tuple[int, ...]  # submissions per scale level, level 1 first; zeros if hidden
    shown: bool  # enough responses (k) for this practice to be aggregated at all
    distribution_shown: bool = False  # the per-level counts are safe to draw (see below)
    # 1 for the practice whose scores spread the widest, 2 for the next...: the spotlight
    # ranks by the exact spread, which is never shown (0: not ranked, as for hidden ones).
    disagreement_rank: int = 0

    @classmethod
    def hidden(cls, practice: Practice, responses: int, levels: int) -> PracticeAggregate:
        """A practice the room may not see: its count at most, no numbers."""
        return cls(practice, responses, None, None, None, (0,) * levels, False, False)

    @property
    def distribution_responses(self) -> int:
        """The responses behind the level counts drawn: fewer than `responses` while the
        counts wait for a change of at least k per level (see level_counts_to_show)."""
        return sum(self.distribution)


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
    candidates = [a for a in aggregates if a.shown and a.disagreement_rank > 0]
    return min(candidates, key=lambda a: a.disagreement_rank, default=None)


def published_mean(value: float, scale_max: int) -> float:
    """A mean as the room may see it: one decimal, at least MEAN_MARGIN inside the scale
    (1 to scale_max). An exact mean at the top, or a hair under it, tells everyone how each
    person scored; 4.8 on five levels says only that the room sits near the top."""
    return min(scale_max - MEAN_MARGIN, max(1 + MEAN_MARGIN, round(value, MEAN_DECIMALS)))


def published_spread(deviation: float, responses: int, min_group_size: int) -> float | None:
    """The spread as the room may see it: none below 2k responses, one decimal above. At
    n = k = 3, a mean of 3.67 and a spread of 0.98 let someone who knew their own 4.80 solve
    the other two scores (3.80 and 2.41; they were 3.80 and 2.40): two equations, two unknowns.
    From 2k on, at least 2k - 1 unknowns stay behind the same two, rounded, numbers."""
    return round(deviation, 1) if responses >= 2 * min_group_size else None


def level_counts(rows: Iterable[PracticeRow], levels: int) -> tuple[int, ...]:
    """Scored submissions per scale level (level 1 first) among one practice's rows."""
    counts = [0] * levels
    for r in rows:
        if r.level is not None:
            counts[min(levels, max(1, r.level)) - 1] += r.responses
    return tuple(counts)


def counts_may_follow(before: Sequence[int], now: Sequence[int], min_group_size: int) -> bool:
    """Whether level counts shown earlier may be replaced by `now`: only when each level
    moved by none or by at least k people. From (0,0,3,3,0) to (1,0,3,5,0) at k = 3, the room
    would learn that a newcomer chose level 1; counts that wait keep that to themselves."""
    return all(b == n or abs(n - b) >= min_group_size for b, n in zip(before, now, strict=True))


def counts_waiting(aggregates: Sequence[PracticeAggregate]) -> str:
    """Why some level counts add up to fewer people than the practice's n."""
    described = ", ".join(
        # Translators: one practice and how many of its scored responses its level counts
        # hold: "Be proactive (6 of 8)".
        _("{practice} ({counted} of {responses})").format(
            practice=a.practice.name, counted=a.distribution_responses, responses=a.responses
        )
        for a in aggregates
    )
    # Translators: {practices} lists practices such as "Be proactive (6 of 8)", comma-separated.
    return _(
        "Counts for {practices} are the last ones published: level counts change only when "
        "each level gains or loses at least the minimum group size at once, so no newcomer's "
        "level can be read off them."
    ).format(practices=described)


def level_counts_to_show(
    earlier: Sequence[int] | None, now: Sequence[int], min_group_size: int
) -> tuple[int, ...] | None:
    """The level counts to publish for one practice, given the ones last published
    (`earlier`, None if never): the new counts when they are safe on their own and may follow
    the earlier ones, else the earlier ones again (still true of the room they were taken
    from), or None when nothing may be drawn."""
    if distribution_is_safe(now, min_group_size) and (
        earlier is None or counts_may_follow(earlier, now, min_group_size)
    ):
        return tuple(now)
    return None if earlier is None else tuple(earlier)


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
    framework: Framework,
    min_group_size: int,
    rows: Iterable[PracticeRow],
    published_counts: Mapping[str, Sequence[int]] | None = None,
) -> RoomSummary:
    """Fold the GROUP BY rows into per-practice aggregates as the room may see them:
    groups smaller than k hidden, means and spreads published (rounded, see above), and
    level counts from `published_counts` (a snapshot's; practices missing there draw none)
    or, without a snapshot, the counts of `rows` where they are safe on their own."""
    levels = framework.scale.max_value
    rows = list(rows)
    grouped = by_practice(rows)
    count = responses_in(rows)
    aggregates: list[PracticeAggregate] = []
    deviations: dict[str, float] = {}
    for practice in framework.practices:
        scored = [r for r in grouped.get(practice.id, []) if r.level is not None]
        n = scored_responses(scored)
        shown = count >= min_group_size and n >= min_group_size
        if not shown or n == 0:
            aggregates.append(PracticeAggregate.hidden(practice, n, levels))
            continue
        mean = sum(r.sum_current for r in scored) / n
        deviations[practice.id] = math.sqrt(
            max(0.0, sum(r.sum_current_sq for r in scored) / n - mean * mean)
        )
        if published_counts is None:
            counts = level_counts_to_show(None, level_counts(scored, levels), min_group_size)
        else:
            counts = published_counts.get(practice.id)
        aggregates.append(
            PracticeAggregate(
                practice,
                n,
                published_mean(mean, levels),
                published_mean(sum(r.sum_target for r in scored) / n, levels),
                published_spread(deviations[practice.id], n, min_group_size),
                tuple(counts) if counts is not None else (0,) * levels,
                True,
                counts is not None,
            )
        )
    ranked = sorted(deviations, key=lambda pid: -deviations[pid])
    ranks = {pid: place for place, pid in enumerate(ranked, start=1)}
    return RoomSummary(
        count,
        min_group_size,
        tuple(replace(a, disagreement_rank=ranks.get(a.practice.id, 0)) for a in aggregates),
    )
