"""The student's use cases, shared by the pages and the command line: the Word report, the
progress since an earlier assessment, and the report's outline for the Report page."""

from __future__ import annotations

from datetime import date

from rapport.charts.png import render_png
from rapport.charts.progress import progress_figure
from rapport.charts.results import figures
from rapport.charts.room import mirror_figure
from rapport.charts.style import Figure
from rapport.core.assessment import Assessment
from rapport.core.compare import Comparison, compare
from rapport.core.framework import Framework
from rapport.core.room import RoomSummary
from rapport.core.scoring import score
from rapport.files.answers_file import to_json
from rapport.files.uploads import LoadedAnswers
from rapport.reports.common import ChartImage
from rapport.reports.student import Progress, ReportInput, build_report, outline

__all__ = ["outline", "progress_chart", "progress_since", "student_report"]


def _image(figure: Figure) -> ChartImage:
    return ChartImage(figure.title, figure.caption, render_png(figure.chart))


def progress_since(framework: Framework, earlier: LoadedAnswers, now: Assessment) -> Comparison:
    return compare(framework, earlier.assessment, now, earlier.left_out)


def progress_chart(framework: Framework, comparison: Comparison) -> Figure | None:
    """Before against now, per practice; None when no practice can be compared."""
    return progress_figure(comparison, framework.scale) if comparison.comparable_count else None


def student_report(
    framework: Framework,
    assessment: Assessment,
    today: date,
    earlier: LoadedAnswers | None = None,
    room: RoomSummary | None = None,
) -> bytes:
    """The Word report for one assessment: score it, chart it, write the document, and
    embed the answers so the report itself can restore them later."""
    profile = score(framework, assessment)
    shown = list(figures(profile, assessment)) if not profile.is_empty else []
    if room is not None and room.ready and not profile.is_empty:
        shown.append(mirror_figure(profile, room))  # only aggregates the room may see
    charts = tuple(_image(f) for f in shown)
    progress = None
    if earlier is not None:
        comparison = progress_since(framework, earlier, assessment)
        figure = progress_chart(framework, comparison)
        chart = _image(figure) if figure is not None else None
        progress = Progress(comparison, chart, earlier.saved_on)
    data = ReportInput(framework, assessment, profile, charts, today, to_json(assessment), progress)
    return build_report(data)
