"""Cookies this browser keeps for Rapport, read at session start and written by a script.

Streamlit reads the cookies once, when the page opens its session (st.context.cookies), and
offers no way to set one from Python; a short script of our own writes them in the page.
Every name and value written is a checked shape, passed to the script as JSON.
"""

from __future__ import annotations

import json
import re

import streamlit as st

# The value shape of every cookie Rapport writes: URL-safe tokens (secrets.token_urlsafe).
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,200}$")

_WRITE = """<script>
(() => {
  const [name, value, seconds] = %s;
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  window.parent.document.cookie =
    `${name}=${value}; Max-Age=${seconds}; Path=/; SameSite=Strict${secure}`;
})();
</script>"""


def read_token(name: str) -> str | None:
    """The cookie's value when it has the shape of a token, else None."""
    value = st.context.cookies.get(name)
    return value if isinstance(value, str) and TOKEN.fullmatch(value) else None


def script(source: str, payload: object) -> None:
    """Run one of our own fixed scripts in the page with `payload` as its JSON argument."""
    data = json.dumps(payload).replace("</", "<\\/")
    st.html(source % data, unsafe_allow_javascript=True)


def write_token(name: str, value: str, seconds: int) -> None:
    """Keep `value` in this browser for `seconds` (0 deletes the cookie)."""
    if not TOKEN.fullmatch(value) or not re.fullmatch(r"[a-z0-9_]{1,80}", name):
        raise ValueError("not a cookie Rapport writes")
    script(_WRITE, [name, value, max(int(seconds), 0)])


CARRY_SECONDS = 60
# A tab that carried a kept secret carries it again at most this often: a new session that
# still finds no cookie (cookies refused) must not reload for ever.
RECARRY_MS = 10_000

# Our own fixed script, one element on every run (a varying number of elements above a
# page's widgets would make Streamlit rebuild them: an open expander closes). `forget`
# deletes the cookie once its token is in the session. A `#<fragment>=token` of the right
# shape becomes a cookie that lives a minute, leaves the address bar, and the page reloads
# so that its new session can read it. It also watches for a link pasted into the address
# bar of the open page (only the fragment changes then, which loads nothing). With `keep`,
# the token also stays in this tab's sessionStorage (which browsers never send, and delete
# with the tab); when a later session of the tab has none (`missing`: a reload, or a new
# server after the last one went away), the script carries it again the same way.
_CARRY = """<script>
(() => {
  const [fragment, name, seconds, forget, keep, missing, recarryMs] = %s;
  const top = window.parent;
  const secure = top.location.protocol === "https:" ? "; Secure" : "";
  if (forget) top.document.cookie = `${name}=; Max-Age=0; Path=/; SameSite=Strict${secure}`;
  const shape = /^[A-Za-z0-9_-]{16,200}$/;
  const pattern = new RegExp(`^#${fragment}=([A-Za-z0-9_-]{16,200})$`);
  const kept = `rapport.${fragment}`, tried = `rapport.${fragment}.carried_at`;
  const send = (token) => {
    top.document.cookie =
      `${name}=${token}; Max-Age=${seconds}; Path=/; SameSite=Strict${secure}`;
    top.location.reload();
  };
  const carry = () => {
    const found = pattern.exec(top.location.hash);
    if (!found) return false;
    if (keep) top.sessionStorage.setItem(kept, found[1]);
    top.history.replaceState(top.history.state, "", top.location.pathname + top.location.search);
    send(found[1]);
    return true;
  };
  const watching = `__rapportCarries_${fragment}`;
  if (!top[watching]) {
    top[watching] = true;
    top.addEventListener("hashchange", carry);
  }
  if (carry() || !keep || !missing) return;
  const token = top.sessionStorage.getItem(kept);
  const last = Number(top.sessionStorage.getItem(tried) || 0);
  if (token && shape.test(token) && Date.now() - last > recarryMs) {
    top.sessionStorage.setItem(tried, String(Date.now()));
    send(token);
  }
})();
</script>"""


def carried_token(
    fragment: str, cookie: str, read_flag: str, *, keep_in_tab: bool = False, missing: bool = False
) -> str | None:
    """A secret that came in a link after `#<fragment>=`, once per session; None otherwise.

    A secret in the address (`?key=...`) rides along as the Referer of every file the page
    then loads, and a proxy that logs Referer keeps it; browsers send the part after `#`
    nowhere. The script above moves it into a one-minute cookie and reloads; the new
    session reads the cookie here, and the script deletes it. Call this on every run of
    the page (`read_flag` is the session key that marks the cookie read).

    `keep_in_tab` keeps the secret in the tab's sessionStorage too, and `missing` says the
    session has none: the tab then carries its kept one again, so a reload or the loss of
    the server behind the session does not need the link again."""
    token = None
    if not st.session_state.get(read_flag):
        st.session_state[read_flag] = True
        token = read_token(cookie)
    if not re.fullmatch(r"[a-z]{1,20}", fragment):
        raise ValueError("not a fragment Rapport reads")
    payload = [fragment, cookie, CARRY_SECONDS, token is not None]
    script(_CARRY, [*payload, keep_in_tab, missing and token is None, RECARRY_MS])
    return token
