"""No request leaves the app's origin: not for icons, fonts, the tab's icon or anything.

Every page once fetched its icon from Google's font servers (a page's st.Page icon became
the tab's icon): each visitor's address went to a third party, and icons broke on a
room's offline network.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.e2e.helpers import Page, create_revealed_demo_workshop, wait_for_app

pytestmark = pytest.mark.e2e

PATHS = ("/", "/assess", "/results?demo=1", "/report", "/practices", "/join", "/workshop")


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
    create_revealed_demo_workshop(page, app_server)
    page.wait_for_timeout(500)
    assert outside == [], f"requests left the app's origin: {sorted(set(outside))}"
