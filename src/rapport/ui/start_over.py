"""Save or start over, at the foot of Assess: keep the answers for another day, or clear
them, both behind one button, and the undo for clearing."""

from __future__ import annotations

import streamlit as st

from rapport.core.framework import Framework
from rapport.core.i18n import _
from rapport.ui import state
from rapport.ui.files import render_answers_download

CONFIRM_CLEAR = "w.assess.confirm_clear"


def render_keep_or_start_over(framework: Framework) -> None:
    """Save the answers for another day, or clear them, both behind one button. Clearing
    asks first, and the cleared answers can be brought back for the rest of the session."""
    answered = state.assessment(framework).answered_count
    with st.popover(_("Save or start over"), icon=":material/save:"):
        st.markdown(
            _(
                "Answers stay in this browser tab only. Save them to continue another day; "
                "starting over clears them."
            )
        )
        render_answers_download(framework, f"rapport-{framework.id}")
        if answered and not state.is_sample(framework):
            sure = st.checkbox(
                _("Yes, clear all my answers"),
                key=CONFIRM_CLEAR,
            )
            if st.button(
                _("Clear all my answers"), icon=":material/restart_alt:", disabled=not sure
            ):
                state.clear(framework)
                st.session_state.pop(CONFIRM_CLEAR, None)
                st.rerun()
    render_bring_back(framework)


def render_bring_back(framework: Framework) -> None:
    """The undo for "Clear all my answers" and for a restored file: the answers they
    replaced, offered back for as long as the session lasts."""
    kept = state.set_aside(framework)
    if kept is None or state.is_sample(framework):
        return  # the sample banner offers them back itself
    kept_words = state.work_words(kept.assessment)
    current = state.assessment(framework)
    # Translators: {work} is "34 answers" or "your notes and writing"; {time} is like 14:05.
    text = _("**Your earlier work ({work}) is kept aside**, as it was at {time}.").format(
        work=kept_words, time=f"{kept.when:%H:%M}"
    )
    if state.has_work(current):
        # No count of the current answers here: it would change with each rating, and
        # this card is drawn with the page, not with the statements (ui/assess_form.py).
        text += " " + _("Bringing it back sets what you have now aside in its place.")
    with st.container(border=True):
        st.markdown(f":material/undo: {text}")
        if st.button(_("Bring back my earlier work"), key="w.bring_back"):
            state.bring_back(framework)
            st.rerun()
