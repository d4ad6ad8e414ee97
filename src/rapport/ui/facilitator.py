"""A facilitator's side of a workshop: the key from the link, and the workshops they run.

The key comes from the link into this session, never into a request.

A key in the address (`/dashboard?key=...`) rides along as the Referer of every file the
page then loads, and a proxy that logs Referer keeps it. So the facilitator link carries
the key after `#`, which browsers never send: a script of ours moves it into a cookie that
lives a minute, takes it out of the address, and reloads; the new session reads the cookie,
keeps the key in the session and deletes the cookie. `?key=` links handed out before keep
working, with the Referer caveat (SECURITY.md).
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
CARRY_SECONDS = 60

# Our own fixed script, one element on every run (a varying number of elements above the
# controls would make Streamlit rebuild their expander, closing it). `forget` deletes the
# cookie once its key is in the session. A `#key=` fragment of the right shape becomes a
# short-lived cookie, leaves the address bar, and the page reloads so that its new session
# can read it. It also watches for a link pasted into the address bar of an open
# dashboard (only the fragment changes then, which loads nothing).
_CARRY = """<script>
(() => {
  const [name, seconds, forget] = %s;
  const top = window.parent;
  const secure = top.location.protocol === "https:" ? "; Secure" : "";
  if (forget) top.document.cookie = `${name}=; Max-Age=0; Path=/; SameSite=Strict${secure}`;
  const carry = () => {
    const found = /^#key=([A-Za-z0-9_-]{16,200})$/.exec(top.location.hash);
    if (!found) return;
    top.document.cookie =
      `${name}=${found[1]}; Max-Age=${seconds}; Path=/; SameSite=Strict${secure}`;
    top.history.replaceState(top.history.state, "", top.location.pathname + top.location.search);
    top.location.reload();
  };
  if (!top.__rapportCarriesKey) {
    top.__rapportCarriesKey = true;
    top.addEventListener("hashchange", carry);
  }
  carry();
})();
</script>"""


def open_with(token: str) -> None:
    """The dashboard this session opens next (a "your workshops" button)."""
    st.session_state[OPEN_DASHBOARD] = token


def dashboard_token() -> str:
    """The facilitator token for this session's dashboard, from whichever way it came:
    a `#key=` link (through the cookie above), an older `?key=` link (moved into the
    session and out of the address bar at once), or this session's earlier pages. A
    projected address bar never shows it; reloading the page needs the link again."""
    params = st.query_params
    linked = params.get("key")
    if linked is not None:
        st.session_state[OPEN_DASHBOARD] = linked[:200]
        del params["key"]
    forget = False
    if linked is None and not st.session_state.get(CARRIED):
        st.session_state[CARRIED] = True
        carried = cookies.read_token(COOKIE)
        if carried is not None:
            st.session_state[OPEN_DASHBOARD] = carried
            forget = True  # read once: gone from the browser
    cookies.script(_CARRY, [COOKIE, CARRY_SECONDS, forget])
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
