"""First-person drafts of the report's introduction and conclusion, made only from the
person's own answers, for when they have not written their own.

A draft is a starting point, never a finished text: the report marks it as a draft to
rewrite, and it says nothing the answers do not show (no invented motives, no invented
results). Every sentence names this person's own practices, levels, examples and plan.
"""

from __future__ import annotations

from rapport.core.assessment import Assessment
from rapport.core.plan import action_plan, describe_level
from rapport.core.scoring import Profile
from rapport.core.text import join_words, plural, spelled


def _lower_first(text: str) -> str:
    """ "Write a plan" -> "write a plan", for an action title inside a sentence."""
    return text[:1].lower() + text[1:]


def split_paragraphs(text: str) -> tuple[str, ...]:
    """The person's own text as paragraphs: a blank line separates two."""
    blocks = [" ".join(block.split()) for block in text.replace("\r", "").split("\n\n")]
    return tuple(block for block in blocks if block)


def introduction_draft(profile: Profile) -> tuple[str, ...]:
    framework = profile.framework
    count = len(framework.practices)
    opening = (
        f"In this report I assess my own habits against {spelled(count)} good practices for "
        "managing "
        "client relationships, drawn from project-management and service-quality research. "
        f"I rated {plural(profile.answered, 'behaviour statement')} by how often I do "
        f"{'it' if profile.answered == 1 else 'them'} and set a realistic target for each "
        "practice."
    )
    if profile.is_empty:
        return (opening,)
    parts = []
    if profile.strengths:
        best = profile.strengths[0]
        parts.append(
            f"My strongest practice is {best.practice.name}, which I rate "
            f"{describe_level(profile, best.current or 0)}"
        )
    if profile.focus:
        first = profile.focus[0]
        parts.append(
            f"my largest weighted gap is in {first.practice.name}, at "
            f"{describe_level(profile, first.current or 0)} against a target of "
            f"{framework.scale.label(first.target)}"
        )
    findings = "; ".join(parts)
    findings = findings[0].upper() + findings[1:] + "." if findings else ""
    plan = (
        "The report first summarises what the research says about each practice, then sets "
        "out my ratings and ends with an action plan for "
        f"{join_words([s.practice.name for s in profile.focus])}."
        if profile.focus
        else "The report first summarises what the research says about each practice, then "
        "sets out my ratings and what I will do to keep them where they are."
    )
    return (opening, f"{findings} {plan}".strip())


def conclusion_draft(profile: Profile, assessment: Assessment) -> tuple[str, ...]:
    if profile.is_empty:
        return (
            "I have not rated enough statements yet to draw conclusions; I will complete the "
            "assessment and return to this section.",
        )
    paragraphs = []
    strengths = [s.practice.name for s in profile.strengths]
    focus = profile.focus
    if strengths:
        met = f"The assessment shows that I already meet my targets in {join_words(strengths)}."
    else:
        met = "The assessment shows that none of the practices I rated meets my target yet."
    if focus:
        gaps = join_words([f"{s.practice.name} (a gap of {s.gap:.1f})" for s in focus])
        met += (
            f" My largest gap, weighted by how much it matters to me, is in {gaps}."
            if len(focus) == 1
            else f" My largest gaps, weighted by how much each matters to me, are in {gaps}."
        )
    paragraphs.append(met)
    plans = action_plan(profile, assessment)
    first_steps = [_lower_first(p.actions[0].title.rstrip(".")) for p in plans if p.actions]
    if first_steps:
        paragraphs.append(
            f"Over the coming weeks I will {join_words(first_steps)}. I will then retake the "
            "assessment, compare the two reports and check whether the gaps have narrowed."
        )
    else:
        paragraphs.append(
            "I will keep these habits, raise a target where I want to stretch, and retake "
            "the assessment later to check that they hold."
        )
    return tuple(paragraphs)


def example_sentence(profile: Profile) -> str:
    """How many of the rated practices have a recent example behind them, once, in the
    results (self-ratings run optimistic; an example is the check)."""
    rated = len(profile.scored)
    examples = sum(bool(s.example) for s in profile.scored)
    if not examples:
        return "I did not give a recent example from my own work for any practice."
    if examples == rated:
        return "I gave a recent example from my own work for every practice I rated."
    return (
        f"I gave a recent example from my own work for {examples} of the {rated} practices "
        "I rated; for the others, an example would show whether the rating holds up."
    )
