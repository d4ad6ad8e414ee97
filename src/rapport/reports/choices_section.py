"""The report's "What my choices show": each client situation I rated, scored against the
key, beside how often I say I use the practice; and, for each situation, the strongest
response and why, with its source."""

from __future__ import annotations

from collections.abc import Sequence

from rapport.core.framework import Framework
from rapport.core.judgement import CHOOSES_BETTER, SAYS_MORE, SayDo
from rapport.core.scenarios import EFFECTIVENESS
from rapport.core.text import join_words, plural
from rapport.reports.common import ChartImage, Writer, add_figure, add_table

READING = {
    SAYS_MORE: "I say more than my choices show",
    CHOOSES_BETTER: "My choices beat my rating",
}


def write_choices(
    writer: Writer,
    framework: Framework,
    found: Sequence[SayDo],
    ratings: dict[str, dict[str, int]],
    chart: ChartImage | None,
    first_figure: int,
) -> None:
    writer.heading("What my choices show", 1)
    writer.text(
        f"For {plural(len(found), 'practice')} I also rated how effective four responses to "
        "a short client situation would be, from very ineffective to very effective. My "
        "ratings were scored against an expert key, from 0 to 100 (100: every response "
        "rated as the key rates it), and set beside how often I say I use the practice, on "
        "the same 0 to 100 footing."
    )
    says_more = [s.practice.name for s in found if s.flag == SAYS_MORE]
    if says_more:
        writer.text(
            f"Where I say more than my choices show: {join_words(says_more)}. I rate myself "
            "high there, but in the situation I did not pick out the strongest responses, so "
            + ("it joins" if len(says_more) == 1 else "they join")
            + " my action plan."
        )
    if chart is not None:
        add_figure(writer.doc, chart, first_figure)
    add_table(
        writer.doc,
        ["Practice", "Self-rating", "Choices", "Gap", "Reading"],
        [
            [
                s.practice.name,
                f"{s.say:.0f}",
                f"{s.do:.0f}",
                f"{s.gap:+.0f}",
                READING.get(s.flag or "", ""),
            ]
            for s in found
        ],
    )
    for item in found:
        for judged in item.judgements:
            scenario, best = judged.scenario, judged.scenario.best
            mine = ratings.get(scenario.id, {}).get(best.id)
            writer.heading(f"{item.practice.name}: the situation", 2)
            writer.text(scenario.situation)
            cite = framework.reference(best.citation).cite
            writer.text(
                f"The strongest response, by the key: {best.text} "
                f"{best.rationale.rstrip('.')} ({cite})."
                + (
                    f" I rated it {EFFECTIVENESS[mine - 1].lower()}, and my choices here score "
                    f"{judged.score:.0f} of 100."
                    if mine is not None
                    else ""
                )
            )
