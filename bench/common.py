"""Shared by every case: paths, the sample profile, interleaved timing, skip-or-fail rules."""

from __future__ import annotations

import functools
import gc
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rapport.core.assessment import Assessment, fit_to
from rapport.core.framework import Framework
from rapport.files.answers_file import parse
from rapport.files.framework_file import load_framework

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
FRAMEWORK_FILE = REPO / "data" / "client-relationships.yaml"
SAMPLE_FILE = REPO / "data" / "samples" / "client-relationships.json"
POSTGRES_URL = os.environ.get(
    "RAPPORT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
CHROMIUM = os.environ.get("RAPPORT_CHROMIUM") or "/usr/bin/chromium"


def page_file(name: str) -> str:
    """The path the router runs for page `name` (e.g. "app_pages/assess.py"), from the one
    page registry (rapport.ui.pages), so the harness follows the pages if they move."""
    from rapport.ui.pages import PAGES

    found = next((p for p in PAGES if p.file == f"{name}.py"), None)
    if found is None:
        raise LookupError(f"the page registry has no page file named {name}.py")
    return f"app_pages/{found.file}"


@dataclass(frozen=True)
class Plan:
    """How many times each case runs; `make bench` uses the defaults."""

    warmup: int = 2
    runs: int = 15  # fast cases (AppTest reruns, dashboard ticks)
    slow_runs: int = 11  # the Word report (~0.5 s a run, twice per pair)
    cold_starts: int = 5
    sessions: int = 20  # browser sessions for the memory case
    participants: int = 200
    window_s: float = 10.0  # room-paced arrivals spread over this window


def checked(at: AppTest) -> AppTest:
    """AppTest `at` after a run, or RuntimeError with what the script raised."""
    if at.exception:
        raise RuntimeError(f"the script raised: {[e.value for e in at.exception]}")
    return at


@functools.cache
def sample() -> tuple[Framework, Assessment]:
    """The shipped framework and its complete sample profile (what ?demo=1 loads)."""
    framework = load_framework(FRAMEWORK_FILE)
    assessment, _ = fit_to(framework, parse(SAMPLE_FILE.read_bytes()).assessment)
    return framework, assessment


def clock(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@dataclass(frozen=True)
class Step:
    """What one timed run does: `prepare` (untimed, e.g. set a widget), then `act` (timed)."""

    act: Callable[[], object]
    prepare: Callable[[], object] = lambda: None

    def time(self) -> float:
        self.prepare()
        return clock(self.act)


def interleaved(
    subject: Step, baseline: Step, warmup: int, runs: int
) -> tuple[list[float], list[float]]:
    """Time subject and baseline alternately (ABBA...), after `warmup` untimed runs of each.

    Alternating keeps slow drift on a shared machine (another process, CPU frequency, a
    growing heap) from landing on one side only. A collection runs before each pair so a
    garbage-collection pause left by one side is not charged to the other.
    """
    for _ in range(warmup):
        subject.time()
        baseline.time()
    timed_subject: list[float] = []
    timed_baseline: list[float] = []
    for number in range(runs):
        gc.collect()
        # Swap the order every other pair: neither side always runs right after the other.
        if number % 2:
            timed_baseline.append(baseline.time())
            timed_subject.append(subject.time())
        else:
            timed_subject.append(subject.time())
            timed_baseline.append(baseline.time())
    return timed_subject, timed_baseline


def quiet_bare_mode_warnings() -> None:
    """AppTest set-up touches session_state outside a script run, and Streamlit warns
    each time ("missing ScriptRunContext ... can be ignored"): keep it out of the output."""
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )


class Unavailable(Exception):  # noqa: N818 - a reason to skip, not an error
    """A case cannot run here (no PostgreSQL, no Chromium): skipped, or failed when required."""

    def __init__(self, reason: str, required_by: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.required_by = required_by  # the RAPPORT_REQUIRE_* variable that makes it fatal

    @property
    def required(self) -> bool:
        return os.environ.get(self.required_by) == "1"
