"""Killing the server mid-workshop loses no workshop and no response."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.helpers import (
    Browser,
    Page,
    expect,
    facilitator_link_on_screen,
    open_dashboard,
    wait_for_app,
)
from tests.server_process import StreamlitServer

pytestmark = pytest.mark.e2e


def _responses(page: Page) -> str:
    metric = page.get_by_test_id("stMetric").filter(has_text="Responses")
    return metric.get_by_test_id("stMetricValue").inner_text()


def test_kill_and_restart_mid_workshop(browser: Browser, tmp_path: Path) -> None:
    server = StreamlitServer(tmp_path).start()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{server.base_url}/workshop")
        wait_for_app(page)
        page.get_by_role("button", name=re.compile("Create a demo workshop")).click()
        wait_for_app(page)
        facilitator_link = facilitator_link_on_screen(page)
        open_dashboard(page, facilitator_link)
        expect(page.get_by_test_id("stMetric").filter(has_text="Responses")).to_be_visible()
        before = _responses(page)
        assert int(before) >= 5

        server.kill()  # no clean shutdown
        server.start()  # same port, same database file

        fresh = context.new_page()
        fresh.set_default_timeout(20_000)
        open_dashboard(fresh, facilitator_link)  # the facilitator's saved link, after restart
        expect(fresh.get_by_test_id("stMetric").filter(has_text="Responses")).to_be_visible()
        assert _responses(fresh) == before
        expect(fresh.get_by_role("heading", name=re.compile("Demo workshop"))).to_be_visible()
    finally:
        context.close()
        server.stop()
