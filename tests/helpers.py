"""Test helpers shared across test modules: simulated rooms and their GROUP BY rows."""

from __future__ import annotations

from collections import defaultdict

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.room import PracticeRow
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
