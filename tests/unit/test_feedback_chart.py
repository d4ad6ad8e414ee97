"""The feedback chart: own score beside each shown group, counts with every mark."""

from __future__ import annotations

from rapport.charts.feedback import SELF, feedback_figure
from rapport.core.framework import Framework
from rapport.core.scoring import score
from tests.conftest import AssessmentFactory
from tests.helpers import rated_by


def test_two_groups_and_all_others_each_with_its_own_mark(
    framework: Framework, answered: AssessmentFactory
) -> None:
    view = rated_by(framework, [2.0, 2.0, 3.0], [4.0, 4.0, 5.0])
    figure = feedback_figure(framework, view, score(framework, answered(4)))
    assert figure is not None
    encoding = figure.chart.to_dict()["encoding"]
    assert encoding["color"]["scale"]["domain"] == [
        SELF, "Clients (n=3)", "Teammates (n=3)", "All others (n=6)",
    ]  # fmt: skip
    shapes = encoding["shape"]["scale"]["range"]
    assert len(set(shapes)) == 4 and shapes[-1] == "square"
    assert {t["field"] for t in encoding["tooltip"]} >= {"Who", "Level", "n"}
    everyone = figure.table[figure.table["Who"] == "All others (n=6)"]
    assert set(everyone["Raters"]) == {6}
    assert "raters: clients 3, teammates 3, all others 6" in figure.caption


def test_one_group_is_not_drawn_twice_and_a_small_one_not_at_all(
    framework: Framework,
) -> None:
    view = rated_by(framework, [2.0, 2.0, 3.0], [4.0, 4.0])  # two teammates: below the floor
    figure = feedback_figure(framework, view, None)
    assert figure is not None
    assert set(figure.table["Who"]) == {"Clients (n=3)"}
    assert "teammates" not in figure.caption.lower()
    assert feedback_figure(framework, rated_by(framework, [2.0, 3.0], [4.0]), None) is None
