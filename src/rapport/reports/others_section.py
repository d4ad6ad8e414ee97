"""The report's "How others see me" section: plain values in, paragraphs and a table out.

Only what the owner may see reaches it (core/feedback.py's view, through the use case):
groups at or above the floor, practices their raters rated often enough. Comments stay out
of the report: a document travels further than a screen, and a sentence can give its
writer away where an average cannot.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapport.core.blind_spots import BLIND_SPOT, HIDDEN_STRENGTH, Contrast
from rapport.core.text import join_words, plural
from rapport.reports.common import ChartImage, Writer, add_figure, add_table


@dataclass(frozen=True)
class OthersInput:
    """The feedback as the report shows it."""

    asked: tuple[str, ...]  # the groups asked, plural and lower case ("clients")
    shown: tuple[tuple[str, int], ...]  # (group, raters) of each group in the results
    left_out: int  # answers not in the results (their group is still below the floor)
    floor: int
    indicator_count: int
    chart: ChartImage | None
    contrasts: tuple[Contrast, ...]


def _anonymity(data: OthersInput) -> str:
    left = (
        f" {plural(data.left_out, 'answer')} from smaller groups "
        f"{'is' if data.left_out == 1 else 'are'} not included for that reason."
        if data.left_out
        else ""
    )
    return (
        "Their answers were anonymous: a group's average appears only where at least "
        f"{data.floor} of its members rated a practice, and results moved only when "
        f"{data.floor} new answers came in, so no single answer can be read from them." + left
    )


def _contrast_lines(writer: Writer, found: tuple[Contrast, ...], kind: str, none: str) -> None:
    chosen = [c for c in found if c.kind == kind]
    if not chosen:
        writer.text(none)
        return
    for c in chosen:
        writer.text(
            f"{c.practice.name}: I rate myself {c.own:.1f}, others {c.others:.1f} "
            f"({plural(c.others_n, 'rater')}).",
            style="List Bullet",
        )


def write_others(writer: Writer, data: OthersInput, first_figure: int) -> None:
    writer.heading("How others see me", 1)
    counts = join_words([f"{plural(n, 'answer')} from {group.lower()}" for group, n in data.shown])
    writer.text(
        f"I asked {join_words(list(data.asked))} to rate how often they see me do the same "
        f"{data.indicator_count} things I rated myself. The results hold {counts}. "
        + _anonymity(data)
    )
    if data.chart is not None:
        add_figure(writer.doc, data.chart, first_figure)
    rows = [
        [
            c.practice.name,
            f"{c.own:.1f}",
            f"{c.others:.1f}",
            str(c.others_n),
            f"{c.difference:+.1f}",
            (c.kind or "").capitalize(),
        ]
        for c in data.contrasts
    ]
    if rows:
        add_table(
            writer.doc, ["Practice", "Me", "All others", "Raters", "Difference", "Reading"], rows
        )
    threshold = data.contrasts[0].threshold if data.contrasts else None
    writer.heading("Blind spots and hidden strengths", 2)
    if threshold is not None:
        writer.text(
            f"A practice where my score and others' average differ by {threshold:.1f} or "
            "more (a third of the scale) is a blind spot when I rate myself higher, and a "
            "hidden strength when they rate me higher."
        )
    writer.text("Blind spots:")
    _contrast_lines(writer, data.contrasts, BLIND_SPOT, "None: others see me much as I see myself.")
    writer.text("Hidden strengths:")
    _contrast_lines(
        writer,
        data.contrasts,
        HIDDEN_STRENGTH,
        "None: no practice where others rate me far higher.",
    )
