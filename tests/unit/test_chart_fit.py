"""Every chart a phone shows fits its box: no legend entry or axis label runs past the edge.

Vega lays a horizontal legend out in one line whatever the width, so at 390 pixels the
last entries were cut ("Ofte", "Not answere"). Each chart is laid out here by Vega itself
(vl-convert's scenegraph, the positions the browser would draw) at a phone's content
width, and every text mark must end inside the chart.
"""

from __future__ import annotations

from typing import Any

import pytest
import vl_convert

from rapport.charts.progress import progress_figure
from rapport.charts.results import figures
from rapport.charts.room import mirror_figure
from rapport.charts.style import Figure
from rapport.core.assessment import Assessment
from rapport.core.compare import compare
from rapport.core.framework import Framework
from rapport.core.room import summarize
from rapport.core.scoring import score
from rapport.core.workshop import practice_results
from tests.conftest import AssessmentFactory
from tests.helpers import rows_for

PHONE_CONTENT = 358  # a 390-pixel screen less Streamlit's 1rem padding on each side
DESKTOP_CONTENT = 704
# Approximate advance widths of Liberation Sans (metric-compatible with Arial), in em,
# rounded up: enough to tell a label that fits from one that runs past the edge. Being
# rounded up, they may overshoot by a pixel or two, hence the 3-pixel allowance below.
NARROW = set("fijlrt.,:;'!|()[] ")
WIDE = set("mwMW@%")


def text_width(text: str, size: float) -> float:
    ems = sum(
        0.32 if c in NARROW else 0.9 if c in WIDE else 0.7 if c.isupper() else 0.56 for c in text
    )
    return ems * size


Box = tuple[str, float, float, float, float]  # text, left, right, top, bottom


def text_extents(spec: dict[str, Any], width: int) -> tuple[float, float, list[Box]]:
    """Lay the chart out at `width`; return its drawn width and height and each text's
    left, right and bottom edge, in the chart's own coordinates."""
    spec = {**spec, "width": width}
    laid_out = vl_convert.vegalite_to_scenegraph(spec)
    origin_x, origin_y = laid_out["origin"]
    texts: list[Box] = []

    def walk(mark: dict[str, Any], offset: float, top: float) -> None:
        for item in mark.get("items", []):
            x = offset + float(item.get("x", 0))
            y = top + float(item.get("y", 0))
            if mark.get("marktype") == "group":
                for child in item.get("items", []):
                    walk(child, x, y)
            elif mark.get("marktype") == "text" and item.get("text"):
                words = item["text"]
                text = " ".join(words) if isinstance(words, list) else str(words)
                size = float(item.get("fontSize", 11))
                span = text_width(text, size)
                limit = item.get("limit")
                if limit:
                    span = min(span, float(limit))  # Vega shortens longer labels itself
                align = item.get("align", "left")
                left = x - span if align == "right" else x - span / 2 if align == "center" else x
                lines = len(words) if isinstance(words, list) else 1
                baseline = item.get("baseline", "alphabetic")
                below = lines * size * 1.2 if baseline == "top" else size * (lines - 1) * 1.2
                bottom = y + (below if baseline == "top" else below + size * 0.3)
                upper = y if baseline == "top" else y - size * (0.5 if baseline == "middle" else 1)
                texts.append(
                    (
                        text,
                        left + origin_x,
                        left + origin_x + span,
                        upper + origin_y,
                        bottom + origin_y,
                    )
                )

    walk(laid_out["scenegraph"], 0.0, 0.0)
    return float(laid_out["width"]), float(laid_out["height"]), texts


def sample_figures(framework: Framework, answered: AssessmentFactory) -> list[Figure]:
    mixed = answered(4, 1, 3, 5, 2, 4, 3)
    earlier = answered(2, 2, 2, 3, 2, 3, 2)
    room = [practice_results(framework, answered(level)) for level in (2, 3, 3, 4, 5)]
    summary = summarize(framework, 3, rows_for(room))
    profile = score(framework, mixed)
    return [
        *figures(profile, mixed),
        progress_figure(compare(framework, earlier, mixed), framework.scale),
        mirror_figure(profile, summary),
    ]


def with_na_and_gaps(framework: Framework) -> Assessment:
    """Every answer word at least once, one statement left unanswered: the longest legend."""
    assessment = Assessment.empty(framework)
    words: list[int | str] = [1, 2, 3, 4, 5, "na"]
    indicators = [i for p in framework.practices for i in p.indicators]
    for number, indicator in enumerate(indicators[:-1]):
        assessment = assessment.with_rating(indicator.id, words[number % len(words)])  # type: ignore[arg-type]
    return assessment


@pytest.mark.parametrize("width", [PHONE_CONTENT, DESKTOP_CONTENT])
def test_every_text_of_every_chart_stays_inside_it(
    framework: Framework, answered: AssessmentFactory, width: int
) -> None:
    full = with_na_and_gaps(framework)
    charts = [*sample_figures(framework, answered), *figures(score(framework, full), full)]
    for figure in charts:
        drawn, tall, texts = text_extents(figure.chart.to_dict(), width)
        assert drawn <= width + 1, f"{figure.key} is {drawn:.0f} px wide in a {width} px box"
        outside = [(t, round(a), round(b)) for t, a, b, _, _ in texts if a < -3 or b > drawn + 3]
        assert not outside, f"{figure.key} at {width} px: text past the edge: {outside}"
        cut = [(t, round(top), round(bottom)) for t, _, _, top, bottom in texts
               if top < -2 or bottom > tall + 2]  # fmt: skip
        assert not cut, f"{figure.key} at {width} px ({tall:.0f} high): text cut off: {cut}"
