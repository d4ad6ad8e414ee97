"""Assess by fragments: a rating reruns its statements and the progress bar, not the page.

What a person would notice if this went wrong: focus jumping away while the statements
rerun, a progress bar that lags behind the answers, a Save-or-start-over with nothing to
clear after answering. The workshop card's side of it (a change after submitting is
"not sent yet") is in test_no_stumbles.py; ratings clicked during a rerun, in
test_human_pace.py.
"""

from __future__ import annotations

import re

import pytest

from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.helpers import Browser, Page, expect, wait_for_app
from tests.run_watch import FRAGMENT_RUN, WATCH_RUNS, WHOLE_RUN, runs_of

pytestmark = pytest.mark.e2e

FRAMEWORK = load_framework(FRAMEWORK_FILE)
FIRST = FRAMEWORK.practices[0]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

FOCUSED_GROUP = """() => {
    const group = document.activeElement?.closest('[role="radiogroup"]');
    return group ? group.getAttribute('aria-label') : null;
}"""


def progress(page: Page, answered: int, here: int) -> None:
    total = FRAMEWORK.indicator_count
    expect(
        page.get_by_text(f"{answered} of {total} statements answered", exact=True)
    ).to_be_visible()
    expect(
        page.get_by_text(f"{here} of {len(FIRST.indicators)} statements answered here.")
    ).to_be_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_rating_reruns_the_statements_and_keeps_the_keyboard_in_place(
    app_server: str, browser: Browser, viewport: str
) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    context.add_init_script(WATCH_RUNS)
    try:
        page = context.new_page()
        page.goto(f"{app_server}/assess")
        wait_for_app(page)
        groups = page.get_by_role("radiogroup").filter(has_text="Not applicable")
        expect(groups).to_have_count(len(FIRST.indicators))

        # The first answer gives the page something to clear: that one reruns it whole.
        often = groups.nth(0).get_by_text("Often", exact=True)
        assert runs_of(page, often.click)[-1] == WHOLE_RUN
        wait_for_app(page)
        page.get_by_role("button", name="Save or start over").click()
        expect(page.get_by_text("Yes, clear all my answers")).to_be_visible()
        page.keyboard.press("Escape")

        # Any later rating reruns only the statements' fragment, and the bar keeps up.
        always = groups.nth(1).get_by_text("Always", exact=True)
        assert runs_of(page, always.click) == [FRAGMENT_RUN]
        wait_for_app(page)
        progress(page, 2, 2)

        # Space, then Tab at once, while the statements rerun: focus goes on to the next
        # statement, as on a page that reran whole; the rating counts.
        groups.nth(2).get_by_role("radio").first.focus()
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        wait_for_app(page)
        focused = page.evaluate(FOCUSED_GROUP)
        assert focused and focused.startswith(f"4. {FIRST.indicators[3].text}"), focused
        expect(groups.nth(2).get_by_role("radio").first).to_be_checked()
        page.keyboard.press("ArrowRight")  # the next statement answers by keyboard too
        wait_for_app(page)
        expect(groups.nth(3).get_by_role("radio").nth(1)).to_be_checked()
        progress(page, 4, 4)

        # Another practice is another page: a whole run, and its heading takes the focus.
        forward = page.get_by_role("button", name=re.compile("^Next"))
        assert runs_of(page, forward.click)[-1] == WHOLE_RUN
        wait_for_app(page)
        heading = f"2. {FRAMEWORK.practices[1].name}"
        expect(page.get_by_role("heading", name=heading)).to_be_focused()
        expect(page.get_by_test_id("stException")).to_have_count(0)
    finally:
        context.close()
