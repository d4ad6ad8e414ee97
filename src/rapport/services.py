"""Use cases shared by the pages and the command line."""

from __future__ import annotations

from datetime import date

from rapport.chart_images import render_png
from rapport.charts import figures
from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.scoring import score
from rapport.report import ChartImage, ReportInput, build_report


def student_report(framework: Framework, assessment: Assessment, today: date) -> bytes:
    """The Word report for one assessment: score it, chart it, write the document."""
    profile = score(framework, assessment)
    charts = (
        ()
        if profile.is_empty
        else tuple(
            ChartImage(f.title, f.caption, render_png(f.chart))
            for f in figures(profile, assessment)
        )
    )
    return build_report(ReportInput(framework, assessment, profile, charts, today))
