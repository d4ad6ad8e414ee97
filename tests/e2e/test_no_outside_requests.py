"""No request leaves the app's origin: not for icons, fonts, the tab's icon or anything.

Every page once fetched its icon from Google's font servers (a page's st.Page icon became
the tab's icon): each visitor's address went to a third party, and icons broke on a
room's offline network.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from rapport.ui.facilitator import COOKIE
from tests.e2e.helpers import (
    Page,
    create_revealed_demo_workshop,
    expect,
    facilitator_link_on_screen,
    wait_for_app,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

pytestmark = pytest.mark.e2e

PATHS = (
    "/", "/assess", "/results?demo=1", "/report", "/practices", "/join", "/workshop",
    "/feedback", "/rate",
)  # fmt: skip


def test_every_page_asks_only_its_own_server(app_server: str, page: Page) -> None:
    own = urlsplit(app_server).netloc
    outside: list[str] = []

    def watch(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != own:
            outside.append(url)

    page.on("request", lambda request: watch(request.url))
    page.on("websocket", lambda socket: watch(socket.url))
    for path in PATHS:
        page.goto(f"{app_server}{path}")
        wait_for_app(page)
        page.wait_for_timeout(500)  # the tab's icon and late images load after the run
        assert_own_tab_icon(page, app_server, path)
    page.goto(app_server)
    wait_for_app(page)
    page.get_by_role("button", name="Start the assessment").click()  # a switch_page
    wait_for_app(page)
    assert_own_tab_icon(page, app_server, "Start the assessment")
    create_revealed_demo_workshop(page, app_server)
    page.wait_for_timeout(500)
    assert outside == [], f"requests left the app's origin: {sorted(set(outside))}"


def assert_own_tab_icon(page: Page, app_server: str, where: str) -> None:
    """The tab shows Rapport's icon, served by the app, not Streamlit's default one: also
    after a page that stops early (st.stop drops every later call of the run, the icon's
    too) and after a switch_page."""
    icons = page.evaluate("[...document.querySelectorAll('link[rel*=icon]')].map(l => l.href)")
    assert icons, f"{where}: the tab has no icon"
    for icon in icons:
        assert icon.startswith(f"{app_server}/media/") and icon.endswith(".png"), (
            f"{where}: the tab's icon is {icon}, not the app's own"
        )


def addresses_carrying(page: Page, key: str) -> list[str]:
    """A list that fills, from now on, with every address of `page`'s requests and
    WebSockets whose address or Referer holds `key`."""
    carried: list[str] = []

    def watch(url: str, referer: str | None) -> None:
        if key in url or (referer is not None and key in referer):
            carried.append(url)

    page.on("request", lambda r: watch(r.url, r.headers.get("referer")))
    page.on("websocket", lambda socket: watch(socket.url, None))
    return carried


def assert_cookie_removed(context: BrowserContext, page: Page) -> None:
    """The one-minute cookie that carried the key is removed by a script of the dashboard's
    next run, which a loaded machine can take a few seconds to reach (a fixed 500 ms wait
    failed once in clean-clone CI); it must be gone well before its minute is up."""
    for _ in range(40):
        if COOKIE not in {cookie["name"] for cookie in context.cookies()}:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"the {COOKIE} cookie was still there after 10 s")


def test_the_facilitator_key_rides_in_no_request(
    app_server: str, page: Page, browser: Browser
) -> None:
    """`/dashboard?key=...` once sent the key as the Referer of ~70 file requests, which a
    proxy's log keeps. The key now travels after `#`: no request's address or Referer holds
    it, the dashboard opens, and the one-minute cookie that carried it is gone."""
    link = create_revealed_demo_workshop(page, app_server)
    key = link.split("#key=", 1)[1]
    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        facilitator = fresh.new_page()
        carried = addresses_carrying(facilitator, key)
        facilitator.goto(link)
        wait_for_app(facilitator)
        expect(facilitator.get_by_text("Facilitator controls")).to_be_visible()
        expect(facilitator).to_have_url(re.compile(r"/dashboard\?lang=en$"))
        facilitator.wait_for_timeout(500)  # late images (the QR code)
        assert carried == [], f"requests carried the facilitator key: {carried}"
        assert_cookie_removed(fresh, facilitator)

        # The tab keeps the key (sessionStorage, never sent): a reload, which is a new
        # session as after a lost server, opens the same dashboard, by the same route.
        facilitator.reload()
        wait_for_app(facilitator)
        expect(facilitator.get_by_text("Facilitator controls")).to_be_visible(timeout=20_000)
        expect(facilitator).to_have_url(re.compile(r"/dashboard\?lang=en$"))
        facilitator.wait_for_timeout(500)
        assert carried == [], f"requests carried the facilitator key: {carried}"
        assert_cookie_removed(fresh, facilitator)
        # Another tab of the same browser is not given it.
        other_tab = fresh.new_page()
        other_tab.goto(f"{app_server}/dashboard")
        wait_for_app(other_tab)
        assert other_tab.evaluate("sessionStorage.getItem('rapport.key')") is None
        opens_with = other_tab.get_by_text("This dashboard opens with the facilitator link")
        expect(opens_with).to_be_visible()
        kept = facilitator.evaluate("JSON.parse(sessionStorage.getItem('rapport.key'))")
        assert kept["token"] == key  # and in the tab that shows the dashboard, only there
    finally:
        fresh.close()


def test_a_dashboard_opened_by_its_button_survives_a_reload(app_server: str, page: Page) -> None:
    """Right after creating a workshop, "Open the dashboard" opens it without the link: the
    tab keeps that key as well, so a reload (a new session, as after a lost server) comes
    back to the same dashboard, and no request carries the key."""
    page.goto(f"{app_server}/workshop")
    wait_for_app(page)
    page.get_by_role("button", name="Create a demo workshop").click()
    wait_for_app(page)
    key = facilitator_link_on_screen(page).split("#key=", 1)[1]
    carried = addresses_carrying(page, key)
    page.get_by_role("button", name="Open the dashboard").click()
    wait_for_app(page)
    expect(page.get_by_text("Facilitator controls")).to_be_visible()
    page.reload()
    wait_for_app(page)
    expect(page.get_by_text("Facilitator controls")).to_be_visible(timeout=20_000)
    expect(page).to_have_url(re.compile(r"/dashboard(\?lang=en)?$"))
    assert carried == [], f"requests carried the facilitator key: {carried}"
