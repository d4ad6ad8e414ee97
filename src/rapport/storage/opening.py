"""Opening the workshop store: connect, migrate, or say plainly why not (and log it)."""

from __future__ import annotations

import logging
from typing import Any

from alembic.util.exc import CommandError
from sqlalchemy.exc import ArgumentError, DBAPIError

from rapport.storage.engine import create_engine_for, migrate, unavailable
from rapport.storage.repository import SqlWorkshopRepository
from rapport.storage.retry import lasting_cause

_log = logging.getLogger(__name__)


def open_repository(url: str, **engine_kwargs: Any) -> SqlWorkshopRepository:
    """Connect, bring the schema up to date and return the repository, or raise
    StorageUnavailable saying why (the password of the URL left out)."""
    try:
        engine = create_engine_for(url, **engine_kwargs)
    except (ArgumentError, OSError, ValueError, ImportError) as error:
        cause = unavailable(url, error)
        _log.error("workshop database not opened: %s", cause.summary, exc_info=True)
        raise cause from error
    try:
        migrate(engine)
    except (DBAPIError, CommandError) as error:
        engine.dispose()
        lasting = lasting_cause(error) if isinstance(error, DBAPIError) else None
        cause = lasting or unavailable(url, error)
        _log.error("workshop database not opened: %s", cause.summary, exc_info=True)
        raise cause from error
    return SqlWorkshopRepository(engine)
