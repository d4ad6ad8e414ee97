"""The report's "What my choices show": each client situation I rated, scored against the
key, beside how often I say I use the practice; and, for each situation, the strongest
response and why, with its source."""

from __future__ import annotations

from collections.abc import Sequence

from rapport.core.framework import Framework
from rapport.core.i18n import N_, _, ngettext, pgettext
from rapport.core.judgement import CHOOSES_BETTER, SAYS_MORE, SayDo
from rapport.core.scenarios import effectiveness
from rapport.core.text import join_words, signed
from rapport.core.text import number as decimal
from rapport.reports.common import ChartImage, Writer, add_figure, add_table

READING = {
    # Translators: in a table cell: my self-rating is far above my choices'
    # score in the practice's client situation.
    SAYS_MORE: N_("I say more than my choices show"),
    # Translators: in a table cell: my choices' score is far above my
    # self-rating.
    CHOOSES_BETTER: N_("My choices beat my rating"),
}


def write_choices(
    writer: Writer,
    framework: Framework,
    found: Sequence[SayDo],
    ratings: dict[str, dict[str, int]],
    chart: ChartImage | None,
    first_figure: int,
) -> None:
    writer.heading(_("What my choices show"), 1)
    rated = ngettext(
        "For {n} practice I also rated how effective four responses to a short client "
        "situation would be, from very ineffective to very effective.",
        "For {n} practices I also rated how effective four responses to a short client "
        "situation would be, from very ineffective to very effective.",
        len(found),
    ).format(n=len(found))
    scored = _(
        "My ratings were scored against an expert key, from 0 to 100 (100: every response "
        "rated as the key rates it), and set beside how often I say I use the practice, on "
        "the same 0 to 100 footing."
    )
    writer.text(f"{rated} {scored}")
    says_more = [s.practice.name for s in found if s.flag == SAYS_MORE]
    if says_more:
        # Translators: {practices} lists the practices ("A, B and C").
        writer.text(
            ngettext(
                "Where I say more than my choices show: {practices}. I rate myself high "
                "there, but in the situation I did not pick out the strongest responses, so "
                "it joins my action plan.",
                "Where I say more than my choices show: {practices}. I rate myself high "
                "there, but in the situation I did not pick out the strongest responses, so "
                "they join my action plan.",
                len(says_more),
            ).format(practices=join_words(says_more))
        )
    if chart is not None:
        add_figure(writer.doc, chart, first_figure)
    header = [
        pgettext("table column", "Practice"),
        # Translators: a column header: my self-rating on a 0 to 100 footing.
        pgettext("table column", "Self-rating"),
        # Translators: a column header: my choices' score, 0 to 100.
        pgettext("table column", "Choices"),
        # Translators: a column header: the target minus the current level, or
        # one score minus another.
        pgettext("table column", "Gap"),
        # Translators: a column header: what the numbers say about the
        # practice.
        pgettext("table column", "Reading"),
    ]
    rows = [
        [
            s.practice.name,
            decimal(s.say, 0),
            decimal(s.do, 0),
            signed(s.gap, 0),
            _(READING[s.flag]) if s.flag in READING else "",
        ]
        for s in found
    ]
    add_table(writer.doc, header, rows)
    for item in found:
        for judged in item.judgements:
            scenario, best = judged.scenario, judged.scenario.best
            mine = ratings.get(scenario.id, {}).get(best.id)
            # Translators: a heading; {practice} is the practice's name.
            writer.heading(_("{practice}: the situation").format(practice=item.practice.name), 2)
            writer.text(scenario.situation)
            cite = framework.reference(best.citation).cite
            # Translators: {response} is the response's text, {rationale} why the key
            # ranks it first, {source} its in-text citation ("Bourne, 2009").
            strongest = _("The strongest response, by the key: {response} {rationale} ({source}).")
            paragraph = strongest.format(
                response=best.text, rationale=best.rationale.rstrip("."), source=cite
            )
            if mine is not None:
                # Translators: {rating} is an effectiveness word in lower case
                # ("effective"), {score} a score from 0 to 100.
                mine_too = _("I rated it {rating}, and my choices here score {score} of 100.")
                rating = effectiveness(mine).lower()
                paragraph += " " + mine_too.format(rating=rating, score=decimal(judged.score, 0))
            writer.text(paragraph)
