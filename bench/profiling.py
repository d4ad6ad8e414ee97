"""Profile what a case measures, with the standard library's cProfile (no new dependency).

    .venv/bin/python -m bench.profiling assess            # the Assess rerun, script thread
    .venv/bin/python -m bench.profiling results --sort tottime
    .venv/bin/python -m bench.profiling report --filter rapport
    .venv/bin/python -m bench.profiling room              # the dashboard tick on SQLite
    .venv/bin/python -m bench.profiling cold              # first run of app.py, fresh process

AppTest runs each script in a thread of its own, which cProfile (one thread) cannot see
from outside; the AppTest targets therefore wrap ScriptRunner._run_script, a private
method of Streamlit 1.67. That is acceptable for a diagnostic tool, never for the bench.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from bench.common import APP, page_file, quiet_bare_mode_warnings, sample

RUNS = 30


@contextmanager
def script_thread_profile(profiler: cProfile.Profile) -> Iterator[None]:
    """Profile every AppTest script run inside the block, in the thread that runs it."""
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    original = ScriptRunner._run_script

    def profiled(self: Any, *args: Any, **kwargs: Any) -> Any:
        profiler.enable()
        try:
            return original(self, *args, **kwargs)
        finally:
            profiler.disable()

    ScriptRunner._run_script = profiled  # type: ignore[method-assign]
    try:
        yield
    finally:
        ScriptRunner._run_script = original  # type: ignore[method-assign]


def _assess(profiler: cProfile.Profile) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page(page_file("assess")).run()
    key = next(r.key for r in at.radio if (r.key or "").startswith("w.rating."))
    for value in (3, 4):  # warm
        at.radio(key=key).set_value(value).run()
    with script_thread_profile(profiler):
        for number in range(RUNS):
            at.radio(key=key).set_value(3 + number % 2).run()


def _results(profiler: cProfile.Profile) -> None:
    from streamlit.testing.v1 import AppTest

    from rapport.ui.state import ASSESSMENTS

    framework, assessment = sample()
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state[ASSESSMENTS] = {framework.id: assessment}
    at.run()
    results = page_file("results")
    at.switch_page(results).run()
    with script_thread_profile(profiler):
        for _ in range(RUNS):
            at.switch_page(results).run()


def _report(profiler: cProfile.Profile) -> None:
    from rapport.charts.png import warm_up
    from rapport.usecases.student import student_report

    framework, assessment = sample()
    warm_up()
    student_report(framework, assessment, date(2026, 11, 27))
    profiler.enable()
    for _ in range(RUNS // 3):
        student_report(framework, assessment, date(2026, 11, 27))
    profiler.disable()


def _room(profiler: cProfile.Profile) -> None:
    from bench.room_case import RESPONSES, rewinder, seed
    from rapport.storage import open_repository
    from rapport.usecases.rooms import room_view

    framework, _ = sample()
    with tempfile.TemporaryDirectory() as folder:
        repo = open_repository(f"sqlite:///{Path(folder) / 'bench.db'}")
        workshop = seed(repo, framework, RESPONSES)
        rewind = rewinder(repo, workshop, workshop.min_group_size)
        for _ in range(RUNS):  # the publishing tick, the costly one
            rewind()
            profiler.enable()
            room_view(repo, framework, workshop.id)
            profiler.disable()
        repo.dispose()


def _cold(profiler: cProfile.Profile) -> None:
    """The first run of app.py in this (fresh) process: imports, settings, the framework."""
    from streamlit.testing.v1 import AppTest

    started = time.perf_counter()
    at = AppTest.from_file(str(APP), default_timeout=60)
    with script_thread_profile(profiler):
        at.run()
    print(f"first run of app.py (home page): {time.perf_counter() - started:.2f} s")


TARGETS: dict[str, Callable[[cProfile.Profile], None]] = {
    "assess": _assess,
    "results": _results,
    "report": _report,
    "room": _room,
    "cold": _cold,
}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profiling")
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--filter", default="", help="only functions whose path matches")
    parser.add_argument("--save", type=Path, help="write the raw profile (for snakeviz etc.)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["RAPPORT_DATABASE_URL"] = f"sqlite:///{Path(folder) / 'rapport.db'}"
        quiet_bare_mode_warnings()
        profiler = cProfile.Profile()
        TARGETS[args.target](profiler)
    if args.save:
        profiler.dump_stats(args.save)
    stats = pstats.Stats(profiler).strip_dirs() if not args.filter else pstats.Stats(profiler)
    stats.sort_stats(args.sort)
    restrictions: list[Any] = [args.filter] if args.filter else []
    stats.print_stats(*restrictions, args.top)


if __name__ == "__main__":
    main()
