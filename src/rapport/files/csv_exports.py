"""CSV exports of a workshop for the facilitator: aggregates, and responses without names.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a
formula, so every text cell that does is prefixed with an apostrophe; numbers stay numbers.
Nothing is exported for a room smaller than its minimum group size, and the responses
export carries ratings, targets and importance only, in a shuffled order: pseudonymous
rows for the facilitator's own analysis.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from rapport.core.assessment import Assessment
from rapport.core.errors import AnswersError
from rapport.core.framework import Framework
from rapport.core.i18n import ngettext
from rapport.core.room import RoomSummary
from rapport.core.workshop import Workshop, WorkshopError
from rapport.files.answers_file import from_json

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float) or value is None:
        return "" if value is None else value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralize(h) for h in header])
    writer.writerows([neutralize(cell) for cell in row] for row in rows)
    # A byte-order mark makes Excel read the UTF-8 correctly (accents, emoji in titles).
    return buffer.getvalue().encode("utf-8-sig")


def not_enough_responses(workshop: Workshop, count: int) -> WorkshopError:
    """The refusal of an export (a file or the debrief) while the room is too small."""
    needed = workshop.min_group_size
    return WorkshopError(
        # Translators: {count} responses are in; {needed} (the room's minimum group
        # size, 3 or more) are needed before anything about the room is shown.
        ngettext(
            "Nothing to export yet: {count} of the {needed} response needed before anything "
            "about the room is shown.",
            "Nothing to export yet: {count} of the {needed} responses needed before anything "
            "about the room is shown.",
            needed,
        ).format(count=count, needed=needed),
    )


def aggregates_csv(framework: Framework, workshop: Workshop, summary: RoomSummary) -> bytes:
    if not summary.ready:
        raise not_enough_responses(workshop, summary.count)
    levels = framework.scale.levels
    # Column names are identifiers, the same in every language: levels by their number
    # (count_1 is the scale's first level, "Never"); names in the cells are the reader's.
    header = [
        "practice_id", "practice", "responses", "mean_current", "mean_target", "mean_gap",
        "spread", *(f"count_{level.value}" for level in levels), "shown",
    ]  # fmt: skip
    rows = []
    for aggregate in summary.practices:
        shown = aggregate.shown and aggregate.mean_current is not None
        mean, target = aggregate.mean_current, aggregate.mean_target
        rows.append(
            [
                aggregate.practice.id,
                aggregate.practice.name,
                aggregate.responses,
                round(mean, 2) if shown and mean is not None else None,
                round(target, 2) if shown and target is not None else None,
                round(target - mean, 1)
                if shown and mean is not None and target is not None
                else None,
                aggregate.spread if shown else None,
                *(
                    aggregate.distribution
                    if shown and aggregate.distribution_shown
                    else [None] * len(levels)
                ),
                shown,
            ]
        )
    return _csv(header, rows)


def responses_csv(framework: Framework, workshop: Workshop, answers: Sequence[str]) -> bytes:
    """One row per response: ratings, targets and importance; no names, notes or times, in
    a shuffled order. Pseudonymous rather than anonymous: a row is still one person's, so
    the file is for the facilitator's own analysis, never for the room."""
    parsed: list[Assessment] = []
    for raw in answers:
        try:
            parsed.append(from_json(raw.encode("utf-8")))
        except AnswersError:
            continue  # a row written by an older version that no longer parses is skipped
    # Counted after parsing: rows that were skipped must not let a smaller room through.
    if len(parsed) < workshop.min_group_size:
        raise not_enough_responses(workshop, len(parsed))
    indicators = [i.id for p in framework.practices for i in p.indicators]
    practices = [p.id for p in framework.practices]
    header = [
        "response",
        *indicators,
        *(f"target_{p}" for p in practices),
        *(f"importance_{p}" for p in practices),
    ]
    rows = [
        [
            number,
            *(assessment.rating(i) for i in indicators),
            *(assessment.target(framework, p) for p in practices),
            *(assessment.importance(framework, p) for p in practices),
        ]
        for number, assessment in enumerate(parsed, start=1)
    ]
    return _csv(header, rows)
