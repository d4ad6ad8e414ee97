"""Published snapshots: the room's results move only when k answers changed (differencing)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapport.core.room import PracticeRow, distribution_is_safe, published_mean, summarize
from rapport.core.snapshots import (
    RoomStatus,
    Snapshot,
    Stamps,
    StoredPractice,
    next_snapshot,
    should_publish,
    stamp_changes,
)
from rapport.core.workshop import PracticeResult, Workshop, practice_results
from rapport.files.framework_file import load_framework
from rapport.storage.rows import snapshot_from_json, snapshot_to_json
from tests.conftest import FRAMEWORK_FILE
from tests.helpers import people, rows_for

FRAMEWORK = load_framework(FRAMEWORK_FILE)
T0 = datetime(2026, 11, 27, 9, tzinfo=UTC)
K = 3
LEVELS = FRAMEWORK.scale.max_value


def workshop(revealed: frozenset[str] = frozenset()) -> Workshop:
    return Workshop(
        "w", "K7P3QD", "Room", FRAMEWORK.id, FRAMEWORK.version, K, True, True, revealed,
        T0, T0 + timedelta(days=30),
    )  # fmt: skip


def status(responses: int, unpublished: int, snapshot: Snapshot | None) -> RoomStatus:
    return RoomStatus(workshop(), responses, unpublished, snapshot)


SOME = Snapshot(1, (), {})


@pytest.mark.parametrize(
    ("responses", "unpublished", "snapshot", "wanted", "expected"),
    [
        (2, 2, None, True, False),  # below k nothing is ever published
        (3, 3, None, False, False),  # nobody is looking yet: wait, so it takes in more
        (3, 3, None, True, True),  # the first reveal or export publishes
        (9, 2, SOME, True, False),  # two changes could be told apart: keep the old one
        (9, 3, SOME, False, True),  # k changes: publish
    ],
)
def test_when_to_publish(
    responses: int, unpublished: int, snapshot: Snapshot | None, wanted: bool, expected: bool
) -> None:
    assert should_publish(status(responses, unpublished, snapshot), wanted) is expected


def results(count: int) -> list[tuple[PracticeResult, ...]]:
    return [practice_results(FRAMEWORK, person) for person in people(FRAMEWORK, count)]


def means(rows: tuple[PracticeRow, ...]) -> dict[str, float | None]:
    summary = summarize(FRAMEWORK, K, rows)
    return {a.practice.id: a.mean_current for a in summary.practices}


def changes(room: list[tuple[PracticeResult, ...]], at: int) -> list[tuple[str, Stamps]]:
    return [(r.practice_id, Stamps(at, at)) for person in room for r in person if r.current]


def test_the_first_snapshot_takes_everything() -> None:
    room = results(4)
    first = next_snapshot(None, rows_for(room), [], 4, K, LEVELS)
    assert first.responses == 4
    assert means(first.rows) == means(tuple(rows_for(room)))
    assert set(first.refreshed.values()) == {4}


def test_a_practice_that_fewer_than_k_scored_anew_keeps_its_old_rows() -> None:
    room = results(4)
    first = next_snapshot(None, rows_for(room), [], 4, K, LEVELS)
    later = 7
    # Three newcomers, but two of them left the first practice unscored: only one new
    # score for it, which the room could read off its changed average.
    skipped = FRAMEWORK.practices[0].id
    newcomers = results(7)[4:]
    for number in range(2):
        person = newcomers[number]
        newcomers[number] = (PracticeResult(skipped, None, 4, 2), *person[1:])
    second = next_snapshot(
        first, rows_for(room + newcomers), changes(newcomers, later), later, K, LEVELS
    )
    assert means(second.rows)[skipped] == means(first.rows)[skipped]
    assert second.refreshed[skipped] == 4
    other = FRAMEWORK.practices[1].id
    assert second.refreshed[other] == later
    assert means(second.rows)[other] == means(tuple(rows_for(room + newcomers)))[other]


def test_a_stale_practice_catches_up_once_k_scores_changed_since_its_refresh() -> None:
    room = results(4)
    first = next_snapshot(None, rows_for(room), [], 4, K, LEVELS)
    practice = FRAMEWORK.practices[0].id
    one, two = 6, 7
    early = [(practice, Stamps(5, 5)), (practice, Stamps(6, 6))]  # before the last one
    second = next_snapshot(first, rows_for(room), early, one, K, LEVELS)
    assert second.refreshed[practice] == 4
    third = next_snapshot(
        second, rows_for(room), [*early, (practice, Stamps(7, 7))], two, K, LEVELS
    )
    assert third.refreshed[practice] == two  # 2 + 1 >= k since its own refresh


def test_a_practice_hidden_before_is_taken_in_at_once() -> None:
    room = results(2)  # below k: nothing about any practice was shown
    first = next_snapshot(None, rows_for(room), [], 2, K, LEVELS)
    later = 3
    bigger = results(3)
    second = next_snapshot(first, rows_for(bigger), changes(bigger[2:], later), later, K, LEVELS)
    assert second.responses == 3
    assert all(at == later for at in second.refreshed.values())


def test_only_a_real_change_takes_the_new_number() -> None:
    one, two = (p.id for p in FRAMEWORK.practices[:2])
    stored = {
        one: StoredPractice(3.0, 4, Stamps(5, 5)),
        two: StoredPractice(None, 4, Stamps(6, 6)),
    }
    same = [PracticeResult(one, 3.0, 4, 1), PracticeResult(two, None, 4, 3)]  # importance only
    assert stamp_changes(stored, same, 9) == ({one: Stamps(5, 5), two: Stamps(6, 6)}, False)
    # A new target on an unscored practice adds nothing to any number the room sees.
    unscored = [PracticeResult(one, 3.0, 4, 1), PracticeResult(two, None, 5, 3)]
    assert stamp_changes(stored, unscored, 9) == ({one: Stamps(5, 5), two: Stamps(6, 6)}, False)
    retarget = [PracticeResult(one, 3.0, 5, 2), PracticeResult(two, None, 4, 2)]
    assert stamp_changes(stored, retarget, 9) == ({one: Stamps(5, 9), two: Stamps(6, 6)}, True)
    rescore = [PracticeResult(one, 4.0, 4, 2), PracticeResult(two, 2.0, 4, 2)]
    assert stamp_changes(stored, rescore, 9) == ({one: Stamps(9, 5), two: Stamps(9, 9)}, True)
    # A newcomer's unscored practice adds nothing: it does not count as a change for it.
    assert stamp_changes(None, same, 9) == ({one: Stamps(9, 9), two: Stamps(0, 0)}, True)


def test_a_practice_moves_only_when_k_scores_and_k_targets_changed() -> None:
    """Two people change only their scores and one newcomer arrives: the scores mix three
    people, but the targets' sum would move by the newcomer's target alone."""
    room = results(4)
    first = next_snapshot(None, rows_for(room), [], 4, K, LEVELS)
    practice = FRAMEWORK.practices[0].id
    rescored = [(practice, Stamps(5, 4)), (practice, Stamps(6, 4)), (practice, Stamps(7, 7))]
    second = next_snapshot(first, rows_for(results(5)), rescored, 7, K, LEVELS)
    assert second.refreshed[practice] == 4
    retargeted = [*rescored[:2], (practice, Stamps(5, 8)), (practice, Stamps(6, 8)), rescored[2]]
    third = next_snapshot(second, rows_for(results(5)), retargeted, 8, K, LEVELS)
    assert third.refreshed[practice] == 8


def _at_levels(practice_id: str, counts: tuple[int, ...]) -> list[PracticeRow]:
    """One practice's GROUP BY rows with `counts` people at levels 1, 2, ... (score = level)."""
    return [
        PracticeRow(practice_id, level, n, float(level * n), float(level * level * n), 4.0 * n)
        for level, n in enumerate(counts, start=1)
        if n
    ]


def test_level_counts_follow_only_when_each_level_moved_by_none_or_k() -> None:
    """(0,0,3,3,0) -> (1,0,3,5,0) at k = 3 told the room a latecomer chose level 1: the mean
    may move (three people changed), the counts wait until every level moved by 0 or k+."""
    practice = FRAMEWORK.practices[0].id
    first = next_snapshot(None, _at_levels(practice, (0, 0, 3, 3, 0)), [], 6, K, LEVELS)
    assert first.counts == {practice: (0, 0, 3, 3, 0)}
    newcomers = [(practice, Stamps(at, at)) for at in (7, 8, 9)]
    second = next_snapshot(first, _at_levels(practice, (1, 0, 3, 5, 0)), newcomers, 9, K, LEVELS)
    assert second.refreshed[practice] == 9 and second.responses == 9  # the mean moved
    assert second.counts == {practice: (0, 0, 3, 3, 0)}  # the counts did not
    summary = summarize(FRAMEWORK, K, second.rows, second.counts)
    aggregate = summary.practice(practice)
    assert aggregate is not None and aggregate.distribution_shown
    assert (aggregate.responses, aggregate.distribution_responses) == (9, 6)
    # Three more at level 1 and one more at 4: against what was shown, +4 and +3.
    more = [(practice, Stamps(at, at)) for at in (10, 11, 12, 13)]
    third = next_snapshot(second, _at_levels(practice, (4, 0, 3, 6, 0)), more, 13, K, LEVELS)
    assert third.counts == {practice: (4, 0, 3, 6, 0)}


def test_counts_never_shown_appear_once_safe_and_unsafe_ones_are_never_drawn() -> None:
    practice = FRAMEWORK.practices[0].id
    # 0,1,0,5,0: the one at level 2 would learn that the five others chose level 4.
    first = next_snapshot(None, _at_levels(practice, (0, 1, 0, 5, 0)), [], 6, K, LEVELS)
    assert first.counts == {}
    summary = summarize(FRAMEWORK, K, first.rows, first.counts)
    assert summary.practices[0].shown and not summary.practices[0].distribution_shown
    newcomers = [(practice, Stamps(at, at)) for at in (7, 8, 9)]
    second = next_snapshot(first, _at_levels(practice, (0, 1, 3, 5, 0)), newcomers, 9, K, LEVELS)
    assert second.counts == {practice: (0, 1, 3, 5, 0)}  # nothing shown before to compare


def test_the_counts_survive_the_stored_json() -> None:
    practice = FRAMEWORK.practices[0].id
    snapshot = next_snapshot(None, _at_levels(practice, (0, 0, 3, 3, 0)), [], 6, K, LEVELS)
    again = snapshot_from_json(snapshot_to_json(snapshot), snapshot.seq)
    assert again == snapshot
    older = snapshot_from_json('{"rows": [], "refreshed": {}}', 4)  # stored before counts
    assert older is not None and older.counts is None


@given(
    first=st.lists(st.integers(0, 4), min_size=6, max_size=12),
    arrivals=st.lists(st.lists(st.integers(0, 4), min_size=K, max_size=8), max_size=6),
)
@settings(max_examples=150, deadline=None)
def test_no_two_published_counts_differ_by_fewer_than_k_at_a_level(
    first: list[int], arrivals: list[list[int]]
) -> None:
    """Whatever the order and levels of newcomers, the counts the room sees never change by
    1 to k - 1 people at any level, and each set shown is safe on its own."""
    practice = FRAMEWORK.practices[0].id
    room = [0] * LEVELS
    for level in first:
        room[level] += 1
    seq = len(first)
    snapshot = next_snapshot(None, _at_levels(practice, tuple(room)), [], seq, K, LEVELS)
    shown = [snapshot.counts.get(practice)]
    for group in arrivals:
        for level in group:
            room[level] += 1
        stamps = [(practice, Stamps(seq + n, seq + n)) for n in range(1, len(group) + 1)]
        seq += len(group)
        snapshot = next_snapshot(
            snapshot, _at_levels(practice, tuple(room)), stamps, seq, K, LEVELS
        )
        shown.append(snapshot.counts.get(practice))
    drawn = [counts for counts in shown if counts is not None]
    assert all(distribution_is_safe(counts, K) for counts in drawn)
    for before, after in itertools.pairwise(drawn):
        assert all(b == a or abs(a - b) >= K for b, a in zip(before, after, strict=True))


@given(st.floats(min_value=1.0, max_value=7.0), st.integers(3, 7))
def test_a_published_mean_never_sits_at_a_scale_end(value: float, levels: int) -> None:
    mean = published_mean(min(value, levels), levels)
    assert 1.2 <= mean <= levels - 0.2
    assert mean == round(mean, 1)
