"""axe-core on every page, on a desktop and on a phone, with screenshots of each.

Every serious or critical violation fails the test, Streamlit's components included: there
is no list of allowed ones. The two that Streamlit's sectioned sidebar used to cause are gone
since ui/pages.py draws the sidebar itself (docs/accessibility.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Browser, Page, expect
except ImportError:
    REASON = (
        "playwright or axe-playwright-python is not installed; pip install -r requirements-dev.txt"
    )
    if os.environ.get("RAPPORT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{REASON} (RAPPORT_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(REASON, allow_module_level=True)

from tests.e2e.helpers import (
    DASHBOARD_CHARTS,
    DRAWN_CHART,
    create_revealed_demo_workshop,
    horizontal_overflow,
    save_named_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.e2e

BLOCKING = ("serious", "critical")
TIMEOUT_MS = 20_000
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
# Participants and students use these on phones: no sideways scrolling.
NO_SIDEWAYS_ON_PHONE = ("home", "join", "assess", "rate")
WORKSHOP_TITLE = "Accessibility check"


def _settle(page: Page) -> None:
    wait_for_app(page)
    # Vega draws after the run ends; axe and the screenshot must see the drawn charts.
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
            .every((chart) => chart.querySelector('canvas, svg.marks'))"""
    )


def _open_expanders(page: Page) -> None:
    """axe skips hidden content: open every expander so tables and join panels are checked."""
    opened = page.evaluate(
        """() => {
            const closed = document.querySelectorAll(
                '[data-testid="stExpander"] details:not([open]) > summary');
            closed.forEach((summary) => summary.click());
            return closed.length;
        }"""
    )
    if opened:
        expect(page.locator('[data-testid="stExpander"] details:not([open])')).to_have_count(0)
        page.wait_for_timeout(500)  # tables inside draw after their expander opens


def blocking_violations(page: Page, where: str) -> list[str]:
    """Serious and critical violations, one line each."""
    results = Axe().run(page).response
    found = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            impact = node.get("impact") or violation["impact"]
            if impact not in BLOCKING:
                continue
            html = re.sub(r"\s+", " ", node["html"])[:300]
            found.append(
                f"{where}: {violation['id']} ({impact}) {violation['help']}\n"
                f"    target {node['target']}\n    html {html}\n"
                f"    {node.get('failureSummary', '').strip().replace(chr(10), ' ')[:300]}"
            )
    return found


def _pages(page: Page, base_url: str) -> Iterator[str]:
    """Open each page in turn in one browser context; yield its name once it is ready."""
    page.goto(base_url)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Rapport", exact=True)).to_be_visible()
    yield "home"

    page.goto(f"{base_url}/assess")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Assess your habits")).to_be_visible()
    yield "assess"

    page.goto(f"{base_url}/?demo=1")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Your results")).to_be_visible()
    expect(page.locator(DRAWN_CHART)).to_have_count(3)
    yield "results"

    # The same session (no reload), so the report page has the sample's answers.
    page.get_by_role("link", name="Get your Word report").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Your Word report")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Download the Word report"))).to_be_visible()
    yield "report"

    page.goto(f"{base_url}/practices")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Practices & sources")).to_be_visible()
    yield "practices"

    # A real workshop, created through the UI: the page shows the facilitator link (step 1),
    # then its code, link and QR code (step 2).
    page.goto(f"{base_url}/workshop")
    wait_for_app(page)
    title = page.get_by_label("Title", exact=True)
    title.fill(WORKSHOP_TITLE)
    title.press("Tab")
    page.get_by_role("button", name="Create the workshop").click()
    wait_for_app(page)
    expect(page.get_by_text(f"Workshop created: {WORKSHOP_TITLE}")).to_be_visible()
    yield "workshop-link"

    page.get_by_role("button", name=re.compile("I saved the link")).click()
    wait_for_app(page)
    expect(page.get_by_test_id("stImage")).to_be_visible()
    link = page.get_by_test_id("stCode").filter(has_text="?join=").inner_text().strip()
    yield "workshop-join"

    page.goto(link)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/join\?join="))
    expect(page.get_by_text(WORKSHOP_TITLE, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Join and start"))).to_be_visible()
    yield "join"

    dashboard = create_revealed_demo_workshop(page, base_url)
    page.goto(dashboard)  # from the top, as projected
    wait_for_app(page)
    expect(page.locator(DRAWN_CHART)).to_have_count(DASHBOARD_CHARTS)
    expect(page.get_by_text(re.compile("Most disagreement:"))).to_be_visible()
    yield "dashboard"

    # A feedback request, made through the UI: the form, its links (shown once), the
    # rater's page with its practice question answered.
    page.goto(f"{base_url}/feedback")
    wait_for_app(page)
    expect(page.get_by_role("button", name="Create the links")).to_be_visible()
    yield "feedback-ask"

    page.get_by_label("Your first name or a nickname, as raters will see it").fill("Alex")
    page.get_by_role("button", name="Create the links").click()
    wait_for_app(page)
    yield "feedback-owner-link"

    page.get_by_role("button", name="I saved my private link: show the links to send").click()
    wait_for_app(page)
    rater = page.get_by_test_id("stCode").filter(has_text="/rate#r=").inner_text().strip()
    yield "feedback-links"

    page.get_by_role("button", name="I sent the links: show my results").click()
    wait_for_app(page)
    expect(page.get_by_text("Nothing to show yet")).to_be_visible()
    yield "feedback-results"

    page.goto(rater)
    wait_for_app(page)
    page.get_by_role("radiogroup").first.get_by_text("Often", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("button", name="Send my answers")).to_be_visible()
    yield "rate"


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_every_page_passes_axe(app_server: str, browser: Browser, device: str) -> None:
    context = browser.new_context(**VIEWPORTS[device])
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        expect.set_options(timeout=TIMEOUT_MS)
        problems: list[str] = []
        checked = []
        for name in _pages(page, app_server):
            _settle(page)
            save_named_screenshot(page, f"page-{name}-{device}")
            if device == "phone" and name in NO_SIDEWAYS_ON_PHONE:
                overflow = horizontal_overflow(page)
                if overflow:
                    problems.append(f"{name} [{device}]: {overflow}")
            _open_expanders(page)
            problems += blocking_violations(page, f"{name} [{device}]")
            checked.append(name)
    finally:
        context.close()
    assert checked == [
        "home", "assess", "results", "report", "practices", "workshop-link", "workshop-join",
        "join", "dashboard", "feedback-ask", "feedback-owner-link", "feedback-links",
        "feedback-results", "rate",
    ]  # fmt: skip
    assert not problems, f"{len(problems)} serious/critical accessibility problems:\n" + "\n".join(
        problems
    )
