"""A framework file carries every language inside each item; a missing one fails, named."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from rapport.core import framework as framework_models
from rapport.core import scenarios
from rapport.core.content import TRANSLATED_FIELDS
from rapport.core.errors import FrameworkError
from rapport.files.framework_file import load_catalog, load_framework, load_framework_languages
from rapport.files.framework_languages import resolve
from tests.conftest import FRAMEWORK_FILE

SHIPPED = ("en", "es", "fr")


def raw() -> dict[str, Any]:
    return yaml.safe_load(FRAMEWORK_FILE.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "languages.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def failure(path: Path) -> FrameworkError:
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    return caught.value


def test_the_shipped_framework_is_complete_in_english_spanish_and_french() -> None:
    versions = load_framework_languages(FRAMEWORK_FILE)
    assert [f.language for f in versions] == list(SHIPPED)
    english, spanish, french = versions
    assert spanish.scale.levels[0].label == "Nunca"
    assert french.scale.levels[-1].label == "Toujours"
    for other in (spanish, french):
        # Same ids, values and references in every language: answers are language-neutral.
        assert other.languages == english.languages == SHIPPED
        assert other.id == english.id and other.version == english.version
        assert [i.id for p in other.practices for i in p.indicators] == [
            i.id for p in english.practices for i in p.indicators
        ]
        assert [(o.id, o.key) for p in other.practices for s in p.scenarios for o in s.options] == [
            (o.id, o.key) for p in english.practices for s in p.scenarios for o in s.options
        ]
        assert other.references == english.references
        assert other.practices[0].name != english.practices[0].name


def test_the_catalog_finds_each_language_and_falls_back_to_the_first(tmp_path: Path) -> None:
    catalog = load_catalog([FRAMEWORK_FILE])
    assert [f.language for f in catalog.frameworks] == ["en"]
    assert catalog.get("client-relationships", "fr").language == "fr"
    assert catalog.get("client-relationships", "de").language == "en"  # not declared
    assert catalog.get("client-relationships").language == "en"


def test_a_text_missing_one_language_fails_naming_the_item(tmp_path: Path) -> None:
    data = raw()
    del data["practices"][1]["indicators"][2]["text"]["fr"]
    error = failure(write(tmp_path, data))
    assert "not complete in every language" in error.message
    assert "practices #2 ('progress-updates') > indicators #3 ('pu-time-budget') > text" in (
        error.message
    )
    assert "has no fr text" in error.message


def test_one_text_for_every_language_is_refused_when_several_are_declared(tmp_path: Path) -> None:
    data = raw()
    data["practices"][0]["name"] = "Establish clear communication channels"
    message = failure(write(tmp_path, data)).message
    assert "practices #1 ('clear-channels') > name: has one text for all languages" in message


def test_a_language_the_file_does_not_declare_is_refused(tmp_path: Path) -> None:
    data = raw()
    data["scale"]["levels"][0]["label"]["de"] = "Nie"
    message = failure(write(tmp_path, data)).message
    assert "scale > levels #1 > label: is written in de" in message


def test_a_one_language_file_still_writes_plain_texts(tmp_path: Path) -> None:
    english = resolve(raw(), "en")
    english.pop("languages")
    framework = load_framework(write(tmp_path, english))
    assert framework.languages == ("en",)
    assert framework.practices[0].name == "Establish clear communication channels"


def test_a_file_in_another_language_alone_is_served_in_it(tmp_path: Path) -> None:
    spanish = resolve(raw(), "es") | {"languages": ["es"]}
    framework = load_framework(write(tmp_path, spanish), "fr")
    assert framework.language == "es"
    assert framework.scale.levels[0].label == "Nunca"


def test_each_language_is_validated_on_its_own(tmp_path: Path) -> None:
    data = raw()
    # Two level words alike in French only: a French reader could not tell them apart.
    data["scale"]["levels"][1]["label"]["fr"] = data["scale"]["levels"][0]["label"]["fr"]
    error = failure(write(tmp_path, data))
    assert "not valid (fr)" in error.message
    assert "level labels must be different" in str(error.problems)


@pytest.mark.parametrize("languages", [[], ["english"], ["en", "en"], "en"])
def test_malformed_languages_are_refused(tmp_path: Path, languages: object) -> None:
    data = raw() | {"languages": languages}
    assert "languages: list each language once" in str(failure(write(tmp_path, data)).problems)


def _text_fields(model: type[BaseModel]) -> set[str]:
    """The fields of a model, and of the models inside it, that hold text a person reads."""
    found: set[str] = set()
    for name, field in model.model_fields.items():
        text = str(field.annotation)
        if name in {"id", "cite", "apa", "url", "group_name", "version", "language"}:
            continue
        if "str" in text:
            found.add(name)
        for inner in typing.get_args(field.annotation) or (field.annotation,):
            for candidate in typing.get_args(inner) or (inner,):
                if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                    found |= _text_fields(candidate)
    return found


def test_every_text_field_of_the_models_is_translated() -> None:
    fields = _text_fields(framework_models.Framework) | _text_fields(scenarios.Scenario)
    # Ids, citation keys and language codes are strings too, but the same in every language.
    ids = {"citations", "citation", "indicators", "languages", "key"}
    assert fields - ids == TRANSLATED_FIELDS
