"""Retention: expired workshops are deleted, with their responses, about once an hour."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from rapport.core.ports import WorkshopRepository

PURGE_EVERY = timedelta(hours=1)


class PurgeSchedule:
    """Runs the purge on the first use of the store and then on the first use after each
    interval, so a server that runs for months keeps nothing past its retention time
    without a scheduler of its own."""

    def __init__(self, every: timedelta = PURGE_EVERY) -> None:
        self._every = every
        self._next: datetime | None = None
        self._lock = threading.Lock()

    def run_if_due(self, repo: WorkshopRepository, now: datetime) -> int:
        """How many workshops were deleted (0 when it was not yet time)."""
        with self._lock:  # one session thread purges; the others carry on at once
            if self._next is not None and now < self._next:
                return 0
            self._next = now + self._every
        return repo.purge_expired(now)
