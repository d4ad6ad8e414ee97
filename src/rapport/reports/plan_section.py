"""The student's report's action plan, in the first person: the largest weighted gaps, each
with its steps, then any practice whose client situation my choices handled far worse than
my self-rating says.

It takes plain values (profile, assessment, say-do findings) and a Writer, as the other
sections do.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapport.core.assessment import Assessment
from rapport.core.i18n import _, ngettext
from rapport.core.judgement import SayDo
from rapport.core.plan import PracticePlan, action_plan, describe_level
from rapport.core.scoring import Profile
from rapport.core.text import join_words, spelled
from rapport.core.text import number as decimal
from rapport.reports.common import Writer, numbered, quoted


def write_action_plan(
    writer: Writer,
    profile: Profile,
    assessment: Assessment,
    says_more: Sequence[SayDo] = (),
) -> None:
    """The plan: the largest weighted gaps, then any practice whose client situation my
    choices handled far worse than my self-rating says (`says_more`), which a gap alone
    would never bring in: a high self-rating leaves no gap."""
    writer.heading(_("Action plan"), 1)
    plans = action_plan(profile, assessment)
    planned = {p.score.practice.id for p in plans}
    extra = [s for s in says_more if s.practice.id not in planned]
    if not plans and not extra:
        writer.text(_("No practice is below my target, so there is no gap to close right now."))
        return
    if not plans:
        writer.text(_("No practice is below my target, but my choices point to one to work on."))
        _write_says_more(writer, extra, 1)
        return
    writer.text(
        # Translators: {n} is the number of practices in the plan, in words in
        # English.
        ngettext(
            "I will concentrate on the practice with the largest gap, weighted by the "
            "importance I gave it.",
            "I will concentrate on the {n} practices with the largest gaps, weighted by the "
            "importance I gave them, starting with the first.",
            len(plans),
        ).format(n=spelled(len(plans)))
    )
    for number, plan in enumerate(plans, start=1):
        writer.heading(numbered(number, plan.score.practice.name), 2)
        _plan_body(writer, profile, plan)
    _write_says_more(writer, extra, len(plans) + 1)


def _write_says_more(writer: Writer, found: Sequence[SayDo], first: int) -> None:
    for number, item in enumerate(found, start=first):
        writer.heading(numbered(number, item.practice.name), 2)
        # Translators: {say} and {do} are scores from 0 to 100.
        says = _(
            "I rate myself {say} of 100 here, but my choices in its client situation scored "
            "{do}: I say I do this more than my choices show, so it joins my plan. My steps:"
        )
        writer.text(says.format(say=decimal(item.say, 0), do=decimal(item.do, 0)))
        for action in item.practice.actions[:2]:
            writer.bullet(action.title.rstrip(".") + ".", action.detail)


def _plan_body(writer: Writer, profile: Profile, plan: PracticePlan) -> None:
    score = plan.score
    scale = profile.framework.scale
    # Translators: {level} is the current level and its nearest word ("3.4
    # (Sometimes)"), {target} a level word of the scale, {gap} a number.
    stand = _("Where I stand: {level} against a target of {target}, a gap of {gap}.")
    writer.text(
        stand.format(
            level=describe_level(profile, score.current or 0),
            target=scale.label(score.target),
            gap=decimal(score.gap or 0, 1),
        )
    )
    if plan.weakest:
        lowest = plan.weakest[0]
        # Translators: {statement} is a quoted statement, {rating} the level
        # word given it.
        start = _(
            "I will start with the statement I rated lowest, {statement} ({rating}). My steps:"
        )
        statement, rating = quoted(lowest.indicator.text), scale.label(lowest.rating)
        writer.text(start.format(statement=statement, rating=rating))
    for action in plan.actions:
        writer.bullet(action.title.rstrip(".") + ".", action.detail)
    below = plan.weakest[1:3]
    if below:
        statements = join_words([quoted(r.indicator.text) for r in below])
        # Translators: {statements} lists one or two quoted statements.
        writer.text(_("Also below my target here: {statements}.").format(statements=statements))
