"""Nothing a person does in the app throws their work away: every clear, restore and
sample sets it aside on a pile, and bringing back works through the pile."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _clear_twice_then_bring_back() -> None:
    import streamlit as st

    from rapport.files.framework_file import load_framework
    from rapport.settings import PROJECT_ROOT
    from rapport.ui import state

    framework = load_framework(PROJECT_ROOT / "data" / "client-relationships.yaml")
    indicators = [i.id for p in framework.practices for i in p.indicators]
    thirty = state.assessment(framework)
    for indicator in indicators[:30]:
        thirty = thirty.with_rating(indicator, 4)
    state.save(thirty)
    state.clear(framework)
    state.save(state.assessment(framework).with_rating(indicators[0], 2))  # a stray tap
    state.clear(framework)  # the first clear's thirty must survive this one
    only_notes = state.assessment(framework).with_writing(introduction="My placement...")
    state.save(only_notes)
    state.clear(framework)  # writing alone is work too
    counts = []
    for _ in range(4):
        state.bring_back(framework)
        current = state.assessment(framework)
        counts.append((current.answered_count, current.writing.introduction))
    st.session_state["result"] = counts


def test_a_second_clear_keeps_what_the_first_set_aside() -> None:
    at = AppTest.from_function(_clear_twice_then_bring_back, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    # Each bring-back restores the latest and sets the current work aside in its place,
    # so the pile is walked without losing anything: notes, the stray answer, the thirty.
    counts = at.session_state["result"]
    assert counts[0] == (0, "My placement...")
    assert (1, "") in counts
    assert (30, "") in counts
