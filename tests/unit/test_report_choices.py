"""The report's "What my choices show": the say-do flag in the student's voice, the key's
strongest responses with their sources, and the flagged practice in the action plan."""

from __future__ import annotations

from datetime import date

from rapport.core.framework import Framework
from rapport.usecases.student import student_report
from tests.conftest import AssessmentFactory
from tests.docx_reading import SECOND_PERSON, TOOL_TALK, headings, reopen, report_problems, section


def test_always_but_the_weakest_response_rated_best_is_flagged_in_the_report(
    framework: Framework, answered: AssessmentFactory
) -> None:
    first = framework.practices[0]
    scenario = first.scenarios[0]
    assessment = answered(5)
    for option in scenario.options:
        value = 6 if option.id == scenario.weakest.id else 3
        assessment = assessment.with_scenario_rating(scenario.id, option.id, value)
    doc = reopen(student_report(framework, assessment, date(2026, 12, 1)))
    assert "What my choices show" in headings(doc, 1)
    texts = section(doc, "What my choices show")
    joined = "\n".join(texts)
    assert f"Where I say more than my choices show: {first.name}." in joined
    assert scenario.best.text in joined
    cite = framework.reference(scenario.best.citation).cite
    assert f"({cite})." in joined
    assert not [t for t in texts if SECOND_PERSON.search(t) or TOOL_TALK.search(t)]
    plan = "\n".join(section(doc, "Action plan"))
    assert "my choices in its client situation scored" in plan
    tables = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["Practice", "Self-rating", "Choices", "Gap", "Reading"] in tables
    assert report_problems(doc, framework) == []


def test_no_section_without_a_fully_rated_situation(
    framework: Framework, answered: AssessmentFactory
) -> None:
    scenario = framework.practices[0].scenarios[0]
    partly = answered(4).with_scenario_rating(scenario.id, scenario.options[0].id, 5)
    doc = reopen(student_report(framework, partly, date(2026, 12, 1)))
    assert "What my choices show" not in headings(doc, 1)
