"""The report's "How others see me": what the raters' view shows, in the student's voice,
and nothing the floor hides (no group below three, no comments)."""

from __future__ import annotations

from datetime import date

from rapport.core.framework import Framework
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
from tests.helpers import rated_by


def test_the_report_shows_how_others_see_me(
    framework: Framework, answered: AssessmentFactory
) -> None:
    view = rated_by(framework, [2.0, 2.0, 2.4], [4.0, 4.0])  # two teammates: below the floor
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
    view = rated_by(framework, [2.0, 3.0], [4.0])
    doc = reopen(student_report(framework, answered(4), date(2026, 12, 1), feedback=view))
    assert "How others see me" not in headings(doc, 1)
