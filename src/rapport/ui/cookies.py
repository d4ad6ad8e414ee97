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
