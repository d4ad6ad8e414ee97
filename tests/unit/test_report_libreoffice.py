"""The reports open in LibreOffice: converted to PDF and read page by page as a printed
copy is, and re-saved as .docx then reread.

LibreOffice (and poppler's pdftotext, to read the PDF) are optional on a developer's
machine (the tests skip, saying so); CI installs both and sets
RAPPORT_REQUIRE_LIBREOFFICE=1, which turns their absence into a failure. CI also installs
Carlito, the metric twin of Calibri, so pages break where Word would break them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document

from rapport.core.framework import Framework
from rapport.core.i18n import _, using_language
from rapport.core.room import summarize
from rapport.core.workshop import Workshop, practice_results
from rapport.files.framework_file import load_framework
from rapport.files.uploads import load_upload
from rapport.reports.debrief import build_debrief
from rapport.usecases.student import student_report
from tests.conftest import FRAMEWORK_FILE, AssessmentFactory
from tests.helpers import people, rows_for
from tests.language_probes import english_left


def _tool(found: str | None, reason: str) -> str:
    if found is None:
        if os.environ.get("RAPPORT_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@pytest.fixture(scope="module")
def soffice() -> str:
    return _tool(
        shutil.which("soffice") or shutil.which("libreoffice"),
        "LibreOffice (soffice) is not installed; apt-get install libreoffice-writer-nogui",
    )


@pytest.fixture(scope="module")
def pdftotext() -> str:
    return _tool(
        shutil.which("pdftotext"), "pdftotext is not installed; apt-get install poppler-utils"
    )


def _pages(pdftotext: str, pdf: Path) -> list[list[str]]:
    """Each page's lines of text, the running footer ("Page X of Y") left out."""
    text = subprocess.run(
        [pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    pages = []
    for page in text.split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        # "Page 2 of 9", "Página 2 de 9", "Page 2 sur 9"
        pages.append([line for line in lines if not re.fullmatch(r"\w+ \d+ \w+ \d+", line)])
    return [page for page in pages if page]


def _heading_texts(raw: bytes) -> set[str]:
    doc = Document(BytesIO(raw))
    return {p.text for p in doc.paragraphs if p.style.name.startswith("Heading") and p.text}


def _long_table_words(raw: bytes) -> set[str]:
    doc = Document(BytesIO(raw))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return {w for text in cells for w in re.findall(r"[^\W\d_]{10,}", text)}


def _check_layout(soffice: str, pdftotext: str, raw: bytes, name: str, folder: Path) -> str:
    """What a careful reader of the printed report would catch: a page that ends on a
    heading, or a word broken inside a table cell ("communicati" / "on"). Returns the
    printed text."""
    source = folder / f"{name}.docx"
    source.write_bytes(raw)
    pages = _pages(pdftotext, _convert(soffice, source, "pdf", folder))
    assert len(pages) >= 2
    headings = _heading_texts(raw)
    for number, lines in enumerate(pages[:-1], start=1):
        if lines[0] == _("Contents"):
            continue  # its entries are the headings' names, not headings
        last, two = lines[-1], " ".join(lines[-2:])
        ends_on_heading = (
            last in headings
            or two in headings
            or any(h.endswith(" " + last) and h.startswith(lines[-2]) for h in headings)
        )
        assert not ends_on_heading, f"{name}: page {number} ends with the heading {last!r}"
    flowing = "\n".join("\n".join(lines) for lines in pages)
    words = re.findall(r"[^\W\d_]+", flowing)
    broken = sorted(w for w in _long_table_words(raw) if w not in words)
    assert not broken, f"{name}: words broken inside table cells: {broken}"
    return flowing


def _convert(soffice: str, source: Path, target_format: str, out_dir: Path) -> Path:
    profile = out_dir / "profile"  # a private profile: parallel or earlier runs cannot lock it
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / "out" / f"{source.stem}.{target_format.split(':')[0]}"


def test_libreoffice_renders_and_resaves_the_report(
    soffice: str, tmp_path: Path, framework: Framework, answered: AssessmentFactory
) -> None:
    original = answered(2, 4, 5, "na").with_respondent("Zoë Okafor", "PM 101")
    source = tmp_path / "report.docx"
    source.write_bytes(student_report(framework, original, date(2026, 11, 27)))

    pdf = _convert(soffice, source, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 50_000  # three chart images and ~15 pages of text

    resaved = _convert(soffice, source, "docx:MS Word 2007 XML", tmp_path / "resave")
    doc = Document(BytesIO(resaved.read_bytes()))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for number, practice in enumerate(framework.practices, start=1):
        assert f"{number}. {practice.name}" in headings
    assert len(doc.inline_shapes) == 3
    # The answers inside survive the re-save and restore exactly.
    assert load_upload(resaved.read_bytes(), "resaved.docx", framework).assessment == original


@pytest.mark.parametrize("code", ["en", "es", "fr"])
def test_printed_reports_keep_headings_with_their_text_and_words_whole(
    soffice: str,
    pdftotext: str,
    tmp_path: Path,
    answered: AssessmentFactory,
    code: str,
) -> None:
    framework = load_framework(FRAMEWORK_FILE, code)
    student = answered(2, 4, 5, "na", 3, 1, 4).with_respondent("Zoë Okafor", "PM 101")
    with using_language(code):
        report = student_report(framework, student, date(2026, 11, 27))
        printed = [_check_layout(soffice, pdftotext, report, "report", tmp_path)]
        room = people(framework, 8)
        results = [practice_results(framework, p) for p in room]
        summary = summarize(framework, 3, rows_for(results))
        moment = datetime(2026, 11, 27, tzinfo=UTC)
        workshop = Workshop("w1", "K7P3QD", "Client skills, week 4", framework.id,
                            framework.version, 3, True, True, frozenset(),
                            moment, moment)  # fmt: skip
        debrief = build_debrief(framework, workshop, summary, [], date(2026, 11, 27))
        printed.append(_check_layout(soffice, pdftotext, debrief, "debrief", tmp_path))
    if code != "en":
        # Read as the instructor reads the printout: no English left in either document
        # (a printed line may break a phrase, so this checks what a line holds whole).
        for text in printed:
            assert not english_left(text, code), english_left(text, code)[:5]
