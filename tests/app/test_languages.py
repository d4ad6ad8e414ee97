"""Every page in Spanish and French: no English message left, the framework in the page's
language, and one session's language never reaching another's."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from tests.app.conftest import PAGES, seen
from tests.conftest import FRAMEWORK_FILE, english_data
from tests.language_probes import english_probes

Start = Callable[..., AppTest]
TRANSLATED = ("es", "fr")


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def page_text(at: AppTest) -> str:
    """Every string the page sends the browser: bodies, labels, options, help, captions."""
    texts: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "DESCRIPTOR"):
            texts.extend(_strings(MessageToDict(proto)))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return seen("\n".join(texts))


def _no_english(at: AppTest, code: str, where: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    text = page_text(at)
    left = [probe for probe in english_probes(code) if probe in text]
    assert not left, f"{where} in {code} still shows English: {left[:5]}"


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_speaks_the_language_from_an_empty_session(
    app: Start, page: str, code: str
) -> None:
    at = app(lang=code)
    at.switch_page(page).run()
    _no_english(at, code, page)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_page_with_answers_speaks_the_language(app: Start, code: str) -> None:
    at = app(lang=code, demo="1")  # the sample's answers, then Results
    _no_english(at, code, "results (sample)")
    for page in PAGES:
        at.switch_page(page).run()
        _no_english(at, code, f"{page} (sample)")


def test_the_sidebar_choice_changes_the_language_and_keeps_the_answers(app: Start) -> None:
    at = app(demo="1")
    answered = at.session_state["rapport.assessments"]
    at.sidebar.selectbox(key="w.language").set_value("fr").run()
    assert at.query_params["lang"] in ("fr", ["fr"])
    _no_english(at, "fr", "results after choosing French")
    assert at.session_state["rapport.assessments"] == answered
    at.switch_page("app_pages/assess.py").run()
    _no_english(at, "fr", "assess after choosing French")


def test_two_sessions_never_share_a_language(app: Start) -> None:
    spanish, french, plain = app(lang="es"), app(lang="fr"), app()
    for _round in range(2):
        for at, code in ((spanish, "es"), (french, "fr")):
            at.switch_page("app_pages/assess.py").run()
            _no_english(at, code, "assess, interleaved")
        plain.switch_page("app_pages/assess.py").run()
        assert "Establish clear communication channels" in page_text(plain)


def test_the_english_check_finds_english(app: Start) -> None:
    # The check above is not vacuous: the same page in English shows many of the probes.
    at = app(demo="1")
    assert len([p for p in english_probes("es") if p in page_text(at)]) >= 20


def test_the_framework_menu_names_each_in_the_sessions_language(
    app: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(FRAMEWORK_FILE, tmp_path / "a.yaml")  # English, Spanish and French
    data = english_data() | {"id": "english-only", "name": "An English-only framework"}
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setenv("RAPPORT_DATA_DIR", str(tmp_path))
    at = app(lang="es")
    picker = at.sidebar.selectbox(key="w.framework")
    # A framework without Spanish is still offered, in its own language.
    assert picker.options == ["Gestión de las relaciones con los clientes", data["name"]]


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_sample_profile_speaks_the_language(app: Start, code: str) -> None:
    sample = json.loads(
        (FRAMEWORK_FILE.parent / "samples" / f"{FRAMEWORK_FILE.stem}.{code}.json").read_text(
            encoding="utf-8"
        )
    )
    english = json.loads(
        (FRAMEWORK_FILE.parent / "samples" / f"{FRAMEWORK_FILE.stem}.json").read_text(
            encoding="utf-8"
        )
    )
    assert sample["ratings"] == english["ratings"]  # the same answers, other words
    at = app(lang=code, demo="1")
    at.switch_page("app_pages/assess.py").run()
    text = page_text(at)
    assert sample["practices"]["clear-channels"]["example"] in text
    assert english["practices"]["clear-channels"]["example"] not in text


def test_tables_write_numbers_as_the_page_does(app: Start) -> None:
    # Results' "as a table" views: the sample's levels (2.2, 3.6...) read 2,2 in Spanish.
    spanish = [frame.value for frame in app(lang="es", demo="1").dataframe]
    english = [frame.value for frame in app(demo="1").dataframe]
    assert spanish and len(spanish) == len(english)
    cells = {str(v) for frame in spanish for column in frame for v in frame[column]}
    assert any(re.fullmatch(r"\d,\d{1,2}", cell) for cell in cells)
    assert not any(re.fullmatch(r"\d\.\d{1,2}", cell) for cell in cells)
