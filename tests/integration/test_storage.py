"""The workshop repository on SQLite and PostgreSQL: schema, round trips, upserts, the
dashboard query, cascades, and many phones submitting at the same moment."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import insert

from rapport.core.framework import Framework
from rapport.core.room import summarize
from rapport.core.workshop import REVEAL_ALL, PracticeResult, WorkshopError
from rapport.storage import SqlWorkshopRepository, StorageUnavailable, migrate
from rapport.storage.engine import alembic_config, create_engine_for
from rapport.storage.tables import metadata, response_practices, responses
from tests.integration.conftest import (
    LATER,
    NOW,
    Backend,
    added,
    count,
    make_workshop,
    results,
    submit_together,
    token_hash,
)

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def _versions(repo: SqlWorkshopRepository) -> list[str]:
    with repo.engine.connect() as conn:
        return list(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())


def test_migrations_create_the_tables_once(repo: SqlWorkshopRepository) -> None:
    assert _versions(repo) == [HEAD]
    for table in ("workshops", "responses", "response_practices"):
        assert count(repo, table) == 0
    migrate(repo.engine)
    migrate(repo.engine)
    assert _versions(repo) == [HEAD]
    # The hand-written migration and tables.py describe the same schema.
    with repo.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_upgrading_from_the_first_schema_keeps_the_data(
    backend: Backend, framework: Framework
) -> None:
    first = backend.open()
    with first.engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    workshop = added(first)
    # Written as the first schema had it: only its columns (today's code writes more).
    with first.engine.begin() as conn:
        response_id = conn.execute(
            insert(responses)
            .values(workshop_id=workshop.id, participant_hash="p1", answers_json="{}",
                    submitted_at=LATER, updated_at=LATER)
            .returning(responses.c.id)
        ).scalar_one()  # fmt: skip
        conn.execute(
            insert(response_practices),
            [{"response_id": response_id, "workshop_id": workshop.id, "practice_id": r.practice_id,
              "current": r.current, "level": r.level, "target": r.target,
              "importance": r.importance} for r in results(framework, 3.0)],
        )  # fmt: skip
    migrate(first.engine)
    assert _versions(first) == [HEAD]
    assert sum(r.responses for r in first.practice_rows(workshop.id)) == 7
    # The upgraded rows take part in the change count and the snapshots.
    status = first.room_status(workshop.id)
    assert status is not None and (status.responses, status.unpublished) == (1, 1)
    assert first.save_response(workshop.id, "p1", "{}", results(framework, 4.0), LATER) is False


def test_a_restart_finds_the_earlier_data(backend: Backend, framework: Framework) -> None:
    first = backend.open()
    workshop = added(first)
    assert first.save_response(workshop.id, "p1", "{}", results(framework, 3.0), LATER)
    first.dispose()
    again = backend.open()
    assert again.workshop(workshop.id) == workshop
    assert sum(r.responses for r in again.practice_rows(workshop.id)) == 7
    assert _versions(again) == [HEAD]


def test_workshop_round_trip(repo: SqlWorkshopRepository) -> None:
    workshop = added(repo, revealed=frozenset({"proactive", "appreciation"}))
    assert repo.workshop(workshop.id) == workshop
    assert repo.workshop_by_code(workshop.code) == workshop
    assert repo.workshop_by_token_hash(token_hash(workshop.id)) == workshop
    assert repo.workshop("0" * 32) is None
    assert repo.workshop_by_code("ZZZZZZ") is None
    assert repo.workshop_by_token_hash(token_hash("nobody")) is None

    repo.update_workshop(workshop.id, is_open=False)
    assert repo.workshop(workshop.id) == replace(workshop, is_open=False)
    repo.update_workshop(workshop.id, revealed=frozenset({REVEAL_ALL}))
    changed = repo.workshop(workshop.id)
    assert changed is not None
    assert (changed.is_open, changed.revealed) == (False, frozenset({REVEAL_ALL}))
    repo.update_workshop(workshop.id)  # nothing to change: a no-op
    assert repo.workshop(workshop.id) == changed
    with pytest.raises(WorkshopError, match="no longer exists"):
        repo.update_workshop("0" * 32, is_open=True)


def test_times_come_back_aware_in_utc(repo: SqlWorkshopRepository) -> None:
    paris = timezone(timedelta(hours=1))
    workshop = added(repo, created_at=NOW.astimezone(paris))
    stored = repo.workshop(workshop.id)
    assert stored is not None
    assert stored.created_at == NOW
    assert stored.created_at.tzinfo == UTC
    assert stored.expires_at == NOW + timedelta(days=30)


def test_duplicate_code_is_a_workshop_error(repo: SqlWorkshopRepository) -> None:
    first = added(repo)
    twin = replace(make_workshop(), code=first.code)
    with pytest.raises(WorkshopError, match="already exists"):
        repo.add_workshop(twin, token_hash(twin.id))
    assert repo.workshop(twin.id) is None


def test_save_response_inserts_then_updates(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    workshop = added(repo)
    assert repo.save_response(workshop.id, "p1", '{"v": 1}', results(framework, 2.0), LATER)
    assert not repo.save_response(
        workshop.id, "p1", '{"v": 2}', results(framework, 4.0, target=5), LATER
    )
    assert count(repo, "responses") == 1
    assert repo.response_answers(workshop.id) == ['{"v": 2}']
    rows = repo.practice_rows(workshop.id)
    assert {(r.level, r.responses, r.sum_current, r.sum_target) for r in rows} == {(4, 1, 4.0, 5.0)}
    assert len(rows) == 7


def test_closed_or_deleted_workshops_refuse_answers(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    closed = added(repo, is_open=False)
    with pytest.raises(WorkshopError, match="closed to new answers"):
        repo.save_response(closed.id, "p1", "{}", results(framework, 3.0), LATER)
    ended = added(repo, lifetime=timedelta(minutes=30))
    with pytest.raises(WorkshopError, match="ended"):
        repo.save_response(ended.id, "p1", "{}", results(framework, 3.0), LATER)
    gone = added(repo)
    assert repo.delete_workshop(gone.id)
    with pytest.raises(WorkshopError, match="no longer exists"):
        repo.save_response(gone.id, "p1", "{}", results(framework, 3.0), LATER)
    assert count(repo, "responses") == 0
    assert count(repo, "response_practices") == 0


def test_practice_rows_group_by_practice_and_level(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    workshop = added(repo)
    other = added(repo)
    first, second = framework.practices[0].id, framework.practices[1].id
    # (current of the first practice, target; current of the second practice, target)
    answers = [(2.4, 4, None, 3), (2.0, 5, 4.5, 4), (3.6, 4, None, 2)]
    for index, (a, a_target, b, b_target) in enumerate(answers):
        practices = [
            PracticeResult(first, a, a_target, 3),
            PracticeResult(second, b, b_target, 1),
            *(PracticeResult(p.id, 3.0, 4, 2) for p in framework.practices[2:]),
        ]
        repo.save_response(workshop.id, f"p{index}", "{}", practices, LATER)
    repo.save_response(other.id, "p0", "{}", results(framework, 1.0), LATER)

    rows = {(r.practice_id, r.level): r for r in repo.practice_rows(workshop.id)}
    assert len(rows) == 2 + 2 + 5
    expected = {
        (first, 2): (2, 4.4, 2.4**2 + 2.0**2, 9.0),
        (first, 4): (1, 3.6, 3.6**2, 4.0),
        (second, None): (2, 0.0, 0.0, 5.0),
        (second, 5): (1, 4.5, 4.5**2, 4.0),  # 4.5 rounds half up to level 5
    }
    for key, (n, total, squares, targets) in expected.items():
        row = rows[key]
        assert row.responses == n
        assert row.sum_current == pytest.approx(total)
        assert row.sum_current_sq == pytest.approx(squares)
        assert row.sum_target == pytest.approx(targets)
    for practice in framework.practices[2:]:
        assert rows[(practice.id, 3)].responses == 3

    summary = summarize(framework, 3, rows.values())
    assert summary.count == 3
    aggregate = summary.practice(first)
    assert aggregate is not None
    assert aggregate.mean_current == pytest.approx(2.7)  # 8/3, published to one decimal
    assert repo.practice_rows("0" * 32) == []


def test_response_answers_belong_to_the_workshop(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    workshop, other = added(repo), added(repo)
    for index in range(5):
        repo.save_response(workshop.id, f"p{index}", f'{{"i": {index}}}', [], LATER)
    repo.save_response(other.id, "p0", '{"other": true}', [], LATER)
    answers = repo.response_answers(workshop.id)
    assert sorted(json.loads(a)["i"] for a in answers) == [0, 1, 2, 3, 4]


def test_delete_cascades_and_purge_takes_only_expired(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    doomed, kept = added(repo), added(repo)
    for workshop in (doomed, kept):
        for participant in ("p1", "p2"):
            repo.save_response(workshop.id, participant, "{}", results(framework, 3.0), LATER)
    assert repo.delete_workshop(doomed.id)
    assert not repo.delete_workshop(doomed.id)
    assert count(repo, "responses", doomed.id) == 0
    assert count(repo, "response_practices", doomed.id) == 0
    assert count(repo, "responses", kept.id) == 2
    assert count(repo, "response_practices", kept.id) == 14

    expired = added(repo, lifetime=timedelta(days=1))
    repo.save_response(expired.id, "p1", "{}", results(framework, 3.0), LATER)
    assert repo.purge_expired(NOW + timedelta(days=2)) == 1
    assert repo.workshop(expired.id) is None
    assert repo.workshop(kept.id) is not None
    assert count(repo, "responses", expired.id) == 0
    assert count(repo, "response_practices", expired.id) == 0
    assert repo.purge_expired(NOW + timedelta(days=2)) == 0


def _stored(repo: SqlWorkshopRepository, workshop_id: str) -> dict[str, int]:
    return {
        a["participant"]: a["value"] for a in map(json.loads, repo.response_answers(workshop_id))
    }


def test_fifty_phones_at_once(repo: SqlWorkshopRepository, framework: Framework) -> None:
    workshop = added(repo)
    # Phase 1: fifty participants submit for the first time, all at once.
    first = submit_together(repo, framework, workshop.id, [(f"p{i}", 1) for i in range(50)])
    assert first == [True] * 50
    assert count(repo, "responses") == 50
    assert count(repo, "response_practices") == 50 * 7

    # Phase 2: participants p0..p9 each re-submit five different values at once.
    again = [(f"p{i % 10}", 1 + i // 10) for i in range(50)]
    assert submit_together(repo, framework, workshop.id, again) == [False] * 50
    assert count(repo, "responses") == 50
    assert count(repo, "response_practices") == 50 * 7
    stored = _stored(repo, workshop.id)
    assert set(stored) == {f"p{i}" for i in range(50)}
    assert all(stored[f"p{i}"] in {1, 2, 3, 4, 5} for i in range(10))
    assert all(stored[f"p{i}"] == 1 for i in range(10, 50))
    # Each response's practice rows come from the same submission as its answers.
    rows = repo.practice_rows(workshop.id)
    by_level = dict.fromkeys(range(1, 6), 0)
    for row in rows:
        assert row.level is not None
        by_level[row.level] += row.responses
        assert row.sum_current == pytest.approx(row.level * row.responses)
    expected = dict.fromkeys(range(1, 6), 0)
    for value in stored.values():
        expected[value] += 7
    assert by_level == expected


def test_concurrent_first_answers_count_once(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    workshop = added(repo)
    # Ten new participants, five simultaneous submissions each: one insert, four updates.
    outcomes = submit_together(
        repo, framework, workshop.id, [(f"p{i % 10}", 1 + i // 10) for i in range(50)]
    )
    assert outcomes.count(True) == 10
    assert count(repo, "responses") == 10
    assert count(repo, "response_practices") == 70


def test_unreachable_database_is_storage_unavailable(backend: Backend, tmp_path: Path) -> None:
    if backend.name == "postgresql":
        url = "postgresql://postgres:s3cret-pw@127.0.0.1:1/test"
    else:
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("a file where the database folder should be", encoding="utf-8")
        url = f"sqlite:///{blocker / 'rapport.db'}"
    with pytest.raises(StorageUnavailable) as caught:
        Backend(backend.name, url).open()
    assert "unavailable" in caught.value.message
    assert "s3cret-pw" not in caught.value.message


def test_postgres_urls_get_the_psycopg_driver() -> None:
    for url in ("postgresql://u:p@db.example/rapport", "postgres://u:p@db.example/rapport"):
        engine = create_engine_for(url)
        assert engine.url.drivername == "postgresql+psycopg"
        engine.dispose()


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = create_engine_for(f"sqlite:///{tmp_path / 'new' / 'rapport.db'}")
    with engine.connect() as conn:
        pragmas = [
            conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
        ]
    engine.dispose()
    assert pragmas == ["wal", 1, 10000, 1]
