"""The projected dashboard: legible from the back row on one screen, and a QR code that scans.

At projector sizes the response count, the disagreement spotlight and both charts with all
seven practices must be on screen without scrolling, not hidden under Streamlit's header and
not clipped, with the count in large type.
"""

from __future__ import annotations

import os
import re

import pytest

try:
    import zxingcpp
    from PIL import Image
    from playwright.sync_api import Browser, Locator, Page, expect
except ImportError:
    REASON = "playwright or zxing-cpp is not installed; pip install -r requirements-dev.txt"
    if os.environ.get("RAPPORT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{REASON} (RAPPORT_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(REASON, allow_module_level=True)

from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.helpers import (
    DASHBOARD_CHARTS,
    DRAWN_CHART,
    choose_in_picker,
    create_revealed_demo_workshop,
    save_named_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.e2e

FRAMEWORK = load_framework(FRAMEWORK_FILE)
PRACTICES = len(FRAMEWORK.practices)
PROJECTORS = [(1920, 1080), (1280, 720)]
MIN_COUNT_FONT_PX = 40
TIMEOUT_MS = 20_000
# A practice's axis label: its short name, perhaps followed by its response count "(n=14)".
PRACTICE_LABEL = re.compile(
    "^(?:" + "|".join(re.escape(p.short_name) for p in FRAMEWORK.practices) + r")(?: \(n=\d+\))?$"
)

# Points of an element that must show the element itself, not something drawn over it
# (Streamlit's fixed header, say): its four corners, inset a little, and its centre.
_COVERED_POINTS = """(el) => {
    const r = el.getBoundingClientRect();
    const inset = Math.min(4, r.width / 4, r.height / 4);
    const points = [
        [r.left + inset, r.top + inset], [r.right - inset, r.top + inset],
        [r.left + inset, r.bottom - inset], [r.right - inset, r.bottom - inset],
        [r.left + r.width / 2, r.top + r.height / 2],
    ];
    return points.flatMap(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        if (hit && el.contains(hit)) return [];
        const over = hit ? (hit.closest('[data-testid]')?.dataset.testid || hit.tagName) : 'none';
        return [`(${Math.round(x)}, ${Math.round(y)}) shows ${over}`];
    });
}"""

# Every text a chart draws (axis labels, legend, titles) with its box, and the chart's box.
_CHART_TEXTS = """(chart) => {
    const box = (r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
    return {
        chart: box(chart.getBoundingClientRect()),
        texts: [...chart.querySelectorAll('svg text')]
            .filter((t) => t.textContent.trim())
            .map((t) => ({text: t.textContent.trim(), ...box(t.getBoundingClientRect())})),
    };
}"""

_SMALLEST_FONT_PX = """(el) => Math.min(...[el, ...el.querySelectorAll('*')]
    .filter((e) => e === el || e.textContent.trim())
    .map((e) => parseFloat(getComputedStyle(e).fontSize)))"""


@pytest.fixture(scope="module")
def dashboard_url(app_server: str, browser: Browser) -> str:
    """One demo workshop, every practice revealed, shared by this module's tests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        return create_revealed_demo_workshop(page, app_server)
    finally:
        context.close()


def _outside(box: dict[str, float], width: int, height: int, slack: float = 0.5) -> bool:
    return (
        box["left"] < -slack
        or box["top"] < -slack
        or box["right"] > width + slack
        or box["bottom"] > height + slack
    )


def _check_on_screen(name: str, locator: Locator, width: int, height: int) -> list[str]:
    """The element lies entirely inside the viewport and nothing is drawn over it."""
    box = locator.bounding_box()
    if box is None:
        return [f"{name}: not displayed"]
    edges = {
        "left": box["x"],
        "top": box["y"],
        "right": box["x"] + box["width"],
        "bottom": box["y"] + box["height"],
    }
    problems = []
    if _outside(edges, width, height):
        rounded = {k: round(v) for k, v in edges.items()}
        problems.append(f"{name}: not entirely inside the {width}x{height} viewport: {rounded}")
    covered = locator.evaluate(_COVERED_POINTS)
    if covered:
        problems.append(f"{name}: covered by another element at " + "; ".join(covered))
    return problems


def _spread_practices() -> int:
    """How many practices the demo's spread chart may draw: those whose level counts the
    room may see (rapport.core.room.distribution_is_safe), from the demo's own room."""
    from rapport.core.room import summarize
    from rapport.core.workshop import practice_results
    from rapport.files.uploads import load_upload
    from rapport.usecases.demo_workshop import simulated_participants
    from tests.helpers import rows_for

    sample = FRAMEWORK_FILE.parent / "samples" / "client-relationships.json"
    assessment = load_upload(sample.read_bytes(), sample.name, FRAMEWORK).assessment
    room = simulated_participants(FRAMEWORK, assessment, 14, seed=7)
    summary = summarize(FRAMEWORK, 5, rows_for([practice_results(FRAMEWORK, p) for p in room]))
    return sum(a.distribution_shown for a in summary.practices)


def _check_chart(
    name: str, chart: Locator, width: int, height: int, expected: int = PRACTICES
) -> list[str]:
    """Every practice it may show labelled, and no text clipped by the chart or screen."""
    drawn = chart.evaluate(_CHART_TEXTS)
    problems = []
    practices = [t["text"] for t in drawn["texts"] if PRACTICE_LABEL.fullmatch(t["text"])]
    if len(set(practices)) != expected:
        problems.append(f"{name}: {len(practices)} practice labels, not {expected}: {practices}")
    frame = drawn["chart"]
    for text in drawn["texts"]:
        # A text's box is its whole line height; the glyphs leave a quarter of it blank.
        slack = 0.25 * (text["bottom"] - text["top"])
        clipped = (
            text["left"] < frame["left"] - 0.5
            or text["right"] > frame["right"] + 0.5
            or text["top"] < frame["top"] - slack
            or text["bottom"] > frame["bottom"] + slack
        )
        if clipped or _outside(text, width, height):
            problems.append(
                f"{name}: the text {text['text']!r} is cut off (x {text['left']:.0f}-"
                f"{text['right']:.0f}, chart x {frame['left']:.0f}-{frame['right']:.0f}, "
                f"y {text['top']:.0f}-{text['bottom']:.0f}, screen {width}x{height})"
            )
    return problems


@pytest.mark.parametrize(("width", "height"), PROJECTORS, ids=[f"{w}x{h}" for w, h in PROJECTORS])
def test_projected_dashboard_fits_one_screen(
    browser: Browser, dashboard_url: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(dashboard_url)  # opened as the projector shows it: from the top
        wait_for_app(page)
        expect(page.locator(DRAWN_CHART)).to_have_count(DASHBOARD_CHARTS)
        spotlight_text = page.get_by_text(re.compile(r"Most disagreement: "))
        expect(spotlight_text).to_be_visible()
        page.wait_for_timeout(500)  # the charts settle into their final width
        save_named_screenshot(page, f"dashboard-{width}x{height}", whole_page=False)
        _assert_fits(page, width, height)
        _assert_tables_list_every_practice(page)
    finally:
        context.close()


def _assert_fits(page: Page, width: int, height: int) -> None:
    scrolled = page.evaluate(
        """() => window.scrollY + (document.querySelector('[data-testid="stMain"]')
            ?.scrollTop ?? 0)"""
    )
    assert scrolled == 0, f"the dashboard opened scrolled by {scrolled} px"

    metric = page.get_by_test_id("stMetric").filter(has_text="Responses")
    expect(metric).to_have_count(1)
    # The spotlight is the innermost bordered block around its title.
    spotlight = page.get_by_test_id("stVerticalBlock").filter(has_text="Most disagreement").last
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(DASHBOARD_CHARTS)  # the situation's, below, may scroll

    problems = [
        *_check_on_screen("the Responses metric", metric, width, height),
        *_check_on_screen(
            "the Responses label", metric.get_by_test_id("stMetricLabel"), width, height
        ),
        *_check_on_screen(
            "the response count", metric.get_by_test_id("stMetricValue"), width, height
        ),
        *_check_on_screen("the spotlight", spotlight, width, height),
    ]
    expected = {"the room chart": PRACTICES, "the spread chart": _spread_practices()}
    for number, name in enumerate(("the room chart", "the spread chart")):
        chart = charts.nth(number)
        problems += _check_on_screen(name, chart, width, height)
        problems += _check_chart(name, chart, width, height, expected[name])

    font_px = metric.get_by_test_id("stMetricValue").evaluate(_SMALLEST_FONT_PX)
    if font_px < MIN_COUNT_FONT_PX:
        problems.append(f"the response count is {font_px} px, below {MIN_COUNT_FONT_PX} px")
    assert not problems, (
        f"the projected dashboard at {width}x{height} is not legible on one screen "
        f"(screenshots/dashboard-{width}x{height}.png):\n  " + "\n  ".join(problems)
    )


def _assert_tables_list_every_practice(page: Page) -> None:
    """The charts' text alternative: one table per chart, a row per practice it draws."""
    expander = page.get_by_test_id("stExpander").filter(has_text="The charts as text and tables")
    expander.locator("summary").click()
    tables = expander.get_by_test_id("stDataFrame")
    expect(tables).to_have_count(2)
    for number, rows in enumerate((PRACTICES, _spread_practices())):
        # Glide data grid keeps an accessible <table> copy of its rows in the page.
        expect(tables.nth(number).locator("table tbody tr")).to_have_count(rows)


def test_qr_code_scans_to_the_join_link(page: Page, dashboard_url: str) -> None:
    page.goto(dashboard_url)
    wait_for_app(page)
    join = page.get_by_test_id("stExpander").filter(has_text="How to join")
    join.locator("summary").click()
    code_block = join.get_by_test_id("stCode").filter(has_text="?join=")
    expect(code_block).to_have_count(1)
    link = code_block.inner_text().strip()
    assert "?join=" in link, link
    image = join.get_by_test_id("stImage")
    picture = image.locator("img")
    expect(picture).to_be_visible()
    picture.evaluate("(img) => img.decode()")  # fully loaded before the shot
    # The page may still grow below (the controls' expander settling): scroll until the
    # code stays put.
    box = None
    for _ in range(5):
        picture.evaluate("(img) => img.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(300)
        box = picture.bounding_box()
        if box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900:
            break
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (
        f"the QR code is not wholly on screen for the shot: {box}"
    )
    # Decode the screen as a phone camera sees it: a screenshot, not the PNG the app serves.
    shot = save_named_screenshot(page, "dashboard-qr-1280x900", whole_page=False)
    with Image.open(shot) as screen:
        decoded = [result.text for result in zxingcpp.read_barcodes(screen)]
    assert decoded == [link], f"the QR code on screen decodes to {decoded}, not [{link!r}]"


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_client_situations_follow_a_facilitators_changes_of_mind(
    browser: Browser, dashboard_url: str, width: int, height: int
) -> None:
    """The spotlight, then the situation chosen: picked and re-picked a few hundred ms
    apart while the dashboard keeps refreshing, and the one last chosen is drawn."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(dashboard_url)
        wait_for_app(page)
        expect(page.get_by_text(re.compile(r"Scenario spotlight: "))).to_be_visible()
        practices = [p for p in FRAMEWORK.practices if p.scenarios]
        for practice in (practices[2], practices[4], practices[2]):  # a change of mind
            # A list opened as the previous choice's run lands can close again at once: 1
            # of 3 runs of this test failed on it (3 of 4 on the commit before this
            # session). choose_in_picker opens it again, as a person would.
            name = re.compile(f"^{re.escape(practice.short_name)}: ")
            choose_in_picker(page, name, label="Situation to show")
            page.wait_for_timeout(350)
        wait_for_app(page)
        chosen = practices[2].scenarios[0]
        chosen_name = re.compile(f"^{re.escape(practices[2].short_name)}: ")
        expect(page.get_by_role("combobox", name="Situation to show")).to_have_value(chosen_name)
        # The last on the page: the spotlight above may tell the same situation.
        expect(page.get_by_text(chosen.situation[:60]).last).to_be_visible()
        expect(page.locator(DRAWN_CHART)).to_have_count(DASHBOARD_CHARTS)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        assert "Traceback" not in page.inner_text("body")
        page.get_by_test_id("stVegaLiteChart").last.scroll_into_view_if_needed()
        save_named_screenshot(page, f"dashboard-situation-{width}x{height}", whole_page=False)
    finally:
        context.close()
