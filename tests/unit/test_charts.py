"""Chart builders produce the intended Vega-Lite specs, with text alternatives."""

from __future__ import annotations

import gettext
from typing import Any

import pytest

from rapport.charts.results import figures, gap_figure
from rapport.charts.style import CURRENT_COLOUR, TARGET_COLOUR
from rapport.core import i18n
from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.scoring import score
from tests.conftest import AssessmentFactory


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def _encodings(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [layer["encoding"] for layer in _layers(spec)]


def test_gap_chart_is_sorted_by_priority(framework: Framework, answered: AssessmentFactory) -> None:
    profile = score(framework, answered(5, 1, 3, 4, 2, 5, 4))
    spec = gap_figure(profile).chart.to_dict()
    y_sort = _encodings(spec)[1]["y"]["sort"]
    assert y_sort == [s.practice.short_name for s in profile.priorities]
    assert y_sort[0] == "Update clients on progress"


def test_current_and_target_differ_by_colour_and_shape(
    framework: Framework, answered: AssessmentFactory
) -> None:
    spec = gap_figure(score(framework, answered(3))).chart.to_dict()
    points = _encodings(spec)[1]
    assert points["color"]["scale"]["range"] == [CURRENT_COLOUR, TARGET_COLOUR]
    assert points["shape"]["scale"]["range"] == ["circle", "diamond"]
    assert {t["field"] for t in points["tooltip"]} >= {"Full name", "Level", "Gap"}


def test_axis_uses_the_scale_words(framework: Framework, answered: AssessmentFactory) -> None:
    spec = gap_figure(score(framework, answered(3))).chart.to_dict()
    label_expr = _encodings(spec)[1]["x"]["axis"]["labelExpr"]
    for word in ("Never", "Rarely", "Sometimes", "Often", "Always"):
        assert word in label_expr


def test_every_figure_has_a_caption_and_a_table(
    framework: Framework, answered: AssessmentFactory
) -> None:
    assessment = answered(4, 2, "na")
    shown = figures(score(framework, assessment), assessment)
    assert [f.key for f in shown] == ["gaps", "items", "mix"]
    for figure in shown:
        assert figure.caption.endswith(".")
        assert not figure.table.empty
        assert figure.chart.to_dict()["$schema"].startswith("https://vega.github.io/schema/")
    heatmap = shown[1]
    assert len(heatmap.table) == framework.indicator_count
    assert "Not applicable" in set(heatmap.table["Answer"])


def test_heatmap_cells_carry_their_rating_as_text(
    framework: Framework, answered: AssessmentFactory
) -> None:
    assessment = answered(2)
    spec = figures(score(framework, assessment), assessment)[1].chart.to_dict()
    marks = [layer["mark"]["type"] for layer in _layers(spec)]
    assert marks[:2] == ["rect", "text"]
    assert _encodings(spec)[1]["text"]["field"] == "Mark"


def test_heatmap_shows_a_missing_statement_apart_from_a_skipped_one(
    framework: Framework, answered: AssessmentFactory
) -> None:
    """The last practice has four statements, the others five: its S5 is no statement,
    outlined and dashed, not the white of "Not answered"."""
    assessment = answered(3)
    figure = figures(score(framework, assessment), assessment)[1]
    _, _, absent = _layers(figure.chart.to_dict())
    assert absent["mark"]["strokeDash"] == [3, 3]
    rows = figure.chart.to_dict()["datasets"]
    outlined = [r for data in rows.values() for r in data if "Text" not in r]
    assert outlined == [{"Practice": framework.practices[-1].short_name, "Statement": "S5"}]
    assert "A dashed outline marks where a practice has fewer statements than 5" in (figure.caption)
    assert "(Show appreciation has 4)" in figure.caption
    assert len(figure.table) == framework.indicator_count  # no row for what does not exist


def test_gap_caption_states_the_finding(framework: Framework, answered: AssessmentFactory) -> None:
    caption = gap_figure(score(framework, answered(4, 1, 4, 4, 4, 4, 4))).caption
    assert "largest weighted gap is Regularly update clients on progress" in caption
    assert "1.0 (Never) against a target of Often" in caption  # words, as in the text


def test_partial_answers_chart_only_rated_practices(framework: Framework) -> None:
    indicator = framework.practices[4].indicators[0].id
    assessment = Assessment.empty(framework).with_rating(indicator, 2)
    figure = gap_figure(score(framework, assessment))
    assert list(figure.table["Practice"]) == ["Transparent and honest"]


def test_the_scale_axis_names_every_level(
    framework: Framework, answered: AssessmentFactory
) -> None:
    """Vega would drop overlapping words (a phone, a projector): all five stay, and a
    narrow chart moves every second word to a second line instead."""
    spec = gap_figure(score(framework, answered(3))).chart.to_dict()
    axis = _encodings(spec)[1]["x"]["axis"]
    assert axis["values"] == [1, 2, 3, 4, 5]
    assert axis["labelOverlap"] is False
    assert "datum.value % 2 == 0 ? ['', " in axis["labelExpr"]


class _Marked(gettext.NullTranslations):
    """A stand-in catalog that marks every message it translates: «Current»."""

    def gettext(self, message: str) -> str:
        return f"«{message}»"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"«{singular if n == 1 else plural}»"

    def pgettext(self, context: str, message: str) -> str:
        return f"«{message}»"


def test_a_chart_in_another_language_keeps_its_field_names(
    framework: Framework, answered: AssessmentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Titles, legend, tooltips, caption and table headers go through the catalog; the
    Vega-Lite field names stay the same ids, so the chart draws the same in every language."""
    monkeypatch.setattr(i18n, "catalog", lambda code: _Marked())
    figure = gap_figure(score(framework, answered(4, 1, 3)))
    points = _encodings(figure.chart.to_dict())[1]
    assert figure.title == "«Current level against target»"
    assert figure.caption.startswith("«Current level (circle) against target (diamond) for 7 ")
    headers = ["«Priority»", "«Practice»", "«Current»", "«Target»", "«Gap»"]
    assert list(figure.table.columns) == headers
    assert points["x"]["field"] == "Level" and points["x"]["axis"]["title"] == "«How often»"
    assert points["color"]["scale"]["domain"] == ["«Current»", "«Target»"]
    tooltips = {t["field"]: t["title"] for t in points["tooltip"]}
    assert tooltips == {
        "Full name": "«Practice»", "Series": "«Series»", "Level": "«Level»",
        "Gap": "«Gap»", "Priority": "«Priority»",
    }  # fmt: skip
