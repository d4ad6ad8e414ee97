"""Scoring: examples of the rules, then property-based checks of their invariants."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapport.core.assessment import Assessment
from rapport.core.framework import NOT_APPLICABLE, Framework
from rapport.core.scoring import FOCUS_SIZE, score
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE, AssessmentFactory

FRAMEWORK = load_framework(FRAMEWORK_FILE)
INDICATORS = [i.id for p in FRAMEWORK.practices for i in p.indicators]
PRACTICES = [p.id for p in FRAMEWORK.practices]

ratings = st.dictionaries(
    st.sampled_from(INDICATORS), st.one_of(st.integers(1, 5), st.just(NOT_APPLICABLE))
)
choices = st.dictionaries(
    st.sampled_from(PRACTICES),
    st.fixed_dictionaries(
        {
            "target": st.integers(1, 5),
            "importance": st.integers(1, 3),
            "example": st.text(max_size=20),
        }
    ),
)


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    assessment = Assessment.empty(FRAMEWORK)
    for indicator_id, rating in draw(ratings).items():
        assessment = assessment.with_rating(indicator_id, rating)
    for practice_id, change in draw(choices).items():
        assessment = assessment.with_choice(practice_id, **change)
    return assessment


# -- examples ----------------------------------------------------------------------------------


def test_empty_assessment_has_no_scores_never_zero(framework: Framework) -> None:
    profile = score(framework, Assessment.empty(framework))
    assert profile.is_empty
    assert all(s.current is None and s.gap is None for s in profile.scores)
    assert profile.completion == 0
    assert profile.focus == () and profile.strengths == () and profile.priorities == ()


def test_not_applicable_is_answered_but_not_scored(framework: Framework) -> None:
    practice = framework.practices[0]
    assessment = Assessment.empty(framework)
    assessment = assessment.with_rating(practice.indicators[0].id, NOT_APPLICABLE)
    assessment = assessment.with_rating(practice.indicators[1].id, 2)
    first = score(framework, assessment).scores[0]
    assert first.answered == 2 and first.rated == 1
    assert first.current == 2


def test_only_not_applicable_means_no_score(framework: Framework) -> None:
    practice = framework.practices[0]
    assessment = Assessment.empty(framework)
    for indicator in practice.indicators:
        assessment = assessment.with_rating(indicator.id, NOT_APPLICABLE)
    first = score(framework, assessment).scores[0]
    assert first.current is None and not first.scored
    assert first.answered == first.total


def test_defaults_apply_until_the_person_changes_them(framework: Framework) -> None:
    assessment = Assessment.empty(framework).with_choice("proactive", target=5)
    profile = score(framework, assessment)
    assert profile.scores[2].target == 5
    assert profile.scores[0].target == framework.defaults.target
    assert profile.scores[0].importance == framework.defaults.importance


def test_importance_reorders_equal_gaps(answered: AssessmentFactory) -> None:
    assessment = answered(2, proactive={"importance": 3})
    profile = score(FRAMEWORK, assessment)
    assert profile.priorities[0].practice.id == "proactive"
    assert [s.practice.id for s in profile.focus][1:] == ["clear-channels", "progress-updates"]


def test_strengths_and_focus_from_mixed_answers(answered: AssessmentFactory) -> None:
    profile = score(FRAMEWORK, answered(5, 2, 4, 3))
    assert [s.practice.id for s in profile.strengths] == [
        "clear-channels",
        "transparency",
        "proactive",
        "appreciation",
    ]
    assert [s.practice.id for s in profile.focus] == [
        "progress-updates",
        "respect-time",
        "active-listening",
    ]
    assert profile.focus[0].gap == 2


def test_high_scores_without_example_are_flagged(answered: AssessmentFactory) -> None:
    assessment = answered(5, clear_channels={"example": "Agreed a weekly call in March."})
    flagged = {s.practice.id for s in score(FRAMEWORK, assessment).unsupported_high}
    assert "clear-channels" not in flagged
    assert len(flagged) == 6


# -- properties --------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(assessments())
def test_scores_stay_on_the_scale(assessment: Assessment) -> None:
    for s in score(FRAMEWORK, assessment).scores:
        if s.current is None:
            assert s.rated == 0 and s.gap is None and s.weighted_gap is None
        else:
            assert 1 <= s.current <= 5
            assert math.isclose(s.gap, s.target - s.current)
            assert s.weighted_gap >= 0


@settings(max_examples=200, deadline=None)
@given(assessments())
def test_priorities_are_ordered_and_complete(assessment: Assessment) -> None:
    profile = score(FRAMEWORK, assessment)
    weighted = [s.weighted_gap for s in profile.priorities]
    assert weighted == sorted(weighted, reverse=True)
    assert {s.practice.id for s in profile.priorities} == {s.practice.id for s in profile.scored}


@settings(max_examples=200, deadline=None)
@given(assessments())
def test_focus_and_strengths_are_disjoint_and_bounded(assessment: Assessment) -> None:
    profile = score(FRAMEWORK, assessment)
    focus = {s.practice.id for s in profile.focus}
    strengths = {s.practice.id for s in profile.strengths}
    assert len(focus) <= FOCUS_SIZE
    assert not focus & strengths
    assert all(s.gap > 0 for s in profile.focus)
    assert all(s.gap <= 0 for s in profile.strengths)
    assert list(profile.focus) == list(profile.priorities[: len(profile.focus)])


@settings(max_examples=200, deadline=None)
@given(assessments(), st.sampled_from(INDICATORS), st.integers(1, 5))
def test_answering_more_never_lowers_completion(
    assessment: Assessment, indicator_id: str, rating: int
) -> None:
    before = score(FRAMEWORK, assessment).completion
    after = score(FRAMEWORK, assessment.with_rating(indicator_id, rating)).completion
    assert 0 <= before <= after <= 1


@settings(max_examples=100, deadline=None)
@given(assessments(), st.sampled_from(INDICATORS))
def test_not_applicable_does_not_move_a_score(assessment: Assessment, indicator_id: str) -> None:
    cleared = assessment.with_rating(indicator_id, None)
    marked = assessment.with_rating(indicator_id, NOT_APPLICABLE)
    assert [s.current for s in score(FRAMEWORK, cleared).scores] == [
        s.current for s in score(FRAMEWORK, marked).scores
    ]


@pytest.mark.parametrize("rating", [1, 3, 5])
def test_uniform_answers_score_exactly(answered: AssessmentFactory, rating: int) -> None:
    profile = score(FRAMEWORK, answered(rating))
    assert all(s.current == rating for s in profile.scores)
    assert profile.is_complete
