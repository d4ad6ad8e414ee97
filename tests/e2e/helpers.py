"""Helpers shared by the browser tests, and their one import guard for Playwright.

Test modules import Playwright's names from here: without Playwright the whole module is
skipped with a reason, or fails when RAPPORT_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

try:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
except ImportError:
    _REASON = "playwright is not installed; pip install -r requirements-dev.txt"
    if os.environ.get("RAPPORT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{_REASON} (RAPPORT_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(_REASON, allow_module_level=True)

__all__ = [
    "Browser",
    "BrowserContext",
    "Locator",
    "Page",
    "PlaywrightTimeoutError",
    "expect",
    "expect_no_crash",
    "wait_for_app",
]


# What a crash looks like to a person: Streamlit's exception element or its wording, or a
# Python traceback drawn anywhere on the page.
CRASH_TEXT = re.compile(r"encountered an error|Traceback \(most recent call last\)")


def expect_no_crash(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text(CRASH_TEXT)).to_have_count(0)


def wait_for_app(page: Page) -> None:
    """Wait for the current script run to finish, the way Streamlit's own e2e suite does."""
    expect(page.get_by_test_id("stAppViewContainer")).to_be_visible()
    expect(
        page.locator('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')
    ).to_be_attached()
    expect(page.locator('[data-test-script-state="notRunning"]')).to_be_attached()
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    # The run's final deltas can land just after the state flips; let the page settle.
    page.wait_for_timeout(300)


# --- Shared by the accessibility, keyboard and projection tests ----------------------------

# Vega draws asynchronously after the run ends; this matches a chart once it is drawn.
DRAWN_CHART = '[data-testid="stVegaLiteChart"] :is(canvas, svg.marks)'
# A revealed demo's dashboard draws the room's averages, its level counts, and one client
# situation (the one chosen below them).
DASHBOARD_CHARTS = 3


def save_named_screenshot(page: Page, name: str, *, whole_page: bool = True) -> Path:
    """Save screenshots/<name>.png: the whole page (as conftest's save_screenshot does), or
    only what the viewport shows, e.g. what a projector shows without scrolling."""
    from tests.e2e.conftest import SCREENSHOTS, save_screenshot

    target = SCREENSHOTS / f"{name}.png"
    if whole_page:
        save_screenshot(page, name).replace(target)
    else:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=target)
    return target


def horizontal_overflow(page: Page) -> str | None:
    """Why the page scrolls sideways, or None when it does not."""
    widths = page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            return {
                document: document.scrollingElement.scrollWidth,
                window: window.innerWidth,
                main: main ? main.scrollWidth : 0,
                mainClient: main ? main.clientWidth : 0,
            };
        }"""
    )
    if widths["document"] > widths["window"] or widths["main"] > widths["mainClient"]:
        return f"the page scrolls sideways: {widths}"
    return None


def facilitator_link_on_screen(page: Page) -> str:
    """The facilitator link a just-created workshop shows once (step 1 of 2)."""
    shown = re.compile(r"/dashboard\?lang=[a-z]{2}#key=")
    block = page.get_by_test_id("stCode").filter(has_text=shown)
    expect(block).to_have_count(1)
    return block.inner_text().strip()


def open_dashboard(page: Page, link: str) -> None:
    """Open a facilitator link; the dashboard takes the key out of the address bar."""
    page.goto(link)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/dashboard(\?lang=[a-z]{2})?$"))


def open_controls(page: Page) -> Locator:
    """The facilitator controls, closed on the projected view until the facilitator opens
    them; returns the opened expander."""
    controls = page.get_by_test_id("stExpander").filter(has_text="Facilitator controls")
    reveal = controls.get_by_role("button", name="Reveal all")
    if not reveal.is_visible():
        controls.get_by_text("Facilitator controls").click()
    expect(reveal).to_be_visible()
    return controls


def create_revealed_demo_workshop(page: Page, base_url: str) -> str:
    """Create a demo workshop through the UI, reveal every practice; return its facilitator
    link. The page is left on the dashboard, scrolled to the controls."""
    page.goto(f"{base_url}/workshop")
    wait_for_app(page)
    page.get_by_role("button", name="Create a demo workshop").click()
    wait_for_app(page)
    link = facilitator_link_on_screen(page)
    open_dashboard(page, link)
    open_controls(page).get_by_role("button", name="Reveal all").click()
    wait_for_app(page)
    expect(page.locator(DRAWN_CHART)).to_have_count(DASHBOARD_CHARTS)
    return link


def choose_in_picker(
    page: Page, option_name: str | re.Pattern[str], label: str = "Practice"
) -> None:
    """Choose an option of a selectbox (by its exact name, or a pattern). A list that
    closed before the choice (a rerun landing as it opened) is opened again, as a person
    would."""
    option = page.get_by_role("option", name=option_name, exact=isinstance(option_name, str))
    picker = page.get_by_test_id("stSelectbox").filter(has_text=label)
    for _ in range(4):
        picker.click()
        try:
            option.click(timeout=2_000)
            return
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    picker.click()
    option.click()


def open_sidebar(page: Page) -> None:
    """On a phone the sidebar starts closed behind its menu button."""
    nav = page.get_by_test_id("stSidebar")
    if not nav.is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    expect(nav).to_be_visible()


def close_sidebar(page: Page) -> None:
    """On a phone an open sidebar covers the page. After a page change Streamlit closes it
    by itself, with an animation: a click then could land on a button already leaving, so
    wait a moment for that first, and close it by hand only if it stays."""
    sidebar = page.get_by_test_id("stSidebar")
    try:
        expect(sidebar).not_to_be_visible(timeout=1_500)
    except AssertionError:
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
        expect(sidebar).not_to_be_visible()


def download_report(page: Page, folder: Path) -> Path:
    """Press the Report page's Word download and keep the file; returns its path."""
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=re.compile(r"Download the Word report")).click()
    saved = folder / "report.docx"
    info.value.save_as(saved)
    return saved
