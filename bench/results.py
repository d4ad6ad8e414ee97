"""What a case reports: medians, the baseline measured in the same run, budgets, pass/fail."""

from __future__ import annotations

import json
import operator
import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

_OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
}


@dataclass(frozen=True)
class Check:
    """One budget: `metric op limit`, e.g. ratio <= 1.5, evaluated on `value`."""

    metric: str
    op: str
    limit: float
    value: float | None
    unit: str = ""

    @property
    def passed(self) -> bool:
        return self.value is not None and _OPERATORS[self.op](self.value, self.limit)

    def describe(self) -> str:
        return f"{self.metric} {self.op} {_format(self.limit, self.unit)}"


@dataclass
class CaseResult:
    """One row of the table and one object of bench-results.json. Times are in seconds."""

    case: str
    title: str
    median: float | None = None
    baseline: str = ""  # what the floor is, in words
    baseline_median: float | None = None
    checks: list[Check] = field(default_factory=list)
    runs: int = 0
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    summary: str = ""  # the extra numbers that matter most, for the table's last column
    status_override: str | None = None  # "skipped" or "error": the case did not measure

    @classmethod
    def timed(
        cls,
        case: str,
        title: str,
        baseline: str,
        times: list[float],
        floor: list[float],
        extra: dict[str, Any],
    ) -> CaseResult:
        """A case timed against its baseline: medians and samples of both sides."""
        return cls(
            case=case,
            title=title,
            baseline=baseline,
            median=statistics.median(times),
            baseline_median=statistics.median(floor),
            runs=len(times),
            samples=times,
            baseline_samples=floor,
            extra=extra,
        )

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.baseline_median:
            return None
        return self.median / self.baseline_median

    @property
    def paired_ratio(self) -> float | None:
        """Median of the per-pair ratios, for interleaved cases: each pair ran moments apart,
        so a burst of load on the machine moves both of its numbers. A cross-check of
        `ratio` on a busy machine; the budgets use `ratio`, as issue #5 defines it."""
        pairs = list(zip(self.samples, self.baseline_samples, strict=False))
        if not pairs or len(self.samples) != len(self.baseline_samples):
            return None
        return statistics.median(s / b for s, b in pairs if b > 0)

    @property
    def status(self) -> str:
        if self.status_override is not None:
            return self.status_override
        if not self.checks:
            return "info"  # reported without a budget
        return "pass" if all(c.passed for c in self.checks) else "fail"

    @property
    def failed(self) -> bool:
        return self.status in ("fail", "error")

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "title": self.title,
            "median": self.median,
            "baseline": self.baseline,
            "baseline_median": self.baseline_median,
            "ratio": self.ratio,
            "paired_ratio": self.paired_ratio,
            "budget": "; ".join(c.describe() for c in self.checks) or None,
            "checks": [{**asdict(c), "passed": c.passed} for c in self.checks],
            "status": self.status,
            "passed": None if self.status in ("info", "skipped") else not self.failed,
            "runs": self.runs,
            "samples": self.samples,
            "baseline_samples": self.baseline_samples,
            "extra": self.extra,
            "note": self.note,
            "summary": self.summary,
        }


def median(samples: Sequence[float]) -> float | None:
    return statistics.median(samples) if samples else None


def percentile(samples: Sequence[float], fraction: float) -> float | None:
    """Nearest-rank percentile: the smallest sample with at least `fraction` at or below it."""
    if not samples:
        return None
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil without floats drifting
    return ordered[int(rank) - 1]


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:.1f} ms"


def _format(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.2f} MiB"
    return f"{value:.2f}{unit}" if unit else f"{value:g}"


def table(results: Sequence[CaseResult]) -> str:
    """A Markdown table: printed by `make bench` and pasted into docs/benchmarks.md."""
    header = ["case", "median", "baseline", "ratio", "paired", "budget", "result", "also measured"]
    rows = [header, ["---"] * len(header)]
    for r in results:
        unit = r.extra.get("unit", "s")
        rows.append(
            [
                r.case,
                _format(r.median, unit),
                _format(r.baseline_median, unit),
                "-" if r.ratio is None else f"{r.ratio:.2f}",
                "-" if r.paired_ratio is None else f"{r.paired_ratio:.2f}",
                "; ".join(c.describe() for c in r.checks)
                or ("-" if r.status_override else "(none: reported)"),
                r.status.upper() if r.status in ("fail", "error") else r.status,
                r.summary,
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    )


def write_json(path: Path, machine: dict[str, Any], results: Sequence[CaseResult]) -> None:
    document = {"machine": machine, "cases": [r.to_json() for r in results]}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
