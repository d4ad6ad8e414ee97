"""The steps of a live workshop in a real browser, shared by the workshop tests: create one
on the Run a workshop page, and take part from its join link as a participant."""

from __future__ import annotations

import re
from contextlib import ExitStack
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.conftest import save_screenshot
from tests.e2e.helpers import (
    Browser,
    Locator,
    Page,
    expect,
    facilitator_link_on_screen,
    horizontal_overflow,
    wait_for_app,
)

FRAMEWORK = load_framework(FRAMEWORK_FILE)
FIRST = FRAMEWORK.practices[0]
TITLE = "E2E seminar, week 5"
MIN_GROUP = 3
NOT_APPLICABLE = "Not applicable"
FACILITATOR_LINK = "/dashboard#key="
TIMEOUT_MS = 20_000
# The dashboard redraws itself every 2 s; give a slow machine several ticks.
LIVE_TIMEOUT_MS = 30_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Participant:
    answers: tuple[str, ...]  # one per statement of the first practice, cycled
    phone: bool = False


# Varied answers, so the room has a spread and the spotlight has something to show.
PARTICIPANTS = (
    Participant(("Often", "Always", "Often", "Sometimes", "Often")),
    Participant(("Rarely", "Sometimes", "Rarely", "Never", NOT_APPLICABLE), phone=True),
    Participant(("Sometimes", "Often", "Always", "Rarely", "Sometimes")),
)


def open_page(browser: Browser, stack: ExitStack, *, phone: bool = False) -> Page:
    """A new context (a new person's Streamlit session), closed when the stack unwinds."""
    if phone:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    else:
        context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    stack.callback(context.close)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page


def metric_value(page: Page, label: str) -> Locator:
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def assert_no_facilitator_link(page: Page) -> None:
    assert FACILITATOR_LINK not in page.content(), "a participant page shows the facilitator link"


def assert_no_horizontal_scroll(page: Page) -> None:
    overflow = horizontal_overflow(page)
    assert overflow is None, overflow


def create_workshop(page: Page, base_url: str) -> tuple[str, str]:
    """Create a workshop on the Run a workshop page; return its join and facilitator links."""
    page.goto(f"{base_url}/workshop")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Run a workshop")).to_be_visible()
    # The app's own navigation (app.py's st.navigation), not Streamlit's pages/ folder listing.
    expect(
        page.get_by_test_id("stSidebar").get_by_role("link", name="Run a workshop"),
        "a deep link ran the page file without app.py (Streamlit's pages/ folder mode)",
    ).to_be_visible()
    title = page.get_by_label("Title", exact=True)
    title.fill(TITLE)
    title.press("Tab")
    # exact: the help icon's button is labelled "Help for Minimum group size ..." too.
    group = page.get_by_role(
        "spinbutton", name="Minimum group size before anything is shown", exact=True
    )
    group.fill(str(MIN_GROUP))
    group.press("Tab")  # a number input commits its value on blur
    page.get_by_role("button", name="Create the workshop").click()
    wait_for_app(page)
    expect(page.get_by_text(f"Workshop created: {TITLE}")).to_be_visible()
    # Step 1: the private facilitator link, alone: nothing here is made to be projected.
    key_link = facilitator_link_on_screen(page)
    assert key_link.startswith(f"{base_url}{FACILITATOR_LINK}"), key_link
    expect(page.get_by_text("Scan to join")).to_have_count(0)
    page.get_by_role("button", name=re.compile("I saved the link")).click()
    wait_for_app(page)

    # Step 2: the join screen, and no trace of the facilitator link.
    code_block = page.get_by_test_id("stCode").filter(has_text="?join=")
    expect(code_block).to_have_count(1)
    link = code_block.inner_text().strip()
    # RAPPORT_PUBLIC_URL points at this server, so the link (and its QR code) reach it.
    assert link.startswith(f"{base_url}/join?join="), link
    expect(page.get_by_text("Scan to join")).to_be_visible()
    assert FACILITATOR_LINK not in page.content(), "the join screen shows the facilitator link"
    save_screenshot(page, "workshop-join-screen")
    return link, key_link


def take_part(page: Page, link: str, participant: Participant) -> None:
    """Follow the join link, rate the first practice by clicking labels, submit."""
    code = parse_qs(urlsplit(link).query)["join"][0]
    page.goto(link)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/join\?join="))
    expect(page.get_by_label("Join code")).to_have_value(code)
    expect(page.get_by_text(TITLE, exact=True)).to_be_visible()
    assert_no_facilitator_link(page)
    if participant.phone:
        assert_no_horizontal_scroll(page)

    page.get_by_role("button", name=re.compile("Join and start")).click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/assess$"))
    expect(page.get_by_role("heading", name=f"1. {FIRST.name}")).to_be_visible()

    # Rating groups offer "Not applicable"; the importance group (Low/Medium/High) does not.
    groups = page.get_by_role("radiogroup").filter(has_text=NOT_APPLICABLE)
    expect(groups).to_have_count(len(FIRST.indicators))
    for number, indicator in enumerate(FIRST.indicators):
        group = groups.nth(number)
        expect(group).to_have_attribute("aria-label", re.compile(re.escape(indicator.text)))
        answer = participant.answers[number % len(participant.answers)]
        group.get_by_text(answer, exact=True).click()
        wait_for_app(page)
        expect(group.get_by_role("radio", name=answer)).to_be_checked()

    expect(page.get_by_text("You joined a workshop")).to_be_visible()
    expect(page.get_by_text(TITLE, exact=True)).to_be_visible()
    page.get_by_role("button", name=re.compile("Submit to the workshop")).click()
    wait_for_app(page)
    expect(page.get_by_text("Your answers are in.")).to_be_visible()
    assert_no_facilitator_link(page)
    if participant.phone:
        assert_no_horizontal_scroll(page)
        save_screenshot(page, "workshop-phone")
