"""The Word documents say which language they are written in, so Word spell-checks and
hyphenates each in its own: the run defaults' w:lang and the core properties' language."""

from __future__ import annotations

from datetime import date

import pytest
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from rapport.core.assessment import Assessment
from rapport.core.i18n import using_language
from rapport.core.scoring import score
from rapport.files.framework_file import load_framework
from rapport.reports.common import new_document, save
from rapport.reports.student import ReportInput, build_report
from tests.conftest import FRAMEWORK_FILE
from tests.docx_reading import reopen


def _run_language(doc: DocumentObject) -> dict[str, str | None]:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    found = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).findall(qn("w:lang"))
    assert len(found) == 1  # the template's own w:lang is replaced, not added to
    return {name: found[0].get(qn(f"w:{name}")) for name in ("val", "eastAsia", "bidi")}


@pytest.mark.parametrize(("code", "tag"), [("en", "en-GB"), ("es", "es-ES"), ("fr", "fr-FR")])
def test_a_document_is_marked_with_its_language(code: str, tag: str) -> None:
    with using_language(code):
        doc = new_document()
        doc.add_paragraph("…")
        raw = save(doc, title="t", author="a", subject="s", comments="c")
    reopened = reopen(raw)
    assert _run_language(reopened) == {"val": tag, "eastAsia": tag, "bidi": tag}
    assert reopened.core_properties.language == tag


def test_a_report_built_in_spanish_is_spanish_throughout() -> None:
    with using_language("es"):
        framework = load_framework(FRAMEWORK_FILE)
        assessment = Assessment.empty(framework)
        for index, practice in enumerate(framework.practices):
            for number, indicator in enumerate(practice.indicators):
                assessment = assessment.with_rating(indicator.id, (index + number) % 5 + 1)
        profile = score(framework, assessment)
        raw = build_report(ReportInput(framework, assessment, profile, [], date(2026, 11, 27)))
    doc = reopen(raw)
    assert _run_language(doc)["val"] == "es-ES"
    assert doc.core_properties.language == "es-ES"
    gaps = [row.cells[3].text for row in doc.tables[0].rows[1:]]
    assert all("," in gap and "." not in gap for gap in gaps if gap != "–")  # "+1,2"
    assert "27 de noviembre de 2026" in "\n".join(p.text for p in doc.paragraphs)


def test_the_language_is_the_readers_not_the_processs() -> None:
    with using_language("fr"):
        french = new_document()
    english = new_document()
    assert _run_language(french)["val"] == "fr-FR"
    assert _run_language(english)["val"] == "en-GB"
