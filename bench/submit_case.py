"""Case 5: 200 participants submitting through the service layer on SQLite, one thread each.

Two arrival patterns on one shared repository (one engine and pool, as in the server):
- room-paced (budgeted): 200 arrivals at random moments within a 10-second window. A real
  room of 200 submitting within a minute is six times sparser than this.
- burst (reported only): all 200 released at once by a barrier. SQLite lets one writer in
  at a time, so each submission waits for those queued ahead of it: the p95 of a burst is
  roughly the queue's length times one write, and grows with the room, not with Rapport.
The floor is one submission with nobody else writing (median of sequential submissions).
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from bench.common import POSTGRES_URL, Plan, clock, sample
from bench.results import CaseResult, Check, median, ms, percentile
from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.workshop import Workshop
from rapport.storage import SqlWorkshopRepository, open_repository
from rapport.storage.tables import response_practices, responses
from rapport.usecases.demo_workshop import simulated_participants
from rapport.usecases.workshops import create_workshop, submit

SEQUENTIAL = 30  # uncontended submissions timed for the floor


@dataclass
class Wave:
    """Timings of one wave of submissions; a latency per thread that succeeded."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    first_start: float = float("inf")
    last_end: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def failed(self, error: Exception) -> None:
        with self.lock:
            self.errors.append(f"{type(error).__name__}: {error}")

    def record(self, start: float, end: float) -> None:
        with self.lock:
            self.latencies.append(end - start)
            self.first_start = min(self.first_start, start)
            self.last_end = max(self.last_end, end)


def _new_workshop(repo: SqlWorkshopRepository, framework: Framework, title: str) -> Workshop:
    return create_workshop(repo, framework, title, 5, False, datetime.now(UTC), 1).workshop


def _wave(
    repos: Sequence[SqlWorkshopRepository],
    framework: Framework,
    people: list[Assessment],
    pattern: str,
    window_s: float,
) -> tuple[Workshop, Wave]:
    """One room's submissions, participant n through repos[n % len(repos)]."""
    workshop = _new_workshop(repos[0], framework, f"Benchmark room ({pattern})")
    wave = Wave()
    rng = random.Random(5)  # noqa: S311 - reproducible arrival times, not secrets
    arrivals = [rng.uniform(0, window_s) for _ in people]
    barrier = threading.Barrier(len(people))
    begin = time.perf_counter() + 0.5  # every thread is started by then

    def participant(number: int) -> None:
        if pattern == "burst":
            barrier.wait()
        else:
            time.sleep(max(0.0, begin + arrivals[number] - time.perf_counter()))
        start = time.perf_counter()
        try:
            repo = repos[number % len(repos)]
            submit(repo, workshop, framework, f"p{number}", people[number], datetime.now(UTC))
        except Exception as error:  # noqa: BLE001 - a lost submission is counted, not raised
            wave.failed(error)
            return
        wave.record(start, time.perf_counter())

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(len(people))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return workshop, wave


def _stored(repo: SqlWorkshopRepository, workshop: Workshop) -> tuple[int, int]:
    with repo.engine.connect() as conn:
        answers = conn.scalar(select(func.count()).where(responses.c.workshop_id == workshop.id))
        rows = conn.scalar(
            select(func.count()).where(response_practices.c.workshop_id == workshop.id)
        )
    return int(answers or 0), int(rows or 0)


def _result(
    pattern: str,
    repos: Sequence[SqlWorkshopRepository],
    framework: Framework,
    people: list[Assessment],
    plan: Plan,
    floor: list[float],
    where: str = "SQLite",
) -> CaseResult:
    workshop, wave = _wave(repos, framework, people, pattern, plan.window_s)
    answers, rows = _stored(repos[0], workshop)
    expected_rows = len(people) * len(framework.practices)
    lost = (len(people) - answers) + (expected_rows - rows)
    p95 = percentile(wave.latencies, 0.95)
    elapsed = wave.last_end - wave.first_start
    paced = pattern != "burst"
    result = CaseResult(
        case=f"5 submit {pattern}",
        title=f"{len(people)} participants submitting ({pattern}), {where}, one thread each",
        baseline="one submission with nobody else writing (median of sequential submits)",
        median=median(wave.latencies),
        baseline_median=median(floor),
        runs=len(wave.latencies),
        samples=sorted(wave.latencies),
        baseline_samples=floor,
        extra={
            "p50": median(wave.latencies),
            "p95": p95,
            "max": max(wave.latencies, default=None),
            "throughput_per_s": len(wave.latencies) / elapsed if elapsed > 0 else None,
            "elapsed_s": elapsed,
            "responses_stored": answers,
            "practice_rows_stored": rows,
            "expected": [len(people), expected_rows],
            "errors": wave.errors[:5],
        },
        note=(
            f"arrivals uniformly at random within {plan.window_s:.0f} s; a room of "
            f"{len(people)} submitting within a minute is {60 / plan.window_s:.0f}x sparser"
            if paced
            else "all released at once: SQLite serializes writers, so p95 grows with the queue"
        ),
    )
    throughput = result.extra["throughput_per_s"] or 0.0
    result.summary = (
        f"p95 {ms(p95)}, max {ms(result.extra['max'])}, {throughput:.0f}/s; "
        f"stored {answers}/{len(people)} responses, {rows}/{expected_rows} rows"
    )
    result.checks = [Check("lost", "<=", 0, lost)]
    if paced:
        result.checks.append(Check("p95", "<", 0.100, p95, "s"))
    return result


def submit_cases(plan: Plan) -> list[CaseResult]:
    framework, base = sample()
    people = simulated_participants(framework, base, plan.participants, seed=11)
    with tempfile.TemporaryDirectory() as folder:
        repo = open_repository(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            quiet = _new_workshop(repo, framework, "Benchmark room (sequential)")
            now = datetime.now(UTC)
            floor = [
                clock(lambda n=n: submit(repo, quiet, framework, f"s{n}", people[n], now))
                for n in range(SEQUENTIAL + plan.warmup)
            ][plan.warmup :]
            return [
                _result(pattern, [repo], framework, people, plan, floor)
                for pattern in ("room-paced", "burst")
            ]
        finally:
            repo.dispose()


def two_replicas_case(plan: Plan) -> CaseResult:
    """Room-paced, on PostgreSQL, every other participant through a second repository with
    its own engine and pool, as two replicas hold (in one process here: the database's
    side of two replicas, what the balancer test in tests/e2e/test_replicas.py cannot time).
    """
    from bench.room_case import postgres_schema

    framework, base = sample()
    people = simulated_participants(framework, base, plan.participants, seed=11)
    with postgres_schema() as options:
        replicas = [open_repository(POSTGRES_URL, **options) for _ in range(2)]
        try:
            quiet = _new_workshop(replicas[0], framework, "Benchmark room (sequential)")
            now = datetime.now(UTC)
            floor = [
                clock(lambda n=n: submit(replicas[0], quiet, framework, f"s{n}", people[n], now))
                for n in range(SEQUENTIAL + plan.warmup)
            ][plan.warmup :]
            return _result("two replicas", replicas, framework, people, plan, floor, "PostgreSQL")
        finally:
            for repo in replicas:
                repo.dispose()


if __name__ == "__main__":  # quick look at this case alone
    for result in submit_cases(Plan()):
        print(result.case, result.extra, [c.passed for c in result.checks])
