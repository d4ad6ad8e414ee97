"""Workshop use cases end to end on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from docx import Document

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.workshop import WorkshopError
from rapport.files.framework_file import FrameworkCatalog
from rapport.storage import SqlWorkshopRepository
from rapport.usecases.demo_workshop import create_demo_workshop
from rapport.usecases.retention import PurgeSchedule
from rapport.usecases.rooms import debrief_document, export_aggregates, export_responses, room_view
from rapport.usecases.student import student_report
from rapport.usecases.workshops import (
    create_workshop,
    facilitated_workshop,
    facilitator_link,
    find_for_join,
    join_link,
    reveal_all,
    set_open,
    submit,
    workshop_framework,
)
from tests.conftest import AssessmentFactory

NOW = datetime(2026, 11, 27, 9, tzinfo=UTC)


def test_create_and_find_by_code_and_token(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    made = create_workshop(repo, framework, "  Week 5 \x00seminar ", 5, True, NOW, 30)
    assert made.workshop.title == "Week 5 seminar"
    assert len(made.facilitator_token) >= 43  # 256 bits, URL-safe
    assert find_for_join(repo, made.workshop.code.lower(), NOW).id == made.workshop.id
    assert facilitated_workshop(repo, made.facilitator_token).id == made.workshop.id
    assert made.facilitator_token not in join_link("https://r.example", made.workshop.code)
    link = facilitator_link("https://r.example", made.facilitator_token)
    assert link == f"https://r.example/dashboard?lang=en#key={made.facilitator_token}"
    # The projected dashboard follows the facilitator's language, not the projector's.
    assert "/dashboard?lang=es#key=" in facilitator_link("https://r.example", "t", "es")


@pytest.mark.parametrize("token", ["", "short", "x" * 43, "' OR '1'='1' --" * 3, "é" * 50])
def test_wrong_tokens_open_nothing(
    repo: SqlWorkshopRepository, framework: Framework, token: str
) -> None:
    create_workshop(repo, framework, "Room", 5, True, NOW, 30)
    assert facilitated_workshop(repo, token) is None


@pytest.mark.parametrize("size", [0, 2, 1001])
def test_group_size_bounds(repo: SqlWorkshopRepository, framework: Framework, size: int) -> None:
    with pytest.raises(WorkshopError, match="minimum group size"):
        create_workshop(repo, framework, "Room", size, True, NOW, 30)


def test_expired_workshops_cannot_be_joined(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    made = create_workshop(repo, framework, "Room", 5, True, NOW - timedelta(days=31), 30)
    with pytest.raises(WorkshopError, match="No workshop has the code"):
        find_for_join(repo, made.workshop.code, NOW)
    assert repo.purge_expired(NOW) == 1


def test_submissions_are_anonymous(
    repo: SqlWorkshopRepository, framework: Framework, answered: AssessmentFactory
) -> None:
    made = create_workshop(repo, framework, "Room", 3, True, NOW, 30)
    person = answered(4).with_respondent("Ada Lovelace", "PM 101")
    person = person.with_choice("proactive", example="Warned ACME Corp about the delay")
    person = person.with_writing(
        introduction="I am Jane Doe, intern at Initech.", reflection="Initech taught me a lot."
    )
    assert submit(repo, made.workshop, framework, "browser-1", person, NOW) is True
    assert submit(repo, made.workshop, framework, "browser-1", person, NOW) is False
    [stored] = repo.response_answers(made.workshop.id)
    assert "Ada" not in stored and "ACME" not in stored and "PM 101" not in stored
    assert "Jane" not in stored and "Initech" not in stored  # nor the report's own words


def test_closed_and_empty_submissions_are_refused(
    repo: SqlWorkshopRepository, framework: Framework, answered: AssessmentFactory
) -> None:
    made = create_workshop(repo, framework, "Room", 3, True, NOW, 30)
    with pytest.raises(WorkshopError, match="Rate at least one statement"):
        submit(repo, made.workshop, framework, "b", Assessment.empty(framework), NOW)
    set_open(repo, made.workshop, False)
    closed = repo.workshop(made.workshop.id)
    with pytest.raises(WorkshopError, match="closed"):
        submit(repo, closed, framework, "b", answered(3), NOW)
    # A participant holding a stale (open) copy is still refused by the database check.
    with pytest.raises(WorkshopError, match="closed"):
        submit(repo, made.workshop, framework, "b", answered(3), NOW)
    assert repo.response_answers(made.workshop.id) == []


def test_demo_workshop_exports_and_debrief(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    sample = Assessment.empty(framework)
    for practice in framework.practices:
        for number, indicator in enumerate(practice.indicators):
            sample = sample.with_rating(indicator.id, number % 5 + 1)
    made = create_demo_workshop(repo, framework, sample, NOW, 30, participants=12)
    view = room_view(repo, framework, made.workshop.id, publish=True)
    assert view is not None and view.summary is not None
    summary = view.summary
    assert summary.count == 12 and summary.ready
    assert summary.spotlight is not None
    aggregates = list(
        csv.reader(
            io.StringIO(export_aggregates(repo, framework, made.workshop).decode("utf-8-sig"))
        )
    )
    assert len(aggregates) == 1 + len(framework.practices)
    ratings = list(
        csv.reader(
            io.StringIO(export_responses(repo, framework, made.workshop).decode("utf-8-sig"))
        )
    )
    assert len(ratings) == 1 + 12
    reveal_all(repo, made.workshop)
    doc = Document(io.BytesIO(debrief_document(repo, framework, made.workshop, date(2026, 11, 27))))
    # The room's averages and level counts, and the scenario spotlight's choices.
    assert len(doc.inline_shapes) == 3
    assert doc.paragraphs[0].text == "Workshop debrief: Demo workshop (simulated participants)"
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "The room's choices in the client situations" in headings
    assert any(h.startswith("Scenario spotlight: ") for h in headings)


def test_the_token_is_stored_only_as_a_hash(
    repo: SqlWorkshopRepository, framework: Framework
) -> None:
    made = create_workshop(repo, framework, "Room", 5, True, NOW, 30)
    with repo.engine.connect() as conn:
        stored = " ".join(
            str(v) for row in conn.exec_driver_sql("SELECT * FROM workshops") for v in row
        )
    assert made.facilitator_token not in stored
    assert hashlib.sha256(made.facilitator_token.encode()).hexdigest() in stored
    # 32 random bytes: at least 128 bits even if the encoding were halved.
    assert len(base64.urlsafe_b64decode(made.facilitator_token + "=")) == 32


def test_the_word_report_carries_the_room_mirror(
    repo: SqlWorkshopRepository, framework: Framework, answered: AssessmentFactory
) -> None:
    made = create_workshop(repo, framework, "Room", 3, True, NOW, 30)
    for number in range(3):
        submit(repo, made.workshop, framework, f"p{number}", answered(number + 2), NOW)
    view = room_view(repo, framework, made.workshop.id, publish=True)
    assert view is not None
    summary = view.summary
    raw = student_report(framework, answered(4), date(2026, 11, 27), None, summary)
    doc = Document(io.BytesIO(raw))
    assert len(doc.inline_shapes) == 4
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions[-1].startswith("Figure 4. Compared with the room.")


def test_expired_workshops_are_purged_about_hourly(
    repo: SqlWorkshopRepository, framework: Framework, answered: AssessmentFactory
) -> None:
    old = create_workshop(repo, framework, "Old", 3, True, NOW - timedelta(days=31), 30)
    submit(repo, old.workshop, framework, "p", answered(3), NOW - timedelta(days=31))
    fresh = create_workshop(repo, framework, "Fresh", 3, True, NOW, 30)
    schedule = PurgeSchedule(every=timedelta(hours=1))
    assert schedule.run_if_due([repo], NOW) == 1  # the first use purges
    assert repo.workshop(old.workshop.id) is None and repo.response_answers(old.workshop.id) == []
    ending = create_workshop(repo, framework, "Ends soon", 3, True, NOW - timedelta(days=30), 30)
    later = NOW + timedelta(minutes=30)
    assert schedule.run_if_due([repo], later) == 0  # not yet an hour: nothing runs
    assert repo.workshop(ending.workshop.id) is not None
    assert schedule.run_if_due([repo], NOW + timedelta(hours=1)) == 1
    assert repo.workshop(fresh.workshop.id) is not None


def test_a_workshop_needs_its_own_framework_version(
    repo: SqlWorkshopRepository, framework: Framework, answered: AssessmentFactory
) -> None:
    made = create_workshop(repo, framework, "Room", 3, True, NOW, 30)
    catalog = FrameworkCatalog((framework,), ())
    assert workshop_framework(catalog, made.workshop) is framework
    newer = framework.model_copy(update={"version": "2.0"})
    with pytest.raises(WorkshopError, match=r"version 1\.0 .* now has version 2\.0"):
        workshop_framework(FrameworkCatalog((newer,), ()), made.workshop)
    with pytest.raises(WorkshopError, match="does not have"):
        workshop_framework(FrameworkCatalog((), ()), made.workshop)
    with pytest.raises(WorkshopError, match="another version"):
        submit(repo, made.workshop, newer, "p", answered(3), NOW)
    assert repo.response_answers(made.workshop.id) == []
