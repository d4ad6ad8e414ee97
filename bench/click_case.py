"""Case 1b: a rating click on Assess in Chromium, against a bare page with the same radios.

Timed in the page itself: from the click on an answer's label to the script-state
attribute back at notRunning after a run (a MutationObserver sees "running" first, then
"notRunning"), so the time covers the round trip, the rerun on the server and the page
applying it. Twenty clicks on each side, interleaved (A B B A ...), each on another
statement or answer, as a person goes down a practice.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import APP, Plan, sample
from bench.results import CaseResult, Check
from bench.server import chromium, settle, streamlit_server, wait_for_run

if TYPE_CHECKING:
    from playwright.sync_api import Page

CLICKS = 20
# Click the n-th radio group's answer, then resolve with the milliseconds until the run it
# started has finished (-1 if none finished within 5 s).
_TIMED_CLICK = """([group, answer]) => new Promise((resolve) => {
  const target = document.querySelectorAll('[data-testid="stRadio"]')[group]
    .querySelectorAll('label')[answer + 1];  // the first label is the question's
  const start = performance.now();
  // A quick run flips the attribute to running and back within one task: the records'
  // old values still show it, where reading the attribute would not.
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.oldValue === 'running'
        && r.target.getAttribute('data-test-script-state') === 'notRunning')) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(document.body, {attributes: true, subtree: true, attributeOldValue: true,
    attributeFilter: ['data-test-script-state']});
  target.click();
  setTimeout(() => { observer.disconnect(); resolve(-1); }, 5000);
})"""


def _bare_page(levels: list[str], statements: int) -> str:
    return (
        "import streamlit as st\n\n"
        "st.title('Bare')\n"
        f"for number in range({statements}):\n"
        f"    st.radio(f'Statement {{number}}', {levels!r}, index=None, horizontal=True)\n"
    )


def click_case(plan: Plan) -> CaseResult:
    framework, _ = sample()
    practice = framework.practices[0]
    levels = [lv.label for lv in framework.scale.levels] + [framework.scale.not_applicable.label]
    statements = len(practice.indicators)
    runs = max(CLICKS if plan.runs >= 10 else 4, 2)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        bare_script = root / "bare_radios.py"
        bare_script.write_text(_bare_page(levels, statements), encoding="utf-8")
        (root / "app").mkdir()
        (root / "bare").mkdir()
        with (
            chromium() as browser,
            streamlit_server(APP, root / "app") as app,
            streamlit_server(bare_script, root / "bare") as bare,
        ):
            app.wait_healthy()
            bare.wait_healthy()
            pages: dict[str, Page] = {}
            for name, server, path, heading in (
                ("app", app, "/assess", "Assess your habits"),
                ("bare", bare, "/", "Bare"),
            ):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(server.base_url + path)
                wait_for_run(page, heading)
                settle(page)
                pages[name] = page
            times: dict[str, list[float]] = {"app": [], "bare": []}
            missed = {"app": 0, "bare": 0}
            for number in range(plan.warmup + runs):
                # Another statement each time, and another answer each round: every click
                # changes a rating, as a person's does.
                click = [number % statements, (number // statements) % len(levels)]
                order = ("app", "bare") if number % 2 == 0 else ("bare", "app")
                for name in order:
                    # Chromium holds back frames from a page not in front, as from a
                    # background tab: each side is clicked in front, as a person clicks.
                    pages[name].bring_to_front()
                    elapsed = float(pages[name].evaluate(_TIMED_CLICK, click))
                    for other in range(1, 3):  # a click that started no run: another answer
                        if elapsed >= 0:
                            break
                        missed[name] += 1
                        settle(pages[name])
                        retry = [click[0], (click[1] + other) % len(levels)]
                        elapsed = float(pages[name].evaluate(_TIMED_CLICK, retry))
                    if elapsed < 0:
                        raise RuntimeError(f"click {number} {click}: no run on the {name} page")
                    if number >= plan.warmup:
                        times[name].append(elapsed / 1000)
                    settle(pages[name])
    result = CaseResult.timed(
        case="1b rating click",
        title="A rating click on Assess in Chromium: click to the run finished",
        baseline=f"a bare page with the practice's {statements} radios of {len(levels)} answers",
        times=times["app"],
        floor=times["bare"],
        extra={"clicks": runs, "clicks_that_started_no_run": missed},
    )
    result.summary = f"{runs} clicks each, interleaved"
    result.checks = [Check("ratio", "<=", 1.0, result.ratio)]
    return result


if __name__ == "__main__":  # quick look at this case alone
    print(click_case(Plan()).to_json())
