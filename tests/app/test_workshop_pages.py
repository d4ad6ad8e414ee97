"""Workshop pages with AppTest: create, join by link, submit, the dashboard's access rules,
the k threshold, reveal, the room mirror, and a database that is down."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from rapport.core.framework import Framework
from rapport.core.scenarios import EFFECTIVENESS
from rapport.core.workshop import CODE_ALPHABET
from rapport.storage import open_repository
from rapport.ui.components import escape_markdown
from rapport.usecases.workshops import (
    CreatedWorkshop,
    create_workshop,
    reveal,
    reveal_all,
    set_open,
    submit,
)
from tests.app.conftest import seen
from tests.conftest import AssessmentFactory

Start = Callable[..., AppTest]
NOW = datetime(2026, 11, 27, tzinfo=UTC)


def _no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


@pytest.fixture
def repo(database_url: str):
    return open_repository(database_url)


@pytest.fixture
def workshop(repo, framework: Framework) -> CreatedWorkshop:
    return create_workshop(repo, framework, "PM 101 seminar", 3, True, datetime.now(UTC), 30)


def _others(
    repo, framework: Framework, created: CreatedWorkshop, people: int, factory, first: int = 0
) -> None:
    for number in range(first, first + people):
        submit(repo, created.workshop, framework, f"other-{number}", factory(number % 5 + 1), NOW)


def _dashboard(app: Start, created: CreatedWorkshop) -> AppTest:
    """The dashboard opened with the workshop's facilitator link."""
    at = app(key=created.facilitator_token)
    return at.switch_page("app_pages/dashboard.py").run()


def _charts(at: AppTest) -> int:
    return len(at.get("arrow_vega_lite_chart")) + len(at.get("vega_lite_chart"))


def _text(at: AppTest) -> str:
    parts = [m.value for m in (*at.markdown, *at.caption)] + [t.value for t in at.text]
    parts += [str(x.value) for x in at.get("code")]
    parts += [e.value for e in (*at.info, *at.warning, *at.error, *at.success)]
    return "\n".join(parts)


def test_facilitator_creates_a_workshop(app: Start) -> None:
    at = app()
    at.switch_page("app_pages/workshop.py").run()
    at.text_input[0].input("Week 5 seminar")
    at.button[0].click().run()  # the form's submit button
    _no_errors(at)
    text = _text(at)
    assert "Workshop created: Week 5 seminar" in text
    # Step 1: the private facilitator link alone, never beside what is made to be projected.
    assert "/dashboard?lang=en#key=" in text
    assert "?join=" not in text and not (at.get("imgs") or at.get("image"))
    tokens = at.session_state["rapport.facilitating"]
    assert len(tokens) == 1
    next(b for b in at.button if b.label.startswith("I saved the link")).click().run()
    _no_errors(at)
    text = _text(at)
    # Step 2: the join code, link and QR code, and no trace of the facilitator token.
    assert "?join=" in text and (at.get("imgs") or at.get("image"))
    assert "key=" not in text and next(iter(tokens.values())) not in text


def test_title_is_required(app: Start) -> None:
    at = app()
    at.switch_page("app_pages/workshop.py").run()
    at.button[0].click().run()
    assert "Give the workshop a title" in at.error[0].value


def test_dashboard_without_or_with_a_wrong_token_shows_nothing(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop, answered: AssessmentFactory
) -> None:
    _others(repo, framework, workshop, 4, lambda r: answered(r))
    other = create_workshop(repo, framework, "Another room", 3, True, NOW, 30)
    for key in (None, "x" * 43, "' OR 1=1 --", "%00" * 500, other.facilitator_token):
        at = app() if key is None else app(key=key)
        at.switch_page("app_pages/dashboard.py").run()
        _no_errors(at)
        text = _text(at) + " ".join(t.value for t in at.title)
        assert "PM 101 seminar" not in text
        assert workshop.workshop.code not in text


def test_participant_joins_by_link_and_submits_twice(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop
) -> None:
    code = workshop.workshop.code
    at = app(join=code)
    _no_errors(at)
    assert at.title[0].value == "Join a workshop"
    assert at.text_input[0].value == code
    next(b for b in at.button if b.label == "Join and start").click().run()
    _no_errors(at)
    assert at.title[0].value == "Assess your habits"
    next(r for r in at.radio if r.key and r.key.startswith("w.rating.")).set_value(4).run()
    submit_button = next(b for b in at.button if b.label == "Submit to the workshop")
    submit_button.click().run()
    assert "Your answers are in." in at.success[0].value
    # Sent answers leave nothing to send until one changes.
    assert next(b for b in at.button if b.label == "Submit my changes").disabled
    next(r for r in at.radio if r.key and r.key.startswith("w.rating.")).set_value(2).run()
    next(b for b in at.button if b.label == "Submit my changes").click().run()
    assert "Your earlier answers were replaced." in at.success[0].value
    assert len(repo.response_answers(workshop.workshop.id)) == 1
    stored = repo.response_answers(workshop.workshop.id)[0]
    assert "example" not in stored or '"example": ""' in stored


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("acdefg", "No workshop has the code ACDEFG"), ("abc", "has 6 letters and digits"),
     ("'; DROP TABLE workshops; --", "has 6 letters and digits")],
)  # fmt: skip
def test_unknown_or_malformed_codes(app: Start, typed: str, expected: str) -> None:
    at = app(join=typed)
    _no_errors(at)
    assert expected in at.error[0].value


def test_closed_workshop_refuses_submissions(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop
) -> None:
    at = app(join=workshop.workshop.code)
    next(b for b in at.button if b.label == "Join and start").click().run()
    next(r for r in at.radio if r.key and r.key.startswith("w.rating.")).set_value(4).run()
    set_open(repo, workshop.workshop, False)
    next(b for b in at.button if b.label == "Submit to the workshop").click().run()
    _no_errors(at)
    assert "closed to new answers" in at.error[0].value
    assert repo.response_answers(workshop.workshop.id) == []


def test_dashboard_waits_for_k_then_reveals(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop, answered: AssessmentFactory
) -> None:
    _others(repo, framework, workshop, 2, lambda r: answered(r))
    at = _dashboard(app, workshop)
    _no_errors(at)
    assert "## PM 101 seminar" in _text(at)
    assert "Waiting for 1 more response" in _text(at)
    assert _charts(at) == 0
    _others(repo, framework, workshop, 4, lambda r: answered(r), first=2)
    at.run()
    assert "reveal the results when you are" in _text(at)
    assert _charts(at) == 0
    reveal_all(repo, workshop.workshop)
    at.run()
    _no_errors(at)
    assert _charts(at) == 2  # averages, and level counts (6 = 2k answers on several levels)
    assert "Most disagreement" in _text(at)
    assert at.metric[0].value == "6"
    assert "Results from 6 responses." in _text(at)


def test_the_token_leaves_the_address_bar(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop
) -> None:
    at = _dashboard(app, workshop)
    _no_errors(at)
    assert "key" not in at.query_params
    assert "## PM 101 seminar" in _text(at)
    at.run()  # the session keeps the dashboard open without the address
    assert "## PM 101 seminar" in _text(at)


def test_results_move_only_when_k_answers_changed(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop, answered: AssessmentFactory
) -> None:
    _others(repo, framework, workshop, 6, lambda r: answered(r))
    reveal_all(repo, workshop.workshop)
    at = _dashboard(app, workshop)
    shown = _text(at)
    assert "Results from 6 responses." in shown
    # Two newcomers: their scores could be worked out from the change, so nothing moves.
    _others(repo, framework, workshop, 2, lambda r: answered(5), first=6)
    at.run()
    assert at.metric[0].value == "8"
    assert "Results from 6 responses. 2 newer answers will be added once 3" in _text(at)
    tables = [d.value.to_dict() for d in at.dataframe]
    # A third: now three people are mixed into the change, and the results move.
    _others(repo, framework, workshop, 1, lambda r: answered(5), first=8)
    at.run()
    assert "Results from 9 responses." in _text(at)
    assert [d.value.to_dict() for d in at.dataframe] != tables


def test_room_mirror_for_participants(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop, answered: AssessmentFactory
) -> None:
    _others(repo, framework, workshop, 3, lambda r: answered(r))
    at = app(join=workshop.workshop.code)
    next(b for b in at.button if b.label == "Join and start").click().run()
    at.session_state["rapport.assessments"] = {framework.id: answered(4)}
    at.switch_page("app_pages/results.py").run()
    # Not before this session has submitted, and not before the facilitator reveals.
    assert "Compared with the room" not in [s.value for s in at.subheader]
    next(b for b in at.button if b.label == "Submit to the workshop").click().run()
    assert "Compared with the room" not in [s.value for s in at.subheader]
    reveal_all(repo, workshop.workshop)
    at.run()
    _no_errors(at)
    assert "Compared with the room" in [s.value for s in at.subheader]


def test_database_down_keeps_solo_use_working(app: Start, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/test")
    at = app()
    at.switch_page("app_pages/workshop.py").run()
    _no_errors(at)
    assert "Workshops are unavailable right now" in at.error[0].value
    at.switch_page("app_pages/assess.py").run()
    _no_errors(at)
    assert at.title[0].value == "Assess your habits"


def test_a_participant_keeps_their_results_when_the_database_goes_down(
    app: Start,
    repo,
    framework: Framework,
    workshop: CreatedWorkshop,
    answered: AssessmentFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = app(join=workshop.workshop.code)
    next(b for b in at.button if b.label == "Join and start").click().run()
    at.session_state["rapport.assessments"] = {framework.id: answered(2, 4)}
    monkeypatch.setenv("RAPPORT_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/test")
    st.cache_resource.clear()
    at.switch_page("app_pages/results.py").run()
    _no_errors(at)
    assert "Where to start" in [h.value for h in at.header]
    next(b for b in at.button if b.label == "Submit to the workshop").click().run()
    _no_errors(at)
    assert "Workshops are unavailable" in seen(" ".join(w.value for w in at.warning))
    assert "Where to start" in [h.value for h in at.header]  # the rest of the page is there


def test_dashboard_says_so_when_the_database_fails_mid_session(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop, answered: AssessmentFactory
) -> None:
    _others(repo, framework, workshop, 3, lambda r: answered(r))
    at = _dashboard(app, workshop)
    with repo.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE response_practices")
        conn.exec_driver_sql("DROP TABLE responses")
    at.run()
    _no_errors(at)
    assert "the database has lost Rapport's tables" in seen(" ".join(e.value for e in at.error))


def test_a_demo_workshop_goes_through_the_same_two_steps(app: Start) -> None:
    at = app()
    at.switch_page("app_pages/workshop.py").run()
    next(b for b in at.button if b.label == "Create a demo workshop").click().run()
    _no_errors(at)
    text = _text(at)
    assert "Workshop created: Demo workshop" in text
    assert "/dashboard?lang=en#key=" in text and "?join=" not in text


def test_opening_the_dashboard_publishes_nothing(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop, answered: AssessmentFactory
) -> None:
    _others(repo, framework, workshop, 3, lambda r: answered(r))
    at = _dashboard(app, workshop)
    at.run()
    _no_errors(at)
    assert "reveal the results when you are" in _text(at)
    status = repo.room_status(workshop.workshop.id)
    # Only a reveal or an export publishes: later answers still go into the first results.
    assert status is not None and status.snapshot is None


def test_the_join_screen_carries_no_key_anywhere(app: Start) -> None:
    at = app()
    at.switch_page("app_pages/workshop.py").run()
    at.text_input[0].input("Week 5 seminar")
    at.button[0].click().run()
    token = next(iter(at.session_state["rapport.facilitating"].values()))
    next(b for b in at.button if b.label.startswith("I saved the link")).click().run()
    _no_errors(at)
    # Not in any text, nor in any link's address (a hover would show it on the projector).
    assert token not in _text(at)
    assert all(token not in str(link.proto) for link in at.get("page_link"))
    mine = next(b for b in at.button if b.label.endswith("Week 5 seminar"))
    mine.click().run()
    _no_errors(at)
    assert "## Week 5 seminar" in _text(at)  # the button opened the dashboard


def test_join_codes_are_rate_limited_per_browser(app: Start) -> None:
    """Guessing codes at 6 a second once showed a title on every hit: a session may try
    10 codes a minute (RAPPORT_JOINS_PER_MINUTE), then is told how long to wait."""
    at = app()
    at.switch_page("app_pages/join.py").run()
    codes = [f"KKKK{CODE_ALPHABET[n]}{CODE_ALPHABET[n + 1]}" for n in range(11)]
    for code in codes[:10]:
        at.text_input[0].set_value(code).run()
        assert "No workshop has the code" in seen(at.error[0].value)
    at.text_input[0].set_value(codes[10]).run()
    _no_errors(at)
    message = seen(at.error[0].value)
    assert "Too many attempts to try join codes from this browser just now." in message
    assert "Wait" in message and "seconds and try again" in message
    # Retyping a code already tried does not count again, and changes nothing.
    at.run()
    assert "Too many attempts" in seen(at.error[0].value)


def test_dashboards_past_the_cap_do_not_refresh(
    app: Start,
    repo,
    framework: Framework,
    workshop: CreatedWorkshop,
    answered: AssessmentFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """30 projected screens once kept a core busy: past RAPPORT_MAX_DASHBOARDS screens a
    workshop's dashboard still shows the room, once, and says why it does not refresh."""
    monkeypatch.setenv("RAPPORT_MAX_DASHBOARDS", "1")
    _others(repo, framework, workshop, 6, lambda r: answered(r))
    reveal_all(repo, workshop.workshop)
    first = _dashboard(app, workshop)
    _no_errors(first)
    assert "open on 1 screen already" not in _text(first)
    second = _dashboard(app, workshop)
    _no_errors(second)
    assert "open on 1 screen already" in seen(" ".join(w.value for w in second.warning))
    assert _charts(second) == 2  # the room as it is now, from the same shared charts


def test_the_dashboard_shows_the_rooms_choices_once_their_practice_is_revealed(
    app: Start, repo, framework: Framework, workshop: CreatedWorkshop, answered: AssessmentFactory
) -> None:
    practice = framework.practices[0]
    scenario = practice.scenarios[0]
    for number in range(6):  # 2k: a situation needs that many raters of every response
        person = answered(3)
        for option in scenario.options:  # everyone rates the weakest response far too kindly
            rating = 5 if option is scenario.weakest else option.key
            person = person.with_scenario_rating(scenario.id, option.id, rating)
        submit(repo, workshop.workshop, framework, f"chooser-{number}", person, NOW)
    at = _dashboard(app, workshop)
    assert "client situations" not in _text(at)  # nothing revealed yet

    reveal(repo, workshop.workshop, frozenset({framework.practices[1].id}))
    at.run()
    _no_errors(at)
    assert "Scenario spotlight" not in _text(at)  # its practice is still hidden
    reveal(repo, workshop.workshop, frozenset({practice.id}))
    at.run()
    _no_errors(at)
    shown = _text(at)
    assert f"Scenario spotlight: {practice.name}" in shown
    assert scenario.discussion is not None and scenario.discussion in shown
    assert f"key rates it {EFFECTIVENESS[scenario.weakest.key - 1].lower()}" in shown
    picker = at.selectbox(key=f"w.situation.{workshop.workshop.id}")
    assert picker.value == scenario.id  # the spotlight's situation is drawn first
    # The weakest response rated above two better ones: 4 of the 6 pairs in the key's order.
    assert picker.options == [f"{practice.short_name}: the room's order follows the key in "
                              "67% of pairs"]  # fmt: skip
    assert escape_markdown(scenario.weakest.text) in _text(at)  # the responses, listed
    assert _charts(at) == 2  # the room's averages (all on one level: no counts), the situation
