"""A facilitator's side of a workshop: the key from the link, the workshops they run, and
a workshop's exports and deletion (the dashboard's controls, ui/dashboard.py).

The key comes from the link into this session, never into a request: the link carries it
after `#` (ui/cookies.py, carried_token). `?key=` links handed out before keep working,
with the Referer caveat (SECURITY.md).
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from rapport.core.framework import Framework
from rapport.core.i18n import _, ngettext
from rapport.core.ports import WorkshopRepository
from rapport.core.workshop import Workshop, WorkshopError
from rapport.ui import cookies, resources
from rapport.ui.components import escape_markdown, render_error
from rapport.ui.downloads import built_on_click
from rapport.ui.store import store
from rapport.usecases.rooms import debrief_document, export_aggregates, export_responses, room_view

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
    pages (the "Open the dashboard" and "your workshops" buttons). A projected address bar
    never shows it. The tab keeps the session's token (sessionStorage, ui/cookies.py), so
    that a reload, or a new session on another replica after this one's server went away,
    opens the same dashboard without the link."""
    params = st.query_params
    linked = params.get("key")
    if linked is not None:
        st.session_state[OPEN_DASHBOARD] = linked[:200]
        del params["key"]
    carried = cookies.read_carried(COOKIE, CARRIED)
    if linked is None and carried is not None:
        st.session_state[OPEN_DASHBOARD] = carried
    token = str(st.session_state.get(OPEN_DASHBOARD, ""))
    cookies.carry_script(
        "key", COOKIE, forget=carried is not None, keeping=True, keep=token or None
    )
    return token


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
    st.subheader(_("Your workshops in this session"))
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


def render_exports(repo: WorkshopRepository, framework: Framework, workshop: Workshop) -> None:
    """The dashboard's downloads, once the room has enough answers to show anything."""
    view = room_view(repo, framework, workshop.id)
    st.markdown(_("**Exports** (aggregates, and ratings per response without names or notes)"))
    if view is None or not view.ready:
        k = workshop.min_group_size
        available = ngettext(
            "Available once {n} person has answered.", "Available once {n} people have answered.", k
        )
        st.caption(available.format(n=k))
        return
    cols = st.columns(3)
    stem = f"rapport-workshop-{workshop.code}"
    # Built on click, not on every rerun: an aggregates export publishes the room's first
    # snapshot, which must not happen just because the dashboard was opened.
    cols[0].download_button(
        _("Aggregates (.csv)"),
        data=lambda: export_aggregates(repo, framework, workshop),
        file_name=f"{stem}-aggregates.csv",
        mime="text/csv",
        on_click="ignore",
    )
    cols[1].download_button(
        _("Ratings per response (.csv)"),
        data=lambda: export_responses(repo, framework, workshop),
        file_name=f"{stem}-ratings.csv",
        mime="text/csv",
        on_click="ignore",
        help=_(
            "One row per response, shuffled, without names, notes or times. Each row is "
            "still one person's answers: keep this file to yourself."
        ),
    )
    resources.chart_renderer()
    cols[2].download_button(
        _("Debrief report (.docx)"),
        data=built_on_click(lambda: debrief_document(repo, framework, workshop, date.today())),
        file_name=f"{stem}-debrief.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        on_click="ignore",
    )


def render_delete(repo: WorkshopRepository, workshop: Workshop) -> None:
    """Deleting the workshop and its responses, behind a confirmation."""
    with st.popover(_("Delete the workshop"), icon=":material/delete:"):
        st.markdown(_("This deletes the workshop and every response in it. It cannot be undone."))
        sure = st.checkbox(_("Yes, delete it and all its responses"), key=f"w.delete.{workshop.id}")
        if st.button(_("Delete for good"), type="primary", disabled=not sure):
            repo.delete_workshop(workshop.id)
            st.rerun()
