"""The room's answers to the client scenarios: the k floor per option, published means and
counts, the consensus order against the key, and the scenario spotlight (core only)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hypothesis import given
from hypothesis import strategies as st

from rapport.core.room_choices import (
    ASK_ANYWAY,
    CHOICES_HIDDEN,
    SPOTLIGHT_FROM,
    scenario_spotlight,
    summarize_choices,
)
from rapport.core.scenarios import HIGHEST, LOWEST, Scenario
from rapport.core.snapshots import (
    Stamps,
    StoredChoice,
    choice_rows,
    next_snapshot,
    stamp_choices,
)
from rapport.core.workshop import ChoiceResult, choice_unit
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE

FRAMEWORK = load_framework(FRAMEWORK_FILE)
FIRST = FRAMEWORK.practices[0].scenarios[0]
K = 3
SHOWN = 2 * K  # raters every option of a situation needs (CHOICES_FLOOR)


def _rows(people: Sequence[Mapping[str, int]], scenario: Scenario = FIRST):
    """Snapshot rows for people who each rated some options of `scenario`."""
    counts: dict[tuple[str, int], int] = {}
    for person in people:
        for option_id, rating in person.items():
            unit = choice_unit(scenario.id, option_id)
            counts[(unit, rating)] = counts.get((unit, rating), 0) + 1
    return choice_rows([(unit, rating, n) for (unit, rating), n in sorted(counts.items())])


def _keyed(shift: Mapping[str, int] | None = None) -> dict[str, int]:
    shift = shift or {}
    return {o.id: min(HIGHEST, max(LOWEST, o.key + shift.get(o.id, 0))) for o in FIRST.options}


def _first(aggregates):
    return next(a for a in aggregates if a.scenario.id == FIRST.id)


def test_a_scenario_stays_hidden_until_every_option_has_2k_ratings() -> None:
    full = [_keyed() for _ in range(SHOWN)]
    partly = [*full[:-1], {FIRST.options[0].id: 6}]  # the third person rated one option only
    hidden = _first(summarize_choices(FRAMEWORK, K, _rows(partly), None))
    assert not hidden.shown
    assert all(o.mean is None and not o.distribution_shown for o in hidden.options)
    shown = _first(summarize_choices(FRAMEWORK, K, _rows(full), None))
    assert shown.shown and shown.responses == SHOWN
    almost = _first(summarize_choices(FRAMEWORK, K, _rows(full[:-1]), None))
    assert not almost.shown  # 2k - 1 whole-number ratings: their sum could give them away
    # Every other scenario had no answers at all: hidden, never missing.
    everything = summarize_choices(FRAMEWORK, K, _rows(full), None)
    assert len(everything) == sum(len(p.scenarios) for p in FRAMEWORK.practices)
    assert [a.scenario.id for a in everything if a.shown] == [FIRST.id]


def test_means_are_published_rounded_and_inside_the_scale() -> None:
    people = [_keyed({"a": 0}) for _ in range(SHOWN)]  # option a keyed 6: all rate it 6
    aggregate = _first(summarize_choices(FRAMEWORK, K, _rows(people), None))
    best = next(o for o in aggregate.options if o.option.id == FIRST.best.id)
    assert best.mean == HIGHEST - 0.2  # never "6.0": that would say everyone chose 6


def test_rating_counts_come_only_from_the_snapshot() -> None:
    people = [_keyed() for _ in range(6)]
    unit = choice_unit(FIRST.id, FIRST.options[1].id)
    published = {unit: (0, 0, 1, 2, 3, 0)}
    aggregate = _first(summarize_choices(FRAMEWORK, K, _rows(people), published))
    drawn = {o.option.id: o.distribution_shown for o in aggregate.options}
    assert drawn == {o.id: o.id == FIRST.options[1].id for o in FIRST.options}
    assert aggregate.options[1].distribution == (0, 0, 1, 2, 3, 0)


def test_a_room_that_follows_the_key_agrees_fully_and_has_no_spotlight() -> None:
    aggregate = _first(summarize_choices(FRAMEWORK, K, _rows([_keyed()] * SHOWN), None))
    assert aggregate.agreement == 100.0
    assert aggregate.consensus[0].option.id == FIRST.best.id
    assert scenario_spotlight([aggregate]) is None


def test_the_spotlight_is_the_option_rated_furthest_from_its_key() -> None:
    weakest = FIRST.weakest
    people = [_keyed({weakest.id: 4}) for _ in range(SHOWN)]  # all rate the weakest kindly
    aggregate = _first(summarize_choices(FRAMEWORK, K, _rows(people), None))
    spotlight = scenario_spotlight([aggregate])
    assert spotlight is aggregate
    assert aggregate.furthest.option.id == weakest.id
    assert aggregate.furthest.off_key >= SPOTLIGHT_FROM
    assert aggregate.agreement < 100.0
    assert aggregate.prompt == (FIRST.discussion or ASK_ANYWAY)


@given(st.lists(st.lists(st.integers(LOWEST, HIGHEST), min_size=4, max_size=4), max_size=12))
def test_shown_numbers_always_rest_on_k_people_and_stay_in_range(ratings) -> None:
    people = [dict(zip([o.id for o in FIRST.options], r, strict=True)) for r in ratings]
    aggregate = _first(summarize_choices(FRAMEWORK, K, _rows(people), None))
    assert aggregate.shown == (len(people) >= SHOWN)
    for option in aggregate.options:
        if aggregate.shown:
            assert option.responses >= SHOWN
            assert option.mean is not None and LOWEST + 0.2 <= option.mean <= HIGHEST - 0.2
        else:
            assert option.mean is None
    assert 0.0 <= aggregate.agreement <= 100.0


def test_a_rating_changes_its_stamp_only_when_it_changes() -> None:
    ratings = [ChoiceResult(FIRST.id, o.id, o.key) for o in FIRST.options]
    first, changed = stamp_choices(None, ratings, 1)
    assert changed and {s.score for s in first.values()} == {1}
    stored = {unit: StoredChoice(r.rating, 1) for unit, r in zip(first, ratings, strict=True)}
    same, changed = stamp_choices(stored, ratings, 2)
    assert not changed and same == first
    other = ratings[-1].rating % HIGHEST + 1  # any rating but the stored one
    moved = [*ratings[:-1], ChoiceResult(FIRST.id, ratings[-1].option_id, other)]
    after, changed = stamp_choices(stored, moved, 3)
    assert changed and [s.score for s in after.values()] == [1, 1, 1, 3]
    dropped, changed = stamp_choices(stored, ratings[:-1], 4)
    assert changed and set(dropped) == set(first) - {ratings[-1].unit}


def test_the_choices_snapshot_moves_an_option_only_after_k_changes() -> None:
    people = [_keyed() for _ in range(4)]
    first = next_snapshot(None, _rows(people), [], 4, K, HIGHEST)
    unit = choice_unit(FIRST.id, FIRST.weakest.id)
    # Two people change their rating of the weakest option: fewer than k, it stays.
    later = [*people[:2], *(_keyed({FIRST.weakest.id: 3}) for _ in range(2))]
    changes = [(unit, Stamps(5, 5)), (unit, Stamps(6, 6))]
    kept = next_snapshot(first, _rows(later), changes, 6, K, HIGHEST)
    assert [r for r in kept.rows if r.practice_id == unit] == [
        r for r in first.rows if r.practice_id == unit
    ]
    moved = next_snapshot(first, _rows(later), [*changes, (unit, Stamps(7, 7))], 7, K, HIGHEST)
    assert [r for r in moved.rows if r.practice_id == unit] != [
        r for r in first.rows if r.practice_id == unit
    ]


def test_the_debrief_has_the_rooms_choices_and_lists_only_what_it_cites() -> None:
    import io
    from datetime import UTC, date, datetime

    from docx import Document

    from rapport.core.room import summarize
    from rapport.core.workshop import Workshop, practice_results
    from rapport.reports.debrief import build_debrief
    from tests.helpers import people, rows_for

    room = people(FRAMEWORK, 6)
    summary = summarize(FRAMEWORK, K, rows_for([practice_results(FRAMEWORK, p) for p in room]))
    weakest = FIRST.weakest
    choices = summarize_choices(
        FRAMEWORK, K, _rows([_keyed({weakest.id: 4}) for _ in range(SHOWN)]), None
    )
    moment = datetime(2026, 11, 27, tzinfo=UTC)
    workshop = Workshop("w1", "K7P3QD", "Seminar", FRAMEWORK.id, FRAMEWORK.version, K,
                        True, True, frozenset(), moment, moment)  # fmt: skip
    raw = build_debrief(FRAMEWORK, workshop, summary, [], date(2026, 11, 27), choices)
    doc = Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in doc.paragraphs)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    practice = FRAMEWORK.practices[0]
    assert "The room's choices in the client situations" in headings
    assert f"Scenario spotlight: {practice.name}" in headings
    assert FIRST.discussion is not None and FIRST.discussion in text
    assert CHOICES_HIDDEN in text  # the six other situations nobody rated
    # The situation's table: four responses with the room's average, the key and n.
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Response")
    assert [r.cells[2].text for r in table.rows[1:]] == [str(o.key) for o in FIRST.options]
    assert {r.cells[3].text for r in table.rows[1:]} == {str(SHOWN)}
    # References: exactly the sources the key's sentences cite, nothing else.
    assert headings[-1] == "References"
    start = max(i for i, p in enumerate(doc.paragraphs) if p.text == "References")
    listed = [p.text for p in doc.paragraphs[start + 1 :] if p.text]
    cited = {FRAMEWORK.reference(FIRST.best.citation), FRAMEWORK.reference(weakest.citation)}
    assert len(listed) == len(cited)
    assert all(any(r.apa.split("(")[0].strip()[:20] in line for line in listed) for r in cited)


def test_from_2k_raters_the_top_and_bottom_never_say_everyone() -> None:
    """Whole-number ratings: n and a mean give their sum. From 2k raters the published ends
    cover the unanimous room and the room with one rating a step away."""
    option = FIRST.best.id
    for n in range(SHOWN, SHOWN + 8):
        for end, step in ((HIGHEST, -1), (LOWEST, 1)):
            everyone = [{**_keyed(), option: end} for _ in range(n)]
            all_but_one = [*everyone[:-1], {**_keyed(), option: end + step}]
            means = [
                next(
                    o.mean
                    for o in _first(summarize_choices(FRAMEWORK, K, _rows(room), None)).options
                    if o.option.id == option
                )
                for room in (everyone, all_but_one)
            ]
            assert means[0] == means[1], (n, end, means)


def test_counts_that_wait_say_from_how_many_they_are() -> None:
    from rapport.charts.room_choices import rating_counts

    people = [_keyed() for _ in range(9)]
    unit = choice_unit(FIRST.id, FIRST.options[0].id)
    published = {unit: (0, 0, 0, 0, 3, 3)}  # taken when six had rated
    aggregate = _first(summarize_choices(FRAMEWORK, K, _rows(people), published))
    assert (
        rating_counts(aggregate.options[0])
        == "0 · 0 · 0 · 0 · 3 · 3 (the last published, from 6 of the 9)"
    )
