"""Rate limits as pure values: a sliding window over the times an action was taken.

The ui keeps one history per browser session and one per server (every session
together): a reload starts a new session, so the session's limit alone would not hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Window:
    limit: int  # actions allowed ...
    seconds: int  # ... within this many seconds


def recent(times: tuple[datetime, ...], now: datetime, window: Window) -> tuple[datetime, ...]:
    return tuple(t for t in times if 0 <= (now - t).total_seconds() < window.seconds)


def admit(
    times: tuple[datetime, ...], now: datetime, window: Window
) -> tuple[datetime, ...] | None:
    """The history with this action added, or None when the window is already full."""
    kept = recent(times, now, window)
    if len(kept) >= window.limit:
        return None
    return (*kept, now)


def wait_seconds(times: tuple[datetime, ...], now: datetime, window: Window) -> int:
    """How long until one more action fits the window (at least one second)."""
    kept = sorted(recent(times, now, window))
    if len(kept) < window.limit:
        return 0
    oldest = kept[len(kept) - window.limit]
    return max(1, int(window.seconds - (now - oldest).total_seconds()) + 1)
