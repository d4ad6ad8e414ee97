"""This browser's participant key for a workshop, kept in a cookie until the workshop ends.

Streamlit's session ends with the page, so a reload or a second tab used to be a new
participant: one person counted twice, and could reach the minimum group size alone. Only
the browser can carry the key from one session to the next. Several devices still count
separately (SECURITY.md, known limits).
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from rapport.ui import cookies

WRITTEN = "rapport.device_written"


def cookie_name(workshop_id: str) -> str:
    return f"rapport_p_{workshop_id}"


def participant_key(workshop_id: str) -> str | None:
    """This browser's participant key for the workshop, from an earlier tab or load."""
    return cookies.read_token(cookie_name(workshop_id))


def known(workshop_id: str) -> bool:
    """Whether this browser has joined the workshop before (its key is kept)."""
    return participant_key(workshop_id) is not None


def remember(workshop_id: str, key: str, expires_at: datetime, now: datetime) -> None:
    """Keep the key in this browser until the workshop ends."""
    written = st.session_state.setdefault(WRITTEN, set())
    if not cookies.TOKEN.fullmatch(key) or participant_key(workshop_id) == key:
        return  # not ours to store, or the browser had it when this session began
    if (workshop_id, key) in written:
        return  # written once this session: the cookies Streamlit read do not change
    written.add((workshop_id, key))
    cookies.write_token(cookie_name(workshop_id), key, int((expires_at - now).total_seconds()))
