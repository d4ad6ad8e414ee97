"""Database trouble in a running app: bounded retries when busy, plain errors when gone."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from rapport.core.i18n import N_, _
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
                        _("The workshop database is busy right now, so nothing was saved."),
                        [_("Wait a few seconds and try again; nothing was lost.")],
                    ) from error
                time.sleep(0.1 * 2**number)
        raise AssertionError("unreachable")  # pragma: no cover

    return attempt


_log = logging.getLogger(__name__)

# Causes that waiting cannot cure: said as they are, with what to do about them.
_LASTING = (
    (
        ("database or disk is full", "no space left on device", "disk full", "53100"),
        N_("Workshops are unavailable: the disk holding the database is full."),
        N_(
            "Free some space on the server (or ask whoever runs it to); answers already "
            "submitted are kept."
        ),
    ),
    (
        ("readonly database", "read-only", "read only", "25006"),
        N_("Workshops are unavailable: the database file can only be read, not written."),
        N_("Whoever runs the server should make the database file and its folder writable."),
    ),
    (
        ("no such table", "42p01"),  # PostgreSQL: undefined_table (not a missing role)
        N_("Workshops are unavailable: the database has lost Rapport's tables."),
        N_("Restart the app so it can recreate them, or restore the database from a backup."),
    ),
)


def lasting_cause(error: DBAPIError) -> StorageUnavailable | None:
    """A full disk, a read-only file or missing tables, said as such; None for anything
    else."""
    text = f"{error.orig} {getattr(error.orig, 'sqlstate', '') or ''}".lower()
    for needles, cause, advice in _LASTING:
        if any(needle in text for needle in needles):
            return StorageUnavailable(_(cause), [_(advice)])
    return None


def failure_cause(error: DBAPIError) -> StorageUnavailable:
    """What went wrong, in words: a lasting cause, or a database that stopped answering
    (the one case where trying again can help)."""
    lasting = lasting_cause(error)
    if lasting is not None:
        return lasting
    return StorageUnavailable(
        _("Workshops are unavailable right now: the database stopped answering."),
        [_("Try again in a moment. Answers already submitted are kept.")],
    )


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
            cause = failure_cause(error)
            # The message names the cause; the log keeps the whole error for whoever runs
            # the server (SECURITY.md: errors are logged server side).
            _log.error("workshop database failed (%s)", cause.summary, exc_info=True)
            raise cause from error

    return call
