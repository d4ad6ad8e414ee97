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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapport.core.workshop import PracticeResult, PracticeRow, Workshop


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

    @property
    def responses(self) -> int:
        totals: dict[str, int] = {}
        for row in self.rows:
            totals[row.practice_id] = totals.get(row.practice_id, 0) + row.responses
        return max(totals.values(), default=0)


@dataclass(frozen=True)
class RoomStatus:
    """One cheap read of a room: the workshop, live counts, and its published snapshot."""

    workshop: Workshop
    responses: int  # submissions stored now
    unpublished: int  # submissions new or changed since the last publication (all, if none)
    snapshot: Snapshot | None


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


def _scored(rows: Iterable[PracticeRow]) -> int:
    return sum(r.responses for r in rows if r.level is not None)


def next_snapshot(
    previous: Snapshot | None,
    rows: Sequence[PracticeRow],
    scored_changes: Sequence[tuple[str, int]],
    seq: int,
    min_group_size: int,
) -> Snapshot:
    """The snapshot to publish now, from the live GROUP BY `rows`.

    Per practice: its rows are taken in when it was not yet shown (nothing to compare with)
    or when at least k responses scoring it changed since its rows were last taken in;
    otherwise its earlier rows stay, since a few answers that skipped this practice must not
    let the room read one person's score for it. `scored_changes` lists (practice id,
    change seq) for every scored row changed since the oldest practice's refresh.
    """
    fresh: dict[str, list[PracticeRow]] = {}
    for row in rows:
        fresh.setdefault(row.practice_id, []).append(row)
    kept: dict[str, list[PracticeRow]] = {}
    if previous is not None:
        for row in previous.rows:
            kept.setdefault(row.practice_id, []).append(row)
    taken: list[PracticeRow] = []
    refreshed: dict[str, int] = {}
    for practice_id in sorted(set(fresh) | set(kept)):
        since = previous.refreshed.get(practice_id) if previous else None
        changed = sum(
            1 for p, at in scored_changes if p == practice_id and (since is None or at > since)
        )
        if (
            since is None
            or _scored(kept.get(practice_id, ())) < min_group_size
            or changed >= min_group_size
        ):
            taken.extend(fresh.get(practice_id, ()))
            refreshed[practice_id] = seq
        else:
            taken.extend(kept[practice_id])
            refreshed[practice_id] = since
    return Snapshot(seq, tuple(taken), refreshed)


@dataclass(frozen=True)
class StoredPractice:
    """What the store holds for one practice of one response, to tell a change apart."""

    current: float | None
    target: int
    change_seq: int


def stamp_changes(
    earlier: Mapping[str, StoredPractice] | None,
    practices: Sequence[PracticeResult],
    change: int,
) -> tuple[dict[str, int], bool]:
    """The change number each practice row keeps, and whether the response changed at all.

    A row takes `change` only when its score or target differs from the stored one (or it
    is new); otherwise it keeps its number. `earlier` is None for a first submission.
    """
    stamps: dict[str, int] = {}
    for result in practices:
        before = None if earlier is None else earlier.get(result.practice_id)
        same = before is not None and (before.current, before.target) == (
            result.current,
            result.target,
        )
        stamps[result.practice_id] = before.change_seq if same and before else change
    changed = (
        earlier is None
        or set(earlier) != set(stamps)
        or any(stamp == change for stamp in stamps.values())
    )
    return stamps, changed
