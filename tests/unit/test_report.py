"""The Word report, reopened with python-docx and read the way a marker would."""

from __future__ import annotations

import re
import struct
import zlib
from datetime import UTC, date, datetime
from io import BytesIO

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.scoring import score
from rapport.files.framework_file import load_framework
from rapport.reports.common import ChartImage
from rapport.reports.student import DRAFT_NOTE, ReportInput, build_report
from rapport.usecases.student import student_report
from tests.conftest import FRAMEWORK_FILE
from tests.docx_reading import (
    SECOND_PERSON,
    STRAY_PUNCTUATION,
    TOOL_TALK,
    body_before_references,
    citation_problems,
    field_instructions,
    headings,
    reference_entries,
    reopen,
    section,
    table_rows,
)

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


H1_SECTIONS = [
    "Introduction",
    "Good practices in the research",
    "My self-assessment",
    "Action plan",
    "Conclusion",
    "References",
]


def test_structure_uses_built_in_heading_styles(document: DocumentObject) -> None:
    assert document.paragraphs[0].style.name == "Title"
    assert headings(document, 1) == H1_SECTIONS


def test_each_practice_in_the_research_and_in_my_ratings(
    document: DocumentObject, framework: Framework
) -> None:
    numbered = [f"{n}. {p.name}" for n, p in enumerate(framework.practices, start=1)]
    level_2 = headings(document, 2)
    assert all(name in level_2 for name in numbered)  # the research, one per practice
    assert headings(document, 3) == numbered  # my ratings, one per practice
    research = section(document, "Good practices in the research")
    for practice in framework.practices:
        assert practice.definition in research
        assert any(t.startswith("Sources: ") for t in research)


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
    entries = reference_entries(document)
    assert len(entries) == len(framework.references) >= 10
    assert entries[0].startswith("Bourne, L. (2009).")
    links = {rel.target_ref for rel in document.part.rels.values() if rel.reltype == RT.HYPERLINK}
    assert {r.url for r in framework.references if r.url} <= links
    # APA 7 details the first report got wrong.
    gremler = next(e for e in entries if e.startswith("Gremler"))
    assert "3(1), 82–104." in gremler and "https://doi.org/10.1177/109467050031006" in gremler
    assert "95(4), 62–69." in next(e for e in entries if e.startswith("Perlow"))
    assert not any(re.search(r"\d-\d", e) for e in entries), "page ranges take an en dash"
    pmbok = next(e for e in entries if "PMBOK" in e)
    assert pmbok.count("(7th ed.)") == 1 and "standard for project management" not in pmbok


def test_every_citation_has_its_reference_and_every_reference_is_cited(
    document: DocumentObject, framework: Framework
) -> None:
    assert citation_problems(document, framework) == []


def test_a_group_author_is_spelled_out_once(document: DocumentObject) -> None:
    text = "\n".join(body_before_references(document))
    assert text.count("Project Management Institute [PMI], 2021") == 1
    first = text.index("Project Management Institute [PMI], 2021")
    assert "(PMI, 2021)" not in text[:first], "abbreviated before it was introduced"
    assert "(PMI, 2021)" in text[first:] and "(PMI, 2006)" in text[first:]


def test_the_research_reads_as_a_research_summary(document: DocumentObject) -> None:
    """No "you", no mention of the tool, a model answer or an answer key: it is the
    student's summary of the literature."""
    research = section(document, "Good practices in the research")
    assert len(research) > 20
    for text in research:
        assert not SECOND_PERSON.search(text), text
        assert not TOOL_TALK.search(text), text


def test_personal_sections_speak_in_the_first_person(document: DocumentObject) -> None:
    for title in ("Introduction", "My self-assessment", "Conclusion"):
        texts = section(document, title)
        assert texts, title
        for text in texts:
            assert not SECOND_PERSON.search(text), f"{title}: {text}"
            assert not TOOL_TALK.search(text), f"{title}: {text}"
        assert any(re.search(r"\b(I|my)\b", t) for t in texts), title


def test_empty_introduction_and_conclusion_are_first_person_drafts(
    document: DocumentObject,
) -> None:
    for title in ("Introduction", "Conclusion"):
        texts = section(document, title)
        assert texts[0] == DRAFT_NOTE
        assert len(" ".join(texts[1:]).split()) >= 40


def test_the_students_own_words_replace_the_drafts(framework: Framework) -> None:
    own = _sample(framework).with_writing(
        introduction="In my placement at a design studio I look after two clients.\n\n"
        "Both expect weekly news.",
        reflection="I learned that I rarely raise risks early. I will start a weekly look-ahead.",
    )
    doc = reopen(student_report(framework, own, date(2026, 11, 27)))
    assert section(doc, "Introduction") == [
        "In my placement at a design studio I look after two clients.",
        "Both expect weekly news.",
    ]
    conclusion = section(doc, "Conclusion")
    assert conclusion == [
        "I learned that I rarely raise risks early. I will start a weekly look-ahead."
    ]
    assert DRAFT_NOTE not in "\n".join(p.text for p in doc.paragraphs)


def test_clean_text_without_repeats(document: DocumentObject) -> None:
    texts = [t for t in body_before_references(document) if t.strip()]
    for text in texts:
        assert not STRAY_PUNCTUATION.search(text), text
    body = "\n".join(texts)
    assert "No example given" not in body
    assert "meet your target here" not in body.lower()
    # Where each practice stands is said from its own numbers: no two read the same.
    ratings = section(document, "My self-assessment")
    standings = [t for t in ratings if t.startswith("I rate myself") or t.startswith("I marked")]
    assert len(standings) == len(set(standings)) == 7


def test_word_craft(document: DocumentObject) -> None:
    fields = field_instructions(document)
    assert any(f.startswith("TOC ") for f in fields)
    assert "PAGE" in fields and "NUMPAGES" in fields
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Page ") and " of " in footer
    settings = document.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    contents = [p for p in document.paragraphs if p.style.name == "TOC Heading"]
    assert len(contents) == 1
    language = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert language.get(qn("w:val")) == "en-GB"
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        assert document.styles[name].paragraph_format.keep_with_next
    for row in table_rows(document):
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_columns_fit_their_longest_word(document: DocumentObject) -> None:
    for table in document.tables:
        grid = [int(c.get(qn("w:w"))) / 1440 for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) == pytest.approx(6.0, abs=0.05)  # the text width, margin to margin
        for row in table.rows:
            for width, cell in zip(grid, row.cells, strict=True):
                longest = max((len(w) for w in cell.text.split()), default=0)
                assert width >= longest * 0.085, (cell.text, width)


def test_properties_are_this_documents_own(document: DocumentObject) -> None:
    properties = document.core_properties
    assert properties.title == "Managing client relationships: a self-assessment"
    assert properties.subject == "Managing client relationships"
    assert properties.author == "Ada Lovelace 🚀 <script>alert(1)</script> תודה"
    assert properties.last_modified_by == "Rapport"
    now = datetime.now(UTC)
    for moment in (properties.created, properties.modified):
        assert abs((now - moment).total_seconds()) < 600
    assert "Rapport" in properties.comments
    package = document.part.package
    app = next(r.target_part for r in package.rels.values() if r.reltype == RT.EXTENDED_PROPERTIES)
    assert b"<Application>Rapport</Application>" in app.blob
    assert b"Macintosh" not in app.blob
    assert not [r for r in package.rels.values() if r.reltype == RT.THUMBNAIL]


def test_hostile_text_survives_as_plain_text(document: DocumentObject) -> None:
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Prepared by: Ada Lovelace 🚀 <script>alert(1)</script> תודה" in body
    assert "Course: PM 101" in body
    assert "Flagged Ada Lovelace  🚀 <script>" in body  # the lone surrogate between spaces went


def test_action_plan_follows_the_focus(document: DocumentObject, framework: Framework) -> None:
    plan = section(document, "Action plan")
    plan_headings = headings(document, 2)
    profile = score(framework, _sample(framework))
    for number, focus in enumerate(profile.focus, start=1):
        assert f"{number}. {focus.practice.name}" in plan_headings
    assert any(t.startswith("I will start with the statement I rated lowest") for t in plan)


def test_report_without_answers_is_still_a_valid_document(framework: Framework) -> None:
    raw = student_report(framework, Assessment.empty(framework), date(2026, 11, 27))
    doc = Document(BytesIO(raw))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "I have not rated any statement on the scale yet" in body
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
