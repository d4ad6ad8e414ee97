"""Feedback pages with AppTest: asking, the links shown once, the rater's flow, and the
owner seeing nothing at two raters and the comparison at three."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.storage import open_repository
from rapport.storage.feedback_repository import SqlFeedbackRepository
from rapport.usecases.feedback import NewRequest, ask, open_link, rate
from tests.app.conftest import seen

Start = Callable[..., AppTest]


def _text(at: AppTest) -> str:
    parts = [m.value for m in (*at.markdown, *at.caption, *at.subheader, *at.title)]
    parts += [str(x.value) for x in at.get("code")]
    parts += [e.value for e in (*at.info, *at.warning, *at.error, *at.success)]
    return seen("\n".join(parts))


def _no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


@pytest.fixture
def feedback(database_url: str) -> SqlFeedbackRepository:
    return SqlFeedbackRepository(open_repository(database_url).engine)


@pytest.fixture
def made(feedback: SqlFeedbackRepository, framework: Framework) -> NewRequest:
    closes = date.today() + timedelta(days=7)
    now = datetime.now(UTC)
    return ask(feedback, framework, "Alex", ["client", "teammate"], True, closes, now)


def _raters(
    feedback: SqlFeedbackRepository, framework: Framework, made: NewRequest, n: int
) -> None:
    request, perspective = open_link(feedback, made.rater_tokens["client"])
    for number in range(n):
        answers = Assessment.empty(framework)
        for practice in framework.practices:
            for indicator in practice.indicators:
                answers = answers.with_rating(indicator.id, 2 + number % 3)
        rate(
            feedback, framework, request, perspective, secrets.token_urlsafe(16), answers,
            {}, datetime.now(UTC), 50,
        )  # fmt: skip


def test_asking_shows_the_links_once_then_the_results(app: Start) -> None:
    at = app()
    at.switch_page("app_pages/feedback.py").run()
    _no_errors(at)
    at.text_input[0].input("Alex")
    at.checkbox(key="feedback.ask.teammate").check()
    at.button[0].click().run()  # the form's submit button
    _no_errors(at)
    text = _text(at)
    assert "/feedback#owner=" in text
    assert "/rate#r=" not in text  # step 1: the private link alone
    at.button[-1].click().run()  # "I saved my private link"
    _no_errors(at)
    text = _text(at)
    assert "#owner=" not in text
    assert text.count("/rate#r=") == 2  # clients and teammates, a link each
    assert len(at.get("imgs") or at.get("image")) >= 1  # their QR codes
    at.button[-1].click().run()  # "I sent the links"
    _no_errors(at)
    text = _text(at)
    assert "/rate#r=" not in text and "#owner=" not in text  # never shown again
    assert "Feedback for Alex from clients and teammates" in text
    assert "Nothing to show yet" in text


def test_asking_without_a_perspective_says_what_to_do(app: Start) -> None:
    at = app()
    at.switch_page("app_pages/feedback.py").run()
    at.text_input[0].input("Alex")
    at.checkbox(key="feedback.ask.client").uncheck()
    at.button[0].click().run()
    _no_errors(at)
    assert "Choose at least one kind of person to ask" in _text(at)


def test_a_rater_practises_answers_everything_and_is_thanked(
    app: Start, made: NewRequest, framework: Framework, feedback: SqlFeedbackRepository
) -> None:
    at = app(r=made.rater_tokens["client"])
    at.switch_page("app_pages/rate.py").run()
    _no_errors(at)
    text = _text(at)
    assert "Feedback for Alex" in text and "anonymous" in text
    assert len(at.radio) == 1  # only the practice question until it is answered
    at.radio(key="rater.practice").set_value(3).run()
    statements = [r for r in at.radio if r.key != "rater.practice"]
    assert len(statements) == framework.indicator_count
    first = framework.practices[0].indicators[0]
    assert statements[0].label == first.observed
    at.button[0].click().run()  # send with nothing answered
    _no_errors(at)
    assert "Some statements have no answer yet" in _text(at)
    for radio in (r for r in at.radio if r.key != "rater.practice"):
        radio.set_value(4)
    at.text_area(key=f"rater.comment.{framework.practices[0].id}").input("Always on time.")
    at.button[0].click().run()
    _no_errors(at)
    assert "Thank you: your answers are in" in _text(at)
    request, _ = open_link(feedback, made.rater_tokens["client"])
    assert feedback.rater_counts(request.id) == {"client": 1}


def test_the_owner_sees_nothing_at_two_and_the_comparison_at_three(
    app: Start, made: NewRequest, framework: Framework, feedback: SqlFeedbackRepository
) -> None:
    _raters(feedback, framework, made, 2)
    at = app()
    at.session_state["rapport.feedback_owner"] = made.owner_secret
    at.switch_page("app_pages/feedback.py").run()
    _no_errors(at)
    text = _text(at)
    assert "1 more needed" in text and "Nothing to show yet" in text
    assert not at.get("vega_lite_chart") and not at.get("arrow_vega_lite_chart")
    _raters(feedback, framework, made, 1)
    at.run()
    _no_errors(at)
    assert len(at.get("vega_lite_chart") or at.get("arrow_vega_lite_chart")) == 1
    assert "Nothing to show yet" not in _text(at)


def test_a_bad_rater_link_says_what_to_do(app: Start) -> None:
    at = app(r="not-a-real-link")
    at.switch_page("app_pages/rate.py").run()
    _no_errors(at)
    assert "does not open anything" in _text(at)
