"""What a room may see, and what leaves it: published results, exports, the debrief.

Every screen, participant mirror and export reads the room's published snapshot (see
core.snapshots.Snapshot), so they all show the same numbers and none of them moves by fewer
than k answers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from rapport.charts.png import render_png
from rapport.charts.room import distribution_figure, room_figure
from rapport.charts.room_choices import choices_figure
from rapport.charts.style import Figure
from rapport.core.framework import Framework
from rapport.core.i18n import _
from rapport.core.ports import WorkshopRepository
from rapport.core.room import PracticeAggregate, RoomSummary, still_needed, summarize
from rapport.core.room_choices import ScenarioAggregate, scenario_spotlight, summarize_choices
from rapport.core.snapshots import RoomStatus, should_publish
from rapport.core.workshop import Workshop, WorkshopError
from rapport.files.csv_exports import aggregates_csv, not_enough_responses, responses_csv
from rapport.reports.common import ChartImage
from rapport.reports.debrief import build_debrief


@dataclass(frozen=True)
class RoomView:
    """What a screen may show of a room at one moment."""

    workshop: Workshop
    responses: int  # submissions stored now: always on show
    summary: RoomSummary | None  # the published results; None before the first publication
    pending: int  # submissions new or changed since the published results
    published: int | None = None  # the snapshot's change number: what it shows is fixed by it
    # The room's answers to the client scenarios, published with `summary`.
    choices: tuple[ScenarioAggregate, ...] = ()

    @property
    def ready(self) -> bool:
        return self.waiting_for == 0

    @property
    def waiting_for(self) -> int:
        return still_needed(self.responses, self.workshop.min_group_size)


def _wanted(status: RoomStatus, publish: bool | None) -> bool:
    # By default results are published when the facilitator has revealed something.
    return bool(status.workshop.revealed) if publish is None else publish


def room_view(
    repo: WorkshopRepository,
    framework: Framework,
    workshop_id: str,
    *,
    publish: bool | None = None,
) -> RoomView | None:
    """One dashboard tick: one status query and, when k answers changed since the last
    publication, a new snapshot. None when the workshop is gone. `publish=True` (an export)
    takes the first snapshot even before anything is revealed."""
    status = repo.room_status(workshop_id)
    if status is not None and should_publish(status, _wanted(status, publish)):
        status = repo.publish_snapshot(
            workshop_id,
            framework.scale.max_value,
            lambda locked: should_publish(locked, _wanted(locked, publish)),
        )
    if status is None:
        return None
    snapshot = status.snapshot
    if snapshot is None:
        return RoomView(status.workshop, status.responses, None, 0)
    k = status.workshop.min_group_size
    summary = summarize(framework, k, snapshot.rows, snapshot.counts)
    chosen = status.choices
    choices = () if chosen is None else summarize_choices(framework, k, chosen.rows, chosen.counts)
    return RoomView(
        status.workshop, status.responses, summary, status.unpublished, snapshot.seq, choices
    )


def published_view(
    repo: WorkshopRepository, framework: Framework, workshop: Workshop
) -> tuple[RoomSummary, tuple[ScenarioAggregate, ...]]:
    """The room's published results for an export, publishing them first if need be; an
    export is a publication, so it follows the same snapshot rule as the screens."""
    view = room_view(repo, framework, workshop.id, publish=True)
    if view is None:
        raise WorkshopError(_("This workshop no longer exists."))
    if view.summary is None:
        raise not_enough_responses(workshop, view.responses)
    return view.summary, view.choices


def published_summary(
    repo: WorkshopRepository, framework: Framework, workshop: Workshop
) -> RoomSummary:
    return published_view(repo, framework, workshop)[0]


def visible_to_participants(summary: RoomSummary, workshop: Workshop) -> RoomSummary:
    """What a participant may compare with: the practices the facilitator has revealed."""
    practices = tuple(
        a
        if workshop.is_revealed(a.practice.id)
        else PracticeAggregate.hidden(a.practice, a.responses, len(a.distribution))
        for a in summary.practices
    )
    return replace(summary, practices=practices)


def shown_aggregates(
    summary: RoomSummary, workshop: Workshop, projected: bool
) -> list[PracticeAggregate]:
    """The practices a screen may draw: enough responses, and, on the projected view,
    revealed by the facilitator."""
    return [
        a
        for a in summary.practices
        if a.shown and (not projected or workshop.is_revealed(a.practice.id))
    ]


def debrief_document(
    repo: WorkshopRepository, framework: Framework, workshop: Workshop, today: date
) -> bytes:
    summary, choices = published_view(repo, framework, workshop)
    shown = shown_aggregates(summary, workshop, projected=False)
    figures = (
        (room_figure(shown, framework.scale), distribution_figure(shown, framework.scale))
        if summary.ready and shown
        else ()
    )
    charts = [_image(f) for f in figures if f]
    spotlight = scenario_spotlight(choices) if summary.ready and shown else None
    spotlight_chart = None if spotlight is None else _image(choices_figure(spotlight))
    return build_debrief(framework, workshop, summary, charts, today, choices, spotlight_chart)


def _image(figure: Figure) -> ChartImage:
    return ChartImage(figure.title, figure.caption, render_png(figure.chart))


def export_aggregates(repo: WorkshopRepository, framework: Framework, workshop: Workshop) -> bytes:
    return aggregates_csv(framework, workshop, published_summary(repo, framework, workshop))


def export_responses(repo: WorkshopRepository, framework: Framework, workshop: Workshop) -> bytes:
    return responses_csv(framework, workshop, repo.response_answers(workshop.id))
