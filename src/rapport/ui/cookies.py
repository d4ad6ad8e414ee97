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
# How long a tab keeps a secret after a page last used it: a workshop day, so that a
# duplicated or restored tab on a shared computer does not hold it for days.
KEEP_MS = 12 * 3600 * 1000

# Our own fixed script, one element on every run (a varying number of elements above a
# page's widgets would make Streamlit rebuild them: an open expander closes). `forget`
# deletes the cookie once its token is in the session. A `#<fragment>=token` of the right
# shape leaves the address bar, becomes a cookie that lives a minute, and the page reloads
# so that its new session can read it. It also watches for a link pasted into the address
# bar of the open page (only the fragment changes then, which loads nothing).
#
# A page that keeps its secret in the tab (`keeping`) passes the session's current one as
# `keep`: the tab's sessionStorage, which browsers never send, then holds it for KEEP_MS.
# When the session has none (`keep` null: a reload, or a new server after the last one went
# away), the script carries the kept one again, the same way. Storage a browser refuses
# only turns the keeping off.
_CARRY = """<script>
(() => {
  const [fragment, name, seconds, forget, keeping, keep, recarryMs, keepMs] = %s;
  const top = window.parent;
  const secure = top.location.protocol === "https:" ? "; Secure" : "";
  if (forget) top.document.cookie = `${name}=; Max-Age=0; Path=/; SameSite=Strict${secure}`;
  const shape = /^[A-Za-z0-9_-]{16,200}$/;
  const pattern = new RegExp(`^#${fragment}=([A-Za-z0-9_-]{16,200})$`);
  const slot = `rapport.${fragment}`;
  const stored = () => {
    try { return JSON.parse(top.sessionStorage.getItem(slot) || "null") || {}; }
    catch (refused) { return {}; }
  };
  const store = (value) => {
    try { top.sessionStorage.setItem(slot, JSON.stringify(value)); } catch (refused) {}
  };
  const send = (token) => {
    top.document.cookie =
      `${name}=${token}; Max-Age=${seconds}; Path=/; SameSite=Strict${secure}`;
    top.location.reload();
  };
  const carry = () => {
    const found = pattern.exec(top.location.hash);
    if (!found) return false;
    top.history.replaceState(top.history.state, "", top.location.pathname + top.location.search);
    if (keeping) store({token: found[1], until: Date.now() + keepMs});
    send(found[1]);
    return true;
  };
  const watching = `__rapportCarries_${fragment}`;
  if (!top[watching]) {
    top[watching] = true;
    top.addEventListener("hashchange", carry);
  }
  if (carry() || !keeping) return;
  if (keep !== null) {
    store({token: keep, until: Date.now() + keepMs});
    return;
  }
  const kept = stored();
  const now = Date.now();
  if (!shape.test(kept.token || "") || !(kept.until > now)) return;
  if (now - (kept.carried || 0) > recarryMs) {
    store({...kept, carried: now});
    send(kept.token);
  }
})();
</script>"""


def read_carried(cookie: str, read_flag: str) -> str | None:
    """The carrying cookie's token, read once per session (`read_flag` marks it read)."""
    if st.session_state.get(read_flag):
        return None
    st.session_state[read_flag] = True
    return read_token(cookie)


def carry_script(
    fragment: str,
    cookie: str,
    *,
    forget: bool,
    keeping: bool = False,
    keep: str | None = None,
) -> None:
    """The carrying script for `#<fragment>=` links (above): `forget` deletes the cookie
    once its token is in the session; `keeping` keeps the session's secret, `keep`, in the
    tab, or carries the kept one again when `keep` is None."""
    if not re.fullmatch(r"[a-z]{1,20}", fragment):
        raise ValueError("not a fragment Rapport reads")
    if keep is not None and not TOKEN.fullmatch(keep):
        keep = None  # an older link's odd value: not kept, and nothing carried either
        keeping = False
    payload = [fragment, cookie, CARRY_SECONDS, forget, keeping, keep, RECARRY_MS, KEEP_MS]
    script(_CARRY, payload)


def carried_token(fragment: str, cookie: str, read_flag: str) -> str | None:
    """A secret that came in a link after `#<fragment>=`, once per session; None otherwise.

    A secret in the address (`?key=...`) rides along as the Referer of every file the page
    then loads, and a proxy that logs Referer keeps it; browsers send the part after `#`
    nowhere. The script above moves it into a one-minute cookie and reloads; the new
    session reads the cookie here, and the script deletes it. Call this on every run of
    the page (`read_flag` is the session key that marks the cookie read)."""
    token = read_carried(cookie, read_flag)
    carry_script(fragment, cookie, forget=token is not None)
    return token
