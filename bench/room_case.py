"""Case 4: the dashboard's tick over 10,000 responses, against one raw GROUP BY.

The tick is rapport.rooms.room_view(repo, framework, workshop_id). Most ticks only read the
workshop row with its live counts (one statement) and fold the stored snapshot. The budget
is set on the costliest tick, the one that publishes: k answers changed since the last
snapshot, so it takes the write lock, reads the room's GROUP BY and the changed rows, and
stores the new snapshot. The floor sends one GROUP BY with the same aggregates over the
same table (response_practices) through the bare DB-API connection: no SQLAlchemy, no pool
checkout, no Python-side fold. The steady tick is reported beside it.
"""

from __future__ import annotations

import math
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import insert, update

from bench.common import POSTGRES_URL, Plan, Step, Unavailable, clock, interleaved, sample
from bench.results import CaseResult, Check, median, ms
from rapport.core.framework import Framework
from rapport.core.snapshots import Snapshot
from rapport.core.workshop import REVEAL_ALL, Workshop, new_code
from rapport.storage import SqlWorkshopRepository, open_repository
from rapport.storage.engine import database_url
from rapport.storage.rows import snapshot_to_json
from rapport.storage.tables import response_practices, responses, workshops
from rapport.usecases.rooms import room_view

RESPONSES = 10_000
BATCH = 2_000  # rows per executemany: bounded memory, few round trips

# The repository's aggregates, written by hand; {p} is the driver's placeholder.
RAW_GROUP_BY = (
    "SELECT practice_id, level, COUNT(*), SUM(COALESCE(current, 0.0)), "
    "SUM(COALESCE(current * current, 0.0)), SUM(target) FROM response_practices "
    "WHERE workshop_id = {p} GROUP BY practice_id, level ORDER BY practice_id, level"
)


def _workshop(framework: Framework) -> Workshop:
    now = datetime.now(UTC)
    return Workshop(
        id=uuid.uuid4().hex,
        code=new_code(),
        title="Benchmark room",
        framework_id=framework.id,
        framework_version=framework.version,
        min_group_size=5,
        share_with_participants=False,
        is_open=True,
        revealed=frozenset({REVEAL_ALL}),  # revealed: the ticks publish
        created_at=now,
        expires_at=now + timedelta(days=1),
    )


def _practice_row(rng: random.Random, response_id: int, workshop_id: str, practice: str) -> dict:
    # A practice score is the mean of five 1-5 ratings; now and then nothing is scored.
    current = None if rng.random() < 0.03 else sum(rng.randint(1, 5) for _ in range(5)) / 5
    return {
        "response_id": response_id,
        "workshop_id": workshop_id,
        "practice_id": practice,
        "current": current,
        "level": None if current is None else math.floor(current + 0.5),
        "target": rng.randint(3, 5),
        "importance": rng.randint(1, 3),
    }


def seed(repo: SqlWorkshopRepository, framework: Framework, count: int) -> Workshop:
    """One workshop with `count` responses, bulk-inserted (executemany) in one transaction,
    each counted as one change, as submissions through the repository would be."""
    workshop = _workshop(framework)
    repo.add_workshop(workshop, uuid.uuid4().hex * 2)
    rng = random.Random(20261127)  # noqa: S311 - reproducible fake answers, not secrets
    now = datetime.now(UTC)
    new_ids = insert(responses).returning(responses.c.id, sort_by_parameter_order=True)
    with repo.engine.begin() as conn:
        for start in range(0, count, BATCH):
            people = [
                {
                    "workshop_id": workshop.id,
                    "participant_hash": uuid.uuid4().hex * 2,
                    "answers_json": "{}",  # the tick never reads it
                    "submitted_at": now,
                    "updated_at": now,
                    "change_seq": number + 1,
                }
                for number in range(start, min(count, start + BATCH))
            ]
            ids = conn.execute(new_ids, people).scalars().all()
            conn.execute(
                insert(response_practices),
                [
                    {
                        **_practice_row(rng, response_id, workshop.id, practice.id),
                        "score_seq": seq,
                        "target_seq": seq,
                    }
                    for seq, response_id in enumerate(ids, start=start + 1)
                    for practice in framework.practices
                ],
            )
        conn.execute(update(workshops).where(workshops.c.id == workshop.id).values(changes=count))
    return workshop


def rewinder(
    repo: SqlWorkshopRepository, framework: Framework, workshop: Workshop, changes: int
) -> Any:
    """An untimed step: put back the snapshot as it was `changes` answers ago, so the next
    tick has exactly that many changes to publish."""
    status = repo.publish_snapshot(workshop.id, framework.scale.max_value, lambda _: True)
    latest = None if status is None else status.snapshot
    if latest is None:
        raise RuntimeError("the benchmark room could not be published")
    earlier = latest.seq - changes
    old = Snapshot(earlier, latest.rows, dict.fromkeys(latest.refreshed, earlier))
    stored = {"snapshot": snapshot_to_json(old), "snapshot_seq": earlier}

    def rewind() -> None:
        with repo.engine.begin() as conn:
            conn.execute(update(workshops).where(workshops.c.id == workshop.id).values(stored))

    return rewind


def measure(repo: SqlWorkshopRepository, backend: str, plan: Plan) -> CaseResult:
    framework, _ = sample()
    started = time.perf_counter()
    workshop = seed(repo, framework, RESPONSES)
    seconds = time.perf_counter() - started
    if backend == "postgresql":  # what autovacuum does within a minute of the inserts
        with repo.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE response_practices")
            conn.exec_driver_sql("ANALYZE responses")
    sql = RAW_GROUP_BY.format(p="?" if backend == "sqlite" else "%s")
    raw = repo.engine.raw_connection()  # the DB-API connection, same settings as the app's

    def group_by() -> list[Any]:
        cursor = raw.cursor()
        cursor.execute(sql, (workshop.id,))
        rows = cursor.fetchall()
        cursor.close()
        raw.rollback()  # end the read transaction, as the repository's connection does
        return rows

    def tick() -> Any:
        return room_view(repo, framework, workshop.id)

    try:
        rewind = rewinder(repo, framework, workshop, workshop.min_group_size)
        subject = Step(act=tick, prepare=rewind)
        times, floor = interleaved(subject, Step(act=group_by), plan.warmup, plan.runs)
        rewind()
        view = tick()
        rows = repo.practice_rows(workshop.id)
        if view is None or view.summary is None or view.pending:
            raise RuntimeError("the timed tick did not publish a snapshot")
        if view.summary.count != RESPONSES or len(group_by()) != len(rows):
            raise RuntimeError(f"expected {RESPONSES} responses, the room counts {view.responses}")
        steady = [clock(tick) for _ in range(plan.runs)]  # nothing new: no write, no GROUP BY
    finally:
        raw.close()
    result = CaseResult.timed(
        case=f"4 room tick ({'SQLite' if backend == 'sqlite' else 'PostgreSQL'})",
        title=f"Publishing dashboard tick over {RESPONSES:,} responses on {backend}",
        baseline="one raw GROUP BY over response_practices (DB-API cursor)",
        times=times,
        floor=floor,
        extra={
            "responses": RESPONSES,
            "practice_rows": RESPONSES * len(framework.practices),
            "group_rows": len(rows),
            "seed_s": seconds,
            "steady_tick_median": median(steady),
        },
    )
    result.summary = (
        f"publishing tick; a steady tick takes {ms(median(steady))}; seeded in {seconds:.1f} s"
    )
    result.checks = [
        Check("ratio", "<=", 2.0, result.ratio),
        Check("median", "<", 0.150, result.median, "s"),
    ]
    return result


def sqlite_case(plan: Plan) -> CaseResult:
    with tempfile.TemporaryDirectory() as folder:
        repo = open_repository(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            return measure(repo, "sqlite", plan)
        finally:
            repo.dispose()


@contextmanager
def postgres_schema() -> Iterator[dict[str, Any]]:
    """A throwaway schema (as tests/integration does), dropped afterwards; yields the engine
    options that point the repository at it."""
    dsn = database_url(POSTGRES_URL).set(drivername="postgresql")
    try:
        admin = psycopg.connect(
            dsn.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
        )
    except psycopg.OperationalError as error:
        shown = dsn.render_as_string(hide_password=True)
        reason = f"PostgreSQL not reachable at {shown}: {str(error).strip().splitlines()[0]}"
        raise Unavailable(reason, "RAPPORT_REQUIRE_POSTGRES") from error
    schema = f"bench_{uuid.uuid4().hex}"
    with admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            yield {"connect_args": {"options": f"-csearch_path={schema}"}}
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def postgres_case(plan: Plan) -> CaseResult:
    with postgres_schema() as options:
        repo = open_repository(POSTGRES_URL, **options)
        try:
            return measure(repo, "postgresql", plan)
        finally:
            repo.dispose()


if __name__ == "__main__":  # quick look at this case alone
    for case in (sqlite_case, postgres_case):
        print(case(Plan()).to_json())
