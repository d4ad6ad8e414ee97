"""Open dashboards per workshop, counted across every session of the process, and capped.

Each projected view refreshes on its own; past a few screens per workshop that is load
(30 screens once kept a core busy and stalled other pages) without use. A screen counts as
open while it has refreshed in the last few seconds.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime

import streamlit as st

VIEWER = "rapport.viewer"


@dataclass
class _Open:
    last_seen: dict[str, dict[str, datetime]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


@st.cache_resource(show_spinner=False)
def _open() -> _Open:
    return _Open()


def viewer() -> str:
    """This browser session's viewer id (any random id: it only tells screens apart)."""
    return st.session_state.setdefault(VIEWER, secrets.token_hex(8))


def admit(workshop_id: str, who: str, now: datetime, cap: int, stale_seconds: float) -> bool:
    """Count this screen as open; False when `cap` other screens are open already."""
    registry = _open()
    with registry.lock:
        screens = registry.last_seen.setdefault(workshop_id, {})
        for other, seen in list(screens.items()):
            if (now - seen).total_seconds() > stale_seconds:
                del screens[other]
        if who not in screens and len(screens) >= cap:
            return False
        screens[who] = now
        return True
