"""The language of a session: decided at the top of every run, kept in session_state.

In order: `?lang=xx` in the address (a link someone shared, or a reload); else the choice
made in the sidebar, kept for the session and written back into the address so a copied
link or a reload keeps it; else the browser's language (st.context.locale, then the
request's Accept-Language); else English. Always per session: nothing here is stored on
the process, so two people on one server never see each other's language.
"""

from __future__ import annotations

import json

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from rapport.core.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    _,
    best_match,
    set_language_source,
    settle_language,
    supported,
)

LANGUAGE = "language"  # session_state: the session's language code
CHOSEN = "language.chosen"  # session_state: True once the address or the sidebar said so
PICKER = "w.language"
PARAM = "lang"


def _session_language() -> str | None:
    # Outside a script run (a background thread, a bare test) there is no session.
    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return st.session_state.get(LANGUAGE)


set_language_source(_session_language)


def _browser_language() -> str | None:
    try:
        return best_match(st.context.locale) or best_match(
            st.context.headers.get("Accept-Language")
        )
    except (AttributeError, KeyError, RuntimeError):  # AppTest and bare runs have no browser
        return None


def _keep(code: str) -> None:
    """The person said which language they want (the address or the sidebar)."""
    st.session_state[LANGUAGE] = code
    st.session_state[CHOSEN] = True
    settle_language(code)


def decide_language() -> str:
    """Settle this run's language (call before anything is drawn) and return it."""
    asked = supported(st.query_params.get(PARAM))
    if asked is not None:
        _keep(asked)
    elif LANGUAGE not in st.session_state:
        st.session_state[LANGUAGE] = _browser_language() or DEFAULT_LANGUAGE
    language = st.session_state[LANGUAGE]
    settle_language(language)  # this run's thread; a fragment's rerun asks the session
    # A plain page switch drops the address's parameters: put a chosen language back, so
    # the address a person copies or reloads speaks their language.
    if st.session_state.get(CHOSEN) and st.query_params.get(PARAM) != language:
        st.query_params[PARAM] = language
    return language


def _choose() -> None:
    chosen = supported(st.session_state.get(PICKER))
    if chosen is not None:
        _keep(chosen)
        st.query_params[PARAM] = chosen


def render_language_picker() -> None:
    """The sidebar's language menu, each language named in itself."""
    # Written directly, not through ui/state: this module stays clear of the answers'
    # models (pydantic), so the router draws the sidebar before importing them.
    st.session_state[PICKER] = st.session_state.get(LANGUAGE, DEFAULT_LANGUAGE)
    st.sidebar.selectbox(
        _("Language"),
        options=list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=PICKER,
        on_change=_choose,
    )
    # Streamlit writes <html lang="en"> whatever the page says (streamlit#15726): screen
    # readers would read Spanish with English rules. Set the document's language, on every
    # run and in the sidebar: an element sent only some runs would shift the positions of
    # those after it, and Streamlit would redraw them as new (an open expander closes).
    language = st.session_state.get(LANGUAGE, DEFAULT_LANGUAGE)
    st.sidebar.html(
        f"<script>window.parent.document.documentElement.lang = {json.dumps(language)};</script>",
        unsafe_allow_javascript=True,
    )
