"""A facilitator's side of a workshop: the key from the link, and the workshops they run.

The key comes from the link into this session, never into a request: the link carries it
after `#` (ui/cookies.py, carried_token). `?key=` links handed out before keep working,
with the Referer caveat (SECURITY.md).
"""

from __future__ import annotations

import streamlit as st

from rapport.core.workshop import WorkshopError
from rapport.ui import cookies
from rapport.ui.components import escape_markdown, render_error
from rapport.ui.store import store

FACILITATING = "rapport.facilitating"
OPEN_DASHBOARD = "rapport.open_dashboard"
CARRIED = "rapport.facilitator_key_carried"  # this session has read (and deleted) the cookie
COOKIE = "rapport_facilitator"


def open_with(token: str) -> None:
    """The dashboard this session opens next (a "your workshops" button)."""
    st.session_state[OPEN_DASHBOARD] = token


def dashboard_token() -> str:
    """The facilitator token for this session's dashboard, from whichever way it came: a
    `#key=` link (through a one-minute cookie, ui/cookies.py), an older `?key=` link
    (moved into the session and out of the address bar at once), or this session's earlier
    pages. A projected address bar never shows it; reloading needs the link again."""
    params = st.query_params
    linked = params.get("key")
    if linked is not None:
        st.session_state[OPEN_DASHBOARD] = linked[:200]
        del params["key"]
    carried = cookies.carried_token("key", COOKIE, CARRIED)
    if linked is None and carried is not None:
        st.session_state[OPEN_DASHBOARD] = carried
    return str(st.session_state.get(OPEN_DASHBOARD, ""))


def remember_facilitator(workshop_id: str, token: str) -> None:
    st.session_state.setdefault(FACILITATING, {})[workshop_id] = token


def facilitator_tokens() -> dict[str, str]:
    return st.session_state.get(FACILITATING, {})


def render_my_workshops(dashboard_page: str) -> None:
    """Buttons back to the dashboards this session created or opened. Buttons, not links:
    a link would carry the key in its address, shown on hover on a projected screen."""
    mine = facilitator_tokens()
    if not mine:
        return
    st.subheader("Your workshops in this session")
    for workshop_id, token in mine.items():
        try:
            workshop = store().workshop(workshop_id)
        except WorkshopError as error:
            render_error(error)
            return
        if workshop is not None and st.button(
            f"{workshop.code}: {escape_markdown(workshop.title)}",
            key=f"w.mine.{workshop_id}",
            icon=":material/monitoring:",
        ):
            open_with(token)
            st.switch_page(dashboard_page)
