"""The Word report, reopened with python-docx and read the way a marker would."""

from __future__ import annotations

import struct
import zlib
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.scoring import score
from rapport.framework_file import load_framework
from rapport.report import ChartImage, ReportInput, build_report
from rapport.services import student_report
from tests.conftest import FRAMEWORK_FILE

HOSTILE = "Ada \x00Love\x07lace \ud83d 🚀 <script>alert(1)</script> תודה"


def _sample(framework: Framework) -> Assessment:
    assessment = Assessment.empty(framework)
    for index, practice in enumerate(framework.practices):
        for number, indicator in enumerate(practice.indicators):
            rating = "na" if number == 4 else (index + number) % 5 + 1
            assessment = assessment.with_rating(indicator.id, rating)
    assessment = assessment.with_choice("proactive", importance=3, example=f"Flagged {HOSTILE}")
    return assessment.with_respondent(HOSTILE, "PM 101 \x0c")


@pytest.fixture(scope="module")
def document() -> DocumentObject:
    framework = load_framework(FRAMEWORK_FILE)
    raw = student_report(framework, _sample(framework), date(2026, 11, 27))
    return Document(BytesIO(raw))


def _headings(doc: DocumentObject, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def test_structure_uses_built_in_heading_styles(document: DocumentObject) -> None:
    assert document.paragraphs[0].style.name == "Title"
    assert _headings(document, 1) == [
        "Summary",
        "Why these practices",
        "Results",
        "The practices",
        "Action plan",
        "References",
    ]


def test_one_section_per_practice(document: DocumentObject, framework: Framework) -> None:
    headings = _headings(document, 2)
    for practice in framework.practices:
        assert practice.name in headings
    assert _headings(document, 3).count("Why it matters") == len(framework.practices)


def test_charts_are_embedded_with_alt_text(document: DocumentObject) -> None:
    assert len(document.inline_shapes) == 3
    for shape in document.inline_shapes:
        assert shape._inline.docPr.get("descr")
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert [c.split(".")[0] for c in captions] == ["Figure 1", "Figure 2", "Figure 3"]


def test_score_table_lists_every_practice(document: DocumentObject, framework: Framework) -> None:
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Practice",
        "Current",
        "Target",
        "Gap",
        "Priority",
    ]
    assert {row.cells[0].text for row in table.rows[1:]} == {p.name for p in framework.practices}
    priorities = sorted(int(row.cells[4].text) for row in table.rows[1:])
    assert priorities == list(range(1, 8))


def test_each_practice_shows_its_ratings(document: DocumentObject, framework: Framework) -> None:
    rating_tables = document.tables[1:]
    assert len(rating_tables) == len(framework.practices)
    first = rating_tables[0]
    assert first.rows[1].cells[0].text == framework.practices[0].indicators[0].text
    assert first.rows[1].cells[1].text == "Never"
    assert rating_tables[0].rows[5].cells[1].text == "Not applicable"


def test_references_are_apa_with_working_links(
    document: DocumentObject, framework: Framework
) -> None:
    texts = [p.text for p in document.paragraphs]
    start = texts.index("References")
    entries = [t for t in texts[start + 1 :] if t.strip()]
    assert len(entries) == len(framework.references) >= 10
    assert entries[0].startswith("Bourne, L. (2009).")
    links = {rel.target_ref for rel in document.part.rels.values() if rel.reltype == RT.HYPERLINK}
    assert {r.url for r in framework.references if r.url} <= links


def test_italic_titles_in_references(document: DocumentObject) -> None:
    texts = [p.text for p in document.paragraphs]
    entry = document.paragraphs[texts.index("References") + 1]
    italics = [run.text for run in entry.runs if run.italic]
    assert italics == [
        "Stakeholder relationship management: A maturity model for organisational implementation"
    ]


def test_core_properties(document: DocumentObject) -> None:
    properties = document.core_properties
    assert properties.title == "Managing client relationships: self-assessment report"
    assert properties.subject == "Managing client relationships"
    assert properties.author == "Ada Lovelace 🚀 <script>alert(1)</script> תודה"


def test_hostile_text_survives_as_plain_text(document: DocumentObject) -> None:
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Prepared by: Ada Lovelace 🚀 <script>alert(1)</script> תודה" in body
    assert "Course: PM 101" in body
    assert "Flagged Ada Lovelace  🚀 <script>" in body  # the lone surrogate between spaces went


def test_action_plan_follows_the_focus(document: DocumentObject, framework: Framework) -> None:
    texts = [p.text for p in document.paragraphs]
    plan = texts[texts.index("Action plan") : texts.index("References")]
    profile = score(framework, _sample(framework))
    for number, focus in enumerate(profile.focus, start=1):
        assert f"{number}. {focus.practice.name}" in plan


def test_report_without_answers_is_still_a_valid_document(framework: Framework) -> None:
    raw = student_report(framework, Assessment.empty(framework), date(2026, 11, 27))
    doc = Document(BytesIO(raw))
    assert "No statement has been rated yet" in "\n".join(p.text for p in doc.paragraphs)
    assert len(doc.inline_shapes) == 0


def _one_pixel_png() -> bytes:
    """A valid 1x1 PNG, written by hand so the fuzz below does not wait for vl-convert."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PIXEL = _one_pixel_png()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(max_size=200), example=st.text(max_size=300), course=st.text(max_size=50))
def test_any_user_text_yields_a_readable_report(name: str, example: str, course: str) -> None:
    framework = load_framework(FRAMEWORK_FILE)
    assessment = _sample(framework).with_respondent(name, course)
    assessment = assessment.with_choice("clear-channels", example=example)
    profile = score(framework, assessment)
    data = ReportInput(
        framework, assessment, profile, [ChartImage("t", "c", PIXEL)], date(2026, 11, 27)
    )
    reopened = Document(BytesIO(build_report(data)))
    assert reopened.paragraphs[0].style.name == "Title"
