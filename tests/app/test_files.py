"""Resume, compare and the demo profile, driven through the pages with AppTest."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.files.answers_file import to_json
from rapport.usecases.student import student_report
from tests.conftest import AssessmentFactory

Start = Callable[..., AppTest]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _stored(at: AppTest, framework: Framework) -> Assessment:
    return at.session_state["rapport.assessments"][framework.id]


def _chart_count(at: AppTest) -> int:
    return len(at.get("arrow_vega_lite_chart")) + len(at.get("vega_lite_chart"))


def _uploader(at: AppTest, key: str):
    return next(u for u in at.get("file_uploader") if u.id.endswith(f"w.upload.{key}"))


def test_demo_link_opens_complete_results(app: Start) -> None:
    at = app(demo="1")
    _no_errors(at)
    assert at.title[0].value == "Your results"
    assert _chart_count(at) == 3
    assert "Focus first on Be proactive" in " ".join(m.value for m in at.markdown)


def test_sample_button_fills_a_labelled_profile(app: Start, framework: Framework) -> None:
    at = app()
    next(b for b in at.button if b.label == "Try it with a sample profile").click().run()
    _no_errors(at)
    assert at.title[0].value == "Your results"
    assert _stored(at, framework).respondent.name == "Sample student (demo profile)"
    assert framework.id in at.session_state["rapport.sample"]


def test_resume_from_a_word_report(
    app: Start, framework: Framework, answered: AssessmentFactory
) -> None:
    original = answered(1, 5, "na", 3).with_respondent("Zoë", "PM 101")
    report = student_report(framework, original, date(2026, 11, 27))
    at = app()
    _uploader(at, "resume").set_value(("old report.docx", report, DOCX)).run()
    _no_errors(at)
    assert "Restored the Word report saved on" in at.success[0].value
    assert _stored(at, framework) == original
    # The restored answers show in the widgets, and a rerun does not restore again.
    at.switch_page("app_pages/assess.py").run()
    first = next(r for r in at.radio if r.key and r.key.startswith("w.rating."))
    assert first.value == 1
    first.set_value(2).run()
    assert _stored(at, framework).rating(first.key.rsplit(".", 1)[1]) == 2


def test_a_broken_upload_changes_nothing(
    app: Start, framework: Framework, answered: AssessmentFactory
) -> None:
    at = app()
    at.switch_page("app_pages/assess.py").run()
    next(r for r in at.radio if r.key and r.key.startswith("w.rating.")).set_value(4).run()
    before = _stored(at, framework)
    at.switch_page("app_pages/home.py").run()  # resuming from a file happens on Home
    broken = json.dumps({"format": "rapport-answers", "version": 7}).encode()
    _uploader(at, "resume").set_value(("answers.json", broken, "application/json")).run()
    _no_errors(at)
    assert "version 7" in at.error[0].value
    assert _stored(at, framework) == before


def test_restoring_over_answers_asks_first(
    app: Start, framework: Framework, answered: AssessmentFactory
) -> None:
    at = app()
    at.switch_page("app_pages/assess.py").run()
    next(r for r in at.radio if r.key and r.key.startswith("w.rating.")).set_value(4).run()
    incoming = answered(2)
    at.switch_page("app_pages/home.py").run()
    _uploader(at, "resume").set_value(("a.json", to_json(incoming), "application/json")).run()
    assert "Restoring replaces" in at.warning[0].value
    assert _stored(at, framework).answered_count == 1
    next(b for b in at.button if b.label.startswith("Replace my answers")).click().run()
    _no_errors(at)
    assert _stored(at, framework) == incoming


def test_compare_with_an_earlier_file(
    app: Start, framework: Framework, answered: AssessmentFactory
) -> None:
    at = app()
    at.session_state["rapport.assessments"] = {framework.id: answered(4, 3)}
    at.switch_page("app_pages/results.py").run()
    earlier = to_json(answered(2, 3))
    _uploader(at, "earlier").set_value(("before.json", earlier, "application/json")).run()
    _no_errors(at)
    assert _chart_count(at) == 4
    assert "Progress since the earlier assessment" in [s.value for s in at.subheader]
    at.switch_page("app_pages/report.py").run()
    _no_errors(at)
    assert "**Progress.**" in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.docx", b"plain text", "not a Word document"),
        ("answers.json", b"{", "not valid JSON"),
        ("answers.json", b'{"format": "rapport-answers", "version": 1}', "expected fields"),
    ],
)
def test_compare_refuses_bad_files(app: Start, name: str, content: bytes, expected: str) -> None:
    at = app()
    at.session_state["rapport.assessments"] = {}
    at.switch_page("app_pages/assess.py").run()
    next(r for r in at.radio if r.key and r.key.startswith("w.rating.")).set_value(3).run()
    at.switch_page("app_pages/results.py").run()
    _uploader(at, "earlier").set_value((name, content, "application/octet-stream")).run()
    _no_errors(at)
    assert expected in at.error[0].value
    assert _chart_count(at) == 3
