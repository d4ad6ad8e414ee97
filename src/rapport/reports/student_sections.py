"""The sections of the student's report about the practices: what the research says (third
person), and how I rate myself and what I will do (first person).

Each takes plain values (framework, profile, assessment) and a Writer, never the report's
own input type, so it depends on nothing above it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapport.core.assessment import Assessment
from rapport.core.drafts import example_sentence
from rapport.core.framework import Framework, Practice
from rapport.core.headline import summary_sentences, unsupported_sentence
from rapport.core.judgement import SayDo
from rapport.core.plan import PracticePlan, action_plan, describe_level, numeric_ratings
from rapport.core.scoring import PracticeScore, Profile
from rapport.core.text import ME, join_words, spelled
from rapport.reports.common import Writer, add_table


def _quote(text: str) -> str:
    return f"\u201c{text.rstrip('.')}\u201d"


# -- The research (third person) ----------------------------------------------------------


def write_research(writer: Writer, framework: Framework) -> None:
    writer.heading("Good practices in the research", 1)
    for paragraph in framework.introduction:
        writer.cited(paragraph)
    for number, practice in enumerate(framework.practices, start=1):
        _practice_research(writer, framework, practice, number)


def _practice_research(
    writer: Writer, framework: Framework, practice: Practice, number: int
) -> None:
    writer.heading(f"{number}. {practice.name}", 2)
    definition = writer.text("")
    definition.add_run(practice.definition).bold = True
    writer.cited(practice.why_it_matters)
    sources = "; ".join(framework.reference(key).cite for key in practice.citations)
    line = writer.text("")
    line.add_run("Sources: ").italic = True
    line.add_run(writer.with_citations(sources) + ".").italic = True


# -- My self-assessment (first person) ----------------------------------------------------


def write_method(writer: Writer, framework: Framework, profile: Profile) -> None:
    scale = framework.scale
    words = join_words([level.label for level in scale.levels], "or")
    writer.heading("How I assessed myself", 2)
    rated = (
        f"all {profile.total} behaviour statements"
        if profile.is_complete
        else f"{profile.answered} of the {profile.total} behaviour statements"
    )
    writer.text(
        f"I rated {rated}, grouped under the "
        f"{spelled(len(framework.practices))} practices, by how often I do each one ({words}), or "
        f"marked it {scale.not_applicable.label} where the situation has not arisen in my "
        "work. A practice's current level is the average of its rated statements, from 1 "
        f"({scale.levels[0].label}) to {scale.max_value} ({scale.levels[-1].label}). For "
        "each practice I set a realistic target and said how important it is to me; the "
        "gap is the target minus the current level, and the priority weighs each gap by "
        "that importance."
    )


def write_results_summary(writer: Writer, profile: Profile) -> None:
    writer.heading("What the results show", 2)
    if profile.is_empty:
        writer.text("I have not rated any statement on the scale yet, so there is no result.")
        return
    for sentence in summary_sentences(profile, ME):
        writer.text(sentence)
    writer.text(example_sentence(profile))
    caution = unsupported_sentence(profile, ME)
    if caution:
        writer.text(caution)


def write_score_table(writer: Writer, profile: Profile) -> None:
    scale = profile.framework.scale
    writer.heading("My scores and priorities", 2)
    writer.text(
        "Gap is the target minus the current level; priority 1 is the most urgent, weighing "
        "each gap by the importance I gave the practice."
    )
    ordered = [*profile.priorities, *(s for s in profile.scores if not s.scored)]
    rows = []
    for s in ordered:
        rank = profile.priority_rank(s.practice.id)
        rows.append(
            [
                s.practice.name,
                describe_level(profile, s.current) if s.current is not None else "Not rated",
                scale.label(s.target),
                f"{s.gap:+.1f}" if s.gap is not None else "–",
                str(rank) if rank is not None else "–",
            ]
        )
    add_table(writer.doc, ["Practice", "Current", "Target", "Gap", "Priority"], rows)


def write_practice_ratings(writer: Writer, profile: Profile, assessment: Assessment) -> None:
    writer.heading("My ratings, practice by practice", 2)
    focus = [s.practice.id for s in profile.focus]
    for number, score in enumerate(profile.scores, start=1):
        _ratings(writer, profile, assessment, score, number, focus)


def _ratings(
    writer: Writer,
    profile: Profile,
    assessment: Assessment,
    score: PracticeScore,
    number: int,
    focus: list[str],
) -> None:
    framework = profile.framework
    practice = score.practice
    writer.heading(f"{number}. {practice.name}", 3)
    writer.text(_standing(profile, assessment, score, focus))
    rows = [
        [indicator.text, framework.scale.word(assessment.rating(indicator.id))]
        for indicator in practice.indicators
    ]
    add_table(writer.doc, ["Statement", "How often I do it"], rows)
    if score.example:
        paragraph = writer.text("")
        paragraph.add_run("My recent example: ").bold = True
        paragraph.add_run(score.example)


def _standing(
    profile: Profile, assessment: Assessment, score: PracticeScore, focus: list[str]
) -> str:
    """Where this practice stands, in words that follow from its own numbers, so no two
    practices read the same."""
    scale = profile.framework.scale
    target = scale.label(score.target)
    if not score.scored:
        if score.answered:
            return (
                f"I marked every statement here {scale.not_applicable.label}: the situations "
                "have not arisen in my current work."
            )
        return "I have not rated this practice yet."
    level = describe_level(profile, score.current or 0)
    ratings = numeric_ratings(score, assessment)
    if score.meets_target:
        best = max(score.practice.indicators, key=lambda i: ratings.get(i.id, 0))
        return (
            f"I rate myself {level} against my target of {target}, so I meet it. My "
            f"strongest habit here: {_quote(best.text)} ({scale.label(ratings[best.id])})."
        )
    lowest = min(
        (i for i in score.practice.indicators if i.id in ratings), key=lambda i: ratings[i.id]
    )
    weakest = f"My lowest rating here: {_quote(lowest.text)} ({scale.label(ratings[lowest.id])})."
    if score.practice.id in focus:
        rank = focus.index(score.practice.id) + 1
        return (
            f"I rate myself {level} against my target of {target}, a gap of {score.gap:.1f}, "
            f"which makes it priority {rank} in my action plan below."
        )
    return (
        f"I rate myself {level} against my target of {target}, a gap of {score.gap:.1f}: "
        f"below my target, but not among my top priorities for now. {weakest}"
    )


def write_action_plan(
    writer: Writer,
    profile: Profile,
    assessment: Assessment,
    says_more: Sequence[SayDo] = (),
) -> None:
    """The plan: the largest weighted gaps, then any practice whose client situation my
    choices handled far worse than my self-rating says (`says_more`), which a gap alone
    would never bring in: a high self-rating leaves no gap."""
    writer.heading("Action plan", 1)
    plans = action_plan(profile, assessment)
    planned = {p.score.practice.id for p in plans}
    extra = [s for s in says_more if s.practice.id not in planned]
    if not plans and not extra:
        writer.text("No practice is below my target, so there is no gap to close right now.")
        return
    if not plans:
        writer.text("No practice is below my target, but my choices point to one to work on.")
        _write_says_more(writer, extra, 1)
        return
    writer.text(
        "I will concentrate on the practice with the largest gap, weighted by the "
        "importance I gave it."
        if len(plans) == 1
        else f"I will concentrate on the {spelled(len(plans))} practices with the largest "
        "gaps, weighted by the importance I gave them, starting with the first."
    )
    for number, plan in enumerate(plans, start=1):
        writer.heading(f"{number}. {plan.score.practice.name}", 2)
        _plan_body(writer, profile, plan)
    _write_says_more(writer, extra, len(plans) + 1)


def _write_says_more(writer: Writer, found: Sequence[SayDo], first: int) -> None:
    for number, item in enumerate(found, start=first):
        writer.heading(f"{number}. {item.practice.name}", 2)
        writer.text(
            f"I rate myself {item.say:.0f} of 100 here, but my choices in its client "
            f"situation scored {item.do:.0f}: I say I do this more than my choices show, so "
            "it joins my plan. My steps:"
        )
        for action in item.practice.actions[:2]:
            writer.bullet(action.title.rstrip(".") + ".", action.detail)


def _plan_body(writer: Writer, profile: Profile, plan: PracticePlan) -> None:
    score = plan.score
    scale = profile.framework.scale
    writer.text(
        f"Where I stand: {describe_level(profile, score.current or 0)} against a target of "
        f"{scale.label(score.target)}, a gap of {score.gap:.1f}."
    )
    if plan.weakest:
        lowest = plan.weakest[0]
        writer.text(
            f"I will start with the statement I rated lowest, "
            f"{_quote(lowest.indicator.text)} ({scale.label(lowest.rating)}). My steps:"
        )
    for action in plan.actions:
        writer.bullet(action.title.rstrip(".") + ".", action.detail)
    below = plan.weakest[1:3]
    if below:
        quoted = join_words([_quote(r.indicator.text) for r in below])
        writer.text(f"Also below my target here: {quoted}.")
