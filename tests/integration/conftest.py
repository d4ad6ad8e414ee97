"""Backends for the storage tests: a SQLite file per test, and a PostgreSQL schema per test.

PostgreSQL tests get a fresh schema (search_path set per connection) that is dropped
afterwards, so they never see each other's rows and can share one database.
Set RAPPORT_REQUIRE_POSTGRES=1 (CI) to fail instead of skip when PostgreSQL is not there.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from rapport.core.framework import Framework
from rapport.core.workshop import PracticeResult, Workshop, new_code
from rapport.storage import SqlWorkshopRepository, open_repository
from rapport.storage.engine import database_url

POSTGRES_URL = os.environ.get(
    "RAPPORT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)


@dataclass
class Backend:
    name: str
    url: str
    engine_kwargs: dict[str, Any] = field(default_factory=dict)
    opened: list[SqlWorkshopRepository] = field(default_factory=list)

    def open(self) -> SqlWorkshopRepository:
        """A repository as the app opens it at start: engine, migrations, repository."""
        repository = open_repository(self.url, **self.engine_kwargs)
        self.opened.append(repository)
        return repository

    def close(self) -> None:
        for repository in self.opened:
            repository.dispose()


def _libpq_dsn(url: str) -> str:
    # psycopg speaks libpq URIs, which name no SQLAlchemy driver.
    return database_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _postgres_admin() -> psycopg.Connection[Any]:
    try:
        return psycopg.connect(_libpq_dsn(POSTGRES_URL), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        shown = database_url(POSTGRES_URL).render_as_string(hide_password=True)
        reason = str(error).strip().splitlines()[0]
        message = f"PostgreSQL not reachable at {shown}: {reason}"
        if os.environ.get("RAPPORT_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        # A folder that does not exist yet: the engine must create it.
        chosen = Backend("sqlite", f"sqlite:///{tmp_path / 'data' / 'rapport.db'}")
        yield chosen
        chosen.close()
        return
    schema = f"t_{uuid.uuid4().hex}"
    with _postgres_admin() as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        chosen = Backend(
            "postgresql",
            POSTGRES_URL,
            {"connect_args": {"options": f"-csearch_path={schema}"}},
        )
        try:
            yield chosen
        finally:
            chosen.close()
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def repo(backend: Backend) -> SqlWorkshopRepository:
    return backend.open()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def make_workshop(
    *,
    is_open: bool = True,
    created_at: datetime = NOW,
    lifetime: timedelta = timedelta(days=30),
    revealed: frozenset[str] = frozenset(),
) -> Workshop:
    return Workshop(
        id=uuid.uuid4().hex,
        code=new_code(),
        title="Client relationships, spring cohort",
        framework_id="client-relationships",
        framework_version="1.0",
        min_group_size=3,
        share_with_participants=False,
        is_open=is_open,
        revealed=revealed,
        created_at=created_at,
        expires_at=created_at + lifetime,
    )


def added(repo: SqlWorkshopRepository, **settings: Any) -> Workshop:
    workshop = make_workshop(**settings)
    repo.add_workshop(workshop, token_hash(workshop.id))
    return workshop


def results(framework: Framework, current: float | None, target: int = 4) -> list[PracticeResult]:
    """One submission: the same current score and target for all seven practices."""
    return [PracticeResult(p.id, current, target, 2) for p in framework.practices]


def count(repo: SqlWorkshopRepository, table: str, workshop_id: str | None = None) -> int:
    """Rows in a table, read with plain SQL (tests reach the database without sqlalchemy)."""
    sql = f"SELECT COUNT(*) FROM {table}"  # noqa: S608 (table names come from the tests)
    params: tuple[str, ...] = ()
    if workshop_id is not None:
        # The drivers' own placeholders: sqlite3 uses qmark, psycopg uses format.
        sql += " WHERE workshop_id = " + ("?" if repo.engine.dialect.name == "sqlite" else "%s")
        params = (workshop_id,)
    with repo.engine.connect() as conn:
        return int(conn.exec_driver_sql(sql, params).scalar_one())


def submit_together(
    repo: SqlWorkshopRepository,
    framework: Framework,
    workshop_id: str,
    submissions: list[tuple[str, int]],
) -> list[bool]:
    """Each (participant, value) from its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(submissions), timeout=60)

    def submit(participant: str, value: int) -> bool:
        answers = json.dumps({"participant": participant, "value": value})
        barrier.wait()
        return repo.save_response(
            workshop_id, participant, answers, results(framework, float(value)), LATER
        )

    with ThreadPoolExecutor(max_workers=len(submissions)) as pool:
        futures = [pool.submit(submit, p, v) for p, v in submissions]
        return [f.result() for f in futures]
