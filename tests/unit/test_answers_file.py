"""The answers file round-trips, and every malformed file fails with a clear message."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapport.core.assessment import Assessment, check_fits, fit_to
from rapport.core.errors import AnswersError
from rapport.core.framework import Framework
from rapport.files.answers_file import MAX_BYTES, from_json, json_schema, to_json
from tests.conftest import REPO, AssessmentFactory


def _valid(framework: Framework) -> dict:
    return {
        "format": "rapport-answers",
        "version": 1,
        "framework": {"id": framework.id, "version": framework.version},
        "ratings": {"cc-agree-channels": 4, "cc-response-times": "na"},
        "practices": {"clear-channels": {"target": 5, "importance": 3, "example": "Weekly call"}},
    }


def test_round_trip_keeps_every_answer(answered: AssessmentFactory) -> None:
    original = answered(1, 2, "na", 5, proactive={"target": 5, "example": "Raised a risk 🚀"})
    original = original.with_respondent("Ada Lovelace", "PM 101")
    original = original.with_scenario_rating("cc-scenario-new-client", "a", 6)
    original = original.with_scenario_rating("cc-scenario-new-client", "d", 1)
    original = original.with_writing(
        introduction="In my internship I work with three clients.\n\nThey taught me this.",
        reflection="I will send updates on Fridays. 🚀",
    )
    document = to_json(original, now=datetime(2026, 11, 27, tzinfo=UTC))
    assert from_json(document) == original
    parsed = json.loads(document)
    assert parsed["format"] == "rapport-answers" and parsed["version"] == 4
    assert parsed["scenarios"] == {"cc-scenario-new-client": {"a": 6, "d": 1}}
    assert parsed["writing"]["reflection"] == "I will send updates on Fridays. 🚀"
    assert parsed["saved_at"] == "2026-11-27T00:00:00+00:00"


def test_version_1_files_still_load(framework: Framework) -> None:
    """Files saved before the introduction and reflection existed load with both empty."""
    assessment = from_json(json.dumps(_valid(framework)).encode())
    assert assessment.writing.introduction == assessment.writing.reflection == ""
    assert assessment.rating("cc-agree-channels") == 4
    with_writing = {**_valid(framework), "writing": {"introduction": "x"}}
    with pytest.raises(AnswersError, match="says version 1 but holds version 2"):
        from_json(json.dumps(with_writing).encode())


def test_minimal_file_uses_defaults(framework: Framework) -> None:
    data = _valid(framework)
    del data["practices"]
    assessment = from_json(json.dumps(data).encode())
    assert assessment.choices == {}
    assert check_fits(framework, assessment) == ()


def test_unknown_ids_are_listed_and_dropped(framework: Framework) -> None:
    data = _valid(framework)
    data["ratings"]["gone-indicator"] = 3
    assessment = from_json(json.dumps(data).encode())
    assert check_fits(framework, assessment) == ("gone-indicator",)
    fitted, unknown = fit_to(framework, assessment)
    assert unknown == ("gone-indicator",)
    assert "gone-indicator" not in fitted.ratings


BAD_FILES = {
    "empty": (b"", "empty"),
    "whitespace": (b"  \n", "empty"),
    "not json": (b"{nope", "not valid JSON"),
    "not utf-8": ('{"format": "caf\xe9"}'.encode("latin-1"), "not UTF-8"),
    "a list": (b"[]", "not a Rapport answers file"),
    "other format": (b'{"format": "other"}', "not a Rapport answers file"),
    "future version": (b'{"format": "rapport-answers", "version": 5}', "version 5"),
    "language in version 3": (
        b'{"format": "rapport-answers", "version": 3, "language": "es"}',
        "version 4's language field",
    ),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    "too large": (b" " * (MAX_BYTES + 1) + b"{}", "too large"),
    "NaN": (b'{"format": "rapport-answers", "version": 1, "x": NaN}', "not valid JSON"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_files_say_what_is_wrong(name: str) -> None:
    raw, expected = BAD_FILES[name]
    with pytest.raises(AnswersError) as caught:
        from_json(raw)
    assert expected in caught.value.message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["ratings"].update({"cc-agree-channels": "4"}), "ratings.cc-agree-channels"),
        (lambda d: d["ratings"].update({"cc-agree-channels": True}), "ratings.cc-agree-channels"),
        (lambda d: d["ratings"].update({"cc-agree-channels": 4.5}), "ratings.cc-agree-channels"),
        (lambda d: d.pop("framework"), "framework"),
        (lambda d: d.update({"extra": 1}), "extra"),
        (lambda d: d["practices"]["clear-channels"].update({"example": 7}), "example"),
    ],
)
def test_wrong_types_are_named(framework: Framework, change, expected: str) -> None:
    data = _valid(framework)
    change(data)
    with pytest.raises(AnswersError) as caught:
        from_json(json.dumps(data).encode())
    assert "expected fields" in caught.value.message
    assert expected in caught.value.message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("rating", 9, "use 1-5"),
        ("rating", 0, "use 1-5"),
        ("target", 6, "target of 'clear-channels' is 6"),
        ("importance", 4, "importance of 'clear-channels' is 4"),
    ],
)
def test_values_outside_the_scale(
    framework: Framework, field: str, value: int, expected: str
) -> None:
    data = _valid(framework)
    if field == "rating":
        data["ratings"]["cc-agree-channels"] = value
    else:
        data["practices"]["clear-channels"][field] = value
    assessment = from_json(json.dumps(data).encode())
    with pytest.raises(AnswersError) as caught:
        check_fits(framework, assessment)
    assert expected in caught.value.message


def test_answers_for_another_framework(framework: Framework) -> None:
    data = _valid(framework)
    data["framework"]["id"] = "team-leadership"
    with pytest.raises(AnswersError, match="belong to the framework 'team-leadership'"):
        check_fits(framework, from_json(json.dumps(data).encode()))


def test_hostile_text_is_cleaned(framework: Framework) -> None:
    data = _valid(framework)
    data["respondent"] = {"name": "Ada\x00 \x07Love\ud800lace", "course": "PM\n101"}
    data["practices"]["clear-channels"]["example"] = "a\x0bb"
    assessment = from_json(json.dumps(data).encode())
    assert assessment.respondent.name == "Ada Lovelace"
    assert assessment.respondent.course == "PM 101"
    assert assessment.choice("clear-channels").example == "ab"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_escape_as_other_errors(raw: bytes) -> None:
    with contextlib.suppress(AnswersError):
        from_json(raw)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda children: st.lists(children) | st.dictionaries(st.text(), children),
        max_leaves=20,
    )
)
def test_arbitrary_json_never_escapes_as_other_errors(value: object) -> None:
    document = {"format": "rapport-answers", "version": 1, "ratings": value}
    try:
        result = from_json(json.dumps(document).encode())
    except AnswersError:
        return
    assert isinstance(result, Assessment)


def test_published_schema_matches_the_model() -> None:
    published = (REPO / "docs" / "answers-schema.json").read_text(encoding="utf-8")
    assert published == json_schema(), "run: python -m rapport schema > docs/answers-schema.json"
    assert json.loads(published)["properties"]["version"]["enum"] == [1, 2, 3, 4]


def test_version_2_files_load_without_scenarios_and_cannot_claim_them(
    framework: Framework,
) -> None:
    data = {**_valid(framework), "version": 2, "writing": {"introduction": "x"}}
    assert from_json(json.dumps(data).encode()).scenarios == {}
    with pytest.raises(AnswersError, match="says version 2 but holds version 3"):
        from_json(json.dumps({**data, "scenarios": {"s": {"a": 3}}}).encode())


@pytest.mark.parametrize("value", [0, 7, -1, "5", 5.0, True])
def test_scenario_ratings_outside_1_to_6_are_refused_by_name(
    framework: Framework, value: object
) -> None:
    data = {
        **_valid(framework),
        "version": 3,
        "scenarios": {"cc-scenario-new-client": {"a": value}},
    }
    with pytest.raises(AnswersError) as caught:
        check_fits(framework, from_json(json.dumps(data).encode()))
    assert "scenarios" in caught.value.message or "cc-scenario-new-client" in caught.value.message


def test_unknown_scenarios_and_options_are_listed_and_left_out(framework: Framework) -> None:
    data = {
        **_valid(framework),
        "version": 3,
        "scenarios": {"gone-scenario": {"a": 3}, "cc-scenario-new-client": {"a": 6, "z": 2}},
    }
    assessment = from_json(json.dumps(data).encode())
    fitted, unknown = fit_to(framework, assessment)
    assert "gone-scenario" in unknown
    assert fitted.scenarios == {"cc-scenario-new-client": {"a": 6}}


def test_the_file_records_its_language_and_its_answers_restore_in_any_language(
    framework: Framework,
) -> None:
    from rapport.core.i18n import using_language
    from rapport.files.answers_file import parse

    assessment = Assessment.empty(framework).with_rating(framework.practices[0].indicators[0].id, 4)
    with using_language("es"):
        saved = to_json(assessment)
    assert json.loads(saved)["language"] == "es"
    with using_language("fr"):
        restored = parse(saved)
    assert restored.language == "es"
    assert restored.assessment.ratings == assessment.ratings
