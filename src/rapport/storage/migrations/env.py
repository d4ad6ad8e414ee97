"""Alembic environment: run with the connection Rapport hands over (see engine.migrate).

From a shell, `alembic -x url=sqlite:///data/rapport.db upgrade head` (with a config whose
script_location points here) opens its own engine the same way the app does.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from rapport.storage.engine import create_engine_for, writer
from rapport.storage.tables import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url")
    return url or config.get_main_option("sqlalchemy.url") or ""


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (given := config.attributes.get("connection")) is not None:
    _run(given)
else:
    engine = create_engine_for(_url())
    try:
        with writer(engine).begin() as connection:
            _run(connection)
    finally:
        engine.dispose()
