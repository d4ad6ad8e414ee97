"""Assess at a person's pace: clicks a few hundred milliseconds apart, never waiting for
Streamlit's rerun to finish, with changes of mind, on a desktop and on a phone.

Tests that wait for every rerun to settle hid a crash: a click that lands while a rerun is
in flight sends back widget values from before it (a picker label that has since changed),
and the page replaced itself with Streamlit's error box. Here nothing waits but the person.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from rapport.files.framework_file import load_framework
from tests.conftest import FRAMEWORK_FILE
from tests.e2e.helpers import Page, choose_in_picker, expect, expect_no_crash, wait_for_app

pytestmark = pytest.mark.e2e

FRAMEWORK = load_framework(FRAMEWORK_FILE)
WORDS = [level.label for level in FRAMEWORK.scale.levels] + [FRAMEWORK.scale.not_applicable.label]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# A phone's processor is slower than a test machine's: Lighthouse's mobile profile slows the
# CPU four times. A slower page keeps more clicks landing while a rerun is still in flight,
# which is where stale widget values come from.
CPU_SLOWDOWN = {"desktop": 1, "phone": 4}


def pause(page: Page, rng: random.Random, low: int, high: int) -> None:
    page.wait_for_timeout(rng.randint(low, high))


def rate(page: Page, rng: random.Random, practice: int, chosen: dict[str, str]) -> None:
    """Rate every statement of the practice on screen, 250-650 ms apart; a third of the
    ratings are changed 100-200 ms later. `chosen` keeps each statement's final answer."""
    indicators = FRAMEWORK.practices[practice].indicators
    groups = page.get_by_role("radiogroup").filter(has_text=WORDS[-1])
    expect(groups).to_have_count(len(indicators))
    for number, indicator in enumerate(indicators):
        group = groups.nth(number)
        answer = rng.choice(WORDS)
        group.get_by_text(answer, exact=True).click()
        if rng.random() < 1 / 3:
            pause(page, rng, 100, 200)
            answer = rng.choice([w for w in WORDS if w != answer])
            group.get_by_text(answer, exact=True).click()
        chosen[indicator.id] = answer
        pause(page, rng, 250, 650)


def pick_practice(page: Page, practice: int) -> None:
    """Move with the practice picker, as a person jumping ahead or back does."""
    choose_in_picker(page, f"{practice + 1}. {FRAMEWORK.practices[practice].short_name}")


def expect_practice(page: Page, practice: int) -> None:
    name = f"{practice + 1}. {FRAMEWORK.practices[practice].name}"
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()


def go_through_every_practice(page: Page, rng: random.Random, chosen: dict[str, str]) -> None:
    """All practices in order; every other move by Next, the rest by the picker."""
    count = len(FRAMEWORK.practices)
    for practice in range(count):
        expect_practice(page, practice)
        rate(page, rng, practice, chosen)
        expect_no_crash(page)
        if practice == count - 1:
            break
        if practice % 2 == 0:
            page.get_by_role("button", name=re.compile(r"^Next")).click()
        else:
            pick_practice(page, practice + 1)
        pause(page, rng, 250, 650)


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_assess_at_a_persons_pace_loses_nothing_and_never_crashes(
    app_server: str, page: Page, screenshot: Callable[[str], Path], device: str
) -> None:
    page.set_viewport_size(VIEWPORTS[device])
    if CPU_SLOWDOWN[device] > 1:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN[device]})
        # And a mobile network's round trip: replies to a click arrive later.
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 150, "downloadThroughput": -1, "uploadThroughput": -1},
        )
    rng = random.Random(f"human-pace-{device}")  # a fixed seed: a failure can be replayed
    page.goto(f"{app_server}/assess")
    wait_for_app(page)
    chosen: dict[str, str] = {}
    go_through_every_practice(page, rng, chosen)
    # Twice: the second time round every answer already has a value to change.
    pick_practice(page, 0)
    go_through_every_practice(page, rng, chosen)
    wait_for_app(page)
    expect_no_crash(page)

    # Every answer the person gave last is the one kept, practice by practice.
    for practice in range(len(FRAMEWORK.practices)):
        pick_practice(page, practice)
        wait_for_app(page)
        expect_practice(page, practice)
        groups = page.get_by_role("radiogroup").filter(has_text=WORDS[-1])
        for number, indicator in enumerate(FRAMEWORK.practices[practice].indicators):
            group = groups.nth(number)
            expect(
                group.get_by_role("radio", name=chosen[indicator.id], exact=True)
            ).to_be_checked()
    screenshot(f"human-pace-assess-{device}")

    page.get_by_role("button", name="See my results").click()
    wait_for_app(page)
    expect_no_crash(page)
    total = FRAMEWORK.indicator_count
    metric = page.get_by_test_id("stMetric").filter(has_text="Statements answered")
    expect(metric).to_contain_text(f"{total} of {total}")
