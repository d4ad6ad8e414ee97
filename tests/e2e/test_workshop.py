"""A live workshop in real browsers: a facilitator's dashboard and three participants, one on a
phone, each in a separate browser context (a separate Streamlit session)."""

from __future__ import annotations

import re
from contextlib import ExitStack

import pytest

from tests.e2e.conftest import save_screenshot
from tests.e2e.helpers import Browser, Page, expect, open_controls, open_dashboard, wait_for_app
from tests.e2e.workshop_steps import (
    FIRST,
    LIVE_TIMEOUT_MS,
    MIN_GROUP,
    PARTICIPANTS,
    TITLE,
    create_workshop,
    metric_value,
    open_page,
    take_part,
)

pytestmark = pytest.mark.e2e


def test_workshop_facilitator_and_three_participants(
    app_server: str, page: Page, browser: Browser
) -> None:
    facilitator = page  # the page fixture: 1280x900, with a final screenshot on failure
    link, key_link = create_workshop(facilitator, app_server)
    open_dashboard(facilitator, key_link)
    expect(facilitator.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(
        facilitator.get_by_role("heading", name=f"Waiting for {MIN_GROUP} more responses")
    ).to_be_visible()
    expect(metric_value(facilitator, "Responses")).to_have_text("0")

    with ExitStack() as stack:
        for participant in PARTICIPANTS:
            take_part(open_page(browser, stack, phone=participant.phone), link, participant)

    # No reload: the dashboard's fragment redraws the room every 2 s on its own.
    expect(metric_value(facilitator, "Responses")).to_have_text(
        str(len(PARTICIPANTS)), timeout=LIVE_TIMEOUT_MS
    )
    expect(facilitator.get_by_text("reveal the results when you are")).to_be_visible(
        timeout=LIVE_TIMEOUT_MS
    )
    expect(facilitator.get_by_test_id("stVegaLiteChart")).to_have_count(0)

    open_controls(facilitator).get_by_role("button", name="Reveal all").click()
    wait_for_app(facilitator)
    # Vega draws asynchronously after the run ends. Three people: the averages only, since
    # level counts below 2k would let each read the others' levels off the bars.
    expect(
        facilitator.locator('[data-testid="stVegaLiteChart"] :is(canvas, svg.marks)')
    ).to_have_count(1, timeout=LIVE_TIMEOUT_MS)
    expect(facilitator.get_by_text(re.compile("Level counts appear only once"))).to_be_visible()
    expect(facilitator.get_by_text("Results from 3 responses.")).to_be_visible()
    expect(
        facilitator.get_by_role("heading", name=re.compile(f"Most disagreement: {FIRST.name}"))
    ).to_be_visible()
    save_screenshot(facilitator, "workshop-dashboard")
