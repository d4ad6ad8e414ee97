"""The report's "How others see me": what the raters' view shows, in the student's voice,
and nothing the floor hides (no group below three, no comments)."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

from rapport.core.feedback import FLOOR, FeedbackRequest, FeedbackView, feedback_view
from rapport.core.framework import Framework
from rapport.core.room import PracticeRow
from rapport.core.snapshots import next_snapshot
from rapport.usecases.student import student_report
from tests.conftest import AssessmentFactory
from tests.docx_reading import (
    SECOND_PERSON,
    TOOL_TALK,
    headings,
    reopen,
    report_problems,
    section,
)

T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)


def _rows(framework: Framework, scores: list[float]) -> list[PracticeRow]:
    rows = []
    for practice in framework.practices:
        levels: dict[int, list[float]] = {}
        for value in scores:
            levels.setdefault(math.floor(value + 0.5), []).append(value)
        rows += [
            PracticeRow(practice.id, lv, len(vs), sum(vs), sum(v * v for v in vs), 0.0)
            for lv, vs in levels.items()
        ]
    return rows


def _view(framework: Framework, clients: list[float], teammates: list[float]) -> FeedbackView:
    request = FeedbackRequest(
        "r1", "Alex", ("client", "teammate"), True, framework.id, framework.version,
        T0, T0 + timedelta(days=7), T0 + timedelta(days=40),
    )  # fmt: skip
    levels = framework.scale.max_value
    snapshots = {
        "client": next_snapshot(None, _rows(framework, clients), [], 9, FLOOR, levels),
        "teammate": next_snapshot(None, _rows(framework, teammates), [], 9, FLOOR, levels),
    }
    answered = {"client": len(clients), "teammate": len(teammates)}
    return feedback_view(framework, request, snapshots, answered, T0)


def test_the_report_shows_how_others_see_me(
    framework: Framework, answered: AssessmentFactory
) -> None:
    view = _view(framework, [2.0, 2.0, 2.4], [4.0, 4.0])  # two teammates: below the floor
    raw = student_report(framework, answered(5, 4), date(2026, 12, 1), feedback=view)
    doc = reopen(raw)
    assert "How others see me" in headings(doc, 1)
    texts = section(doc, "How others see me")
    joined = "\n".join(texts)
    assert "I asked clients and teammates" in joined
    assert "The results hold 3 answers from clients." in joined  # not the two teammates
    assert "2 answers from smaller groups are not included" in joined
    assert "at least 3 of its members" in joined
    assert any(t.startswith(framework.practices[0].name + ": I rate myself 5.0") for t in texts)
    assert not [t for t in texts if SECOND_PERSON.search(t) or TOOL_TALK.search(t)]
    tables = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["Practice", "Me", "All others", "Raters", "Difference", "Reading"] in tables
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert any("How others see me" in c for c in captions)
    assert report_problems(doc, framework) == []


def test_no_section_while_no_group_shows(framework: Framework, answered: AssessmentFactory) -> None:
    view = _view(framework, [2.0, 3.0], [4.0])
    doc = reopen(student_report(framework, answered(4), date(2026, 12, 1), feedback=view))
    assert "How others see me" not in headings(doc, 1)
