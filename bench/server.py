"""A real `streamlit run` server and headless Chromium, as tests/e2e/conftest.py sets them up.

The server's output goes to a file, never a pipe (a full pipe would block the server), and
it gets its own throwaway SQLite file through RAPPORT_DATABASE_URL. The browser is Debian's
Chromium driven by Playwright; nothing is downloaded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import CHROMIUM, Unavailable
from tests.run_watch import WHOLE_RUN
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


# When the page first looked finished, by the checks of wait_for_run, noted inside the page
# (its performance.now()) at the DOM change that completed them. Playwright's own
# waits poll, 500 ms apart after their first 270 ms, so a page finished just after a poll
# was counted up to half a second late (seen in case 6: up to 0.3 s on single starts).
# Needs tests/run_watch.py's WATCH_RUNS installed too: the first whole run must be over.
FIRST_DRAW_WATCH = """(heading) => {
  const finished = () => {
    if (window.__firstDrawnAt !== undefined) return;
    if (!(window.__runs || []).some(([, status]) => status === WHOLE_RUN)) return;
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-connection-state') !== 'CONNECTED') return;
    if (!document.querySelector('[data-test-script-state="notRunning"]')) return;
    if (document.querySelector('[data-testid="stSkeleton"]')) return;
    const title = [...document.querySelectorAll('h1')].find(
      (h1) => h1.textContent.includes(heading) && h1.checkVisibility());
    if (!title) return;
    window.__firstDrawnAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(finished);
  observer.observe(
    document, {subtree: true, childList: true, attributes: true, characterData: true});
}""".replace("WHOLE_RUN", str(WHOLE_RUN))


def first_drawn_at(page: Page, heading: str) -> float:
    """The time.perf_counter() reading at which `page` (with WATCH_RUNS and
    FIRST_DRAW_WATCH for `heading` installed) first looked finished; waits for it, then
    checks it as wait_for_run does. The page says how long ago that was, so no wall clock
    is involved (a clock step mid-run would not shift it); the answer's trip back, a
    millisecond or two, is the same for every side."""
    page.wait_for_function("window.__firstDrawnAt !== undefined", timeout=WAIT_MS)
    wait_for_run(page, heading)
    ago_ms = float(page.evaluate("performance.now() - window.__firstDrawnAt"))
    return time.perf_counter() - ago_ms / 1000


def settle(page: Page) -> None:
    """The rest of wait_for_app: let the run's last deltas land, and check for errors."""
    from playwright.sync_api import expect

    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stException")).to_have_count(0)
