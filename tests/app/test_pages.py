"""Every page, driven through the real router with Streamlit's AppTest."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from rapport.core.framework import Framework
from rapport.core.scoring import score
from tests.app.conftest import PAGES, seen
from tests.conftest import english_data

Start = Callable[..., AppTest]


def _no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _rating_radios(at: AppTest) -> list:
    return [r for r in at.radio if r.key and r.key.startswith("w.rating.")]


def _answer_everything(
    at: AppTest, framework: Framework, choose: Callable[[int, int], object]
) -> None:
    at.switch_page("app_pages/assess.py").run()
    for step, _practice in enumerate(framework.practices):
        for number, radio in enumerate(_rating_radios(at)):
            radio.set_value(choose(step, number))
        at.run()
        _no_errors(at)
        if step < len(framework.practices) - 1:
            next_button = next(b for b in at.button if b.label.startswith("Next"))
            next_button.click().run()


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("arrow_vega_lite_chart")] or [
        json.loads(el.proto.spec) for el in at.get("vega_lite_chart")
    ]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_alone_from_an_empty_session(app: Start, page: str) -> None:
    at = app()
    at.switch_page(page).run()
    _no_errors(at)
    assert at.title, f"{page} shows no title"


def test_home_explains_and_starts(app: Start) -> None:
    at = app()
    text = " ".join(m.value for m in at.markdown)
    assert "Three steps" in " ".join(h.value for h in at.subheader)
    assert "minutes" in text and "Nothing is stored on a server" in text
    at.button[0].click().run()
    _no_errors(at)
    assert at.title[0].value == "Assess your habits"


def test_results_and_report_guide_when_nothing_is_answered(app: Start) -> None:
    at = app()
    for page in ("app_pages/results.py", "app_pages/report.py"):
        at.switch_page(page).run()
        _no_errors(at)
        assert "rate at least one statement" in at.info[0].value
        assert not _charts(at)


def test_full_flow_answers_everything_then_charts_and_report(
    app: Start, framework: Framework
) -> None:
    at = app()
    strong, weak = [5, 4, 5, "na", 4], [2, 1, 3, 2, "na"]
    _answer_everything(at, framework, lambda step, n: (weak if step % 2 else strong)[n])
    assert at.progress[0].value == 100
    # The last step offers the results.
    assert any(b.label == "See my results" for b in at.button)
    at.switch_page("app_pages/results.py").run()
    _no_errors(at)
    assert not any("Partial" in w.value for w in at.warning)
    gaps, _items, _mix = _charts(at)
    profile = score(framework, at.session_state["rapport.assessments"][framework.id])
    assert gaps["layer"][1]["encoding"]["y"]["sort"] == [
        s.practice.short_name for s in profile.priorities
    ]
    headline = " ".join(m.value for m in at.markdown)
    assert f"Your strongest practice is {profile.strengths[0].practice.name}" in headline
    assert f"Focus first on {profile.focus[0].practice.name}" in headline
    at.switch_page("app_pages/report.py").run()
    _no_errors(at)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download the Word report (.docx)", "Download your answers (.json)"]


def test_answers_persist_across_pages(app: Start, framework: Framework) -> None:
    at = app()
    at.switch_page("app_pages/assess.py").run()
    first = _rating_radios(at)[0]
    first.set_value(3).run()
    at.switch_page("app_pages/practices.py").run()
    at.switch_page("app_pages/assess.py").run()
    assert _rating_radios(at)[0].value == 3


def test_step_and_choices_persist(app: Start) -> None:
    at = app()
    at.switch_page("app_pages/assess.py").run()
    next(b for b in at.button if b.label.startswith("Next")).click().run()
    key = "w.target.client-relationships.progress-updates"
    at.select_slider(key=key).set_value(5).run()
    at.text_area(key="w.example.client-relationships.progress-updates").input(
        "Sent weekly notes"
    ).run()
    at.switch_page("app_pages/home.py").run()
    at.switch_page("app_pages/assess.py").run()
    _no_errors(at)
    assert at.header[0].value.startswith("2. ")
    assert at.select_slider(key=key).value == 5
    assert (
        at.text_area(key="w.example.client-relationships.progress-updates").value
        == "Sent weekly notes"
    )


def test_partial_answers_give_partial_results_with_a_note(app: Start) -> None:
    at = app()
    at.switch_page("app_pages/assess.py").run()
    _rating_radios(at)[0].set_value(2).run()
    at.switch_page("app_pages/results.py").run()
    _no_errors(at)
    assert "Partial results: 1 of 34" in at.warning[0].value
    gap_spec = _charts(at)[0]
    assert gap_spec["layer"][1]["encoding"]["y"]["sort"] == ["Communication channels"]


def test_high_scores_without_example_are_flagged(app: Start, framework: Framework) -> None:
    at = app()
    _answer_everything(at, framework, lambda step, n: 5)
    at.switch_page("app_pages/results.py").run()
    warnings = " ".join(w.value for w in at.warning)
    assert "High ratings without a recent example" in warnings


def test_hostile_text_in_fields_never_breaks_a_page(app: Start) -> None:
    hostile = (
        "![x](http://example.invalid/x.png) [click](http://example.invalid) "
        "<script>alert(1)</script> **bold** :material/warning: \x00\x07 \u202e🚀 "
    )
    at = app()
    at.switch_page("app_pages/assess.py").run()
    _rating_radios(at)[0].set_value(4).run()
    at.text_area(key="w.example.client-relationships.clear-channels").input(hostile).run()
    at.switch_page("app_pages/report.py").run()
    at.text_input(key="w.report.name").input(hostile[:120]).run()
    _no_errors(at)
    # The name is shown as plain text, never as markdown that could render links or images.
    assert any("example.invalid" in t.value for t in at.text)
    assert not any("example.invalid" in m.value for m in at.markdown)
    for page in PAGES:
        at.switch_page(page).run()
        _no_errors(at)


ORDERS = random.Random(7).sample(list(itertools.permutations(PAGES)), 6)


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: "-".join(Path(p).stem for p in o))
def test_any_visiting_order_works(app: Start, order: tuple[str, ...]) -> None:
    at = app()
    for page in order:
        at.switch_page(page).run()
        _no_errors(at)
        if page == "app_pages/assess.py":
            _rating_radios(at)[1].set_value("na").run()
            _no_errors(at)


def test_broken_framework_folder_gives_guidance(
    app: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    monkeypatch.setenv("RAPPORT_DATA_DIR", str(tmp_path))
    at = app()
    _no_errors(at)
    message = seen(at.error[0].value)
    assert "could not load a practice framework" in message
    assert "broken.yaml: the file is not valid YAML" in message


def test_a_second_framework_can_be_chosen(
    app: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = english_data()
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    data["id"], data["name"] = "short-version", "A shorter framework"
    data["practices"] = data["practices"][:2]
    # APA: a reference list holds only what the text cites.
    kept = {*data["scale"]["citations"], "bourne-2009", "bourne-walker-2006"}
    kept |= {key for practice in data["practices"] for key in practice["citations"]}
    data["references"] = [r for r in data["references"] if r["key"] in kept]
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setenv("RAPPORT_DATA_DIR", str(tmp_path))
    at = app()
    picker = at.sidebar.selectbox(key="w.framework")
    assert picker.options == ["Managing client relationships", "A shorter framework"]
    picker.set_value("short-version").run()
    assert at.session_state["rapport.framework"] == "short-version"
    at.switch_page("app_pages/practices.py").run()
    _no_errors(at)
    assert len([h for h in at.header if h.value[0].isdigit()]) == 2
