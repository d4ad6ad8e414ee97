"""Client scenarios through the pages: answered, skipped and partly answered; Results shows
the key only once a situation is fully rated."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from rapport.core.framework import Framework

Start = Callable[..., AppTest]


def _no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _scenario_radios(at: AppTest) -> list:
    return [r for r in at.radio if r.key and r.key.startswith("w.scenario.")]


def _text(at: AppTest) -> str:
    parts = [m.value for m in (*at.markdown, *at.caption, *at.header)]
    parts += [e.value for e in (*at.info, *at.warning)]
    return "\n".join(parts)


def _rate_first_practice(at: AppTest, statements: int, options: list[int | None]) -> None:
    at.switch_page("app_pages/assess.py").run()
    for radio in (r for r in at.radio if r.key and r.key.startswith("w.rating.")):
        radio.set_value(statements)
    for radio, value in zip(_scenario_radios(at), options, strict=True):
        if value is not None:
            radio.set_value(value)
    at.run()
    _no_errors(at)


def test_a_situation_answered_shows_the_say_do_flag_and_then_the_key(
    app: Start, framework: Framework
) -> None:
    at = app()
    scenario = framework.practices[0].scenarios[0]
    weakest = [o.id for o in scenario.options].index(scenario.weakest.id)
    at.switch_page("app_pages/assess.py").run()
    assert len(_scenario_radios(at)) == len(scenario.options)
    assert scenario.situation in _text(at)
    assert scenario.best.rationale not in _text(at)  # never the key before the answers
    values = [6 if n == weakest else 3 for n in range(len(scenario.options))]
    _rate_first_practice(at, 5, values)
    stored = at.session_state["rapport.assessments"][framework.id].scenarios
    assert len(stored[scenario.id]) == len(scenario.options)
    at.switch_page("app_pages/results.py").run()
    _no_errors(at)
    text = _text(at)
    assert "What your choices show" in text
    assert "You say you do this; your choices disagree" in text
    assert scenario.best.text in text and scenario.best.rationale in text
    # Rated Always, so no gap: the flag alone brings the practice under "Where to start".
    assert "worth working on although it meets your target" in text


def test_a_skipped_or_partly_rated_situation_shows_no_key(app: Start, framework: Framework) -> None:
    scenario = framework.practices[0].scenarios[0]
    for options in ([None, None, None, None], [5, 2, None, None]):
        at = app()
        _rate_first_practice(at, 4, options)
        at.switch_page("app_pages/results.py").run()
        _no_errors(at)
        text = _text(at)
        assert "Rate the responses of a practice's client situation" in text
        assert scenario.best.rationale not in text
