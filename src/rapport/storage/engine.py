"""Engines for SQLite and PostgreSQL, and the schema migrations run when the app starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from rapport.core.i18n import _
from rapport.core.workshop import StorageUnavailable

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Execution option asking SQLite for BEGIN IMMEDIATE: a write transaction takes the write lock
# up front, so it waits (busy_timeout) instead of failing when another writer commits between
# its first read and its first write (in WAL mode that upgrade fails at once with SQLITE_BUSY).
BEGIN_IMMEDIATE = "rapport_begin_immediate"

# Serializes migrations of several app processes starting at once on one PostgreSQL database.
_PG_MIGRATION_LOCK = 7_160_042


def database_url(url: str) -> URL:
    """Parse a database URL, choosing psycopg 3 when a PostgreSQL URL names no driver."""
    parsed = make_url(url)
    # Hosting providers often hand out postgres://, which SQLAlchemy no longer accepts.
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _sqlite_file(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or url.query.get("uri"):
        return None
    return Path(database)


SQLITE_BUSY_TIMEOUT_MS = 10_000


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (below): the sqlite3 module's legacy mode never
        # begins before SELECT or DDL, so reads and migrations would escape the transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # WAL lets readers run beside the one writer; NORMAL is durable enough in WAL
            # and much faster; the 10 s busy timeout outlasts a burst of submissions.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            # Off by default in SQLite; deleting a workshop relies on the cascades.
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(BEGIN_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_engine_for(url: str, **engine_kwargs: Any) -> Engine:
    """An engine tuned for the backend; `engine_kwargs` pass through to create_engine
    (connect_args are merged with the defaults)."""
    parsed = check_supported(url)
    connect_args: dict[str, Any] = {}
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_file(parsed)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # One engine serves every Streamlit session thread; the pool hands each thread its
        # own connection, so sharing across threads is safe.
        connect_args = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    elif parsed.get_backend_name() == "postgresql":
        # Hosted databases drop idle connections; test each one before handing it out.
        options["pool_pre_ping"] = True
        # An unreachable server must fail in seconds: the workshop pages say so at once.
        connect_args = {"connect_timeout": 5}
    busy_timeout_ms = int(engine_kwargs.pop("busy_timeout_ms", SQLITE_BUSY_TIMEOUT_MS))
    connect_args.update(engine_kwargs.pop("connect_args", {}))
    options.update(engine_kwargs)
    engine = create_engine(parsed, connect_args=connect_args, **options)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions take SQLite's write lock up front."""
    return engine.execution_options(**{BEGIN_IMMEDIATE: True})


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    config = alembic_config()
    with writer(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


class UnsupportedDatabaseError(ValueError):
    """A well-formed URL for a database kind Rapport does not store workshops in."""


def check_supported(url: str) -> URL:
    """The parsed URL of a database Rapport can use; ValueError (a bad port, say) or
    UnsupportedDatabaseError (mysql://, oracle://) otherwise, before any driver is imported."""
    parsed = database_url(url)
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        raise UnsupportedDatabaseError(parsed.get_backend_name())
    return parsed


def unavailable(url: str, error: Exception) -> StorageUnavailable:
    """A plain message for the facilitator, without the password of the URL."""
    setting = _("Check RAPPORT_DATABASE_URL (or database_url in the secrets).")
    if isinstance(error, UnsupportedDatabaseError):
        return StorageUnavailable(
            # Translators: {backend} is a database's name, such as mysql.
            _("Workshops are unavailable: Rapport cannot store workshops in {backend}.").format(
                backend=error
            ),
            [_("Use a sqlite:/// or postgresql:// database address.") + " " + setting],
        )
    try:
        parsed = database_url(url)
        parsed.port  # noqa: B018 - a port that is not a number fails here
    except (ArgumentError, ValueError):
        return StorageUnavailable(
            _("Workshops are unavailable: the database address is not a valid URL."),
            [
                _("For example sqlite:///var/rapport.db or postgresql://user@host:5432/db.")
                + " "
                + setting
            ],
        )
    shown = parsed.render_as_string(hide_password=True)
    original = error.orig if isinstance(error, DBAPIError) else error
    lines = str(original).strip().splitlines() or [type(original).__name__]
    reason = lines[0].strip()
    if parsed.password:
        reason = reason.replace(str(parsed.password), "***")
    return StorageUnavailable(
        _("Workshops are unavailable: the database at {address} could not be opened.").format(
            address=shown
        ),
        [reason],
    )
