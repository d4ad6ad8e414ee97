"""The benchmark's cases still run against the code they measure, and its floors still
draw the pages they stand for.

`make bench` is not part of `make test`, so a change to a repository's signature once left
case 4 raising TypeError for days. These run the database cases once, with the fewest
repetitions, and check what each case checks itself (every answer counted, nothing lost);
never how fast, which belongs to `make bench` on a quiet machine. The same-elements floors,
against which cases 1 and 6 are budgeted, must draw the pages' own elements. The cold start
runs once in tests/e2e/test_bench_cold_start.py, in the browser tests' own Chromium.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from bench.browser_cases import first_page_floor
from bench.common import APP, Plan, page_file, sample
from bench.replica import replica_script
from bench.room_case import sqlite_case
from bench.submit_case import submit_cases

ONCE = Plan(warmup=0, runs=1, slow_runs=1, cold_starts=1, sessions=1, participants=60, window_s=0.5)


def test_the_room_tick_case_runs_over_its_ten_thousand_responses() -> None:
    result = sqlite_case(ONCE)
    assert result.median is not None and result.baseline_median is not None
    assert result.extra["responses"] == 10_000
    assert result.extra["group_rows"] > 0


def test_the_submission_cases_store_every_answer() -> None:
    for result in submit_cases(ONCE):
        lost = next(check for check in result.checks if check.metric == "lost")
        assert lost.value == 0, result.summary


def _drawn(area: Any) -> list[tuple[str, str]]:
    """Each element of an area, depth first: its kind and its label or text."""
    found = []
    for node in (getattr(area, "children", {}) or {}).values():
        text = getattr(node, "label", None) or getattr(node, "value", "")
        found.append((getattr(node, "type", ""), str(text) if isinstance(text, str) else ""))
        found.extend(_drawn(node))
    return found


def test_the_first_page_floor_draws_what_the_home_page_draws(tmp_path: Path) -> None:
    """Case 6's budget is against this floor: it must draw Home's elements, no fewer."""
    script, unmapped = first_page_floor(tmp_path)
    assert unmapped == []
    home = AppTest.from_file(str(APP), default_timeout=60).run()
    floor = AppTest.from_file(str(script), default_timeout=60).run()
    assert not floor.exception
    assert _drawn(floor.sidebar) == _drawn(home.sidebar)
    assert _drawn(floor.main) == _drawn(home.main)
    assert len(floor.get("page_link")) == len(home.get("page_link")) == 10
    assert [b.proto.icon for b in floor.button] == [b.proto.icon for b in home.button]
    imports = [line for line in script.read_text().splitlines() if line.startswith("import")]
    assert imports == ["import streamlit as st"]  # Streamlit's own cost, nothing of Rapport's


def _kinds(area: Any) -> list[str]:
    """The kinds drawn, without the wrappers of an st.empty() filled by a fragment (the
    floor fills its slot at once, so it has none)."""
    return [kind for kind, _ in _drawn(area) if kind != "transparent"]


@pytest.mark.parametrize("name", ["assess", "results"])
def test_the_same_elements_floor_of_a_page_draws_its_elements(name: str, tmp_path: Path) -> None:
    """Cases 1 and 2 read their pages against these floors (the Results page with the
    sample profile, as case 2 times it)."""
    from rapport.ui.state import ASSESSMENTS

    framework, assessment = sample()
    page = AppTest.from_file(str(APP), default_timeout=60)
    if name == "results":
        page.session_state[ASSESSMENTS] = {framework.id: assessment}
    page.run()
    page.switch_page(page_file(name)).run()
    assert not page.exception
    source, unmapped = replica_script(page)
    assert unmapped == []
    script = tmp_path / f"replica_{name}.py"
    script.write_text(source, encoding="utf-8")
    floor = AppTest.from_file(str(script), default_timeout=60).run()
    assert not floor.exception
    assert _kinds(floor.sidebar) == _kinds(page.sidebar)
    assert _kinds(floor.main) == _kinds(page.main)
