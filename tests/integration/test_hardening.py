"""Load, busy databases, failed writes and a killed writer: nothing lost, nothing doubled,
nothing half-written."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from rapport.core.framework import Framework
from rapport.core.workshop import PracticeResult, WorkshopError
from rapport.files.answers_file import from_json
from rapport.storage import SqlWorkshopRepository, StorageUnavailable, open_repository
from rapport.storage.retry import DatabaseBusyError
from tests.conftest import REPO
from tests.integration.conftest import LATER, Backend, added, count, results, submit_together


def test_200_at_once_then_50_resubmissions(
    backend: Backend, repo: SqlWorkshopRepository, framework: Framework
) -> None:
    workshop = added(repo)
    first = submit_together(
        repo, framework, workshop.id, [(f"p{i}", i % 5 + 1) for i in range(200)]
    )
    assert first.count(True) == 200
    again = submit_together(repo, framework, workshop.id, [(f"p{i}", 5) for i in range(0, 200, 4)])
    assert again.count(False) == 50
    assert count(repo, "responses", workshop.id) == 200
    assert count(repo, "response_practices", workshop.id) == 200 * len(framework.practices)
    level_five = sum(r.responses for r in repo.practice_rows(workshop.id) if r.level == 5)
    # p0, p4, p8, ... now answer 5; of the others, every fifth already did.
    expected = 50 + sum(1 for i in range(200) if i % 4 and i % 5 == 4)
    assert level_five == expected * len(framework.practices)


# The next tests hold or break SQLite's own file: they run on SQLite only.


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    return tmp_path / "rapport.db"


def test_a_busy_database_is_retried_then_reported(sqlite_file: Path, framework: Framework) -> None:
    path = sqlite_file
    repo = open_repository(f"sqlite:///{path}", busy_timeout_ms=100)
    workshop = added(repo)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer that never lets go
    try:
        with pytest.raises(DatabaseBusyError, match="busy right now"):
            repo.save_response(workshop.id, "p1", "{}", results(framework, 3.0), LATER)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert count(repo, "responses", workshop.id) == 0


def test_a_short_lock_is_waited_out(sqlite_file: Path, framework: Framework) -> None:
    path = sqlite_file
    repo = open_repository(f"sqlite:///{path}", busy_timeout_ms=5000)
    workshop = added(repo)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        assert repo.save_response(workshop.id, "p1", "{}", results(framework, 3.0), LATER)
    finally:
        release.join()
        holder.close()
    assert count(repo, "responses", workshop.id) == 1


def test_a_failed_write_leaves_nothing_behind(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    workshop = added(repo)
    broken = [*results(framework, 3.0), PracticeResult(None, 3.0, 4, 2)]  # type: ignore[arg-type]
    with pytest.raises(Exception, match=r"(?i)null|not-null|constraint"):
        repo.save_response(workshop.id, "p1", "{}", broken, LATER)
    assert count(repo, "responses", workshop.id) == 0
    assert count(repo, "response_practices", workshop.id) == 0


WRITER = """
import sys, json
from datetime import datetime, timedelta, UTC
from rapport.files.framework_file import load_framework
from rapport.storage import open_repository
from rapport.core.workshop import PracticeResult, WorkshopError
url, workshop_id, framework_file, moment = sys.argv[1:5]
framework = load_framework(__import__("pathlib").Path(framework_file))
repo = open_repository(url)
now = datetime.fromisoformat(moment)
for number in range(100000):
    practices = [PracticeResult(p.id, float(number % 5 + 1), 4, 2) for p in framework.practices]
    repo.save_response(workshop_id, f"k{number}", json.dumps({"n": number}), practices, now)
    print(number, flush=True)
"""


def test_killing_a_writer_mid_workshop_loses_no_committed_answer(
    sqlite_file: Path, framework: Framework, tmp_path: Path
) -> None:
    path = sqlite_file
    url = f"sqlite:///{path}"
    repo = open_repository(url)
    workshop = added(repo)
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    log = tmp_path / "writer.log"
    with log.open("w") as out:
        writer = subprocess.Popen(
            [sys.executable, str(script), url, workshop.id,
             str(REPO / "data" / "client-relationships.yaml"), LATER.isoformat()],
            stdout=out, stderr=subprocess.STDOUT, cwd=REPO,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(log.read_text().splitlines()) < 30:
            time.sleep(0.05)
        os.kill(writer.pid, signal.SIGKILL)  # no clean shutdown: as if the server died
        writer.wait()
    confirmed = len([line for line in log.read_text().splitlines() if line.strip().isdigit()])
    assert confirmed >= 30, log.read_text()[-2000:]

    reopened = open_repository(url)  # the restart: migrations, then back to work
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = count(reopened, "responses", workshop.id)
    assert stored >= confirmed  # every answer the writer saw committed is there
    # ...and each one whole: seven practice rows per response, never a partial submission.
    assert count(reopened, "response_practices", workshop.id) == stored * len(framework.practices)
    assert reopened.workshop(workshop.id) is not None
    assert json.loads(reopened.response_answers(workshop.id)[0])["n"] >= 0


def test_a_database_lost_mid_session_is_a_message(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    workshop = added(repo)
    with repo.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE response_practices")
    # Trying again cannot help here, so the message says what happened instead.
    with pytest.raises(StorageUnavailable, match="the database has lost Rapport's tables"):
        repo.practice_rows(workshop.id)
    with pytest.raises(StorageUnavailable, match="the database has lost Rapport's tables"):
        repo.save_response(workshop.id, "p1", "{}", results(framework, 3.0), LATER)


def test_a_full_disk_is_named_and_logged(
    tmp_path: Path, framework: Framework, caplog: pytest.LogCaptureFixture
) -> None:
    """SQLite's own limit on pages stands in for a full disk: the same error, SQLITE_FULL."""
    repo = open_repository(f"sqlite:///{tmp_path / 'full.db'}")
    workshop = added(repo)
    pages = repo.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(repo.engine, "connect")
    def _cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {int(pages) + 1}")

    repo.engine.dispose()  # new connections take the cap

    def fill() -> None:
        for number in range(500):
            repo.save_response(workshop.id, f"p{number}", "x" * 4000, results(framework, 3), LATER)

    with pytest.raises(StorageUnavailable, match="the disk holding the database is full"):
        fill()
    assert "workshop database failed" in caplog.text
    assert "full" in caplog.text


def test_a_read_only_database_is_named(tmp_path: Path, framework: Framework) -> None:
    path = tmp_path / "ro.db"
    added(open_repository(f"sqlite:///{path}"))
    read_only = open_repository(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(StorageUnavailable, match="can only be read, not written"):
        added(read_only)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql://rapport@127.0.0.1:notaport/test", "is not a valid URL"),
        ("mysql://rapport@127.0.0.1/test", "cannot store workshops in mysql"),
        ("oracle://rapport@127.0.0.1/test", "cannot store workshops in oracle"),
        ("just words", "is not a valid URL"),
    ],
)
def test_a_malformed_or_foreign_database_url_is_a_message(
    url: str, said: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(StorageUnavailable, match=said):
        open_repository(url)
    assert "workshop database not opened" in caplog.text


def test_a_demo_workshop_is_created_whole_or_not_at_all(
    tmp_path: Path, framework: Framework
) -> None:
    """A demo failing midway once left a workshop with 4 of its 14 simulated participants
    and no link to it: the workshop and its room are now one transaction."""
    from datetime import UTC, datetime

    from rapport.usecases.demo_workshop import create_demo_workshop

    sample = json.loads((REPO / "data" / "samples" / "client-relationships.json").read_text())
    assessment = from_json(json.dumps(sample).encode())
    repo = open_repository(f"sqlite:///{tmp_path / 'demo.db'}")
    pages = repo.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(repo.engine, "connect")
    def _cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {int(pages) + 2}")

    repo.engine.dispose()
    now = datetime.now(UTC)
    with pytest.raises(StorageUnavailable, match="full"):
        create_demo_workshop(repo, framework, assessment, now, 30, participants=200)
    with repo.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM workshops").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM responses").scalar() == 0
    # And a demo lasts a day at most, whatever RAPPORT_WORKSHOP_DAYS says.
    roomy = open_repository(f"sqlite:///{tmp_path / 'roomy.db'}")
    created = create_demo_workshop(roomy, framework, assessment, now, 30)
    assert created.workshop.expires_at - now <= timedelta(days=1)
    assert count(roomy, "responses", created.workshop.id) == 14


def test_a_workshop_takes_its_cap_of_responses_and_no_more(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    workshop = added(repo)
    for number in range(3):
        repo.save_response(workshop.id, f"p{number}", "{}", results(framework, 3), LATER,
                           max_responses=3)  # fmt: skip
    with pytest.raises(WorkshopError, match="This workshop is full: it takes 3 responses"):
        repo.save_response(workshop.id, "p3", "{}", results(framework, 4), LATER, max_responses=3)
    # Someone already in may still change their answers.
    repo.save_response(workshop.id, "p0", "{}", results(framework, 5), LATER, max_responses=3)
    assert count(repo, "responses", workshop.id) == 3


def test_a_server_runs_its_cap_of_live_workshops(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    from datetime import UTC, datetime

    from rapport.usecases.workshops import create_workshop

    now = datetime.now(UTC)
    create_workshop(repo, framework, "One", 3, True, now, 30, max_live=1)
    with pytest.raises(WorkshopError, match="already runs 1 workshop, as many as it is set to"):
        create_workshop(repo, framework, "Two", 3, True, now, 30, max_live=1)
    assert repo.live_workshops(now) == 1
