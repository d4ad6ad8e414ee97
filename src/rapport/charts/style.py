"""What every Rapport chart shares: palette, fonts, axis of scale words, the Figure value.

Colours come from the Okabe-Ito palette and ColorBrewer's sequential blues (both readable
with the common colour-vision deficiencies) and never carry meaning alone: series also
differ by shape, and heatmap cells carry their rating as text.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import altair as alt
import pandas as pd

from rapport.core.framework import RatingScale
from rapport.core.i18n import N_, _
from rapport.core.text import babel_locale

CURRENT_COLOUR = "#0072B2"  # Okabe-Ito blue
TARGET_COLOUR = "#B35900"  # Okabe-Ito vermillion, darkened for 3:1 contrast on white
NEUTRAL_COLOUR = "#767676"
NA_COLOUR = "#D9D9D9"
WIDTH = 560
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"


@dataclass(frozen=True)
class Figure:
    """A chart with what a screen reader or a printed page needs in its place, all in the
    reader's language: titles, legends, tooltips, the caption and the table's headers. The
    data's field names inside the chart stay English ids; only their titles are translated."""

    key: str
    title: str
    chart: alt.TopLevelMixin
    caption: str
    table: pd.DataFrame


def scale_axis(scale: RatingScale, title: str) -> alt.Axis:
    return words_axis(tuple(level.label for level in scale.levels), title)


def words_axis(words: tuple[str, ...], title: str) -> alt.Axis:
    """An axis from 1 to len(words), every level named, always: Vega would drop overlapping
    labels (a phone or a projector showed only Never, Sometimes and Always). Where the words
    do not fit side by side (plot `width` below `narrow` pixels), every second one moves
    down a line. Where even that does not fit (below `tight`: long words such as "Slightly
    ineffective" on a phone), the levels show as numbers and the two ends add their words,
    one per line, so the reader still knows which way the scale runs."""
    labels = json.dumps(["", *words])
    narrow = 70 * len(words)
    # Alternating lines leave two steps per word: the longest must fit in them (~6.5 px a
    # character at the axis's type size).
    tight = math.ceil(max(len(w) for w in words) * 6.5 * (len(words) - 1) / 2)
    word = f"({labels}[datum.value] || '')"
    last = len(words)
    numbers = [
        "",
        [str(1), *words[0].split()],
        *map(str, range(2, last)),
        [str(last), *words[-1].split()],
    ]
    numbered = f"({json.dumps(numbers)}[datum.value] || '')"
    alternating = f"datum.value % 2 == 0 ? ['', {word}] : {word}"
    return alt.Axis(
        values=list(range(1, len(words) + 1)),
        labelExpr=f"width < {tight} ? {numbered} : width < {narrow} ? {alternating} : {word}",
        labelOverlap=False,
        title=title,
        grid=True,
    )


@dataclass(frozen=True)
class Sizing:
    """Type size and row height: a laptop screen, or a projector read from the back row
    whose seven practice rows must still fit a 720-pixel-high screen."""

    font: int = 12
    row: int = 44
    # Wrap long legends instead of clipping them. Vega sets a top or bottom legend in one
    # line over the plot area alone, so at a phone's width its last entries were cut off.
    # A fixed count: one that follows the width would change the legend's height after
    # Vega has sized the chart, and its first row would be cut off instead.
    legend_columns: int | None = None
    legend_orient: str = "top"


# Two entries of about 105 px ("Not applicable" and its symbol) fit a phone's plot area.
SCREEN = Sizing(legend_columns=2)
PROJECTOR = Sizing(font=18, row=34, legend_columns=2, legend_orient="bottom")


def number_locale() -> dict[str, object]:
    """Vega's number format for the reader's language: a tooltip's "+1,5" in Spanish
    agrees with the caption beside it (core/text.number)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = babel_locale()
    return {
        "decimal": get_decimal_symbol(locale),
        "thousands": get_group_symbol(locale),
        "grouping": [3],
        "currency": ["", ""],
    }


def configure_chart(chart: alt.TopLevelMixin, sizing: Sizing = SCREEN) -> alt.TopLevelMixin:
    # fit-x: fill the page's width but keep the height we set; Streamlit's default "fit"
    # would squeeze rows to the default 20 px band.
    # The bottom padding holds the second line of a narrow scale axis (see scale_axis): its
    # line count follows the width, which Vega knows only after it has sized the chart.
    padding = {"left": 5, "top": 5, "right": 5, "bottom": 5 + round(sizing.font * 1.3)}
    return (
        chart.properties(
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"), padding=padding
        )
        .configure(font=FONT, locale={"number": number_locale()})
        .configure_axis(labelFontSize=sizing.font, titleFontSize=sizing.font, labelLimit=320)
        .configure_legend(
            labelFontSize=sizing.font,
            titleFontSize=sizing.font,
            orient=sizing.legend_orient,
            **({"columns": sizing.legend_columns} if sizing.legend_columns else {}),
        )
        .configure_view(stroke=None)
    )


# Sequential blues (ColorBrewer), light = rarely, dark = always. Lightness alone orders them,
# which survives every colour-vision deficiency and greyscale printing.
_BLUES = ("#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b")
UNANSWERED_COLOUR = "#FFFFFF"
UNANSWERED = N_("Not answered")  # as RatingScale.word names a statement without an answer


def level_colours(scale: RatingScale) -> list[str]:
    """Spread the scale's levels over the whole palette, whatever their number."""
    last = len(_BLUES) - 1
    steps = scale.max_value - 1
    return [_BLUES[round(i * last / steps)] for i in range(scale.max_value)]


def is_dark(colour: str) -> bool:
    """Whether white text reads better than black on this colour (WCAG relative luminance)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / 0.05)


def answer_scale(
    scale: RatingScale, unanswered: bool = False, levels_only: bool = False
) -> alt.Scale:
    """One colour per answer word, shared by every chart so a colour means one thing.

    `levels_only` leaves out Not applicable, for charts of practice scores, which always
    sit on a level."""
    domain = [level.label for level in scale.levels]
    colours = level_colours(scale)
    if not levels_only:
        domain.append(scale.not_applicable.label)
        colours.append(NA_COLOUR)
    if unanswered:
        domain.append(_(UNANSWERED))
        colours.append(UNANSWERED_COLOUR)
    return alt.Scale(domain=domain, range=colours)
