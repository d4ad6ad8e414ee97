"""The room's rules, in the pure core: codes, the k threshold, aggregates, the spotlight."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.room import PracticeRow, distribution_is_safe, published_mean, summarize
from rapport.core.workshop import (
    CODE_ALPHABET,
    CODE_LENGTH,
    PracticeResult,
    new_code,
    normalize_code,
    practice_results,
)
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.helpers import rows_for

FRAMEWORK = load_framework(FRAMEWORK_FILE)


def uniform(framework: Framework, rating: int) -> tuple[PracticeResult, ...]:
    assessment = Assessment.empty(framework)
    for practice in framework.practices:
        for indicator in practice.indicators:
            assessment = assessment.with_rating(indicator.id, rating)
    return practice_results(framework, assessment)


def test_codes_avoid_look_alikes() -> None:
    for character in "01OILSZB258":
        assert character not in CODE_ALPHABET
    codes = {new_code() for _ in range(200)}
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert len(codes) > 190


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("k7p3qd", "K7P3QD"), (" K7P 3QD ", "K7P3QD"), ("K7P-3QD", "K7P3QD"), ("K7P3Q", None),
     ("K7P3Q0", None), ("'; DROP TABLE workshops;--", None), ("é" * 6, None), ("", None)],
)  # fmt: skip
def test_typed_codes_are_normalized_or_refused(typed: str, expected: str | None) -> None:
    assert normalize_code(typed) == expected


def test_nothing_is_aggregated_below_k() -> None:
    summary = summarize(FRAMEWORK, 5, rows_for([uniform(FRAMEWORK, 3)] * 4))
    assert summary.count == 4
    assert not summary.ready and summary.waiting_for == 1
    assert all(not p.shown and p.mean_current is None for p in summary.practices)
    assert summary.spotlight is None


def test_aggregates_at_k() -> None:
    submissions = [uniform(FRAMEWORK, r) for r in (1, 2, 3, 4, 5)]
    summary = summarize(FRAMEWORK, 5, rows_for(submissions))
    assert summary.ready
    first = summary.practices[0]
    assert first.shown and first.responses == 5
    assert first.mean_current == pytest.approx(3.0)
    # n = 5 < 2k: the spread could be solved back with the mean, so none is published;
    # the spotlight still ranks by the exact one.
    assert first.spread is None and first.disagreement_rank > 0
    assert first.mean_target == pytest.approx(FRAMEWORK.defaults.target)
    # Five people on five levels: each would read the others' levels off the bars.
    assert not first.distribution_shown and first.distribution == (0, 0, 0, 0, 0)


def test_level_counts_need_twice_k_and_more_than_one_level() -> None:
    spread = summarize(FRAMEWORK, 5, rows_for([uniform(FRAMEWORK, r % 5 + 1) for r in range(10)]))
    assert spread.practices[0].distribution_shown
    assert spread.practices[0].distribution == (2, 2, 2, 2, 2)
    # Everybody on one level: the counts would state every person's level.
    same = summarize(FRAMEWORK, 5, rows_for([uniform(FRAMEWORK, 3)] * 12))
    assert same.practices[0].shown and not same.practices[0].distribution_shown
    assert distribution_is_safe((2, 2, 2, 2, 2), 5) and not distribution_is_safe((0, 9, 0), 3)
    assert not distribution_is_safe((1, 2, 2), 3)  # 5 responses < 2k
    # All but one on a level: the one outside reads the five others' level off the bars.
    assert not distribution_is_safe((0, 1, 0, 5, 0), 3)
    assert not distribution_is_safe((0, 2, 0, 4, 0), 3)  # 2 outside: each knows the other
    assert distribution_is_safe((0, 3, 0, 3, 0), 3)


def test_a_practice_rated_by_fewer_than_k_stays_hidden() -> None:
    full = [uniform(FRAMEWORK, 4) for _ in range(5)]
    # Two people left the last practice unscored: only 3 scores for it.
    for number in range(2):
        full[number] = (*full[number][:-1], PracticeResult(FRAMEWORK.practices[-1].id, None, 4, 2))
    summary = summarize(FRAMEWORK, 5, rows_for(full))
    assert summary.ready
    assert not summary.practices[-1].shown
    assert all(p.shown for p in summary.practices[:-1])


def test_spotlight_is_the_widest_spread() -> None:
    calm = uniform(FRAMEWORK, 3)
    split = list(calm)
    target = FRAMEWORK.practices[3].id
    people = []
    for rating in (1, 5, 1, 5, 3):
        person = list(split)
        person[3] = PracticeResult(target, float(rating), 4, 2)
        people.append(tuple(person))
    summary = summarize(FRAMEWORK, 5, rows_for(people))
    assert summary.spotlight is not None
    assert summary.spotlight.practice.id == target


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.floats(1, 5), min_size=7, max_size=7), min_size=0, max_size=12),
       st.integers(3, 8))  # fmt: skip
def test_summary_invariants(scores: list[list[float]], k: int) -> None:
    submissions = [
        tuple(
            PracticeResult(p.id, value, 4, 2)
            for p, value in zip(FRAMEWORK.practices, person, strict=True)
        )
        for person in scores
    ]
    summary = summarize(FRAMEWORK, k, rows_for(submissions))
    assert summary.count == len(scores)
    for aggregate in summary.practices:
        if aggregate.shown:
            assert aggregate.responses >= k
            if aggregate.distribution_shown:
                assert sum(aggregate.distribution) == aggregate.responses >= 2 * k
                assert max(aggregate.distribution) < aggregate.responses
            else:
                assert sum(aggregate.distribution) == 0
            assert 1 <= (aggregate.mean_current or 0) <= 5
        else:
            assert aggregate.mean_current is None


def _rows(practice_id: str, scores: list[float], target: float = 4.0) -> list[PracticeRow]:
    """GROUP BY rows for one practice from each person's score."""
    by_level: dict[int, list[float]] = {}
    for value in scores:
        by_level.setdefault(math.floor(value + 0.5), []).append(value)
    return [
        PracticeRow(practice_id, level, len(vs), sum(vs), sum(v * v for v in vs), target * len(vs))
        for level, vs in by_level.items()
    ]


def test_published_means_are_rounded_and_kept_off_the_scale_ends() -> None:
    """4.96 at n = 5 said four people scored 5.0 and one 4.8; 4.8 says only 'near the top'."""
    assert published_mean(4.96, 5) == 4.8
    assert published_mean(5.0, 5) == 4.8
    assert published_mean(1.0, 5) == 1.2
    assert published_mean(3.6667, 5) == 3.7
    practice = FRAMEWORK.practices[0].id
    summary = summarize(FRAMEWORK, 5, _rows(practice, [5.0, 5.0, 5.0, 5.0, 4.8], target=5.0))
    aggregate = summary.practice(practice)
    assert aggregate is not None
    assert (aggregate.mean_current, aggregate.mean_target) == (4.8, 4.8)


def test_the_spread_is_published_only_from_twice_k_and_to_one_decimal() -> None:
    """At n = k = 3, a mean of 3.67 and a spread of 0.98 let the one who knew their own 4.80
    solve the other two scores; from 2k on it cannot be solved, and one decimal is shown."""
    practice = FRAMEWORK.practices[0].id
    small = summarize(FRAMEWORK, 3, _rows(practice, [4.8, 3.8, 2.4])).practice(practice)
    assert small is not None and small.shown and small.spread is None
    scores = [4.8, 3.8, 2.4, 3.0, 4.2, 1.6]
    large = summarize(FRAMEWORK, 3, _rows(practice, scores)).practice(practice)
    assert large is not None and large.spread == round(statistics.pstdev(scores), 1)


def test_the_spotlight_ranks_by_the_exact_spread_even_where_none_is_shown() -> None:
    calm, torn = (p.id for p in FRAMEWORK.practices[:2])
    rows = _rows(calm, [3.0, 3.2, 3.4]) + _rows(torn, [1.0, 3.0, 5.0])
    rows += [r for p in FRAMEWORK.practices[2:] for r in _rows(p.id, [3.0, 3.0, 3.0])]
    summary = summarize(FRAMEWORK, 3, rows)
    assert all(a.spread is None for a in summary.practices)
    assert summary.spotlight is not None and summary.spotlight.practice.id == torn
