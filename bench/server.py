"""A real `streamlit run` server and headless Chromium, as tests/e2e/conftest.py sets them up.

The server's output goes to a file, never a pipe (a full pipe would block the server), and
it gets its own throwaway SQLite file through RAPPORT_DATABASE_URL. The browser is Debian's
Chromium driven by Playwright; nothing is downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import CHROMIUM, Unavailable
from tests.server_process import StreamlitServer, headless_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

POLL_S = 0.05  # health polling step: small, since cold start is what is measured
WAIT_MS = 30_000  # a loaded machine can take seconds for a run; fail only when really stuck


@contextmanager
def streamlit_server(
    script: Path, workdir: Path, env: dict[str, str] | None = None
) -> Iterator[StreamlitServer]:
    """Start `streamlit run <script>` (the tests' own server harness); yield at once, not yet
    healthy, since the cold-start case times that part too; stop it afterwards. `env` adds
    to the server's environment (Streamlit reads STREAMLIT_<SECTION>_<OPTION> settings)."""
    server = StreamlitServer(workdir, script=script, extra_env=env or {}).launch()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Debian Chromium; Unavailable (skip, or fail when required) without it."""
    try:
        import playwright.sync_api  # noqa: F401 - only checks that it is installed
    except ImportError as error:
        raise Unavailable("playwright is not installed", "RAPPORT_REQUIRE_BROWSER") from error
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        raise Unavailable(f"Chromium not found at {CHROMIUM}", "RAPPORT_REQUIRE_BROWSER")
    with headless_chromium(CHROMIUM) as browser:
        yield browser


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
