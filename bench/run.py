"""`make bench`: run every case, print the table, write bench-results.json, exit 1 on a miss.

    .venv/bin/python -m bench                     # everything (what `make bench` runs)
    .venv/bin/python -m bench --cases report,room # some cases only
    .venv/bin/python -m bench --quick             # fewer runs: a smoke test of the harness

A case that cannot run here (no PostgreSQL, no Chromium) is skipped with its reason, or
fails when RAPPORT_REQUIRE_POSTGRES=1 / RAPPORT_REQUIRE_BROWSER=1 asks for it (as in CI).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench.common import REPO, Plan, Unavailable, quiet_bare_mode_warnings
from bench.machine import describe, machine_info
from bench.results import CaseResult, table, write_json

QUICK = Plan(warmup=1, runs=5, slow_runs=3, cold_starts=1, sessions=5, window_s=3.0)
CASE_KEYS = (
    "assess",
    "click",
    "results",
    "report",
    "room",
    "submit",
    "cold",
    "memory",
    "dashboards",
)


def _isolate(workdir: Path) -> None:
    """Settings come from the environment: give in-process runs a throwaway database and
    the shipped data folder."""
    os.environ["RAPPORT_DATABASE_URL"] = f"sqlite:///{workdir / 'rapport.db'}"
    os.environ.pop("RAPPORT_DATA_DIR", None)
    os.environ.pop("RAPPORT_FRAMEWORK", None)


def _cases(plan: Plan, workdir: Path) -> dict[str, tuple[str, Callable[[], list[CaseResult]]]]:
    # Imported here, after _isolate(): nothing reads the settings before it.
    from bench import (
        apptest_cases,
        browser_cases,
        click_case,
        dashboards_case,
        report_case,
        room_case,
        submit_case,
    )

    quiet_bare_mode_warnings()

    return {
        "assess": ("1 assess rerun", lambda: [apptest_cases.assess_case(plan, workdir)]),
        "click": ("1b rating click", lambda: [click_case.click_case(plan)]),
        "results": ("2 results page", lambda: [apptest_cases.results_case(plan, workdir)]),
        "report": (
            "3 word report",
            lambda: [report_case.report_case(plan), report_case.report_after_results_case(plan)],
        ),
        "room": (
            "4 room tick",
            lambda: [
                _guarded("4 room tick (SQLite)", lambda: [room_case.sqlite_case(plan)])[0],
                _guarded("4 room tick (PostgreSQL)", lambda: [room_case.postgres_case(plan)])[0],
            ],
        ),
        "submit": (
            "5 submit",
            lambda: [
                *submit_case.submit_cases(plan),
                _guarded("5 submit two replicas", lambda: [submit_case.two_replicas_case(plan)])[0],
            ],
        ),
        "cold": ("6 cold start", lambda: [browser_cases.cold_start_case(plan)]),
        "memory": ("7 memory per session", lambda: [browser_cases.memory_case(plan)]),
        "dashboards": ("8 dashboards", lambda: [dashboards_case.dashboards_case(plan)]),
    }


def _guarded(name: str, run: Callable[[], list[CaseResult]]) -> list[CaseResult]:
    """Run a case; an unavailable backend skips it, any other error is reported as such."""
    try:
        return run()
    except Unavailable as missing:
        status = "error" if missing.required else "skipped"
        note = missing.reason + (f" ({missing.required_by}=1)" if missing.required else "")
        return [CaseResult(case=name, title=name, status_override=status, note=note)]
    except Exception as error:  # noqa: BLE001 - one broken case must not hide the others
        trace = traceback.format_exc(limit=3)
        print(trace)
        return [CaseResult(case=name, title=name, status_override="error", note=f"{error!r}"[:500])]


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--cases",
        default=",".join(CASE_KEYS),
        help=f"comma-separated subset of: {', '.join(CASE_KEYS)}",
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs (harness smoke test)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results.json")
    return parser.parse_args()


def main() -> int:
    args = _arguments()
    chosen = [key.strip() for key in args.cases.split(",") if key.strip()]
    unknown = sorted(set(chosen) - set(CASE_KEYS))
    if unknown:
        print(f"unknown case(s): {', '.join(unknown)}; choose from {', '.join(CASE_KEYS)}")
        return 2
    plan = QUICK if args.quick else Plan()
    os.chdir(REPO)  # AppTest reads .streamlit/config.toml from the working directory
    machine = machine_info()
    print(f"Machine: {describe(machine)}\n", flush=True)
    started = time.perf_counter()
    results: list[CaseResult] = []
    with tempfile.TemporaryDirectory(prefix="rapport-bench-") as folder:
        workdir = Path(folder)
        _isolate(workdir)
        cases = _cases(plan, workdir)
        for key in chosen:
            name, run = cases[key]
            print(f"running {name} ...", flush=True)
            case_started = time.perf_counter()
            done = _guarded(name, run)
            results.extend(done)
            seconds = time.perf_counter() - case_started
            print(f"  {', '.join(f'{r.case}: {r.status}' for r in done)} ({seconds:.0f} s)")
    machine["bench_seconds"] = round(time.perf_counter() - started, 1)
    machine["plan"] = dataclasses.asdict(plan)
    print("\n" + table(results) + "\n")
    for result in results:
        if result.note and result.status in ("skipped", "error"):
            print(f"{result.case}: {result.note}")
    write_json(args.out, machine, results)
    failed = [r.case for r in results if r.failed]
    print(f"Wrote {args.out} in {machine['bench_seconds']:.0f} s. ", end="")
    print(f"Failed: {', '.join(failed)}." if failed else "Every budget passed.")
    return 1 if failed else 0
