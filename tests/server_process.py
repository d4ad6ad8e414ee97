"""A real `streamlit run app.py` in a child process, for browser tests and benchmarks.

Output goes to a log file, not a pipe (nobody reads a pipe during a test, and a full pipe
would block the server). Each server gets its own SQLite database and public URL.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT_S = 60.0
# What headless Debian Chromium needs here: no sandbox as root in a container, and no
# background traffic (the tests and benchmarks must pass offline).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


class ServerFailedError(RuntimeError):
    """The server exited or never became healthy; the message carries the log's tail."""


@dataclass
class StreamlitServer:
    folder: Path  # holds the log and the SQLite database
    script: Path = REPO / "app.py"
    port: int = field(default_factory=free_port)
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:]) or "(the log is empty)"

    def start(self) -> StreamlitServer:
        """Launch and wait until the health check answers."""
        self.launch()
        self.wait_healthy()
        return self

    def launch(self) -> StreamlitServer:
        """Start the process without waiting (a cold-start benchmark times the wait)."""
        env = {
            **os.environ,
            "RAPPORT_DATABASE_URL": f"sqlite:///{self.folder / 'rapport.db'}",
            "RAPPORT_PUBLIC_URL": self.base_url,
            **self.extra_env,
        }
        command = [
            sys.executable, "-m", "streamlit", "run", str(self.script),
            "--server.headless", "true", "--server.address", "127.0.0.1",
            "--server.port", str(self.port), "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=self.script.parent, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        return self

    def wait_healthy(self, poll_seconds: float = 0.25) -> None:
        assert self.process is not None, "launch() first"
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not healthy(self.base_url):
            if self.process.poll() is not None:
                raise ServerFailedError(
                    f"Streamlit exited with code {self.process.returncode} before its health "
                    f"check answered. Log {self.log}:\n{self.tail()}"
                )
            if time.monotonic() > deadline:
                raise ServerFailedError(
                    f"Streamlit did not answer {self.base_url}/_stcore/health within "
                    f"{STARTUP_TIMEOUT_S:.0f} s. Log {self.log}:\n{self.tail()}"
                )
            time.sleep(poll_seconds)

    def rss_mib(self) -> float:
        """Resident memory of the server process, from /proc (no psutil needed)."""
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text("utf-8")
        line = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024  # kB to MiB

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as when a host dies mid-workshop."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def headless_chromium(executable: str) -> Iterator[Browser]:
    """Debian's Chromium through Playwright, closed afterwards; never downloads a browser.
    Callers check first that Playwright and the executable are there."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
