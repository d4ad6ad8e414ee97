"""Property-based fuzzing of every parser and both report builders: whatever comes in,
the result is a value or a RapportError with a message, never another exception."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapport.core.errors import AnswersError, FrameworkError
from rapport.core.framework import Framework
from rapport.core.room import summarize
from rapport.core.workshop import Workshop, normalize_code, practice_results
from rapport.files.docx_answers import extract_answers
from rapport.files.framework_file import load_framework
from rapport.files.uploads import load_upload
from rapport.reports.debrief import build_debrief
from rapport.usecases.workshops import facilitated_workshop
from tests.conftest import FRAMEWORK_FILE
from tests.helpers import people, rows_for

FRAMEWORK = load_framework(FRAMEWORK_FILE)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["a.json", "r.docx", "x.txt", "noext"]))
def test_uploads_of_any_bytes(raw: bytes, name: str) -> None:
    try:
        load_upload(raw, name, FRAMEWORK)
    except AnswersError as error:
        assert error.message


@FAST
@given(
    st.dictionaries(
        st.sampled_from(["word/document.xml", "customXml/item1.xml", "customXml/item2.xml", "x"]),
        st.one_of(
            st.binary(max_size=300),
            st.text(max_size=300).map(
                lambda t: f'<a xmlns="urn:x-rapport:answers:1">{t}</a>'.encode()
            ),
        ),
        max_size=4,
    )
)
def test_zips_with_any_parts(files: dict[str, bytes]) -> None:
    try:
        extract_answers(_zip(files))
    except AnswersError as error:
        assert error.message


@FAST
@given(text=st.text(max_size=400))
def test_framework_files_of_any_text(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("fw") / "fuzz.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_framework(path)
    except FrameworkError as error:
        assert "fuzz.yaml" in error.message


@FAST
@given(st.text(max_size=60))
def test_join_codes_of_any_text(text: str) -> None:
    code = normalize_code(text)
    assert code is None or (len(code) == 6 and code.isalnum())


class _NoWorkshops:
    """A repository that knows no token: every lookup must come back empty."""

    def workshop_by_token_hash(self, token_hash: str) -> None:
        assert len(token_hash) == 64
        return


@FAST
@given(st.text(max_size=200))
def test_tokens_of_any_text(token: str) -> None:
    assert facilitated_workshop(_NoWorkshops(), token) is None  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(max_size=200), prompt=st.text(max_size=200))
def test_debrief_with_any_title_and_content(title: str, prompt: str) -> None:
    data = FRAMEWORK.model_dump()
    data["practices"][0]["discussion_prompts"] = [prompt.strip() or "?"]
    framework = Framework.model_validate(data)
    moment = datetime(2026, 11, 27, tzinfo=UTC)
    workshop = Workshop("w", "ACDEFG", title, framework.id, "1.0", 3, True, True,
                        frozenset(), moment, moment)  # fmt: skip
    room = people(framework, 3)
    summary = summarize(framework, 3, rows_for([practice_results(framework, p) for p in room]))
    raw = build_debrief(framework, workshop, summary, [], date(2026, 11, 27))
    assert Document(io.BytesIO(raw)).paragraphs[0].style.name == "Title"
