"""Published snapshots: the room's results move only when at least k answers changed.

Live results would let anyone who notes the averages before and after one person submits
work out that person's scores. Every screen, mirror and export shows the last published
snapshot instead, and a new one differs from it by at least k people per practice.

Changes are numbered by a counter on the workshop (one number per stored submission), and
each practice row of a response keeps the number of the submission that last changed *its*
score or target: re-sending the same answers, or editing another practice, changes nothing
here, so it cannot help isolate a newcomer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapport.core.room import (
    PracticeRow,
    by_practice,
    level_counts,
    level_counts_to_show,
    responses_in,
    scored_responses,
)
from rapport.core.workshop import ChoiceResult, PracticeResult, Workshop


@dataclass(frozen=True)
class Snapshot:
    """The room's results as last published: what every screen, mirror and export shows.

    Live results would let anyone who notes the averages before and after one person submits
    work out that person's scores. A snapshot only moves when at least k answers changed, so
    the difference between two snapshots always mixes at least k people.
    """

    seq: int  # the workshop's change counter when it was taken: it holds every change <= seq
    rows: tuple[PracticeRow, ...]
    refreshed: Mapping[str, int]  # per practice: the seq its rows were last taken in at
    # Per practice, the level counts the room is shown (level 1 first; practices drawing
    # none are missing). None: a snapshot stored before Rapport kept them.
    counts: Mapping[str, tuple[int, ...]] | None = None

    @property
    def responses(self) -> int:
        return responses_in(self.rows)


@dataclass(frozen=True)
class RoomStatus:
    """One cheap read of a room: the workshop, live counts, and its published snapshot."""

    workshop: Workshop
    responses: int  # submissions stored now
    unpublished: int  # submissions new or changed since the last publication (all, if none)
    snapshot: Snapshot | None
    # The room's ratings of the scenario options, published with `snapshot` by the same
    # rule, one unit per option (core/room_choices.py). None before their first publication.
    choices: Snapshot | None = None


def should_publish(status: RoomStatus, wanted: bool) -> bool:
    """Whether to take a new snapshot. The first is taken only when someone is about to see
    results (`wanted`: a reveal or an export), so it holds every answer given before then;
    later ones only once k answers changed since the last."""
    k = status.workshop.min_group_size
    if status.responses < k:
        return False
    if status.snapshot is None:
        return wanted
    return status.unpublished >= k


@dataclass(frozen=True)
class Stamps:
    """The change numbers one practice row keeps: of the last submission that changed its
    score (which moves the mean, the spread and the level counts), and of the last one that
    changed what it adds to the mean target (its target while scored, or whether it is
    scored at all)."""

    score: int
    target: int


@dataclass(frozen=True)
class StoredPractice:
    """What the store holds for one practice of one response, to tell a change apart."""

    current: float | None
    target: int
    stamps: Stamps


def stamp_changes(
    earlier: Mapping[str, StoredPractice] | None,
    practices: Sequence[PracticeResult],
    change: int,
) -> tuple[dict[str, Stamps], bool]:
    """The stamps each practice row keeps, and whether the response changed at all.

    A stamp takes `change` only for a real change of what the room's numbers add up: a new
    scored row; a different score; a different target on a row that is (or was) scored; a switch
    between scored and "not applicable". Re-sending the same answers, editing another
    practice or changing the target of an unscored practice keeps the stamps, so none of
    them counts toward the k changes a new snapshot needs. `earlier` is None for a first
    submission.
    """
    stamps: dict[str, Stamps] = {}
    for result in practices:
        before = None if earlier is None else earlier.get(result.practice_id)
        if before is None:  # a new row counts only if it adds a score (0: it never did)
            first = change if result.current is not None else 0
            stamps[result.practice_id] = Stamps(first, first)
            continue
        scored_before, scored_now = before.current is not None, result.current is not None
        score = change if before.current != result.current else before.stamps.score
        target_moved = scored_before != scored_now or (
            (scored_before or scored_now) and before.target != result.target
        )
        stamps[result.practice_id] = Stamps(score, change if target_moved else before.stamps.target)
    changed = (
        earlier is None
        or set(earlier) != set(stamps)
        or any(change in (s.score, s.target) for s in stamps.values())
    )
    return stamps, changed


@dataclass(frozen=True)
class StoredChoice:
    """What the store holds for one rated scenario option of one response."""

    rating: int
    seq: int  # the change number of the submission that last changed this rating


def stamp_choices(
    earlier: Mapping[str, StoredChoice] | None,
    choices: Sequence[ChoiceResult],
    change: int,
) -> tuple[dict[str, Stamps], bool]:
    """The stamps each rated option keeps, and whether the ratings changed at all: as
    stamp_changes does for practices, an option's stamp takes `change` only when it is newly
    rated or rated differently. An option has no target, so both stamps are the same."""
    stamps: dict[str, Stamps] = {}
    for choice in choices:
        before = None if earlier is None else earlier.get(choice.unit)
        seq = before.seq if before is not None and before.rating == choice.rating else change
        stamps[choice.unit] = Stamps(seq, seq)
    changed = (
        earlier is None
        or set(earlier) != set(stamps)
        or any(s.score == change for s in stamps.values())
    )
    return stamps, changed


def choice_rows(choices: Sequence[tuple[str, int, int]]) -> tuple[PracticeRow, ...]:
    """(unit, rating, raters) counts as the rows next_snapshot and the room read: one
    row per option and rating, its sums those of the ratings (no target: zero)."""
    return tuple(
        PracticeRow(unit, rating, count, float(rating * count), float(rating * rating * count), 0.0)
        for unit, rating, count in choices
    )


def next_snapshot(
    previous: Snapshot | None,
    rows: Sequence[PracticeRow],
    changes: Sequence[tuple[str, Stamps]],
    seq: int,
    min_group_size: int,
    levels: int,
) -> Snapshot:
    """The snapshot to publish now, from the live GROUP BY `rows`, on a scale of `levels`.

    Per practice: its rows are taken in when it was not yet shown (nothing to compare with),
    or when since its rows were last taken in at least k rows changed their score and at
    least k changed their part of the mean target: then every number shown for it (mean,
    spread, n, mean target) moves by at least k people's answers at once. Otherwise its
    earlier rows stay. Level counts need more: k changes can still move one level by one
    person, so they follow only when each level moved by none or by k or more, and the
    earlier counts stay shown otherwise (level_counts_to_show). `changes` lists
    (practice id, stamps) of every row changed since the oldest practice's refresh.
    """
    k = min_group_size
    fresh = by_practice(rows)
    kept = by_practice(previous.rows if previous is not None else ())
    taken: list[PracticeRow] = []
    refreshed: dict[str, int] = {}
    shown_before = previous.counts if previous is not None and previous.counts else {}
    counts: dict[str, tuple[int, ...]] = {}
    for practice_id in sorted(set(fresh) | set(kept)):
        since = previous.refreshed.get(practice_id) if previous else None
        mine = [stamps for p, stamps in changes if p == practice_id]
        scores = sum(1 for s in mine if since is None or s.score > since)
        targets = sum(1 for s in mine if since is None or s.target > since)
        if (
            since is None
            or scored_responses(kept.get(practice_id, ())) < k
            or min(scores, targets) >= k
        ):
            mine_now = fresh.get(practice_id, [])
            refreshed[practice_id] = seq
        else:
            mine_now = kept[practice_id]
            refreshed[practice_id] = since
        taken.extend(mine_now)
        earlier = shown_before.get(practice_id)
        if earlier is not None and len(earlier) != levels:
            earlier = None  # another scale: nothing comparable was shown
        shown = level_counts_to_show(earlier, level_counts(mine_now, levels), k)
        if shown is not None:
            counts[practice_id] = shown
    return Snapshot(seq, tuple(taken), refreshed, counts)
