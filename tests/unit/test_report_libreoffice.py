"""The report opens in LibreOffice: converted to PDF, and re-saved as .docx then reread.

LibreOffice is optional on a developer's machine (the test skips, saying so); CI installs
it and sets RAPPORT_REQUIRE_LIBREOFFICE=1, which turns its absence into a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document

from rapport.core.framework import Framework
from rapport.restore import load_upload
from rapport.services import student_report
from tests.conftest import AssessmentFactory


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        reason = "LibreOffice (soffice) is not installed; apt-get install libreoffice-writer-nogui"
        if os.environ.get("RAPPORT_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


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
