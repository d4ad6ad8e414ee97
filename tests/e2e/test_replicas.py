"""Scale-out on real parts: two Rapport replicas on one PostgreSQL database behind HAProxy
with sticky sessions (deploy/haproxy.cfg), all on loopback.

The facilitator's dashboard runs on one replica while the participants reach the other;
their answers and the reveal arrive on the dashboard without a reload. Then the
participants' replica is killed mid-workshop, and the room goes on on the one left: a
latecomer still pointed at the dead replica is sent to the other, and no answer is lost.
Then that replica comes back and the dashboard's own dies: the projected dashboard comes
back by itself on the other, and a last answer still arrives on it. Both replicas start
together on an empty database, and the migrations run once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.e2e.conftest import save_screenshot
from tests.e2e.helpers import Browser, Page, expect, open_controls, open_dashboard, wait_for_app
from tests.e2e.workshop_steps import (
    LIVE_TIMEOUT_MS,
    PARTICIPANTS,
    TITLE,
    Participant,
    create_workshop,
    metric_value,
    open_page,
    take_part,
)
from tests.server_process import REPO, StreamlitServer, free_port, healthy

pytestmark = pytest.mark.e2e

CONFIG = REPO / "deploy" / "haproxy.cfg"
STICKY_COOKIE = "RAPPORT_REPLICA"  # the cookie deploy/haproxy.cfg inserts
REPLICAS = ("replica1", "replica2")  # its server names, which the cookie carries
MIGRATION_TIMEOUT_MS = 60_000
# The projector's tab notices its server is gone, reconnects through the balancer and
# reloads once: Streamlit's reconnection backs off for a few seconds.
RECOVERY_TIMEOUT_MS = 60_000
LAST_PARTICIPANT = Participant(("Always", "Often", "Sometimes", "Often", "Rarely"))
ADMIN_URL = os.environ.get("RAPPORT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _needed(reason: str) -> None:
    if os.environ.get("RAPPORT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (CI installs it: .ci/run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def database() -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped afterwards: the replicas create its schema."""
    name = f"rapport_replicas_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        if os.environ.get("RAPPORT_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL not reachable at {ADMIN_URL}: {error}")
        pytest.skip(f"PostgreSQL not reachable at {ADMIN_URL}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Stack:
    balancer_url: str
    replicas: dict[str, StreamlitServer]  # by HAProxy server name
    database_url: str

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.database_url) as conn:
            return list(conn.execute(sql))


def _balancer(folder: Path, port: int, replicas: list[StreamlitServer]) -> subprocess.Popen[bytes]:
    """HAProxy in the foreground (-db) with the deployment's own config file."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        _needed("HAProxy is not installed; apt-get install haproxy")
    env = {
        **os.environ,
        "RAPPORT_LB_BIND": f"127.0.0.1:{port}",
        "RAPPORT_REPLICA_1": f"127.0.0.1:{replicas[0].port}",
        "RAPPORT_REPLICA_2": f"127.0.0.1:{replicas[1].port}",
    }
    log = (folder / "haproxy.log").open("ab")
    return subprocess.Popen(
        [haproxy, "-db", "-f", str(CONFIG)], env=env, stdout=log, stderr=subprocess.STDOUT
    )


def _wait(condition: Any, what: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.25)


@pytest.fixture
def stack(tmp_path: Path, database: str) -> Iterator[Stack]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    replicas = []
    for name in REPLICAS:
        folder = tmp_path / name
        folder.mkdir()
        replicas.append(
            StreamlitServer(
                folder,
                extra_env={
                    "RAPPORT_DATABASE_URL": database,
                    # Links and QR codes point at the balancer, not at one replica.
                    "RAPPORT_PUBLIC_URL": url,
                },
            )
        )
    balancer = None
    try:
        for replica in replicas:  # started together, as a deployment starts them
            replica.launch()
        for replica in replicas:
            replica.wait_healthy()
        balancer = _balancer(tmp_path, port, replicas)
        _wait(lambda: healthy(url), "HAProxy to answer the health check")
        yield Stack(url, dict(zip(REPLICAS, replicas, strict=True)), database)
    finally:
        if balancer is not None:
            balancer.terminate()
            balancer.wait(timeout=10)
        for replica in replicas:
            replica.stop()


def _replica_of(page: Page) -> str:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get(STICKY_COOKIE) in REPLICAS, f"no sticky cookie: {cookies}"
    return cookies[STICKY_COOKIE]


def _balancer_serves(stack: Stack, replica: str) -> bool:
    """Whether HAProxy counts `replica` up: a request whose sticky cookie names it is served
    there, and the balancer sets no other sticky cookie (it redispatches away from a down
    one)."""
    request = urllib.request.Request(
        f"{stack.balancer_url}/_stcore/health", headers={"Cookie": f"{STICKY_COOKIE}={replica}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            placed = response.headers.get_all("Set-Cookie") or []
            moved = any(c.startswith(f"{STICKY_COOKIE}=") for c in placed)
            return response.status == 200 and not moved
    except OSError:
        return False


def _pointed_at(page: Page, stack: Stack, replica: str) -> Page:
    """A browser the balancer has already placed on `replica` (its cookie set)."""
    cookie = {"name": STICKY_COOKIE, "value": replica, "url": stack.balancer_url}
    page.context.add_cookies([cookie])  # type: ignore[list-item]
    return page


def test_two_replicas_one_room_and_one_replica_dies(browser: Browser, stack: Stack) -> None:
    with ExitStack() as people:
        # Both replicas serve their first page at the same moment: each migrates the empty
        # database on its first use, under PostgreSQL's advisory lock.
        first = [open_page(browser, people) for _ in REPLICAS]
        for page, replica in zip(first, stack.replicas.values(), strict=True):
            page.goto(f"{replica.base_url}/workshop", wait_until="commit")
        for page in first:
            # One of them waits for the other's migrations: allow for it before the usual
            # check that the run has finished.
            heading = page.get_by_role("heading", name="Run a workshop")
            expect(heading).to_be_visible(timeout=MIGRATION_TIMEOUT_MS)
            wait_for_app(page)
        assert stack.query("SELECT version_num FROM alembic_version") == [("0006",)]

        facilitator = open_page(browser, people)
        link, key_link = create_workshop(facilitator, stack.balancer_url)
        open_dashboard(facilitator, key_link)
        expect(metric_value(facilitator, "Responses")).to_have_text("0")
        home = _replica_of(facilitator)
        other = next(r for r in REPLICAS if r != home)

        # The first two participants reach the other replica.
        for participant in PARTICIPANTS[:2]:
            page = _pointed_at(open_page(browser, people), stack, other)
            take_part(page, link, participant)
            assert _replica_of(page) == other
        expect(metric_value(facilitator, "Responses")).to_have_text(
            "2", timeout=LIVE_TIMEOUT_MS
        )  # no reload: the answers came through the database

        # The participants' replica dies mid-workshop. A latecomer whose browser the
        # balancer had placed there is sent to the one left, and answers.
        stack.replicas[other].kill()
        latecomer = _pointed_at(open_page(browser, people), stack, other)
        take_part(latecomer, link, PARTICIPANTS[2])
        assert _replica_of(latecomer) == home

        expect(metric_value(facilitator, "Responses")).to_have_text("3", timeout=LIVE_TIMEOUT_MS)
        open_controls(facilitator).get_by_role("button", name="Reveal all").click()
        wait_for_app(facilitator)
        expect(facilitator.get_by_text("Results from 3 responses.")).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        expect(facilitator.get_by_role("heading", name=TITLE)).to_be_visible()
        expect(facilitator.get_by_test_id("stException")).to_have_count(0)
        save_screenshot(facilitator, "replicas-dashboard")

        # The dead replica comes back; then the dashboard's own replica dies. The
        # projector's tab finds the other one through the balancer, opens a new session
        # there, and carries the key it kept again: the same dashboard, without the link.
        stack.replicas[other].launch()
        stack.replicas[other].wait_healthy()
        _wait(lambda: _balancer_serves(stack, other), f"HAProxy to count {other} up again")
        facilitator.evaluate("window.__beforeTheLoss = true")
        stack.replicas[home].kill()
        # Until it reconnects the tab shows what it drew last: wait for the reload that
        # carries the kept key (it clears the mark), then for the new session's run.
        facilitator.wait_for_function(
            "() => window.__beforeTheLoss === undefined", timeout=RECOVERY_TIMEOUT_MS
        )
        assert _replica_of(facilitator) == other
        wait_for_app(facilitator)
        expect(facilitator.get_by_text("Results from 3 responses.")).to_be_visible(
            timeout=RECOVERY_TIMEOUT_MS
        )
        expect(facilitator.get_by_test_id("stException")).to_have_count(0)
        take_part(open_page(browser, people), link, LAST_PARTICIPANT)
        expect(metric_value(facilitator, "Responses")).to_have_text("4", timeout=LIVE_TIMEOUT_MS)

    # Nothing lost: every answer is in the database, once.
    assert stack.query("SELECT count(*) FROM responses") == [(4,)]
    assert stack.query("SELECT count(DISTINCT participant_hash) FROM responses") == [(4,)]
