"""Feedback from others in a real browser: the owner asks, three raters answer by link at a
person's pace (one on a phone), the owner sees nothing at two and the comparison at three,
and downloads a report with the section."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from docx import Document

from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.helpers import (
    DRAWN_CHART,
    Browser,
    Page,
    download_report,
    expect,
    save_named_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.e2e

FRAMEWORK = load_framework(FRAMEWORK_FILE)
WORDS = [level.label for level in FRAMEWORK.scale.levels]
UNSEEN = "I haven't seen this"
CRASH_TEXT = re.compile(r"encountered an error|Traceback \(most recent call last\)")
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def expect_no_crash(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text(CRASH_TEXT)).to_have_count(0)


def answer_as_rater(page: Page, link: str, rng: random.Random) -> None:
    """Open the link, answer the practice question, then every statement 150-400 ms apart
    (a few changed on second thought), and send."""
    page.goto(link)
    wait_for_app(page)
    expect(page.get_by_text("Your answers are anonymous.")).to_be_visible()
    practice = page.get_by_role("radiogroup").first
    practice.get_by_text("Often", exact=True).click()
    wait_for_app(page)
    groups = page.get_by_role("radiogroup").filter(has_text=UNSEEN)
    expect(groups).to_have_count(FRAMEWORK.indicator_count + 1)  # with the practice question
    for number in range(1, FRAMEWORK.indicator_count + 1):
        group = groups.nth(number)
        group.scroll_into_view_if_needed()
        choice = rng.choice([*WORDS, UNSEEN] if rng.random() < 0.1 else WORDS)
        group.get_by_text(choice, exact=True).click()
        if rng.random() < 0.15:
            page.wait_for_timeout(rng.randint(100, 200))
            group.get_by_text(rng.choice(WORDS), exact=True).click()
        page.wait_for_timeout(rng.randint(150, 400))
    page.get_by_role("button", name="Send my answers").click()
    wait_for_app(page)
    expect(page.get_by_text("Thank you: your answers are in")).to_be_visible()
    expect_no_crash(page)


def test_three_raters_by_link_and_the_owner_sees_them_only_then(
    app_server: str, page: Page, browser: Browser, tmp_path: Path
) -> None:
    rng = random.Random(15)
    page.goto(f"{app_server}/feedback")
    wait_for_app(page)
    page.get_by_label("Your first name or a nickname, as raters will see it").fill("Alex")
    page.get_by_role("button", name="Create the links").click()
    wait_for_app(page)
    expect_no_crash(page)
    owner_link = page.get_by_test_id("stCode").filter(has_text="#owner=").inner_text().strip()
    assert owner_link.startswith(f"{app_server}/feedback#owner=")
    page.get_by_role("button", name="I saved my private link: show the links to send").click()
    wait_for_app(page)
    rater_link = page.get_by_test_id("stCode").filter(has_text="/rate#r=").inner_text().strip()
    save_named_screenshot(page, "feedback-links")
    page.get_by_role("button", name="I sent the links: show my results").click()
    wait_for_app(page)
    expect(page.get_by_text("Nothing to show yet")).to_be_visible()

    for device in ({"viewport": {"width": 1280, "height": 900}}, PHONE):
        context = browser.new_context(**device)
        try:
            rater = context.new_page()
            rater.set_default_timeout(20_000)
            answer_as_rater(rater, rater_link, rng)
            if device is PHONE:
                save_named_screenshot(rater, "feedback-rater-phone")
        finally:
            context.close()

    # The owner's link on another device: two raters, so nothing of theirs anywhere.
    owner = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        mine = owner.new_page()
        mine.set_default_timeout(20_000)
        mine.goto(owner_link)
        wait_for_app(mine)
        expect(mine).to_have_url(re.compile(r"/feedback$"))
        expect(mine.get_by_text("Clients: 2 answers, 1 more needed", exact=False)).to_be_visible()
        expect(mine.locator(DRAWN_CHART)).to_have_count(0)

        third = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            answer_as_rater(third.new_page(), rater_link, rng)
        finally:
            third.close()

        mine.goto(owner_link)
        wait_for_app(mine)
        expect(mine.locator(DRAWN_CHART)).to_have_count(1)
        expect(mine.get_by_text("Nothing to show yet")).to_have_count(0)
        expect_no_crash(mine)
        save_named_screenshot(mine, "feedback-results")

        # Rated myself too (the sample profile), then the report; the sidebar keeps the session.
        sidebar = mine.get_by_test_id("stSidebar")
        sidebar.get_by_role("link", name="Home").click()
        wait_for_app(mine)
        mine.get_by_role("button", name="Try it with a sample profile").click()
        wait_for_app(mine)
        sidebar.get_by_role("link", name="Ask for feedback").click()
        wait_for_app(mine)
        expect(mine.get_by_text("Blind spots", exact=True)).to_be_visible()
        expect_no_crash(mine)
        save_named_screenshot(mine, "feedback-compared")
        sidebar.get_by_role("link", name="Report").click()
        wait_for_app(mine)
        expect(mine.get_by_text("How others see me.", exact=False)).to_be_visible()
        saved = download_report(mine, tmp_path)
    finally:
        owner.close()
    headings = [p.text for p in Document(str(saved)).paragraphs if p.style.name == "Heading 1"]
    assert "How others see me" in headings
