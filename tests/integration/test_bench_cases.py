"""The benchmark's database cases still run against the code they measure.

`make bench` is not part of `make test`, so a change to a repository's signature once left
case 4 raising TypeError for days. These run the cases once, with the fewest repetitions,
and check what each case checks itself (every answer counted, nothing lost); never their
times, which belong to `make bench` on a quiet machine.
"""

from __future__ import annotations

from bench.common import Plan
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
