"""Frameworks with other scales (3 or 7 levels) and one-statement practices work too."""

from __future__ import annotations

import copy
from datetime import date
from io import BytesIO
from typing import Any

import pytest
from docx import Document

from rapport.charts.results import figures
from rapport.charts.style import is_dark, level_colours
from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.scoring import score
from rapport.reports.student import ReportInput, build_report
from tests.conftest import english_data

WORDS = ["Never", "Seldom", "Rarely", "Sometimes", "Often", "Usually", "Always"]


def framework_with(levels: int, indicators_per_practice: int) -> Framework:
    data: dict[str, Any] = english_data()
    data = copy.deepcopy(data)
    picked = [WORDS[round(i * 6 / (levels - 1))] for i in range(levels)]
    data["scale"]["levels"] = [
        {"value": i + 1, "label": word, "description": f"{word} in my work."}
        for i, word in enumerate(picked)
    ]
    data["defaults"]["target"] = levels - 1
    for practice in data["practices"]:
        practice["indicators"] = practice["indicators"][:indicators_per_practice]
        kept = {i["id"] for i in practice["indicators"]}
        for action in practice["actions"]:
            action["indicators"] = [i for i in action["indicators"] if i in kept] or sorted(kept)
    return Framework.model_validate(data)


@pytest.mark.parametrize("levels", [3, 5, 7])
def test_colours_are_distinct_ordered_and_text_stays_readable(levels: int) -> None:
    framework = framework_with(levels, 2)
    colours = level_colours(framework.scale)
    assert len(set(colours)) == levels
    assert colours[0] == "#deebf7"
    assert colours[-1] == "#08306b"
    # Dark cells get white text: the darkest always is, the lightest never.
    assert is_dark(colours[-1])
    assert not is_dark(colours[0])


@pytest.mark.parametrize("levels", [3, 7])
def test_high_threshold_and_caption_groups(levels: int) -> None:
    scale = framework_with(levels, 1).scale
    assert scale.high_from == {3: 3, 7: 6}[levels]
    assert not {lv.label for lv in scale.low_levels} & {lv.label for lv in scale.high_levels}


@pytest.mark.parametrize(("levels", "per_practice"), [(3, 1), (7, 2)])
def test_whole_flow_on_other_scales(levels: int, per_practice: int) -> None:
    framework = framework_with(levels, per_practice)
    assessment = Assessment.empty(framework)
    for number, practice in enumerate(framework.practices):
        for indicator in practice.indicators:
            assessment = assessment.with_rating(indicator.id, number % levels + 1)
    profile = score(framework, assessment)
    assert all(1 <= (s.current or 0) <= levels for s in profile.scores)
    shown = figures(profile, assessment)
    heatmap = shown[1].chart.to_dict()
    colour_scale = heatmap["layer"][0]["encoding"]["color"]["scale"]
    assert len(colour_scale["domain"]) == len(colour_scale["range"]) == levels + 2
    assert "practice" in shown[0].caption
    # No chart images here: the report must still be whole without them.
    data = ReportInput(framework, assessment, profile, (), date(2026, 11, 27))
    doc = Document(BytesIO(build_report(data)))
    assert sum(p.style.name == "Heading 2" for p in doc.paragraphs) >= len(framework.practices)


def test_one_practice_captions_are_singular(framework: Framework) -> None:
    first = framework.practices[0].indicators[0].id
    assessment = Assessment.empty(framework).with_rating(first, 2)
    gap, _items, mix = figures(score(framework, assessment), assessment)
    assert "for 1 practice," in gap.caption
    assert "1 answer spread" in mix.caption


def test_same_answer_everywhere_is_not_called_lowest(framework: Framework) -> None:
    assessment = Assessment.empty(framework)
    for practice in framework.practices:
        for indicator in practice.indicators:
            assessment = assessment.with_rating(indicator.id, 5)
    caption = figures(score(framework, assessment), assessment)[1].caption
    assert "Lowest rated" not in caption
    assert "the same answer: Always" in caption


def test_duplicate_short_names_are_refused() -> None:
    data = english_data()
    data["practices"][1]["short_name"] = data["practices"][0]["short_name"]
    data["practices"][1]["name"] = data["practices"][0]["name"] + " too"
    with pytest.raises(ValueError, match="duplicate practice short name"):
        Framework.model_validate(data)


def test_a_short_name_must_come_from_the_name() -> None:
    """Charts say the short name and text the full one: "Proactivity" beside "Be proactive"
    reads as two practices."""
    data = english_data()
    data["practices"][2]["short_name"] = "Proactivity"
    with pytest.raises(ValueError, match="short name 'Proactivity' must be words taken from"):
        Framework.model_validate(data)
