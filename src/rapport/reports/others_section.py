"""The report's "How others see me" section: plain values in, paragraphs and a table out.

Only what the owner may see reaches it (core/feedback.py's view, through the use case):
groups at or above the floor, practices their raters rated often enough. Comments stay out
of the report: a document travels further than a screen, and a sentence can give its
writer away where an average cannot.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapport.core.blind_spots import BLIND_SPOT, HIDDEN_STRENGTH, Contrast
from rapport.core.i18n import N_, _, ngettext, pgettext
from rapport.core.text import join_words, signed
from rapport.core.text import number as decimal
from rapport.reports.common import ChartImage, Writer, add_figure, add_table

KINDS = {
    # Translators: what a practice's contrast is, in a table cell: I rate
    # myself far higher than others do.
    BLIND_SPOT: N_("Blind spot"),
    # Translators: in a table cell: others rate me far higher than I do.
    HIDDEN_STRENGTH: N_("Hidden strength"),
}


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
    # Translators: {n} is the smallest group whose average may be shown.
    kept = ngettext(
        "Their answers were anonymous: a group's average appears only where at least {n} of "
        "its members rated a practice, and results moved only when {n} new answer came in, "
        "so no single answer can be read from them.",
        "Their answers were anonymous: a group's average appears only where at least {n} of "
        "its members rated a practice, and results moved only when {n} new answers came in, "
        "so no single answer can be read from them.",
        data.floor,
    ).format(n=data.floor)
    if not data.left_out:
        return kept
    left = ngettext(
        "{n} answer from smaller groups is not included for that reason.",
        "{n} answers from smaller groups are not included for that reason.",
        data.left_out,
    ).format(n=data.left_out)
    return f"{kept} {left}"


def _contrast_lines(writer: Writer, found: tuple[Contrast, ...], kind: str, none: str) -> None:
    chosen = [c for c in found if c.kind == kind]
    if not chosen:
        writer.text(none)
        return
    for c in chosen:
        # Translators: {own} and {others} are average scores ("3.4"), {n} counts
        # the raters.
        line = ngettext(
            "{practice}: I rate myself {own}, others {others} ({n} rater).",
            "{practice}: I rate myself {own}, others {others} ({n} raters).",
            c.others_n,
        )
        own, others = decimal(c.own, 1), decimal(c.others, 1)
        line = line.format(practice=c.practice.name, own=own, others=others, n=c.others_n)
        writer.text(line, style="List Bullet")


def write_others(writer: Writer, data: OthersInput, first_figure: int) -> None:
    writer.heading(_("How others see me"), 1)
    # Translators: one item of a list ("12 answers from clients and 5 answers
    # from colleagues"); {group} is a group of raters, plural and in lower
    # case.
    each = [
        ngettext("{n} answer from {group}", "{n} answers from {group}", n).format(
            n=n, group=group.lower()
        )
        for group, n in data.shown
    ]
    # Translators: {groups} lists the groups asked ("clients and colleagues"),
    # {n} counts the statements they rated.
    asked = ngettext(
        "I asked {groups} to rate how often they see me do the same {n} thing I rated myself.",
        "I asked {groups} to rate how often they see me do the same {n} things I rated myself.",
        data.indicator_count,
    ).format(groups=join_words(list(data.asked)), n=data.indicator_count)
    # Translators: {counts} lists the answers per group ("12 answers from
    # clients and ...").
    hold = _("The results hold {counts}.").format(counts=join_words(each))
    writer.text(f"{asked} {hold} {_anonymity(data)}")
    if data.chart is not None:
        add_figure(writer.doc, data.chart, first_figure)
    rows = [
        [
            c.practice.name,
            decimal(c.own, 1),
            decimal(c.others, 1),
            str(c.others_n),
            signed(c.difference, 1),
            _(KINDS[c.kind]) if c.kind in KINDS else "",
        ]
        for c in data.contrasts
    ]
    if rows:
        header = [
            pgettext("table column", "Practice"),
            # Translators: a column header: my own score.
            pgettext("table column", "Me"),
            # Translators: a column header: the average of everyone else's scores.
            pgettext("table column", "All others"),
            pgettext("table column", "Raters"),
            pgettext("table column", "Difference"),
            # Translators: a column header: what the numbers say (a blind spot, a
            # hidden strength).
            pgettext("table column", "Reading"),
        ]
        add_table(writer.doc, header, rows)
    threshold = data.contrasts[0].threshold if data.contrasts else None
    writer.heading(_("Blind spots and hidden strengths"), 2)
    if threshold is not None:
        # Translators: {threshold} is a difference of scores ("1.3").
        meaning = _(
            "A practice where my score and others' average differ by {threshold} or more (a "
            "third of the scale) is a blind spot when I rate myself higher, and a hidden "
            "strength when they rate me higher."
        )
        writer.text(meaning.format(threshold=decimal(threshold, 1)))
    writer.text(_("Blind spots:"))
    none = _("None: others see me much as I see myself.")
    _contrast_lines(writer, data.contrasts, BLIND_SPOT, none)
    writer.text(_("Hidden strengths:"))
    none = _("None: no practice where others rate me far higher.")
    _contrast_lines(writer, data.contrasts, HIDDEN_STRENGTH, none)
