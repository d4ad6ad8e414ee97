"""The report's pictures drawn ahead (usecases/student.prepare_report): the report that
follows holds exactly the pictures a report written from scratch would, for the answers as
they are now, never an earlier set's."""

from __future__ import annotations

import hashlib
from datetime import date
from io import BytesIO

from docx import Document

from rapport.core.framework import Framework
from rapport.usecases import student
from rapport.usecases.student import (
    answer_pictures,
    forget_prepared,
    prepare_report,
    student_report,
)
from tests.conftest import AssessmentFactory

TODAY = date(2026, 12, 1)


def _pictures(report: bytes) -> list[str]:
    """The report's pictures in reading order, as digests of their bytes."""
    doc = Document(BytesIO(report))
    return [
        hashlib.sha256(doc.part.related_parts[blip].blob).hexdigest()
        for blip in (
            b.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
            for b in doc.element.body.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
            )
        )
    ]


def _forget() -> None:
    forget_prepared()


def test_a_prepared_report_holds_the_pictures_of_one_written_from_scratch(
    framework: Framework, answered: AssessmentFactory
) -> None:
    assessment = answered(2, 3, 4, 5)
    _forget()
    fresh = _pictures(student_report(framework, assessment, TODAY))
    _forget()
    prepare_report(framework, assessment)
    prepared = _pictures(student_report(framework, assessment, TODAY))  # waits if need be
    assert prepared == fresh and len(fresh) >= 3


def test_pictures_drawn_ahead_in_spanish_are_spanish(answered: AssessmentFactory) -> None:
    from rapport.core.i18n import using_language
    from rapport.files.framework_file import load_framework
    from tests.conftest import FRAMEWORK_FILE

    spanish = load_framework(FRAMEWORK_FILE, "es")
    assessment = answered(2, 3, 4, 5)
    _forget()
    with using_language("es"):
        fresh = _pictures(student_report(spanish, assessment, TODAY))
    _forget()
    with using_language("es"):
        prepare_report(spanish, assessment)  # drawn on a thread no session speaks for
        prepared = _pictures(student_report(spanish, assessment, TODAY))
        titles = [image.title for image in answer_pictures(spanish, assessment).results]
    assert prepared == fresh
    assert "Nivel actual frente al objetivo" in titles


def test_changed_answers_get_their_own_pictures(
    framework: Framework, answered: AssessmentFactory
) -> None:
    _forget()
    before = answered(2, 3, 4, 5)
    prepare_report(framework, before)
    first = _pictures(student_report(framework, before, TODAY))
    after = before.with_rating(framework.practices[0].indicators[0].id, 1)
    second = _pictures(student_report(framework, after, TODAY))
    assert first != second  # the answers changed: so did their charts
    assert answer_pictures(framework, before).results != answer_pictures(framework, after).results


def test_the_cache_of_prepared_answers_stays_bounded(
    framework: Framework, answered: AssessmentFactory
) -> None:
    _forget()
    first, second, third = (p.indicators[0].id for p in framework.practices[:3])
    people = [
        answered(3).with_rating(first, a).with_rating(second, b).with_rating(third, c)
        for a in range(1, 6)
        for b in range(1, 6)
        for c in (1, 5)
    ]
    try:
        for person in people + people[:12]:  # 50 distinct sets, then some again
            student._pictures_future(framework, person)  # reserved only: cheap
        assert len(student._prepared) == student.PREPARED_ANSWERS
    finally:
        _forget()  # reserved futures are never filled: no later test may wait on one
