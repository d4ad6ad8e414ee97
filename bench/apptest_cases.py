"""Cases 1 and 2: Streamlit reruns in AppTest, each against a bare script of the same shape.

Both sides run in the same process through the same AppTest machinery, so the harness's
own cost (a mock runtime, a fresh script cache that recompiles the page, a script thread
per run) lands on both; the ratio is what Rapport adds on top of Streamlit.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from bench.common import APP, Plan, Step, checked, interleaved, page_file, sample
from bench.replica import replica_script
from bench.results import CaseResult, Check, median, ms
from rapport.charts.results import figures
from rapport.core.scoring import score
from rapport.ui.state import ASSESSMENTS

RATING_PREFIX = "w.rating."
TIMEOUT_S = 60


def _bare_app(folder: Path, name: str, source: str) -> AppTest:
    script = folder / name
    script.write_text(source, encoding="utf-8")
    return checked(AppTest.from_file(str(script), default_timeout=TIMEOUT_S).run())


def _radio_script(radios: list[Any]) -> str:
    """One st.radio per radio on the page, with the same labels, options and layout."""
    lines = ["import streamlit as st"]
    for radio in radios:
        captions = list(radio.proto.captions)
        lines.append(
            f"st.radio({radio.label!r}, {list(radio.options)!r}, index=None, key={radio.key!r}, "
            f"horizontal={bool(radio.proto.horizontal)!r}, captions={captions or None!r})"
        )
    return "\n".join(lines) + "\n"


def _toggle(at: AppTest, key: str, values: tuple[object, object]) -> Step:
    """Each run changes one radio to the other of two values, then reruns (timed)."""
    chosen = itertools.cycle(values)
    return Step(act=at.run, prepare=lambda: at.radio(key=key).set_value(next(chosen)))


def assess_case(plan: Plan, workdir: Path) -> CaseResult:
    framework, _ = sample()
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run()
    checked(at.switch_page(page_file("assess")).run())
    radios = list(at.radio)
    rating = next(r for r in radios if (r.key or "").startswith(RATING_PREFIX))
    # Same labels and options: rating values are scale numbers shown as words.
    bare = _bare_app(workdir, "bare_radios.py", _radio_script(radios))
    subject = _toggle(at, str(rating.key), (3, 4))
    baseline_values = (rating.options[2], rating.options[3])
    baseline = _toggle(bare, str(rating.key), baseline_values)
    times, floor = interleaved(subject, baseline, plan.warmup, plan.runs)
    checked(at)
    checked(bare)
    kept = at.session_state[ASSESSMENTS][framework.id].ratings
    if len(kept) != 1:
        raise RuntimeError(f"the rating did not reach the answer store: {dict(kept)}")
    same = SameElements(
        at, workdir, "assess", lambda r: _toggle(r, str(rating.key), baseline_values)
    )
    again, floor_same = interleaved(subject, same.step, plan.warmup, plan.runs)
    result = CaseResult.timed(
        case="1 assess rerun",
        title="Assess: AppTest rerun after changing one rating",
        baseline=f"bare script with the same {len(radios)} radios (labels, options)",
        times=times,
        floor=floor,
        extra={
            "radios": len(radios),
            "elements_on_page": _element_count(at),
            **same.numbers(again, floor_same),
        },
    )
    # Budgeted against the same-elements floor, not the bare radios: issue #2 requires the
    # page's other elements (progress, step picker, target, importance, example, navigation),
    # and Streamlit alone takes 1.6-2.3x the bare script to draw them. The bare-radio ratio
    # stays in the table; docs/benchmarks.md explains the decision.
    result.checks = [
        Check("same_elements_ratio", "<=", 1.5, result.extra["same_elements_ratio"]),
    ]
    result.summary = SameElements.summary(result.extra) + f"; x{result.ratio:.2f} bare radios"
    return result


class SameElements:
    """The page's same-elements replica (bench/replica.py) and how to time it."""

    def __init__(
        self, at: AppTest, workdir: Path, page: str, step: Callable[[AppTest], Step]
    ) -> None:
        script, self.unmapped = replica_script(at)
        self.app = checked(_bare_app(workdir, f"replica_{page}.py", script))
        self.step = step(self.app)

    def numbers(self, subject: list[float], floor: list[float]) -> dict[str, Any]:
        page, replica = median(subject), median(floor)
        return {
            "same_elements_median": replica,
            "same_elements_ratio": page / replica if page and replica else None,
            "same_elements_unmapped": self.unmapped,
        }

    @staticmethod
    def summary(numbers: dict[str, Any]) -> str:
        ratio = numbers["same_elements_ratio"]
        return f"same-elements floor {ms(numbers['same_elements_median'])}" + (
            f", page x{ratio:.2f} of it" if ratio else ""
        )


def _element_count(at: AppTest) -> int:
    """Every node AppTest parsed from the run (elements and blocks), for the notes."""

    def walk(node: Any) -> int:
        children = getattr(node, "children", {}) or {}
        return 1 + sum(walk(child) for child in children.values())

    return walk(at._tree) - 1  # the root is not drawn


def _dataset_shapes(chart_spec: dict[str, Any]) -> list[tuple[int, int]]:
    """(rows, columns) of every dataset an Altair spec carries."""
    return [(len(rows), len(rows[0]) if rows else 0) for rows in chart_spec["datasets"].values()]


CHART_SCRIPT = """
import altair as alt
import streamlit as st
import pandas as pd

SHAPES = {shapes!r}


def frame(rows, columns):
    # Text and numbers alternate, like the page's data (names, levels, answers).
    return pd.DataFrame(
        {{
            f"c{{j}}": [f"item {{i % 9}}" if j % 2 else float(i % 5 + 1) for i in range(rows)]
            for j in range(columns)
        }}
    )


for shapes in SHAPES:
    layers = [
        alt.Chart(frame(rows, columns))
        .mark_point()
        .encode(x="c0:Q", y="c1:N", tooltip=["c0:Q", "c1:N"])
        for rows, columns in shapes
    ]
    chart = layers[0] if len(layers) == 1 else alt.layer(*layers)
    st.altair_chart(chart, width="stretch", theme=None)
"""


def results_case(plan: Plan, workdir: Path) -> CaseResult:
    framework, assessment = sample()
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    at.session_state[ASSESSMENTS] = {framework.id: assessment}
    checked(at.run())
    shown = figures(score(framework, assessment), assessment)
    shapes = [_dataset_shapes(f.chart.to_dict()) for f in shown]
    bare = _bare_app(workdir, "bare_charts.py", CHART_SCRIPT.format(shapes=shapes))
    results = page_file("results")
    subject = Step(act=lambda: at.switch_page(results).run())
    times, floor = interleaved(subject, Step(act=bare.run), plan.warmup, plan.runs)
    same = SameElements(at, workdir, "results", lambda r: Step(act=r.run))
    again, floor_same = interleaved(subject, same.step, plan.warmup, plan.runs)
    charts = len(checked(at).get("vega_lite_chart"))
    if charts != len(shown) or len(checked(bare).get("vega_lite_chart")) != len(shown):
        raise RuntimeError(f"expected {len(shown)} charts on both pages, the page drew {charts}")
    result = CaseResult.timed(
        case="2 results page",
        title="Results: full AppTest run with the sample profile",
        baseline=f"bare page drawing {len(shown)} Altair charts from data of the same size",
        times=times,
        floor=floor,
        extra={
            "charts": charts,
            "dataset_shapes": json.loads(json.dumps(shapes)),
            **same.numbers(again, floor_same),
        },
    )
    result.checks = [Check("ratio", "<=", 1.5, result.ratio)]
    result.summary = SameElements.summary(result.extra)
    return result


if __name__ == "__main__":  # quick look at these two cases alone
    with tempfile.TemporaryDirectory() as folder:
        for case in (assess_case, results_case):
            print(case(Plan(), Path(folder)).to_json())
