"""Every Assess callback takes whatever a front end may send back and never raises.

A click that lands while a rerun is in flight sends widget values from before the rerun:
for a selectbox or radio that is the option's label text as it was then, which Streamlit
hands to the callback as a plain string when no option has that label any more. Here each
callback is fed a stale label, unknown values and None inside a real Streamlit run.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

STALE_VALUES = (
    "1 of 7: Establish clear communication channels (4/5)",  # the label that crashed
    "Often",  # a rating's word instead of its value
    "unknown",
    None,
    99,
    -3,
    True,
    2.5,
    ["na"],
)


def _feed_every_callback() -> None:
    """Runs inside AppTest: a framework, some answers, then every callback, every value."""
    import streamlit as st

    from rapport.core.framework import NOT_APPLICABLE
    from rapport.files.framework_file import load_framework
    from rapport.settings import PROJECT_ROOT
    from rapport.ui import state
    from rapport.ui.assess_form import STEP_WIDGET
    from tests.app.test_stale_widget_values import STALE_VALUES  # AppTest runs the body alone

    framework = load_framework(PROJECT_ROOT / "data" / "client-relationships.yaml")
    practice = framework.practices[0]
    indicator = practice.indicators[0]
    start = state.assessment(framework).with_rating(indicator.id, 4)
    start = start.with_choice(practice.id, target=5, importance=3)
    state.save(start)
    state.set_step(2)

    levels = [level.value for level in framework.scale.levels]
    callbacks = [
        (
            state.widget_key("rating", framework.id, indicator.id),
            lambda a, v: a.with_rating(indicator.id, v),
            [*levels, NOT_APPLICABLE],
        ),
        (
            state.widget_key("target", framework.id, practice.id),
            lambda a, v: a.with_choice(practice.id, target=v),
            levels,
        ),
        (
            state.widget_key("importance", framework.id, practice.id),
            lambda a, v: a.with_choice(practice.id, importance=v),
            [level.value for level in framework.importance.levels],
        ),
        (
            state.widget_key("example", framework.id, practice.id),
            lambda a, v: a.with_choice(practice.id, example=v or ""),
            str,
        ),
    ]
    for value in STALE_VALUES:
        st.session_state[STEP_WIDGET] = value
        state.set_step(value, len(framework.practices))
        for key, update, allowed in callbacks:
            if value is not None and state.accepts(allowed, value):
                continue  # a real answer for this widget (a word is a valid example text)
            st.session_state[key] = value
            state._write_back(framework, key, update, allowed)
    after = state.assessment(framework)
    st.session_state["result"] = (
        after.rating(indicator.id),
        after.choice(practice.id).target,
        after.choice(practice.id).importance,
        state.step(len(framework.practices)),
    )


def test_callbacks_ignore_values_no_option_has() -> None:
    at = AppTest.from_function(_feed_every_callback, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    rating, target, importance, step = at.session_state["result"]
    assert step == 2, "a stale picker value moved the practice shown"
    # None is what a widget sends for "nothing chosen": it clears a rating and puts a
    # target or importance back to the default. Every other value names no option and
    # changes nothing.
    assert rating is None
    assert (target, importance) == (None, None)


def test_values_the_widgets_offer_are_accepted() -> None:
    from rapport.ui.state import accepts

    assert accepts([1, 2, 3, 4, 5, "na"], 4)
    assert accepts([1, 2, 3, 4, 5, "na"], "na")
    assert accepts([1, 2, 3], None)
    assert accepts(str, "my example")
    assert not accepts([1, 2, 3, 4, 5, "na"], "Often")
    assert not accepts([1, 2, 3, 4, 5, "na"], True)  # True == 1, but it is no rating
    assert not accepts([1, 2, 3, 4, 5, "na"], 4.0)
    assert not accepts(str, ["na"])
