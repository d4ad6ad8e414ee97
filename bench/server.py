"""A real `streamlit run` server and headless Chromium, as tests/e2e/conftest.py sets them up.

The server's output goes to a file, never a pipe (a full pipe would block the server), and
it gets its own throwaway SQLite file through RAPPORT_DATABASE_URL. The browser is Debian's
Chromium driven by Playwright; nothing is downloaded.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import CHROMIUM, Unavailable

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_ARGS = [
    "--no-sandbox",  # containers often run as root, where the sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_TIMEOUT_S = 60.0
POLL_S = 0.05  # health polling step: small, since cold start is what is measured
WAIT_MS = 30_000  # a loaded machine can take seconds for a run; fail only when really stuck


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - local http
            return bool(response.read().decode().strip() == "ok")
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base_url: str
    log: Path

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _healthy(f"{self.base_url}/_stcore/health"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                tail = self.log.read_text("utf-8", errors="replace")[-2000:]
                raise RuntimeError(f"Streamlit did not come up; log {self.log}:\n{tail}")
            time.sleep(POLL_S)

    def rss_mib(self) -> float:
        """Resident memory of the server process, from /proc (no psutil needed)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text("utf-8")
        line = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024  # kB to MiB


@contextmanager
def streamlit_server(script: Path, workdir: Path) -> Iterator[Server]:
    """Start `streamlit run <script>` from the script's folder; yield at once (not healthy
    yet: the cold-start case times that part too); stop it afterwards."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "RAPPORT_DATABASE_URL": f"sqlite:///{workdir / 'rapport.db'}",
        "RAPPORT_PUBLIC_URL": base_url,
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    log = workdir / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            command, cwd=script.parent, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            yield Server(process, base_url, log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Debian Chromium; Unavailable (skip, or fail when required) without it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise Unavailable("playwright is not installed", "RAPPORT_REQUIRE_BROWSER") from error
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        raise Unavailable(f"Chromium not found at {CHROMIUM}", "RAPPORT_REQUIRE_BROWSER")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def wait_for_run(page: Page, heading: str) -> None:
    """Wait until the run that draws `heading` has finished, with the checks of
    tests/e2e/helpers.py wait_for_app, minus its fixed 300 ms settle (callers settle
    after stopping their clock). The heading comes first: before the first run starts,
    the script state may already read notRunning."""
    from playwright.sync_api import expect

    expect(page.locator("h1", has_text=heading)).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_test_id("stAppViewContainer")).to_be_visible(timeout=WAIT_MS)
    expect(
        page.locator('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')
    ).to_be_attached(timeout=WAIT_MS)
    expect(page.locator('[data-test-script-state="notRunning"]')).to_be_attached(timeout=WAIT_MS)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=WAIT_MS)


def settle(page: Page) -> None:
    """The rest of wait_for_app: let the run's last deltas land, and check for errors."""
    from playwright.sync_api import expect

    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stException")).to_have_count(0)
