"""Fixtures for browser tests: a real Streamlit server and Debian's Chromium via Playwright.

The browser is never downloaded (`playwright install` needs the network); the tests use the
system Chromium instead and skip, or fail under RAPPORT_REQUIRE_BROWSER=1, when it is absent.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

from tests.server_process import ServerFailedError, StreamlitServer, headless_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "screenshots"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
MAX_SCREENSHOT_HEIGHT = 16_000  # beyond ~16k px Chromium cannot capture in one piece


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run `streamlit run app.py` on a free port with its own database; yield its base URL."""
    server = StreamlitServer(tmp_path_factory.mktemp("streamlit"))
    try:
        server.start()
    except ServerFailedError as error:
        pytest.fail(str(error))
    try:
        yield server.base_url
    finally:
        server.stop()


def _unavailable(reason: str) -> NoReturn:
    """Skip, or fail when the run demands a browser (CI sets RAPPORT_REQUIRE_BROWSER=1)."""
    if os.environ.get("RAPPORT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (RAPPORT_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium, shared by the session. Never downloads a browser."""
    try:
        import playwright.sync_api  # noqa: F401 - only checks that it is installed
    except ImportError:
        _unavailable("playwright is not installed; pip install -r requirements-dev.txt")
    executable = os.environ.get("RAPPORT_CHROMIUM") or DEFAULT_CHROMIUM
    if not (Path(executable).is_file() and os.access(executable, os.X_OK)):
        _unavailable(
            f"Chromium not found at {executable}; install Debian's chromium or set RAPPORT_CHROMIUM"
        )
    with headless_chromium(executable) as launched:
        yield launched


def save_screenshot(page: Page, name: str) -> Path:
    """Save the whole page to screenshots/e2e-<name>.png and return the path.

    Streamlit scrolls inside its main element, not the document, so Playwright's
    full_page=True captures one viewport only. Grow the viewport to the content's height
    for the shot instead, then put it back.
    """
    SCREENSHOTS.mkdir(exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "_", name)  # parametrized test ids contain brackets
    path = SCREENSHOTS / f"e2e-{safe}.png"
    viewport = page.viewport_size or {"width": 1280, "height": 900}
    content = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight ?? 0"
    )
    height = min(max(int(content), viewport["height"]), MAX_SCREENSHOT_HEIGHT)
    page.set_viewport_size({"width": viewport["width"], "height": height})
    try:
        page.wait_for_timeout(500)  # charts re-lay themselves out after a resize
        page.screenshot(path=path, full_page=True)
    finally:
        page.set_viewport_size(viewport)
    return path


@pytest.fixture
def screenshot(page: Page) -> Callable[[str], Path]:
    """`screenshot("results")` saves the whole current page to screenshots/e2e-results.png."""
    return lambda name: save_screenshot(page, name)


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh context and page per test; a final screenshot is always kept for inspection."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect

    # Streamlit reruns and the report download (charts rendered server-side) can take a
    # few seconds on a loaded CI machine.
    expect.set_options(timeout=20_000)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    new_page = context.new_page()
    new_page.set_default_timeout(20_000)
    try:
        yield new_page
    finally:
        try:
            save_screenshot(new_page, request.node.name)
        except PlaywrightError as error:  # a crashed page must not hide the test's own result
            warnings.warn(f"no screenshot for {request.node.name}: {error}", stacklevel=1)
        finally:
            context.close()
