"""Client scenarios: the schema, the judgement score and its parts, the say-do flag."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from rapport.core.errors import FrameworkError
from rapport.core.framework import Framework
from rapport.core.judgement import CHOOSES_BETTER, SAYS_MORE, judge, say_do
from rapport.core.scoring import score
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE, AssessmentFactory, english_data

FRAMEWORK = load_framework(FRAMEWORK_FILE)
SCENARIO = FRAMEWORK.practices[0].scenarios[0]
KEY = {o.id: o.key for o in SCENARIO.options}


def test_every_shipped_practice_has_a_scenario_keyed_and_cited() -> None:
    known = {r.key for r in FRAMEWORK.references}
    for practice in FRAMEWORK.practices:
        assert practice.scenarios, practice.id
        for scenario in practice.scenarios:
            assert len(scenario.options) == 4
            assert 3 <= scenario.situation.count(". ") + 1 <= 6, scenario.id
            assert all(o.citation in known and o.rationale.endswith(".") for o in scenario.options)


def _raw() -> dict[str, Any]:
    return english_data()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda o: o[0].update(key=7), "less than or equal to 6"),
        (lambda o: o[0].pop("rationale"), "rationale"),
        (lambda o: o[1].update(citation="nobody-1999"), "citation key 'nobody-1999'"),
        (lambda o: o[1].update(key=6), "share the highest key"),
        (lambda o: o.pop(), "at least 4"),
    ],
)
def test_a_badly_keyed_scenario_is_refused_by_name(
    tmp_path: Path, change: Any, expected: str
) -> None:
    data = _raw()
    change(data["practices"][0]["scenarios"][0]["options"])
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(FrameworkError, match=expected):
        load_framework(path)


def test_a_framework_without_scenarios_still_loads(tmp_path: Path) -> None:
    data = _raw()
    for practice in data["practices"]:
        practice.pop("scenarios")
    path = tmp_path / "plain.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert all(not p.scenarios for p in load_framework(path).practices)


def test_the_key_itself_scores_100_in_order_and_at_its_elevation() -> None:
    judged = judge(SCENARIO, KEY)
    assert judged is not None
    assert (judged.score, judged.order, judged.elevation) == (100.0, 100.0, 0.0)


def test_reversed_choices_score_low_out_of_order() -> None:
    reverse = {o.id: 7 - o.key for o in SCENARIO.options}
    judged = judge(SCENARIO, reverse)
    assert judged is not None and judged.score < 40 and judged.order == 0.0


def test_rating_everything_very_effective_is_lenient() -> None:
    judged = judge(SCENARIO, {o.id: 6 for o in SCENARIO.options})
    assert judged is not None and judged.lenient and judged.order == 50.0


def test_a_scenario_is_judged_only_once_every_option_is_rated() -> None:
    assert judge(SCENARIO, {}) is None
    assert judge(SCENARIO, {SCENARIO.options[0].id: 6}) is None


@given(st.lists(st.integers(1, 6), min_size=4, max_size=4))
def test_scores_stay_in_range_and_only_the_key_scores_100(values: list[int]) -> None:
    ratings = {o.id: v for o, v in zip(SCENARIO.options, values, strict=True)}
    judged = judge(SCENARIO, ratings)
    assert judged is not None
    assert 0 <= judged.score <= 100 and 0 <= judged.order <= 100
    assert (judged.score == 100) == (ratings == KEY)
    assert judged.elevation == pytest.approx(sum(values) / 4 - sum(KEY.values()) / 4, abs=0.01)


def test_always_but_the_weakest_option_rated_best_is_flagged(
    framework: Framework, answered: AssessmentFactory
) -> None:
    weakest = SCENARIO.weakest.id
    ratings = {o.id: 6 if o.id == weakest else 3 for o in SCENARIO.options}
    assessment = answered(5)
    for option_id, value in ratings.items():
        assessment = assessment.with_scenario_rating(SCENARIO.id, option_id, value)
    found = say_do(framework, score(framework, assessment), assessment.scenarios)
    assert found[0].practice.id == framework.practices[0].id
    assert found[0].flag == SAYS_MORE and found[0].say == 100.0
    assert len(found) == 1  # no other scenario was answered


def test_modest_self_rating_with_keyed_choices_chooses_better(
    framework: Framework, answered: AssessmentFactory
) -> None:
    assessment = answered(1)
    for option_id, value in KEY.items():
        assessment = assessment.with_scenario_rating(SCENARIO.id, option_id, value)
    (only,) = say_do(framework, score(framework, assessment), assessment.scenarios)
    assert only.flag == CHOOSES_BETTER and only.gap == -100.0
