"""Answers come back from a Word report or an answers file, or fail leaving a clear message."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from docx import Document

from rapport.core.assessment import Assessment
from rapport.core.errors import AnswersError
from rapport.core.framework import Framework
from rapport.files.answers_file import to_json
from rapport.files.docx_answers import NAMESPACE, extract_answers
from rapport.files.uploads import MAX_UPLOAD_BYTES, load_upload
from rapport.usecases.student import student_report
from tests.conftest import AssessmentFactory


@pytest.fixture(scope="module")
def report_and_answers(framework: Framework) -> tuple[bytes, Assessment]:
    assessment = Assessment.empty(framework)
    for number, practice in enumerate(framework.practices):
        for indicator in practice.indicators:
            assessment = assessment.with_rating(indicator.id, number % 5 + 1)
    assessment = assessment.with_choice("proactive", target=5, example="Raised a risk 🚀 <b>")
    assessment = assessment.with_respondent("Zoë Okafor", "PM 101")
    return student_report(framework, assessment, date(2026, 11, 27)), assessment


def test_report_restores_identical_answers(
    framework: Framework, report_and_answers: tuple[bytes, Assessment]
) -> None:
    raw, original = report_and_answers
    loaded = load_upload(raw, "My report.DOCX", framework)
    assert loaded.assessment == original
    assert loaded.source == "Word report"
    assert loaded.left_out == ()
    assert loaded.saved_on is not None


def test_answers_file_restores_identical_answers(
    framework: Framework, answered: AssessmentFactory
) -> None:
    original = answered(3, "na", 5)
    loaded = load_upload(to_json(original), "answers.json", framework)
    assert loaded.assessment == original
    assert loaded.source == "answers file"


def test_embedded_part_is_found_by_namespace_not_name(
    report_and_answers: tuple[bytes, Assessment],
) -> None:
    raw, _ = report_and_answers
    # Rename every customXml part, as LibreOffice's re-save does, and swap their numbers.
    source = zipfile.ZipFile(io.BytesIO(raw))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for member in source.infolist():
            name = member.filename
            if name.startswith("customXml/item"):
                name = name.replace("item", "item7")
            out.writestr(name, source.read(member))
    assert b"rapport-answers" in extract_answers(target.getvalue())


def test_report_still_reads_as_a_normal_document(
    report_and_answers: tuple[bytes, Assessment],
) -> None:
    raw, _ = report_and_answers
    doc = Document(io.BytesIO(raw))
    names = [str(p.partname) for p in doc.part.package.iter_parts()]
    assert "/customXml/item1.xml" in names  # python-docx's own template part is kept
    assert "/customXml/item2.xml" in names  # ours, beside it
    assert not any(NAMESPACE in p.text for p in doc.paragraphs)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _tampered(raw: bytes, old: bytes, new: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(raw))
    files = {m.filename: source.read(m) for m in source.infolist()}
    for name, data in files.items():
        if name.startswith("customXml/item") and NAMESPACE.encode() in data:
            files[name] = data.replace(old, new)
    return _zip(files)


BAD_UPLOADS = {
    "not a zip": (b"hello", "report.docx", "not a Word document"),
    "truncated zip": (b"PK\x03\x04" + b"\x00" * 20, "report.docx", "damaged"),
    "zip without a document": (_zip({"a.txt": b"x"}), "report.docx", "not a Word document"),
    "wrong extension": (b"{}", "answers.txt", "cannot read .txt"),
    "no extension": (b"{}", "answers", "cannot read .?"),
    "zip named json": (_zip({"a.txt": b"x"}), "answers.json", "renamed document"),
    "too large": (b" " * (MAX_UPLOAD_BYTES + 1), "answers.json", "too large"),
}


@pytest.mark.parametrize("name", BAD_UPLOADS)
def test_bad_uploads_say_what_is_wrong(framework: Framework, name: str) -> None:
    raw, file_name, expected = BAD_UPLOADS[name]
    with pytest.raises(AnswersError) as caught:
        load_upload(raw, file_name, framework)
    assert expected in caught.value.message


def test_another_programs_document(framework: Framework) -> None:
    buffer = io.BytesIO()
    Document().save(buffer)  # has python-docx's own customXml part, but not ours
    with pytest.raises(AnswersError, match="no Rapport answers inside"):
        load_upload(buffer.getvalue(), "essay.docx", framework)


def test_tampered_embedded_answers(
    framework: Framework, report_and_answers: tuple[bytes, Assessment]
) -> None:
    raw, _ = report_and_answers
    broken = _tampered(raw, b'"cc-agree-channels": 1', b'"cc-agree-channels": 9')
    with pytest.raises(AnswersError, match="outside the scale"):
        load_upload(broken, "report.docx", framework)
    garbled = _tampered(raw, b'"version": 4', b'"version": "one"')
    with pytest.raises(AnswersError, match="version 'one'"):
        load_upload(garbled, "report.docx", framework)


def test_zip_declaring_a_huge_size_is_refused(framework: Framework) -> None:
    # 60 MB of zeros compress to ~60 KB: small upload, huge unpacked size.
    raw = _zip({"word/document.xml": b"<w/>", "customXml/item1.xml": b"\x00" * 60_000_000})
    with pytest.raises(AnswersError, match="unpacks to"):
        load_upload(raw, "bomb.docx", framework)


def test_indicators_the_framework_no_longer_has_are_listed(
    framework: Framework, answered: AssessmentFactory
) -> None:
    stale = answered(4).with_rating("cc-retired-statement", 2)
    loaded = load_upload(to_json(stale), "answers.json", framework)
    assert loaded.left_out == ("cc-retired-statement",)
    assert "cc-retired-statement" not in loaded.assessment.ratings
