"""Retention: expired workshops and feedback requests are deleted, with everything of
theirs, about once an hour."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

PURGE_EVERY = timedelta(hours=1)


class Purgeable(Protocol):
    def purge_expired(self, now: datetime) -> int: ...


class PurgeSchedule:
    """Runs the purge on the first use of the store and then on the first use after each
    interval, so a server that runs for months keeps nothing past its retention time
    without a scheduler of its own."""

    def __init__(self, every: timedelta = PURGE_EVERY) -> None:
        self._every = every
        self._next: datetime | None = None
        self._lock = threading.Lock()

    def run_if_due(self, stores: Sequence[Purgeable], now: datetime) -> int:
        """How many workshops and requests were deleted (0 when it was not yet time)."""
        with self._lock:  # one session thread purges; the others carry on at once
            if self._next is not None and now < self._next:
                return 0
            self._next = now + self._every
        return sum(store.purge_expired(now) for store in stores)
