"""A workshop title is shown as typed, everywhere: no link, icon, emoji or formula made of it.

Streamlit reads markdown in text, headings, labels and alerts, and draws ":material/...:"
as an icon even with its colons escaped. A title such as the one below once rendered a
link and an icon on the dashboard heading.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.helpers import Page, expect, facilitator_link_on_screen, open_dashboard, wait_for_app

pytestmark = pytest.mark.e2e

HOSTILE = "[x](javascript:alert(1)) :material/key: :smile: $x^2$ **bold** <b>b</b>"
# Markup Streamlit would make of it: a link, an icon, an emoji, a formula, bold.
MADE_UP = "a, [role=img], .katex, strong, b"


def expect_literal(page: Page) -> None:
    main = page.get_by_test_id("stMain")
    # Colons carry an invisible word joiner (ui.components.escape_markdown).
    shown = re.compile(re.escape(HOSTILE).replace(":", ":\u2060?"))
    expect(main.get_by_text(shown).first).to_be_visible()
    made = main.locator(f":is({MADE_UP})").filter(has_text=re.compile(r"^(x|key|b|bold)$"))
    expect(made).to_have_count(0)
    assert "😄" not in main.inner_text()


def test_a_hostile_title_stays_plain_text(app_server: str, page: Page) -> None:
    page.goto(f"{app_server}/workshop")
    wait_for_app(page)
    title = page.get_by_label("Title", exact=True)
    title.fill(HOSTILE)
    title.press("Tab")
    page.get_by_role("button", name="Create the workshop").click()
    wait_for_app(page)
    expect_literal(page)  # "Workshop created: ..."
    link = facilitator_link_on_screen(page)
    page.get_by_role("button", name=re.compile("I saved the link")).click()
    wait_for_app(page)
    expect_literal(page)  # "Step 2 of 2 ... Workshop: ..."
    join = page.get_by_test_id("stCode").filter(has_text="?join=").inner_text().strip()

    open_dashboard(page, link)
    expect_literal(page)  # the projected heading
    heading = page.get_by_role("heading", level=2).filter(has_text="javascript")
    # Streamlit's own anchor link is there; a link made of the title is not.
    expect(heading.locator("a", has_text="x")).to_have_count(0)
    expect(heading.locator("a[href^='javascript'], a[href='#']")).to_have_count(0)

    page.goto(join)
    wait_for_app(page)
    expect_literal(page)  # the join page
