"""The sections of the student's report about the practices: what the research says (third
person), and how I rate myself (first person); what I will do is plan_section.py.

Each takes plain values (framework, profile, assessment) and a Writer, never the report's
own input type, so it depends on nothing above it.
"""

from __future__ import annotations

from rapport.core.assessment import Assessment
from rapport.core.drafts import example_sentence
from rapport.core.framework import Framework, Practice
from rapport.core.headline import summary_sentences, unsupported_sentence
from rapport.core.i18n import _, ngettext, pgettext
from rapport.core.plan import describe_level, numeric_ratings
from rapport.core.scoring import PracticeScore, Profile
from rapport.core.text import ME, join_words, signed, spelled
from rapport.core.text import number as decimal
from rapport.reports.common import Writer, add_table, numbered, quoted

# -- The research (third person) ----------------------------------------------------------


def write_research(writer: Writer, framework: Framework) -> None:
    writer.heading(_("Good practices in the research"), 1)
    for paragraph in framework.introduction:
        writer.cited(paragraph)
    for number, practice in enumerate(framework.practices, start=1):
        _practice_research(writer, framework, practice, number)


def _practice_research(
    writer: Writer, framework: Framework, practice: Practice, number: int
) -> None:
    writer.heading(numbered(number, practice.name), 2)
    definition = writer.text("")
    definition.add_run(practice.definition).bold = True
    writer.cited(practice.why_it_matters)
    sources = "; ".join(framework.reference(key).cite for key in practice.citations)
    line = writer.text("")
    # Translators: {sources} lists a practice's in-text citations ("Bourne,
    # 2009; ...").
    label = _("Sources: {sources}.").format(sources=writer.with_citations(sources))
    line.add_run(label).italic = True


# -- My self-assessment (first person) ----------------------------------------------------


def write_method(writer: Writer, framework: Framework, profile: Profile) -> None:
    scale = framework.scale
    words = join_words([level.label for level in scale.levels], "or")
    writer.heading(_("How I assessed myself"), 2)
    total = profile.total
    # Translators: {practices} is the number of practices (in words in
    # English, "seven"), {levels} lists the scale's frequency words ("Never,
    # Rarely ... or Always"), {na} is the scale's not-applicable label.
    rated = (
        ngettext(
            "I rated the {total} behaviour statement, grouped under the {practices} "
            "practices, by how often I do it ({levels}), or marked it {na} where the "
            "situation has not arisen in my work.",
            "I rated all {total} behaviour statements, grouped under the {practices} "
            "practices, by how often I do each one ({levels}), or marked it {na} where the "
            "situation has not arisen in my work.",
            total,
        )
        if profile.is_complete
        # Translators: {answered} of the {total} statements were rated;
        # {practices}, {levels} and {na} as in the sentence for all of them.
        else ngettext(
            "I rated {answered} of the {total} behaviour statement, grouped under the "
            "{practices} practices, by how often I do each one ({levels}), or marked it "
            "{na} where the situation has not arisen in my work.",
            "I rated {answered} of the {total} behaviour statements, grouped under the "
            "{practices} practices, by how often I do each one ({levels}), or marked it "
            "{na} where the situation has not arisen in my work.",
            total,
        )
    )
    words = {
        "total": total,
        "answered": profile.answered,
        "practices": spelled(len(framework.practices)),
        "levels": words,
        "na": scale.not_applicable.label,
    }
    # Translators: {lowest} and {highest} are the scale's first and last
    # level words ("Never", "Always"), {top} the number of the last level.
    level = _(
        "A practice's current level is the average of its rated statements, from 1 "
        "({lowest}) to {top} ({highest})."
    ).format(lowest=scale.levels[0].label, top=scale.max_value, highest=scale.levels[-1].label)
    weighing = _(
        "For each practice I set a realistic target and said how important it is to me; the "
        "gap is the target minus the current level, and the priority weighs each gap by "
        "that importance."
    )
    writer.text(" ".join([rated.format(**words), level, weighing]))


def write_results_summary(writer: Writer, profile: Profile) -> None:
    writer.heading(_("What the results show"), 2)
    if profile.is_empty:
        writer.text(_("I have not rated any statement on the scale yet, so there is no result."))
        return
    for sentence in summary_sentences(profile, ME):
        writer.text(sentence)
    writer.text(example_sentence(profile))
    caution = unsupported_sentence(profile, ME)
    if caution:
        writer.text(caution)


def write_score_table(writer: Writer, profile: Profile) -> None:
    scale = profile.framework.scale
    writer.heading(_("My scores and priorities"), 2)
    writer.text(
        _(
            "Gap is the target minus the current level; priority 1 is the most urgent, "
            "weighing each gap by the importance I gave the practice."
        )
    )
    ordered = [*profile.priorities, *(s for s in profile.scores if not s.scored)]
    rows = []
    for s in ordered:
        rank = profile.priority_rank(s.practice.id)
        rows.append(
            [
                s.practice.name,
                describe_level(profile, s.current) if s.current is not None else _("Not rated"),
                scale.label(s.target),
                signed(s.gap, 1) if s.gap is not None else "–",
                str(rank) if rank is not None else "–",
            ]
        )
    header = [
        pgettext("table column", "Practice"),
        # Translators: a column header: the current level.
        pgettext("table column", "Current"),
        pgettext("table column", "Target"),
        pgettext("table column", "Gap"),
        # Translators: a column header: the practice's rank in the action plan.
        pgettext("table column", "Priority"),
    ]
    add_table(writer.doc, header, rows)


def write_practice_ratings(writer: Writer, profile: Profile, assessment: Assessment) -> None:
    writer.heading(_("My ratings, practice by practice"), 2)
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
    writer.heading(numbered(number, practice.name), 3)
    writer.text(_standing(profile, assessment, score, focus))
    rows = [
        [indicator.text, framework.scale.word(assessment.rating(indicator.id))]
        for indicator in practice.indicators
    ]
    header = [pgettext("table column", "Statement"), pgettext("table column", "How often I do it")]
    add_table(writer.doc, header, rows)
    if score.example:
        paragraph = writer.text("")
        # Translators: a bold label, followed by the student's own example.
        paragraph.add_run(_("My recent example:") + " ").bold = True
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
            # Translators: {na} is the scale's not-applicable label.
            return _(
                "I marked every statement here {na}: the situations have not arisen in my "
                "current work."
            ).format(na=scale.not_applicable.label)
        return _("I have not rated this practice yet.")
    level = describe_level(profile, score.current or 0)
    ratings = numeric_ratings(score, assessment)
    if score.meets_target:
        best = max(score.practice.indicators, key=lambda i: ratings.get(i.id, 0))
        # Translators: {level} is the current level and its nearest word ("3.4
        # (Sometimes)"), {target} is a level word, {statement} a quoted
        # statement, {rating} a level word.
        return _(
            "I rate myself {level} against my target of {target}, so I meet it. My strongest "
            "habit here: {statement} ({rating})."
        ).format(
            level=level,
            target=target,
            statement=quoted(best.text),
            rating=scale.label(ratings[best.id]),
        )
    lowest = min(
        (i for i in score.practice.indicators if i.id in ratings), key=lambda i: ratings[i.id]
    )
    gap = decimal(score.gap or 0, 1)
    if score.practice.id in focus:
        rank = focus.index(score.practice.id) + 1
        # Translators: {level} and {target} as in "I rate myself {level}
        # against my target of {target}, so I meet it."; {gap} is a number
        # ("1.2"), {rank} the practice's priority (1, 2, 3).
        return _(
            "I rate myself {level} against my target of {target}, a gap of {gap}, which makes "
            "it priority {rank} in my action plan below."
        ).format(level=level, target=target, gap=gap, rank=rank)
    # Translators: {level} and {target} as in "I rate myself {level} against
    # my target of {target}, so I meet it."; {gap} is a number ("1.2").
    below = _(
        "I rate myself {level} against my target of {target}, a gap of {gap}: below my "
        "target, but not among my top priorities for now."
    ).format(level=level, target=target, gap=gap)
    # Translators: {statement} is a quoted statement, {rating} the level
    # word given it.
    weakest = _("My lowest rating here: {statement} ({rating}).").format(
        statement=quoted(lowest.text), rating=scale.label(ratings[lowest.id])
    )
    return f"{below} {weakest}"
