"""Builders of the room's charts and the progress chart: core values in, Vega-Lite out.

House rule 4: each is tested on its `to_dict()` spec and its text alternative, the way
test_charts.py tests the student's own charts.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from rapport.charts.progress import BEFORE_COLOUR, progress_figure
from rapport.charts.room import ROOM_COLOUR, distribution_figure, mirror_figure, room_figure
from rapport.charts.style import CURRENT_COLOUR, TARGET_COLOUR
from rapport.core.compare import compare, progress_sentences
from rapport.core.framework import Framework
from rapport.core.room import DISTRIBUTION_HIDDEN, PracticeRow, RoomSummary, summarize
from rapport.core.scoring import score
from tests.conftest import AssessmentFactory

K = 3


def _points(spec: dict[str, Any]) -> dict[str, Any]:
    """The encoding of a dumbbell's points (its second layer; the first is the rule)."""
    return spec["layer"][1]["encoding"]


def _room(framework: Framework, per_practice: dict[int, list[float]]) -> RoomSummary:
    """A room where practice i's people scored per_practice[i] (others: three at 3.0)."""
    rows: list[PracticeRow] = []
    for index, practice in enumerate(framework.practices):
        scores = per_practice.get(index, [3.0, 3.0, 3.0])
        levels: dict[int, list[float]] = {}
        for value in scores:
            levels.setdefault(math.floor(value + 0.5), []).append(value)
        rows += [
            PracticeRow(practice.id, lv, len(vs), sum(vs), sum(v * v for v in vs), 4.0 * len(vs))
            for lv, vs in levels.items()
        ]
    return summarize(framework, K, rows)


def test_the_room_chart_puts_the_widest_gap_first_in_two_marks(framework: Framework) -> None:
    summary = _room(framework, {2: [1.0, 2.0, 1.0], 4: [4.0, 4.0, 4.0]})
    figure = room_figure(list(summary.practices), framework.scale)
    spec = figure.chart.to_dict()
    points = _points(spec)
    order = points["y"]["sort"]
    assert order[0].startswith(framework.practices[2].short_name)  # mean 1.3, target 4
    assert order[-1].startswith(framework.practices[4].short_name)  # target met
    assert points["color"]["scale"]["range"] == [CURRENT_COLOUR, TARGET_COLOUR]
    assert points["shape"]["scale"]["range"] == ["circle", "diamond"]
    assert "Responses" in {t["field"] for t in points["tooltip"]}
    assert "n = 3 responses for every practice" in figure.caption
    assert f"Widest gap: {framework.practices[2].name}, 1.3 against 4.0." in figure.caption
    assert list(figure.table.columns) == ["Practice", "Now", "Target", "Responses"]


def test_the_distribution_draws_only_practices_whose_counts_are_safe(
    framework: Framework,
) -> None:
    spread = [1.0, 2.0, 3.0, 3.0, 4.0, 5.0]  # 2k people, at most 2 on one level
    summary = _room(framework, {0: spread, 1: [3.0] * 6})  # practice 1: all on one level
    figure = distribution_figure(list(summary.practices), framework.scale)
    assert figure is not None
    spec = figure.chart.to_dict()
    assert spec["encoding"]["y"]["sort"] == [f"{framework.practices[0].short_name}"]
    assert spec["encoding"]["x"]["axis"]["tickMinStep"] == 1
    labels = [level.label for level in framework.scale.levels]
    assert spec["encoding"]["color"]["scale"]["domain"] == labels
    assert sum(figure.table[label].sum() for label in labels if label in figure.table) == 6
    assert DISTRIBUTION_HIDDEN in figure.caption
    assert f"({len(framework.practices) - 1} practices left out.)" in figure.caption


def test_no_distribution_figure_when_no_practice_may_be_drawn(framework: Framework) -> None:
    assert distribution_figure(list(_room(framework, {}).practices), framework.scale) is None


def test_the_distribution_says_when_counts_wait_for_k_changes(framework: Framework) -> None:
    summary = _room(framework, {0: [1.0, 2.0, 3.0, 3.0, 4.0, 5.0, 5.0]})
    first = summary.practices[0]
    waiting = replace(first, distribution=(1, 1, 2, 1, 1))  # published when 6 had answered
    figure = distribution_figure([waiting], framework.scale)
    assert figure is not None
    assert f"{first.practice.name} (6 of 7)" in figure.caption
    assert "the last ones published" in figure.caption


def test_the_mirror_sets_a_person_beside_the_rooms_shown_practices(
    framework: Framework, answered: AssessmentFactory
) -> None:
    profile = score(framework, answered(5, 1))
    hidden = {3: [4.0, 4.0]}  # two people: below k, never in the mirror
    figure = mirror_figure(profile, _room(framework, hidden))
    points = _points(figure.chart.to_dict())
    assert points["color"]["scale"]["range"] == [CURRENT_COLOUR, ROOM_COLOUR]
    assert points["shape"]["scale"]["range"] == ["circle", "square"]
    assert framework.practices[3].short_name not in set(figure.table["Practice"])
    assert len(figure.table) == len(framework.practices) - 1
    assert set(figure.table["Room"]) == {3.0}
    ahead = sum(1 for value in figure.table["You"] if value > 3.0)
    assert figure.caption.endswith(f"above the room on {ahead}.")


def test_the_progress_chart_shows_before_and_now_biggest_gain_first(
    framework: Framework, answered: AssessmentFactory
) -> None:
    before, after = answered(2, 3, 4), answered(4, 3, 3)
    comparison = compare(framework, before, after)
    figure = progress_figure(comparison, framework.scale)
    points = _points(figure.chart.to_dict())
    assert points["color"]["scale"]["range"] == [BEFORE_COLOUR, CURRENT_COLOUR]
    assert points["shape"]["scale"]["range"] == ["square", "circle"]
    changes = list(figure.table["Change"])
    assert changes == sorted(changes, reverse=True) and changes[0] == 2.0
    assert points["y"]["sort"] == list(figure.table["Practice"])
    change = {"field": "Change", "format": "+.1f", "title": "Change", "type": "quantitative"}
    assert change in points["tooltip"]
    assert figure.caption == " ".join(progress_sentences(comparison, framework.scale))
