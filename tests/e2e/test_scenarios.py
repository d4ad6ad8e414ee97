"""A client situation in a real browser, at a person's pace, on a desktop and a phone: a
student who rates a practice Always but picks its weakest response sees the say-do flag on
Results and in the Word report."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from docx import Document

from rapport.core.scenarios import EFFECTIVENESS
from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.helpers import (
    Browser,
    close_sidebar,
    download_report,
    expect,
    open_sidebar,
    save_named_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.e2e

FRAMEWORK = load_framework(FRAMEWORK_FILE)
PRACTICE = FRAMEWORK.practices[0]
SCENARIO = PRACTICE.scenarios[0]
CRASH_TEXT = re.compile(r"encountered an error|Traceback \(most recent call last\)")
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


@pytest.mark.parametrize("device", list(DEVICES))
def test_always_but_the_weakest_response_is_flagged_on_results_and_in_the_report(
    app_server: str, browser: Browser, device: str, tmp_path: Path
) -> None:
    rng = random.Random(16)
    context = browser.new_context(**DEVICES[device], accept_downloads=True)
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{app_server}/assess")
        wait_for_app(page)
        statements = page.get_by_role("radiogroup").filter(has_text="Always")
        for number in range(len(PRACTICE.indicators)):
            statements.nth(number).get_by_text("Always", exact=True).click()
            page.wait_for_timeout(rng.randint(200, 500))
        expect(page.get_by_text(SCENARIO.situation[:40], exact=False)).to_be_visible()
        responses = page.get_by_role("radiogroup").filter(has_text="Very effective")
        expect(responses).to_have_count(len(SCENARIO.options))
        for number, option in enumerate(SCENARIO.options):
            group = responses.nth(number)
            group.scroll_into_view_if_needed()
            if rng.random() < 0.5:  # a change of mind, 100-200 ms later
                group.get_by_text(EFFECTIVENESS[3], exact=True).click()
                page.wait_for_timeout(rng.randint(100, 200))
            choice = EFFECTIVENESS[5] if option.id == SCENARIO.weakest.id else EFFECTIVENESS[2]
            group.get_by_text(choice, exact=True).click()
            page.wait_for_timeout(rng.randint(250, 600))
        wait_for_app(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)

        open_sidebar(page)
        page.get_by_test_id("stSidebar").get_by_role("link", name="Results").click()
        wait_for_app(page)
        if device == "phone":  # the menu closes itself after a choice, as Streamlit's does
            expect(page.get_by_test_id("stSidebar")).not_to_be_visible()
        expect(page.get_by_text("You say you do this; your choices disagree")).to_be_visible()
        expect(page.get_by_text(CRASH_TEXT)).to_have_count(0)
        save_named_screenshot(page, f"choices-{device}")

        open_sidebar(page)
        page.get_by_test_id("stSidebar").get_by_role("link", name="Report").click()
        wait_for_app(page)
        if device == "phone":
            close_sidebar(page)
        expect(page.get_by_text("What my choices show.", exact=False)).to_be_visible()
        saved = download_report(page, tmp_path)
    finally:
        context.close()
    document = Document(str(saved))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "What my choices show" in headings
    assert any(
        p.text.startswith("Where I say more than my choices show") for p in document.paragraphs
    )
