"""`python -m rapport report` builds the same report from an answers file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

from docx import Document

from rapport.core.framework import Framework
from rapport.files.answers_file import to_json
from tests.conftest import REPO, AssessmentFactory
from tests.docx_reading import report_problems


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rapport", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_report_from_answers_file(
    tmp_path: Path, framework: Framework, answered: AssessmentFactory
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_bytes(to_json(answered(2, 4).with_respondent("Grace Hopper", "")))
    out = tmp_path / "report.docx"
    result = _run("report", "--answers", answers, "--out", out)
    assert result.returncode == 0, result.stderr
    assert f"Wrote {out}" in result.stdout
    doc = Document(BytesIO(out.read_bytes()))
    headings = {p.text for p in doc.paragraphs if p.style.name.startswith("Heading")}
    assert {f"{n}. {p.name}" for n, p in enumerate(framework.practices, 1)} <= headings
    assert doc.core_properties.author == "Grace Hopper"
    assert report_problems(doc, framework) == []
    assert not list(tmp_path.glob("*.partial"))


def test_bad_answers_file_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text('{"format": "rapport-answers", "version": 1, "ratings": 3}')
    out = tmp_path / "report.docx"
    result = _run("report", "--answers", answers, "--out", out)
    assert result.returncode == 1
    assert result.stderr.startswith("rapport: The answers file does not have the expected fields.")
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_missing_answers_file(tmp_path: Path) -> None:
    result = _run("report", "--answers", tmp_path / "none.json", "--out", tmp_path / "r.docx")
    assert result.returncode == 1
    assert "Cannot read" in result.stderr and "No such file" in result.stderr


def test_unknown_framework(tmp_path: Path, framework: Framework) -> None:
    answers = tmp_path / "answers.json"
    document = {
        "format": "rapport-answers",
        "version": 1,
        "framework": {"id": "team-leadership", "version": "1"},
        "ratings": {},
    }
    answers.write_text(json.dumps(document))
    result = _run("report", "--answers", answers, "--out", tmp_path / "r.docx")
    assert result.returncode == 1
    assert "'team-leadership', which is not in" in result.stderr
    assert framework.id in result.stderr


def test_missing_framework_folder_is_a_message(tmp_path: Path, answered: AssessmentFactory) -> None:
    answers = tmp_path / "answers.json"
    answers.write_bytes(to_json(answered(3)))
    result = _run(
        "report", "--answers", answers, "--out", tmp_path / "r.docx", "--data", tmp_path / "no"
    )
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_data_folder_from_the_environment(tmp_path: Path, answered: AssessmentFactory) -> None:
    answers = tmp_path / "answers.json"
    answers.write_bytes(to_json(answered(3)))
    empty = tmp_path / "frameworks"
    empty.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rapport",
            "report",
            "--answers",
            str(answers),
            "--out",
            str(tmp_path / "r.docx"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
        env={**os.environ, "RAPPORT_DATA_DIR": str(empty)},
    )
    assert result.returncode == 1
    assert f"which is not in {empty}" in result.stderr


def test_a_report_saved_in_spanish_is_rebuilt_in_it_or_in_french(
    tmp_path: Path, answered: AssessmentFactory
) -> None:
    from rapport.core.i18n import using_language
    from rapport.files.framework_file import load_framework_languages
    from tests.conftest import FRAMEWORK_FILE

    _english, spanish, french = load_framework_languages(FRAMEWORK_FILE)
    answers = tmp_path / "answers.json"
    with using_language("es"):
        answers.write_bytes(to_json(answered(2, 4)))
    for language, framework in ((None, spanish), ("fr", french)):
        out = tmp_path / f"report-{language}.docx"
        extra = ("--language", language) if language else ()
        result = _run("report", "--answers", answers, "--out", out, *extra)
        assert result.returncode == 0, result.stderr
        doc = Document(BytesIO(out.read_bytes()))
        headings = {p.text for p in doc.paragraphs if p.style.name.startswith("Heading")}
        assert f"1. {framework.practices[0].name}" in headings
        assert doc.core_properties.language == {"es": "es-ES", "fr": "fr-FR"}[framework.language]
