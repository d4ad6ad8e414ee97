"""The per-practice sections and the action plan of the student's Word report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.document import Document as DocumentObject

from rapport.core.framework import Framework, Practice
from rapport.core.plan import PracticePlan, action_plan, describe_level, plan_practice
from rapport.core.scoring import PracticeScore
from rapport.core.text import clean_text
from rapport.docx_parts import (
    add_heading,
    add_styled,
    add_text,
    mark_header_row,
    set_column_widths,
)

if TYPE_CHECKING:  # report.py imports this module; the type is only for annotations
    from rapport.report import ReportInput


def _citation_line(doc: DocumentObject, framework: Framework, practice: Practice) -> None:
    paragraph = doc.add_paragraph()
    paragraph.add_run("Sources: ").bold = True
    cites = "; ".join(framework.reference(key).cite for key in practice.citations)
    paragraph.add_run(clean_text(cites) + ". Full entries under References.")


def write_practice_section(doc: DocumentObject, data: ReportInput, score: PracticeScore) -> None:
    practice, framework = score.practice, data.framework
    add_heading(doc, clean_text(practice.name), 2)
    definition = doc.add_paragraph()
    definition.add_run(clean_text(practice.definition)).bold = True
    add_heading(doc, "Why it matters", 3)
    add_text(doc, practice.why_it_matters)
    _citation_line(doc, framework, practice)
    add_heading(doc, "Your ratings", 3)
    level = (
        describe_level(data.profile, score.current) if score.current is not None else "not rated"
    )
    add_text(
        doc,
        f"Current level {level}; target {score.target} ({framework.scale.label(score.target)}).",
    )
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Statement", "How often"
    for indicator in practice.indicators:
        cells = table.add_row().cells
        cells[0].text = clean_text(indicator.text)
        cells[1].text = framework.scale.word(data.assessment.rating(indicator.id))
    mark_header_row(table)
    set_column_widths(table, [4.8, 1.6])
    add_heading(doc, "Your example", 3)
    add_text(doc, score.example or "No example given.")
    add_heading(doc, "Recommended actions", 3)
    _plan_body(doc, plan_practice(score, data.assessment))


def _plan_body(doc: DocumentObject, plan: PracticePlan) -> None:
    score = plan.score
    if not score.scored:
        add_text(doc, "Rate at least one statement of this practice to get recommendations.")
        return
    if not plan.actions:
        add_text(doc, "You meet your target here. Keep the habits that got you there.")
        return
    if plan.weakest:
        start = plan.weakest[0].indicator.text.rstrip(".")
        add_text(doc, f"Start with the statement you rated lowest: \u201c{start}.\u201d")
    for action in plan.actions:
        item = add_styled(doc, "", "List Bullet")
        item.add_run(clean_text(action.title) + ". ").bold = True
        item.add_run(clean_text(action.detail))


def write_action_plan(doc: DocumentObject, data: ReportInput) -> None:
    add_heading(doc, "Action plan", 1)
    plans = action_plan(data.profile, data.assessment)
    if not plans:
        add_text(doc, "No practice is below its target, so there is no gap to close right now.")
        return
    add_text(doc, "The practices with the largest gaps, weighted by the importance you gave them.")
    for number, plan in enumerate(plans, start=1):
        add_heading(doc, f"{number}. {clean_text(plan.score.practice.name)}", 2)
        _plan_body(doc, plan)
        below = plan.weakest[1:3]
        if below:
            add_text(doc, "Also below your target: " + "; ".join(r.indicator.text for r in below))
