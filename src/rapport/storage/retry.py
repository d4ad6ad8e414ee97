"""Database trouble in a running app: bounded retries when busy, plain errors when gone."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from rapport.core.workshop import WorkshopError
from rapport.storage.engine import StorageUnavailable

WRITE_ATTEMPTS = 3  # with SQLite's busy timeout, a write waits at most 3 x 10 s, then gives up
_BUSY_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock timeout


class DatabaseBusyError(WorkshopError):
    """The database stayed locked past every retry; nothing was written."""


def _is_busy(error: OperationalError) -> bool:
    code = getattr(error.orig, "sqlstate", None)
    text = str(error.orig).lower()
    return code in _BUSY_SQLSTATES or "database is locked" in text or "busy" in text


def retrying(write: Callable[..., Any]) -> Callable[..., Any]:
    """Retry a whole write transaction a bounded number of times when the database is busy.

    Each attempt is one transaction, rolled back on failure, so a retry never doubles a
    write and a failure never leaves half of one.
    """

    @functools.wraps(write)
    def attempt(*args: Any, **kwargs: Any) -> Any:
        for number in range(1, WRITE_ATTEMPTS + 1):
            try:
                return write(*args, **kwargs)
            except OperationalError as error:
                if not _is_busy(error):
                    raise
                if number == WRITE_ATTEMPTS:
                    # Said for every retried write: a submission, or a dashboard publishing.
                    raise DatabaseBusyError(
                        "The workshop database is busy right now, so nothing was saved.",
                        ["Wait a few seconds and try again; nothing was lost."],
                    ) from error
                time.sleep(0.1 * 2**number)
        raise AssertionError("unreachable")  # pragma: no cover

    return attempt


def translated(method: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a database failure in the middle of a session (server gone, table missing) into
    StorageUnavailable, which the pages show as a message, never as a traceback.
    Integrity errors stay as they are: the repository handles those itself."""

    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except IntegrityError:
            raise
        except DBAPIError as error:
            raise StorageUnavailable(
                "Workshops are unavailable right now: the database stopped answering.",
                ["Try again in a moment. Answers already submitted are kept."],
            ) from error

    return call
