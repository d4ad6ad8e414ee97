"""Recommendations and the headline follow from the person's own answers."""

from __future__ import annotations

import re

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.headline import summary_sentences, unsupported_sentence
from rapport.core.plan import action_plan, plan_practice
from rapport.core.scoring import score
from rapport.core.text import ME


def _rate(framework: Framework, values: dict[str, int]) -> Assessment:
    assessment = Assessment.empty(framework)
    for indicator_id, value in values.items():
        assessment = assessment.with_rating(indicator_id, value)
    return assessment


def test_actions_follow_the_lowest_rated_statements(framework: Framework) -> None:
    practice = framework.practice("clear-channels")
    # Rate everything Often except the statements one action addresses.
    target_action = practice.actions[-1]
    values = {i.id: 4 for i in practice.indicators}
    values.update(dict.fromkeys(target_action.indicators, 1))
    assessment = _rate(framework, values)
    plan = plan_practice(score(framework, assessment).scores[0], assessment)
    assert plan.actions[0] == target_action
    assert plan.weakest[0].indicator.id in target_action.indicators
    assert all(r.rating < plan.score.target for r in plan.weakest)


def test_no_actions_when_the_target_is_met(framework: Framework) -> None:
    practice = framework.practice("clear-channels")
    assessment = _rate(framework, {i.id: 5 for i in practice.indicators})
    plan = plan_practice(score(framework, assessment).scores[0], assessment)
    assert plan.actions == () and plan.weakest == ()


def test_action_plan_covers_the_focus_in_order(framework: Framework) -> None:
    values = {i.id: 1 for i in framework.practice("transparency").indicators}
    values |= {i.id: 3 for i in framework.practice("appreciation").indicators}
    values |= {i.id: 5 for i in framework.practice("proactive").indicators}
    assessment = _rate(framework, values)
    plans = action_plan(score(framework, assessment), assessment)
    assert [p.score.practice.id for p in plans] == ["transparency", "appreciation"]
    assert all(p.actions for p in plans)


def test_headline_names_this_persons_strength_and_focus(framework: Framework) -> None:
    values = {i.id: 1 for i in framework.practice("respect-time").indicators}
    values |= {i.id: 5 for i in framework.practice("active-listening").indicators}
    sentences = summary_sentences(score(framework, _rate(framework, values)))
    text = " ".join(sentences)
    assert "strongest practice is Listen actively and seek feedback" in text
    assert "Focus first on Respect the client's time" in text
    assert "gap of 3.0" in text
    assert "These results cover 10 of the 34 statements" in text


def test_the_report_speaks_as_the_person(framework: Framework) -> None:
    """The same headline in the first person, for the report a student hands in."""
    values = {i.id: 1 for i in framework.practice("respect-time").indicators}
    values |= {i.id: 5 for i in framework.practice("active-listening").indicators}
    profile = score(framework, _rate(framework, values))
    text = " ".join(summary_sentences(profile, ME))
    assert "My strongest practice is Listen actively and seek feedback: I rate it" in text
    assert "My first priority is Respect the client's time: I rate it" in text
    assert "practices I have not rated are left out" in text
    assert not re.search(r"\b(you|your)\b", text, re.IGNORECASE)
    flagged = _rate(framework, {i.id: 5 for i in framework.practice("proactive").indicators})
    caution = unsupported_sentence(score(framework, flagged), ME) or ""
    assert caution.startswith("I rated Be proactive highly without giving a recent example.")


def test_headline_when_every_target_is_met(framework: Framework) -> None:
    values = {i.id: 5 for p in framework.practices for i in p.indicators}
    text = " ".join(summary_sentences(score(framework, _rate(framework, values))))
    assert "meet or exceed every target" in text
    assert "These results use" not in text


def test_no_headline_without_answers(framework: Framework) -> None:
    assert summary_sentences(score(framework, Assessment.empty(framework))) == ()


def _strengths(framework: Framework, count: int) -> str:
    """The headline's strengths sentence when the first `count` practices meet target."""
    values = {}
    for number, practice in enumerate(framework.practices):
        values |= {i.id: 5 if number < count else 1 for i in practice.indicators}
    sentences = summary_sentences(score(framework, _rate(framework, values)))
    return next(s for s in sentences if s.startswith("Your strongest practice"))


def test_the_strengths_are_listed_as_a_sentence_lists_them(framework: Framework) -> None:
    names = [p.name for p in framework.practices]
    assert f"You also meet your target in {names[1]}." in _strengths(framework, 2)
    assert f"You also meet your target in {names[1]} and {names[2]}." in _strengths(framework, 3)
    # Three others are all named, never "and 1 more".
    four = _strengths(framework, 4)
    assert f"in {names[1]}, {names[2]} and {names[3]}." in four
    assert "1 more" not in four
    assert f"in {names[1]}, {names[2]} and 3 more." in _strengths(framework, 6)
