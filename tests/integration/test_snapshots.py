"""Published snapshots on a real database (SQLite and PostgreSQL): the room's results move
only when k answers changed, a snapshot is exact under concurrent submissions, and every
screen and export reads the same one."""

from __future__ import annotations

import csv
import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from rapport.core.framework import Framework
from rapport.core.snapshots import Snapshot
from rapport.core.workshop import WorkshopError
from rapport.storage import SqlWorkshopRepository
from rapport.usecases.rooms import export_aggregates, export_responses, room_view
from rapport.usecases.workshops import CreatedWorkshop, create_workshop, reveal_all, submit
from tests.conftest import AssessmentFactory
from tests.integration.conftest import LATER, NOW, results


@pytest.fixture
def room(repo: SqlWorkshopRepository, framework: Framework) -> CreatedWorkshop:
    return create_workshop(repo, framework, "Room", 3, True, NOW, 30)


def _submit(repo, framework, room: CreatedWorkshop, who: str, assessment) -> None:
    submit(repo, room.workshop, framework, who, assessment, NOW)


def _three_revealed(repo, framework, room: CreatedWorkshop, answered) -> None:
    """Three people answer differently and the facilitator reveals: the first snapshot."""
    for number in range(3):
        _submit(repo, framework, room, f"p{number}", answered(number + 1))
    reveal_all(repo, room.workshop)


def _means(repo, framework, room: CreatedWorkshop) -> dict[str, float | None]:
    view = room_view(repo, framework, room.workshop.id)
    assert view is not None and view.summary is not None
    return {a.practice.id: a.mean_current for a in view.summary.practices}


def test_nothing_is_published_before_a_reveal_or_an_export(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    for number in range(4):
        _submit(repo, framework, room, f"p{number}", answered(number + 1))
    view = room_view(repo, framework, room.workshop.id)
    assert view is not None and view.ready and view.summary is None
    status = repo.room_status(room.workshop.id)
    assert status is not None and status.snapshot is None  # the tick wrote nothing


def test_results_move_only_when_k_answers_changed(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    _three_revealed(repo, framework, room, answered)
    before = _means(repo, framework, room)
    # One newcomer, then the same newcomer again, then one more: two people, not three.
    _submit(repo, framework, room, "new-1", answered(5))
    _submit(repo, framework, room, "new-1", answered(1))
    _submit(repo, framework, room, "new-2", answered(5))
    view = room_view(repo, framework, room.workshop.id)
    assert view is not None and view.responses == 5 and view.pending == 2
    assert _means(repo, framework, room) == before
    # An export is a publication too: it shows the same, unmoved, results.
    aggregates = export_aggregates(repo, framework, room.workshop).decode("utf-8-sig")
    assert next(csv.DictReader(io.StringIO(aggregates)))["responses"] == "3"
    _submit(repo, framework, room, "new-3", answered(2))
    after = room_view(repo, framework, room.workshop.id)
    assert after is not None and after.summary is not None
    assert after.summary.count == 6 and after.pending == 0
    assert _means(repo, framework, room) != before


def test_a_snapshot_is_exact_while_people_submit(
    repo: SqlWorkshopRepository, framework: Framework, room
) -> None:
    """Every snapshot taken during a burst holds exactly the answers counted up to its
    change number: none half-seen, none missed."""
    repo.save_response(room.workshop.id, "first", "{}", results(framework, 3.0), LATER)
    for number in range(2):
        repo.save_response(room.workshop.id, f"p{number}", "{}", results(framework, 2.0), LATER)
    reveal_all(repo, room.workshop)
    seen: list[Snapshot] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            status = repo.publish_snapshot(
                room.workshop.id, framework.scale.max_value, lambda s: True
            )
            assert status is not None and status.snapshot is not None
            seen.append(status.snapshot)

    def one(number: int) -> None:
        repo.save_response(
            room.workshop.id, f"burst-{number}", "{}", results(framework, 4.0), LATER
        )

    watcher = threading.Thread(target=watch)
    watcher.start()
    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(one, range(40)))
    done.set()
    watcher.join(timeout=60)
    assert seen
    # Every submission here is a newcomer, so practice rows taken in at change n hold
    # exactly n answers (a practice with fewer than k changes keeps its earlier rows).
    for snapshot in seen:
        totals: dict[str, int] = {}
        for row in snapshot.rows:
            totals[row.practice_id] = totals.get(row.practice_id, 0) + row.responses
        assert totals == dict(snapshot.refreshed)
    final = room_view(repo, framework, room.workshop.id, publish=True)
    assert final is not None and final.responses == 43


def test_the_ratings_export_counts_only_rows_that_parse(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    for number in range(2):
        _submit(repo, framework, room, f"p{number}", answered(number + 2))
    # A third row that no longer parses must not bring the room up to k.
    repo.save_response(room.workshop.id, "broken", "{not json", results(framework, 3.0), LATER)
    with pytest.raises(WorkshopError, match="2 of the 3 responses"):
        export_responses(repo, framework, room.workshop)
    _submit(repo, framework, room, "p3", answered(4))
    rows = list(csv.reader(io.StringIO(export_responses(repo, framework, room.workshop).decode())))
    assert len(rows) == 1 + 3


def test_resending_the_same_answers_is_not_a_change(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    """Two people re-send their answers unchanged, then one newcomer arrives: counting the
    re-sends as changes would publish, and the new average would give away the newcomer."""
    _three_revealed(repo, framework, room, answered)
    before = _means(repo, framework, room)
    _submit(repo, framework, room, "p0", answered(1))
    _submit(repo, framework, room, "p1", answered(2))
    _submit(repo, framework, room, "newcomer", answered(5))
    view = room_view(repo, framework, room.workshop.id)
    assert view is not None and view.pending == 1
    assert _means(repo, framework, room) == before


def test_editing_another_practice_does_not_move_this_one(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    """Two people change only their second practice (ratings and target) and a newcomer
    joins: the second practice mixes three changes and moves; the first has one new score
    and stays."""
    first, second = (p.id for p in framework.practices[:2])
    _three_revealed(repo, framework, room, answered)
    before = _means(repo, framework, room)
    for number in range(2):
        edited = answered(number + 1)
        for indicator in framework.practices[1].indicators:
            edited = edited.with_rating(indicator.id, 5)
        edited = edited.with_choice(second, target=5)
        _submit(repo, framework, room, f"p{number}", edited)
    _submit(repo, framework, room, "newcomer", answered(4))
    after = _means(repo, framework, room)
    assert after[first] == before[first]
    assert after[second] != before[second]


def test_a_newcomers_target_is_not_given_away_by_score_only_changes(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    """Two people change their ratings but keep the default target, then one newcomer
    arrives: three score changes, but only one target change, so nothing moves."""
    _three_revealed(repo, framework, room, answered)
    before = room_view(repo, framework, room.workshop.id)
    assert before is not None and before.summary is not None
    _submit(repo, framework, room, "p0", answered(5))
    _submit(repo, framework, room, "p1", answered(5))
    _submit(repo, framework, room, "newcomer", answered(2, proactive={"target": 5}))
    after = room_view(repo, framework, room.workshop.id)
    assert after is not None and after.summary is not None
    assert after.summary.practices == before.summary.practices
