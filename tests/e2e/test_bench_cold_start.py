"""Bench case 6 (the cold start) still runs: six server starts, each timed by the page itself.

`make bench` is not part of `make test`; this runs the case once, in the browser tests' own
Chromium (Playwright's sync API allows one browser driver at a time per thread), and checks
that every start was timed, never how fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bench.browser_cases import cold_start_in
from bench.common import Plan

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e

ONCE = Plan(warmup=0, runs=1, slow_runs=1, cold_starts=1, sessions=1)


def test_the_cold_start_case_notes_every_start(browser: Browser) -> None:
    """The page notes its own finish (bench/server.py FIRST_DRAW_WATCH): a watcher that
    never fired would time the case out; one that fired early would beat the health check."""
    result = cold_start_in(browser, ONCE)
    assert result.median is not None and result.baseline_median is not None
    assert result.median > result.extra["to_health_median"] > 0
    assert result.baseline_median > result.extra["baseline_to_health_median"] > 0
    assert result.extra["same_elements_median"] > result.extra["same_elements_to_health_median"] > 0
    assert result.extra["same_elements_unmapped"] == []
