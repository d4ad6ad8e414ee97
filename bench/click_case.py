"""Case 1b: a rating click on Assess in Chromium, against a bare page with the same radios.

Timed in the page itself: from the click on an answer's label to the run's "script
finished" message handled and the next frame drawn, so the time covers the round trip, the
rerun on the server and the page applying it (the issue names the script-state attribute
back at notRunning; tests/run_watch.py says why the message is watched instead). Twenty
clicks on each side, interleaved (A B C C B A ...), each on another statement or answer,
as a person goes down a practice.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import APP, Plan, sample
from bench.results import CaseResult, Check
from bench.server import chromium, settle, streamlit_server, wait_for_run
from tests.run_watch import EARLY_FOR_RERUN, WATCH_RUNS

if TYPE_CHECKING:
    from playwright.sync_api import Page

CLICKS = 20
SIDES = ("app", "bare", "bare_no_gc")
# What .streamlit/config.toml sets for Rapport, given to a bare page for comparison.
_NO_POST_RUN_GC = {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "false"}
# Click the n-th radio group's answer, then resolve with the milliseconds until the run it
# started has finished and the page has drawn it: the "script finished" message arrived,
# Streamlit's handling of it ran (a task later), and the next frame was painted. -1 if no
# run finished within 5 s.
_TIMED_CLICK = """([group, answer]) => new Promise((resolve) => {
  const target = document.querySelectorAll('[data-testid="stRadio"]')[group]
    .querySelectorAll('label')[answer + 1];  // the first label is the question's
  const start = performance.now();
  const timeout = setTimeout(() => { window.__onRunFinished = null; resolve(-1); }, 5000);
  window.__onRunFinished = (status) => {
    if (status === EARLY_FOR_RERUN) return;  // cut short by st.rerun: the next run draws it
    window.__onRunFinished = null;
    clearTimeout(timeout);
    setTimeout(() => requestAnimationFrame(() => resolve(performance.now() - start)), 0);
  };
  target.click();
})""".replace("EARLY_FOR_RERUN", str(EARLY_FOR_RERUN))


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
        for name in SIDES:
            (root / name).mkdir()
        with (
            chromium() as browser,
            streamlit_server(APP, root / "app") as app,
            streamlit_server(bare_script, root / "bare") as bare,
            streamlit_server(bare_script, root / "bare_no_gc", env=_NO_POST_RUN_GC) as bare_no_gc,
        ):
            for server in (app, bare, bare_no_gc):
                server.wait_healthy()
            pages: dict[str, Page] = {}
            for name, server, path, heading in (
                ("app", app, "/assess", "Assess your habits"),
                ("bare", bare, "/", "Bare"),
                ("bare_no_gc", bare_no_gc, "/", "Bare"),
            ):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_init_script(WATCH_RUNS)
                page = context.new_page()
                page.goto(server.base_url + path)
                wait_for_run(page, heading)
                settle(page)
                pages[name] = page
            times: dict[str, list[float]] = {name: [] for name in SIDES}
            missed = dict.fromkeys(SIDES, 0)
            for number in range(plan.warmup + runs):
                # Another statement each time, and another answer each round: every click
                # changes a rating, as a person's does.
                click = [number % statements, (number // statements) % len(levels)]
                order = SIDES if number % 2 == 0 else SIDES[::-1]
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
        extra={
            "clicks": runs,
            "clicks_that_started_no_run": missed,
            "bare_no_post_run_gc_median_s": statistics.median(times["bare_no_gc"]),
        },
    )
    # Rapport turns off Streamlit's collection after each run (.streamlit/config.toml);
    # the same bare page with it off too says how much of the lead is that setting.
    same_setting = result.median / statistics.median(times["bare_no_gc"])
    result.summary = (
        f"{runs} clicks each, interleaved; against a bare page also without the post-run "
        f"collection: {same_setting:.2f}x"
    )
    result.checks = [Check("ratio", "<=", 1.0, result.ratio)]
    return result


if __name__ == "__main__":  # quick look at this case alone
    print(click_case(Plan()).to_json())
