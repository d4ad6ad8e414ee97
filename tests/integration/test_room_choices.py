"""The room's answers to the client scenarios on a real database (SQLite and PostgreSQL):
stored per rated option, published in the room's snapshot by the same k rule, gone with
the workshop."""

from __future__ import annotations

import pytest

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.room_choices import ScenarioAggregate, scenario_spotlight
from rapport.core.scenarios import HIGHEST, LOWEST
from rapport.storage import SqlWorkshopRepository
from rapport.usecases.demo_workshop import create_demo_workshop
from rapport.usecases.rooms import room_view
from rapport.usecases.workshops import CreatedWorkshop, create_workshop, reveal_all, submit
from tests.conftest import AssessmentFactory
from tests.integration.conftest import NOW, count


@pytest.fixture
def room(repo: SqlWorkshopRepository, framework: Framework) -> CreatedWorkshop:
    return create_workshop(repo, framework, "Room", 3, True, NOW, 30)


def _choosing(framework: Framework, base: Assessment, shift: int = 0) -> Assessment:
    """Every option of the first scenario rated at its key moved by `shift`."""
    scenario = framework.practices[0].scenarios[0]
    for option in scenario.options:
        rating = min(HIGHEST, max(LOWEST, option.key + shift))
        base = base.with_scenario_rating(scenario.id, option.id, rating)
    return base


def _first(repo, framework: Framework, room: CreatedWorkshop) -> ScenarioAggregate:
    view = room_view(repo, framework, room.workshop.id)
    assert view is not None and view.summary is not None
    scenario = framework.practices[0].scenarios[0]
    return next(a for a in view.choices if a.scenario.id == scenario.id)


def test_the_rooms_choices_are_published_with_its_results(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    for number in range(5):
        submit(repo, room.workshop, framework, f"p{number}", _choosing(framework, answered(3)), NOW)
    assert count(repo, "response_choices", room.workshop.id) == 5 * 4
    reveal_all(repo, room.workshop)
    assert not _first(repo, framework, room).shown  # 5 < 2k: whole numbers could tell
    for number in range(5, 8):  # k more: the snapshot takes them in
        submit(repo, room.workshop, framework, f"p{number}", _choosing(framework, answered(3)), NOW)
    first = _first(repo, framework, room)
    assert first.shown and first.responses == 8 and first.agreement == 100.0
    # The other scenarios nobody rated are there, hidden.
    view = room_view(repo, framework, room.workshop.id)
    assert view is not None and sum(a.shown for a in view.choices) == 1


def test_choices_move_only_once_k_people_changed_them(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    for number in range(6):
        submit(repo, room.workshop, framework, f"p{number}", _choosing(framework, answered(3)), NOW)
    reveal_all(repo, room.workshop)
    before = [o.mean for o in _first(repo, framework, room).options]
    # Re-sending the same ratings changes nothing; two harsher people stay out (k = 3)...
    submit(repo, room.workshop, framework, "p0", _choosing(framework, answered(3)), NOW)
    for number in (6, 7):
        submit(
            repo, room.workshop, framework, f"p{number}", _choosing(framework, answered(3), -2), NOW
        )
    assert [o.mean for o in _first(repo, framework, room).options] == before
    # ...and a third brings them in together.
    submit(repo, room.workshop, framework, "p8", _choosing(framework, answered(3), -2), NOW)
    after = _first(repo, framework, room)
    assert after.responses == 9
    assert [o.mean for o in after.options] != before


def test_a_participant_who_skips_the_scenarios_still_counts_for_the_practices(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    for number in range(3):
        submit(repo, room.workshop, framework, f"p{number}", answered(3), NOW)
    reveal_all(repo, room.workshop)
    view = room_view(repo, framework, room.workshop.id)
    assert view is not None and view.summary is not None and view.summary.ready
    assert not any(a.shown for a in view.choices)
    assert count(repo, "response_choices", room.workshop.id) == 0


def test_deleting_the_workshop_deletes_its_choices(
    repo: SqlWorkshopRepository, framework: Framework, room, answered: AssessmentFactory
) -> None:
    submit(repo, room.workshop, framework, "p0", _choosing(framework, answered(3)), NOW)
    assert count(repo, "response_choices") == 4
    assert repo.delete_workshop(room.workshop.id)
    assert count(repo, "response_choices") == 0


def test_the_demo_room_has_a_scenario_spotlight(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    made = create_demo_workshop(repo, framework, Assessment.empty(framework), NOW, 1)
    reveal_all(repo, made.workshop)
    view = room_view(repo, framework, made.workshop.id)
    assert view is not None
    shown = [a for a in view.choices if a.shown]
    assert len(shown) == sum(len(p.scenarios) for p in framework.practices)
    spotlight = scenario_spotlight(shown)
    assert spotlight is not None and spotlight.furthest.option is spotlight.scenario.weakest
