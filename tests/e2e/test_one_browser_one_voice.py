"""One browser is one participant: a reload, a rejoin or a second tab replaces its answers.

Before, each was a new Streamlit session with a new participant key: reload, rejoin,
submit counted 2, a second tab 3, so one person could reach the minimum group size alone.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.helpers import (
    Browser,
    Page,
    expect,
    facilitator_link_on_screen,
    open_dashboard,
    wait_for_app,
)

pytestmark = pytest.mark.e2e
SIMULATED = 14  # a demo workshop's room


def responses(page: Page) -> str:
    metric = page.get_by_test_id("stMetric").filter(has_text="Responses")
    return metric.get_by_test_id("stMetricValue").inner_text()


def join_and_submit(page: Page, link: str, answer: str) -> None:
    page.goto(link)
    wait_for_app(page)
    page.get_by_role("button", name=re.compile("Join and start")).click()
    wait_for_app(page)
    group = page.get_by_role("radiogroup").filter(has_text="Not applicable").first
    group.get_by_text(answer, exact=True).click()
    wait_for_app(page)
    page.get_by_role("button", name=re.compile("Submit")).first.click()
    wait_for_app(page)
    expect(
        page.get_by_text(re.compile("Your answers are in|earlier answers were replaced"))
    ).to_be_visible()


def test_a_reload_and_a_second_tab_are_the_same_participant(
    app_server: str, browser: Browser
) -> None:
    facilitator = browser.new_context(viewport={"width": 1280, "height": 900})
    person = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        desk = facilitator.new_page()
        desk.goto(f"{app_server}/workshop")
        wait_for_app(desk)
        desk.get_by_role("button", name="Create a demo workshop").click()
        wait_for_app(desk)
        key_link = facilitator_link_on_screen(desk)
        desk.get_by_role("button", name=re.compile("I saved the link")).click()
        wait_for_app(desk)
        link = desk.get_by_test_id("stCode").filter(has_text="?join=").inner_text().strip()

        phone = person.new_page()
        join_and_submit(phone, link, "Often")
        phone.reload()  # a new Streamlit session, the same browser
        join_and_submit(phone, link, "Rarely")
        second_tab = person.new_page()
        join_and_submit(second_tab, link, "Always")
        expect(second_tab.get_by_text("Your earlier answers were replaced.")).to_be_visible()

        open_dashboard(desk, key_link)
        expect(desk.get_by_test_id("stMetric").filter(has_text="Responses")).to_be_visible()
        assert responses(desk) == str(SIMULATED + 1)
        # A second person on the same phone says so, and is counted on their own.
        second_tab.goto(link)
        wait_for_app(second_tab)
        second_tab.get_by_role("button", name="Join as someone else on this device").click()
        wait_for_app(second_tab)
        group = second_tab.get_by_role("radiogroup").filter(has_text="Not applicable").first
        group.get_by_text("Never", exact=True).click()
        wait_for_app(second_tab)
        second_tab.get_by_role("button", name=re.compile("Submit")).first.click()
        wait_for_app(second_tab)
        expect(second_tab.get_by_text("Your answers are in.")).to_be_visible()
        expect(desk.get_by_test_id("stMetric").filter(has_text="Responses")).to_contain_text(
            str(SIMULATED + 2), timeout=15_000
        )
        # Another browser is another participant.
        other = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            join_and_submit(other.new_page(), link, "Sometimes")
        finally:
            other.close()
        expect(desk.get_by_test_id("stMetric").filter(has_text="Responses")).to_contain_text(
            str(SIMULATED + 3), timeout=15_000
        )
    finally:
        person.close()
        facilitator.close()
