"""Rate limits for creating workshops and feedback requests and for trying join codes, per
session and per server.

The per-server history lives in the process (st.cache_resource), shared by every
session; with several replicas each counts its own, so the whole deployment allows the
server figure times the number of replicas (docs/deploy.md).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

import streamlit as st

from rapport.core.i18n import N_, _, ngettext
from rapport.core.limits import Window, admit, wait_seconds
from rapport.core.workshop import WorkshopError
from rapport.ui import resources

HOUR, MINUTE = 3600, 60


@dataclass
class _ServerHistory:
    times: dict[str, tuple[datetime, ...]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


@st.cache_resource(show_spinner=False)
def _server() -> _ServerHistory:
    return _ServerHistory()


@dataclass(frozen=True)
class Action:
    name: str  # "create", "ask" or "join"
    session: Window
    server: Window


def _action(name: str, seconds: int, per_session: int, per_server: int) -> Action:
    return Action(name, Window(per_session, seconds), Window(per_server, seconds))


def create_action() -> Action:
    s = resources.settings()
    return _action("create", HOUR, s.workshops_per_hour, s.server_workshops_per_hour)


def ask_action() -> Action:
    s = resources.settings()
    return _action("ask", HOUR, s.requests_per_hour, s.server_requests_per_hour)


def join_action() -> Action:
    s = resources.settings()
    return _action("join", MINUTE, s.joins_per_minute, s.server_joins_per_minute)


# One whole sentence per action and per limit passed: this browser's, or the server's.
_REFUSALS = {
    ("create", "browser"): N_("Too many attempts to create workshops from this browser just now."),
    ("create", "server"): N_("Too many attempts to create workshops from this server just now."),
    ("ask", "browser"): N_("Too many attempts to ask for feedback from this browser just now."),
    ("ask", "server"): N_("Too many attempts to ask for feedback from this server just now."),
    ("join", "browser"): N_("Too many attempts to try join codes from this browser just now."),
    ("join", "server"): N_("Too many attempts to try join codes from this server just now."),
}


def _refusal(action: Action, seconds: int, whose: str) -> WorkshopError:
    """`whose` limit was passed: "browser" (this session's) or "server" (everyone's)."""
    return WorkshopError(
        _(_REFUSALS[action.name, whose]),
        [
            ngettext(
                "Wait {n} second and try again; nothing was changed.",
                "Wait {n} seconds and try again; nothing was changed.",
                seconds,
            ).format(n=seconds)
        ],
    )


def check(action: Action) -> None:
    """Raise WorkshopError, saying how long to wait, if one more would pass a limit; count
    nothing (creating a workshop counts only once it is made: `take` after it)."""
    take(action, record=False)


def take(action: Action, record: bool = True) -> None:
    """Count one attempt, or raise WorkshopError saying how long to wait."""
    now = datetime.now(UTC)
    key = f"rapport.limit.{action.name}"
    mine = st.session_state.get(key, ())
    session_after = admit(mine, now, action.session)
    if session_after is None:
        raise _refusal(action, wait_seconds(mine, now, action.session), "browser")
    server = _server()
    with server.lock:
        everyone = server.times.get(action.name, ())
        server_after = admit(everyone, now, action.server)
        if server_after is None:
            raise _refusal(action, wait_seconds(everyone, now, action.server), "server")
        if record:
            server.times[action.name] = server_after
    if record:
        st.session_state[key] = session_after
