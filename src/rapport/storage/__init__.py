"""Storage of workshops: SQLAlchemy tables, engines for SQLite and PostgreSQL, the repository.

The only package of Rapport that imports sqlalchemy; everything above it sees the core's
WorkshopRepository port.
"""

from rapport.storage.engine import StorageUnavailable, create_engine_for, migrate
from rapport.storage.opening import open_repository
from rapport.storage.repository import SqlWorkshopRepository

__all__ = [
    "SqlWorkshopRepository",
    "StorageUnavailable",
    "create_engine_for",
    "migrate",
    "open_repository",
]
