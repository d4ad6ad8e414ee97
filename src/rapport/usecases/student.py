"""The student's use cases, shared by the pages and the command line: the Word report, the
progress since an earlier assessment, and the report's outline for the Report page."""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date

from rapport.charts.feedback import feedback_figure
from rapport.charts.judgement import say_do_figure
from rapport.charts.png import forget_pictures, render_png
from rapport.charts.progress import progress_figure
from rapport.charts.results import figures
from rapport.charts.room import mirror_figure
from rapport.charts.style import Figure
from rapport.core.assessment import Assessment, pictures_key
from rapport.core.blind_spots import contrasts
from rapport.core.compare import Comparison, compare
from rapport.core.feedback import ALL, FLOOR, PERSPECTIVES, FeedbackView
from rapport.core.framework import Framework
from rapport.core.i18n import _, keeping_language
from rapport.core.judgement import say_do
from rapport.core.room import RoomSummary
from rapport.core.scoring import Profile, score
from rapport.files.answers_file import to_json
from rapport.files.uploads import LoadedAnswers
from rapport.reports.common import ChartImage
from rapport.reports.student import (
    ChoicesInput,
    OthersInput,
    Progress,
    ReportInput,
    build_report,
    outline,
)

__all__ = ["outline", "prepare_report", "progress_chart", "progress_since", "student_report"]

# Pictures kept per set of answers (a few hundred kB each): enough for a class at once.
PREPARED_ANSWERS = 32


def _image(figure: Figure) -> ChartImage:
    return ChartImage(figure.title, figure.caption, render_png(figure.chart))


@dataclass(frozen=True)
class AnswerPictures:
    """The report's pictures that follow from the answers alone: the Results charts and
    the self-rating against the choices (None without a fully rated situation)."""

    results: tuple[ChartImage, ...]
    choices: ChartImage | None


_prepared: OrderedDict[str, Future[AnswerPictures]] = OrderedDict()
_prepared_lock = threading.Lock()


def _draw(framework: Framework, assessment: Assessment) -> AnswerPictures:
    profile = score(framework, assessment)
    results = tuple(_image(f) for f in figures(profile, assessment)) if not profile.is_empty else ()
    chart = say_do_figure(say_do(framework, profile, assessment.scenarios))
    return AnswerPictures(results, _image(chart) if chart else None)


def _pictures_future(
    framework: Framework, assessment: Assessment
) -> tuple[Future[AnswerPictures], bool]:
    """The pictures' future for these answers, and whether the caller must fill it."""
    key = pictures_key(framework, assessment)
    with _prepared_lock:
        if key in _prepared:
            _prepared.move_to_end(key)
            return _prepared[key], False
        future: Future[AnswerPictures] = Future()
        _prepared[key] = future
        while len(_prepared) > PREPARED_ANSWERS:
            _prepared.popitem(last=False)
    return future, True


def _fill(future: Future[AnswerPictures], framework: Framework, assessment: Assessment) -> None:
    try:
        future.set_result(_draw(framework, assessment))
    except Exception as error:  # noqa: BLE001 - handed on: whoever waits raises it
        future.set_exception(error)
        with _prepared_lock:  # not kept: the next report tries again
            key = pictures_key(framework, assessment)
            if _prepared.get(key) is future:
                del _prepared[key]


def answer_pictures(framework: Framework, assessment: Assessment) -> AnswerPictures:
    """The pictures for these answers: drawn once, whoever asks first (Results ahead of
    time, or the report itself); a report asked for while they are drawn waits for them."""
    future, mine = _pictures_future(framework, assessment)
    if mine:
        _fill(future, framework, assessment)
    return future.result()


def forget_prepared() -> None:
    """Drop every picture drawn ahead or cached (benchmarks and tests start from none)."""
    forget_pictures()
    with _prepared_lock:
        _prepared.clear()


def prepare_report(framework: Framework, assessment: Assessment) -> None:
    """Draw the report's pictures on a background thread, unless they are drawn already:
    Results calls it, so the report a person asks for next is written without waiting for
    vl-convert (nearly all of its time)."""
    future, mine = _pictures_future(framework, assessment)
    if mine:
        # The thread has no session to ask for the language: it keeps this one.
        fill = keeping_language(lambda: _fill(future, framework, assessment))
        threading.Thread(target=fill, name="rapport-prepare-report", daemon=True).start()


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
    feedback: FeedbackView | None = None,
) -> bytes:
    """The Word report for one assessment: score it, chart it, write the document, and
    embed the answers so the report itself can restore them later."""
    profile = score(framework, assessment)
    pictures = answer_pictures(framework, assessment)
    charts = pictures.results
    if room is not None and room.ready and not profile.is_empty:
        charts += (_image(mirror_figure(profile, room)),)  # only aggregates the room may see
    progress = None
    if earlier is not None:
        comparison = progress_since(framework, earlier, assessment)
        figure = progress_chart(framework, comparison)
        chart = _image(figure) if figure is not None else None
        progress = Progress(comparison, chart, earlier.saved_on)
    others = _others(framework, profile, feedback) if feedback is not None else None
    found = say_do(framework, profile, assessment.scenarios)
    choices = ChoicesInput(found, pictures.choices) if found else None
    data = ReportInput(
        framework, assessment, profile, charts, today, to_json(assessment), progress, others,
        choices,
    )  # fmt: skip
    return build_report(data)


def _others(framework: Framework, profile: Profile, view: FeedbackView) -> OthersInput | None:
    """The feedback section's values, or None while no group shows (the section would
    have nothing of the raters in it)."""
    figure = feedback_figure(framework, view, None if profile.is_empty else profile)
    if figure is None:
        return None
    shown = {g.key for g in view.groups}
    return OthersInput(
        # core.feedback's group names: constants, for core to mark with N_().
        asked=tuple(_(PERSPECTIVES[p][1]).lower() for p in view.request.perspectives),
        shown=tuple((g.label, g.raters) for g in view.groups if g.key != ALL),
        left_out=sum(
            w.answered for w in view.waiting if w.perspective not in shown and not w.folded
        ),
        floor=FLOOR,
        indicator_count=framework.indicator_count,
        chart=_image(figure),
        contrasts=contrasts(profile, view),
    )
