"""Progress between two assessments: the arithmetic and the words."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from rapport.core.assessment import Assessment
from rapport.core.compare import compare, progress_sentences
from rapport.core.framework import NOT_APPLICABLE, Framework
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE, AssessmentFactory

FRAMEWORK = load_framework(FRAMEWORK_FILE)


def test_improved_slipped_and_steady(framework: Framework, answered: AssessmentFactory) -> None:
    before = answered(2, 4, 3)
    after = answered(4, 3, 3)
    comparison = compare(framework, before, after)
    assert [c.practice.id for c in comparison.improved][:1] == ["clear-channels"]
    assert comparison.improved[0].change == 2
    assert {c.practice.id for c in comparison.improved} == {
        "clear-channels",
        "active-listening",
        "appreciation",
    }
    assert {c.practice.id for c in comparison.slipped} == {"progress-updates", "transparency"}
    assert {c.practice.id for c in comparison.steady} == {"proactive", "respect-time"}
    text = " ".join(progress_sentences(comparison))
    assert "Improved: 3 practices, most of all Establish clear communication" in text
    assert "(2.0 to 4.0)" in text
    assert "Slipped: 2 practices, most of all" in text
    assert "About the same: 2 practices." in text


def test_targets_moved_are_reported(framework: Framework, answered: AssessmentFactory) -> None:
    before = answered(3)
    after = answered(3, transparency={"target": 5})
    comparison = compare(framework, before, after)
    assert [c.practice.id for c in comparison.targets_moved] == ["transparency"]
    assert "Targets you changed: Be transparent and honest (Often to Always)." in (
        progress_sentences(comparison, framework.scale)
    )


def test_items_rated_once_are_not_comparable(framework: Framework) -> None:
    first = framework.practices[0].indicators
    before = Assessment.empty(framework).with_rating(first[0].id, 2).with_rating(first[1].id, 3)
    after = Assessment.empty(framework).with_rating(first[0].id, 4).with_rating(first[2].id, 1)
    comparison = compare(framework, before, after, left_out=("cc-retired",), before_version="0.9")
    assert comparison.not_comparable == tuple(sorted([first[1].id, first[2].id]))
    assert comparison.framework_changed
    assert comparison.comparable_count == 1
    assert "3 statements could not be compared" in " ".join(progress_sentences(comparison))


def test_nothing_comparable(framework: Framework, answered: AssessmentFactory) -> None:
    comparison = compare(framework, Assessment.empty(framework), answered(3))
    assert comparison.comparable_count == 0
    assert progress_sentences(comparison) == (
        "No practice was rated in both assessments, so there is nothing to compare.",
    )


ratings = st.dictionaries(
    st.sampled_from([i.id for p in FRAMEWORK.practices for i in p.indicators]),
    st.one_of(st.integers(1, 5), st.just(NOT_APPLICABLE)),
)


def _build(values: dict) -> Assessment:
    assessment = Assessment.empty(FRAMEWORK)
    for key, value in values.items():
        assessment = assessment.with_rating(key, value)
    return assessment


@settings(max_examples=150, deadline=None)
@given(ratings, ratings)
def test_comparison_invariants(first: dict, second: dict) -> None:
    before, after = _build(first), _build(second)
    forward = compare(FRAMEWORK, before, after)
    backward = compare(FRAMEWORK, after, before)
    ids = lambda changes: {c.practice.id for c in changes}  # noqa: E731
    assert ids(forward.improved) == ids(backward.slipped)
    assert not ids(forward.improved) & ids(forward.slipped)
    assert len(forward.improved) + len(forward.slipped) + len(forward.steady) == (
        forward.comparable_count
    )
    for change in forward.changes:
        if change.comparable:
            assert math.isclose(change.change, change.after - change.before)
    assert compare(FRAMEWORK, before, before).improved == ()


def test_progress_words_are_grammatical(framework: Framework) -> None:
    """One practice is named, not counted ("Improved: 1 practice, most of all ..."); one
    statement is "it"."""
    first = framework.practices[0].indicators
    before = Assessment.empty(framework).with_rating(first[0].id, 2).with_rating(first[1].id, 3)
    after = Assessment.empty(framework).with_rating(first[0].id, 4)
    text = " ".join(progress_sentences(compare(framework, before, after), framework.scale))
    assert "Improved: Establish clear communication channels (2.5 to 4.0)." in text
    assert "1 statement could not be compared because only one of the two assessments " in text
    assert "rated it." in text


def test_a_retake_compares_the_choices_in_a_situation_rated_both_times(
    framework: Framework, answered: AssessmentFactory
) -> None:
    scenario = framework.practices[0].scenarios[0]
    before, after = answered(3), answered(3)
    for option in scenario.options:
        before = before.with_scenario_rating(scenario.id, option.id, 7 - option.key)
        after = after.with_scenario_rating(scenario.id, option.id, option.key)
    comparison = compare(framework, before, after)
    ((practice, then, now),) = comparison.choices
    assert practice.id == framework.practices[0].id and now == 100.0 and then < now
    sentence = progress_sentences(comparison, framework.scale)[-1]
    assert sentence.startswith("Choices in the client situations, scored 0-100:")
    assert f"({then:.0f} to 100)" in sentence
    # Rated only once: nothing to compare.
    assert compare(framework, answered(3), after).choices == ()
