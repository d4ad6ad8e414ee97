"""Test helpers shared across test modules: simulated rooms and raters, and their GROUP BY
rows."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from rapport.core.assessment import Assessment
from rapport.core.feedback import FLOOR, FeedbackRequest, FeedbackView, feedback_view
from rapport.core.framework import Framework
from rapport.core.room import PracticeRow
from rapport.core.snapshots import next_snapshot
from rapport.core.workshop import PracticeResult


def rows_for(submissions: list[tuple[PracticeResult, ...]]) -> list[PracticeRow]:
    """What the repository's GROUP BY returns, computed the slow way."""
    groups: dict[tuple[str, int | None], list[PracticeResult]] = defaultdict(list)
    for submission in submissions:
        for result in submission:
            groups[(result.practice_id, result.level)].append(result)
    return [
        PracticeRow(
            practice_id,
            level,
            len(items),
            sum(r.current or 0.0 for r in items),
            sum((r.current or 0.0) ** 2 for r in items),
            float(sum(r.target for r in items)),
        )
        for (practice_id, level), items in groups.items()
    ]


def people(framework: Framework, count: int) -> list[Assessment]:
    people = []
    for number in range(count):
        person = Assessment.empty(framework).with_respondent("Secret Name", "Course")
        for practice in framework.practices:
            for indicator in practice.indicators:
                person = person.with_rating(indicator.id, (number + len(indicator.id)) % 5 + 1)
        people.append(person.with_choice("proactive", example="I told ACME about the delay"))
    return people


FEEDBACK_T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)


def _feedback_rows(framework: Framework, scores: list[float]) -> list[PracticeRow]:
    rows = []
    for practice in framework.practices:
        levels: dict[int, list[float]] = {}
        for value in scores:
            levels.setdefault(math.floor(value + 0.5), []).append(value)
        rows += [
            PracticeRow(practice.id, lv, len(vs), sum(vs), sum(v * v for v in vs), 0.0)
            for lv, vs in levels.items()
        ]
    return rows


def rated_by(framework: Framework, clients: list[float], teammates: list[float]) -> FeedbackView:
    """A request to clients and teammates, each rater giving every practice the score
    listed, published at once."""
    request = FeedbackRequest(
        "r1", "Alex", ("client", "teammate"), True, framework.id, framework.version,
        FEEDBACK_T0, FEEDBACK_T0 + timedelta(days=7), FEEDBACK_T0 + timedelta(days=40),
    )  # fmt: skip
    levels = framework.scale.max_value
    snapshots = {
        "client": next_snapshot(None, _feedback_rows(framework, clients), [], 9, FLOOR, levels),
        "teammate": next_snapshot(None, _feedback_rows(framework, teammates), [], 9, FLOOR, levels),
    }
    answered = {"client": len(clients), "teammate": len(teammates)}
    return feedback_view(framework, request, snapshots, answered, FEEDBACK_T0)
