"""The bad-input corpus: every hostile or broken input a room or the internet can produce,
tried through the real pages. Each case must give a clear message (or be shown as plain
text), leave the current answers unchanged, and raise no exception."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml
from docx import Document
from streamlit.testing.v1 import AppTest

from rapport.core.assessment import Assessment
from rapport.files.framework_file import load_framework
from rapport.usecases.student import student_report
from tests.app.conftest import seen
from tests.conftest import FRAMEWORK_FILE, english_data

Start = Callable[..., AppTest]
FRAMEWORK = load_framework(FRAMEWORK_FILE)
FIRST = FRAMEWORK.practices[0].indicators[0].id


def _answers(**changes: object) -> dict:
    data = {
        "format": "rapport-answers",
        "version": 1,
        "framework": {"id": FRAMEWORK.id, "version": FRAMEWORK.version},
        "ratings": {FIRST: 4},
    }
    data.update(changes)
    return data


def _json(**changes: object) -> bytes:
    return json.dumps(_answers(**changes)).encode()


def _zip(files: dict[str, bytes], deflate: bool = True) -> bytes:
    buffer = io.BytesIO()
    mode = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", compression=mode) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _foreign_docx() -> bytes:
    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("An essay written in another program.")
    document.save(buffer)
    return buffer.getvalue()


def _report_with(replace: bytes, by: bytes) -> bytes:
    sample = Assessment.empty(FRAMEWORK).with_rating(FIRST, 4)
    raw = student_report(FRAMEWORK, sample, date(2026, 11, 27))
    source = zipfile.ZipFile(io.BytesIO(raw))
    files = {m.filename: source.read(m) for m in source.infolist()}
    for name, content in files.items():
        if name.startswith("customXml/item") and b"rapport-answers" in content:
            files[name] = content.replace(replace, by)
    return _zip(files)


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes
    message: str


UPLOADS = {
    # answers files
    "malformed JSON": Upload("a.json", b'{"format": "rapport-answers",', "not valid JSON"),
    "JSON list": Upload("a.json", b"[1, 2, 3]", "not a Rapport answers file"),
    "JSON string": Upload("a.json", b'"hello"', "not a Rapport answers file"),
    "another format": Upload("a.json", _json(format="survey"), "not a Rapport answers file"),
    "no version": Upload("a.json", json.dumps({"format": "rapport-answers"}).encode(), "does not say which version"),
    "future version": Upload("a.json", _json(version=99), "version 99"),
    "rating as text": Upload("a.json", _json(ratings={FIRST: "4"}), "expected fields"),
    "rating as float": Upload("a.json", _json(ratings={FIRST: 4.5}), "expected fields"),
    "rating as bool": Upload("a.json", _json(ratings={FIRST: True}), "expected fields"),
    "rating too high": Upload("a.json", _json(ratings={FIRST: 6}), "outside the scale"),
    "rating zero": Upload("a.json", _json(ratings={FIRST: 0}), "outside the scale"),
    "rating negative": Upload("a.json", _json(ratings={FIRST: -1}), "outside the scale"),
    "huge integer": Upload("a.json", _json(ratings={FIRST: 10**30}), "outside the scale"),
    "NaN": Upload("a.json", b'{"format": "rapport-answers", "version": 1, "x": NaN}', "not valid JSON"),
    "Infinity": Upload("a.json", b'{"format": "rapport-answers", "version": 1, "x": Infinity}', "not valid JSON"),
    "target out of range": Upload("a.json", _json(practices={"clear-channels": {"target": 9}}), "outside the scale"),
    "importance out of range": Upload("a.json", _json(practices={"clear-channels": {"importance": 7}}), "outside the scale"),
    "unknown field": Upload("a.json", _json(extra_field="x"), "expected fields"),
    "other framework": Upload("a.json", _json(framework={"id": "other", "version": "1"}), "belong to the framework 'other'"),
    "example not text": Upload("a.json", _json(practices={"clear-channels": {"example": ["x"]}}), "expected fields"),
    "ratings not a map": Upload("a.json", _json(ratings=[4, 4]), "expected fields"),
    "deep nesting": Upload("a.json", b"[" * 50_000 + b"]" * 50_000, "not valid JSON"),
    "ten megabytes": Upload("a.json", b" " * 10_000_000, "too large"),
    "not UTF-8": Upload("a.json", '{"format": "caf\xe9"}'.encode("latin-1"), "not UTF-8"),
    "UTF-16": Upload("a.json", _json().decode().encode("utf-16"), "not UTF-8"),
    "empty file": Upload("a.json", b"", "empty"),
    "only spaces": Upload("a.json", b"   \n\t ", "empty"),
    "zip named json": Upload("a.json", _zip({"x.txt": b"x"}), "renamed document"),
    "wrong extension": Upload("a.exe", b"MZ\x90\x00", "cannot read .exe files"),
    # Word documents
    "docx not a zip": Upload("r.docx", b"%PDF-1.7 not a word file", "not a Word document"),
    "docx truncated": Upload("r.docx", _foreign_docx()[:300], "damaged"),
    "zip without document": Upload("r.docx", _zip({"readme.txt": b"hi"}), "zip archive but not a Word document"),
    "zip bomb": Upload("r.docx", _zip({"word/document.xml": b"<w/>", "customXml/item1.xml": b"0" * 60_000_000}), "unpacks to"),
    "another program's docx": Upload("r.docx", _foreign_docx(), "no Rapport answers inside"),
    "tampered rating": Upload("r.docx", _report_with(b'"cc-agree-channels": 4', b'"cc-agree-channels": 8'), "outside the scale"),
    "tampered format": Upload("r.docx", _report_with(b'"rapport-answers"', b'"something-else"'), "not a Rapport answers file"),
    "tampered JSON": Upload("r.docx", _report_with(b'"ratings": {', b'"ratings": {{'), "not valid JSON"),
    "entity in custom XML": Upload(
        "r.docx",
        _zip({"word/document.xml": b"<w/>", "customXml/item1.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><a xmlns="urn:x-rapport:answers:1">&e;</a>'}),
        "no Rapport answers inside",
    ),
}  # fmt: skip


def _seeded(app: Start) -> AppTest:
    at = app()
    at.session_state["rapport.assessments"] = {
        FRAMEWORK.id: Assessment.empty(FRAMEWORK).with_rating(FIRST, 2)
    }
    at.run()
    return at


@pytest.mark.parametrize("case", UPLOADS)
def test_bad_upload(app: Start, case: str) -> None:
    upload = UPLOADS[case]
    at = _seeded(app)
    before = at.session_state["rapport.assessments"][FRAMEWORK.id]
    uploader = next(u for u in at.get("file_uploader") if u.id.endswith("w.upload.resume"))
    uploader.set_value((upload.name, upload.content, "application/octet-stream")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert upload.message in seen(at.error[0].value)
    assert at.session_state["rapport.assessments"][FRAMEWORK.id] == before


def _framework_dict() -> dict:
    return english_data()


def _broken(change: Callable[[dict], object]) -> str:
    data = _framework_dict()
    change(data)
    data["id"] = "broken-copy"
    return yaml.safe_dump(data, allow_unicode=True)


FRAMEWORK_FILES = {
    "missing name": (_broken(lambda d: d.pop("name")), "name: Field required"),
    "missing practices": (_broken(lambda d: d.pop("practices")), "practices: Field required"),
    "duplicate indicator": (
        _broken(lambda d: d["practices"][1]["indicators"].append(dict(d["practices"][0]["indicators"][0]))),
        "duplicate indicator id",
    ),
    "unknown citation": (_broken(lambda d: d["practices"][0]["citations"].append("ghost-2020")), "citation key 'ghost-2020'"),
    "bad scale order": (_broken(lambda d: d["scale"]["levels"].reverse()), "numbered 1, 2, 3"),
    "scale of two": (_broken(lambda d: d["scale"].update(levels=d["scale"]["levels"][:2])), "at least 3"),
    "alias bomb": ('a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n', "aliases (*name) are not allowed"),
    "not YAML": ("practices: [unclosed\n  - x", "not valid YAML"),
    "a list": ("- just\n- a list\n", "mapping of fields"),
}  # fmt: skip


@pytest.mark.parametrize("case", FRAMEWORK_FILES)
def test_broken_framework_file(
    app: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    text, message = FRAMEWORK_FILES[case]
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "client-relationships.yaml").write_bytes(FRAMEWORK_FILE.read_bytes())
    (folder / "zz-broken.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("RAPPORT_DATA_DIR", str(folder))
    at = app()
    assert not at.exception, [e.value for e in at.exception]
    warnings = " ".join(w.value for w in at.sidebar.warning)
    assert "zz-broken.yaml" in warnings and message in warnings
    at.switch_page("app_pages/assess.py").run()  # the good framework still works
    assert not at.exception
    assert at.title[0].value == "Assess your habits"


TEXTS = {
    "control characters": "Ada\x00\x01\x07\x1b Lovelace",
    "lone surrogates": "Ada \ud800\udfff Lovelace",
    "100,000 characters": "x" * 100_000,
    "right-to-left": "\u202eecalevoL adA \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "emoji": "Ada 👩‍💻🚀🏳️‍🌈",
    "HTML and script": "<script>alert('x')</script><img src=x onerror=alert(1)><b>bold</b>",
    "markdown link and image": "[click me](https://example.invalid) ![img](https://example.invalid/i.png)",
    "markdown heading and emoji code": "# Heading\n:material/warning: :red[red] $x^2$",
}


def _as_a_browser_sends(text: str) -> str:
    # Browsers encode text as UTF-8 on the wire, turning lone surrogates into U+FFFD; the
    # parsers' and report builders' own handling of raw surrogates is tested in tests/unit.
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


@pytest.mark.parametrize("case", TEXTS)
def test_hostile_text_fields(app: Start, case: str) -> None:
    text = _as_a_browser_sends(TEXTS[case])
    at = app()
    at.switch_page("app_pages/assess.py").run()
    next(r for r in at.radio if r.key and r.key.startswith("w.rating.")).set_value(4).run()
    at.text_area(key="w.example.client-relationships.clear-channels").input(text[:1000]).run()
    at.switch_page("app_pages/report.py").run()
    at.text_input(key="w.report.name").input(text[:120]).run()
    assert not at.exception, [e.value for e in at.exception]
    stored = at.session_state["rapport.assessments"][FRAMEWORK.id]
    for value in (stored.respondent.name, stored.choice("clear-channels").example):
        assert not any(ord(c) < 32 and c not in "\n\t" for c in value)
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in value)
        value.encode("utf-8")
    # Shown back only as plain text: nothing typed becomes a link, an image or markup.
    rendered = " ".join(m.value for m in at.markdown)
    assert "example.invalid" not in rendered and "<script" not in rendered
    raw = student_report(FRAMEWORK, stored, date(2026, 11, 27))
    Document(io.BytesIO(raw))  # the report still opens


QUERIES = {
    "unknown parameter": {"utm_source": "x" * 500},
    "demo other value": {"demo": "yes"},
    "join empty": {"join": ""},
    "join too long": {"join": "K" * 5000},
    "join SQL-looking": {"join": "'; DROP TABLE workshops; --"},
    "join with percent escapes": {"join": "%27%20OR%201%3D1"},
    "join unicode": {"join": "ＫＡＰＰＡ６"},
    "key on home": {"key": "x" * 43},
}


@pytest.mark.parametrize("case", QUERIES)
def test_hostile_query_parameters(app: Start, case: str) -> None:
    at = app(**QUERIES[case])
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the page must still render something useful"


@pytest.mark.parametrize(
    "key", ["", "short", "x" * 43, "' OR '1'='1", "A" * 5000, "../../etc/passwd", "<script>"]
)
def test_hostile_dashboard_tokens(app: Start, key: str) -> None:
    at = app(key=key)
    at.switch_page("app_pages/dashboard.py").run()
    assert not at.exception
    assert "opens with the facilitator link" in at.info[0].value
    assert not at.get("arrow_vega_lite_chart") and not at.get("vega_lite_chart")


def _live_markup(markdown: str) -> bool:
    """Whether markdown holds a tag, a link or an image that was not escaped (a backslash
    before it makes it literal text)."""
    return re.search(r"(?<!\\)<[a-z/]|(?<!\\)\]\(", markdown) is not None


RATER_LINKS = ["", "short", "x" * 22, "' OR '1'='1", "A" * 5000, "../../etc/passwd", "<b>x</b>"]


@pytest.mark.parametrize("token", RATER_LINKS)
def test_hostile_rater_links(app: Start, token: str) -> None:
    at = app(r=token)
    at.switch_page("app_pages/rate.py").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = " ".join(m.value for m in (*at.info, *at.error)).lower()
    assert "open that link" in shown or "does not open anything" in shown
    assert not at.radio  # nothing to answer without a real link


@pytest.mark.parametrize("case", TEXTS)
def test_hostile_names_and_comments_in_feedback(app: Start, case: str) -> None:
    """A hostile name asked with, and a hostile comment given: each stays plain text."""
    text = _as_a_browser_sends(TEXTS[case])
    at = app()
    at.switch_page("app_pages/feedback.py").run()
    at.text_input[0].input(text[:40])
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    created = "rapport.feedback_created"
    # AppTest's session state has `in` and [] but no .get.
    made = at.session_state[created] if created in at.session_state else None  # noqa: SIM401
    shown = " ".join(m.value for m in (*at.markdown, *at.title, *at.subheader))
    assert "example.invalid" not in shown and "<script" not in shown
    if made is None:  # refused (empty once cleaned, say): with a message
        assert at.error, "a refused name must say why"
        return
    token = next(iter(made.rater_tokens.values()))
    rater = app(r=token)
    rater.switch_page("app_pages/rate.py").run()
    assert not rater.exception, [e.value for e in rater.exception]
    shown = " ".join(m.value for m in (*rater.markdown, *rater.title, *rater.info))
    assert not _live_markup(shown), shown[:300]
    rater.radio(key="rater.practice").set_value(3).run()
    for radio in (r for r in rater.radio if r.key != "rater.practice"):
        radio.set_value(4)
    rater.text_area(key=f"rater.comment.{FRAMEWORK.practices[0].id}").input(text[:600])
    rater.button[0].click().run()
    assert not rater.exception, [e.value for e in rater.exception]
    assert rater.success or rater.error


def test_the_corpus_is_large_enough() -> None:
    size = len(UPLOADS) + len(FRAMEWORK_FILES) + 2 * len(TEXTS) + len(QUERIES) + 7
    size += len(RATER_LINKS)
    assert size >= 60
