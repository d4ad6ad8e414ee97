"""First-person drafts of the report's introduction and conclusion, made only from the
person's own answers, for when they have not written their own.

A draft is a starting point, never a finished text: the report marks it as a draft to
rewrite, and it says nothing the answers do not show (no invented motives, no invented
results). Every sentence names this person's own practices, levels, examples and plan.
"""

from __future__ import annotations

from rapport.core.assessment import Assessment
from rapport.core.i18n import _, ngettext
from rapport.core.plan import action_plan, describe_level
from rapport.core.scoring import Profile
from rapport.core.text import join_words, number, spelled


def _lower_first(text: str) -> str:
    """ "Write a plan" -> "write a plan", for an action title inside a sentence."""
    return text[:1].lower() + text[1:]


def split_paragraphs(text: str) -> tuple[str, ...]:
    """The person's own text as paragraphs: a blank line separates two."""
    blocks = [" ".join(block.split()) for block in text.replace("\r", "").split("\n\n")]
    return tuple(block for block in blocks if block)


def _opening(profile: Profile) -> str:
    count = len(profile.framework.practices)
    # Translators: {n} is a number, spelled out in English ("seven").
    scope = ngettext(
        "In this report I assess my own habits against {n} good practice for managing client "
        "relationships, drawn from project-management and service-quality research.",
        "In this report I assess my own habits against {n} good practices for managing client "
        "relationships, drawn from project-management and service-quality research.",
        count,
    ).format(n=spelled(count))
    method = ngettext(
        "I rated {n} behaviour statement by how often I do it and set a realistic target for "
        "each practice.",
        "I rated {n} behaviour statements by how often I do them and set a realistic target "
        "for each practice.",
        profile.answered,
    ).format(n=profile.answered)
    return f"{scope} {method}"


def _findings(profile: Profile) -> str:
    """The strongest practice and the largest weighted gap, in one sentence."""
    scale = profile.framework.scale
    best = profile.strengths[0] if profile.strengths else None
    first = profile.focus[0] if profile.focus else None
    values = {}
    if best is not None:
        values |= {
            "strongest": best.practice.name,
            "level": describe_level(profile, best.current or 0),
        }
    if first is not None:
        values |= {
            "practice": first.practice.name,
            "gap_level": describe_level(profile, first.current or 0),
            "target": scale.label(first.target),
        }
    if best is not None and first is not None:
        # Translators: {level} and {gap_level} read "3.4 (Sometimes)"; {target} is a word
        # of the rating scale.
        text = _(
            "My strongest practice is {strongest}, which I rate {level}; my largest weighted "
            "gap is in {practice}, at {gap_level} against a target of {target}."
        )
    elif best is not None:
        # Translators: {level} reads "3.4 (Sometimes)".
        text = _("My strongest practice is {strongest}, which I rate {level}.")
    elif first is not None:
        # Translators: {gap_level} reads "3.4 (Sometimes)"; {target} is a word of the rating
        # scale.
        text = _(
            "My largest weighted gap is in {practice}, at {gap_level} against a target of {target}."
        )
    else:
        return ""
    return text.format(**values)


def introduction_draft(profile: Profile) -> tuple[str, ...]:
    opening = _opening(profile)
    if profile.is_empty:
        return (opening,)
    if profile.focus:
        # Translators: {practices} is a list of practice names.
        plan = _(
            "The report first summarises what the research says about each practice, then "
            "sets out my ratings and ends with an action plan for {practices}."
        ).format(practices=join_words([s.practice.name for s in profile.focus]))
    else:
        plan = _(
            "The report first summarises what the research says about each practice, then "
            "sets out my ratings and what I will do to keep them where they are."
        )
    return (opening, f"{_findings(profile)} {plan}".strip())


def conclusion_draft(profile: Profile, assessment: Assessment) -> tuple[str, ...]:
    if profile.is_empty:
        return (
            _(
                "I have not rated enough statements yet to draw conclusions; I will complete "
                "the assessment and return to this section."
            ),
        )
    paragraphs = []
    strengths = [s.practice.name for s in profile.strengths]
    focus = profile.focus
    if strengths:
        # Translators: {practices} is a list of practice names.
        met = _("The assessment shows that I already meet my targets in {practices}.").format(
            practices=join_words(strengths)
        )
    else:
        met = _("The assessment shows that none of the practices I rated meets my target yet.")
    if focus:
        gaps = join_words(
            [
                # Translators: one practice in a list; {gap} is a number ("1.5").
                _("{practice} (a gap of {gap})").format(
                    practice=s.practice.name, gap=number(s.gap or 0.0, 1)
                )
                for s in focus
            ]
        )
        # Translators: {gaps} lists practices: "Be proactive (a gap of 1.5) and ...".
        largest = ngettext(
            "My largest gap, weighted by how much it matters to me, is in {gaps}.",
            "My largest gaps, weighted by how much each matters to me, are in {gaps}.",
            len(focus),
        )
        met = f"{met} {largest.format(gaps=gaps)}"
    paragraphs.append(met)
    plans = action_plan(profile, assessment)
    first_steps = [_lower_first(p.actions[0].title.rstrip(".")) for p in plans if p.actions]
    if first_steps:
        # Translators: {steps} lists the first action of each plan, as the framework titles
        # them with a lowercase first letter ("write a plan and call the client").
        text = _(
            "Over the coming weeks I will {steps}. I will then retake the assessment, compare "
            "the two reports and check whether the gaps have narrowed."
        )
        paragraphs.append(text.format(steps=join_words(first_steps)))
    else:
        paragraphs.append(
            _(
                "I will keep these habits, raise a target where I want to stretch, and retake "
                "the assessment later to check that they hold."
            )
        )
    return tuple(paragraphs)


def example_sentence(profile: Profile) -> str:
    """How many of the rated practices have a recent example behind them, once, in the
    results (self-ratings run optimistic; an example is the check)."""
    rated = len(profile.scored)
    examples = sum(bool(s.example) for s in profile.scored)
    if not examples:
        return _("I did not give a recent example from my own work for any practice.")
    if examples == rated:
        return _("I gave a recent example from my own work for every practice I rated.")
    # Translators: {examples} and {rated} count practices.
    return ngettext(
        "I gave a recent example from my own work for {examples} of the {rated} practice I "
        "rated; for the others, an example would show whether the rating holds up.",
        "I gave a recent example from my own work for {examples} of the {rated} practices "
        "I rated; for the others, an example would show whether the rating holds up.",
        rated,
    ).format(examples=examples, rated=rated)
