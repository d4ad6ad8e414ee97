"""A framework file's languages: every text carries each language inside the same item.

    languages: [en, es, fr]
    practices:
      - id: clear-channels
        name:
          en: Establish clear communication channels
          es: Establecer canales de comunicación claros
          fr: Établir des canaux de communication clairs

A file that declares one language (or none: English) may write its texts as plain strings,
as every file did before languages. `resolve` turns the file into plain data for one
language, so the core's models never see a language mapping; `check_languages` first
refuses a text that lacks a declared language, naming the item, so no reader ever meets a
half-translated framework.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rapport.core.content import TRANSLATED_FIELDS

_CODE = re.compile(r"^[a-z]{2}$")
# References stay as published, in the language they were published in.
_UNTRANSLATED_SECTIONS = frozenset({"references"})


def declared_languages(data: dict[str, Any]) -> tuple[str, ...]:
    """The file's `languages` (English when it says nothing); raises ValueError if malformed."""
    languages = data.get("languages", ["en"])
    if (
        not isinstance(languages, list)
        or not languages
        or not all(isinstance(code, str) and _CODE.match(code) for code in languages)
        or len(set(languages)) != len(languages)
    ):
        raise ValueError(
            "languages: list each language once as a two-letter code, such as [en, es, fr]"
        )
    return tuple(languages)


def _texts(
    node: Any, where: tuple[str | int, ...] = (), field: str | None = None
) -> Iterator[tuple[tuple[str | int, ...], str | dict[str, Any]]]:
    """Every text of the file with its location: a string, or a mapping of languages."""
    if field in TRANSLATED_FIELDS and isinstance(node, str | dict):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not where and key in _UNTRANSLATED_SECTIONS:
                continue
            yield from _texts(value, (*where, key), str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*where, index), field)


def check_languages(data: dict[str, Any], languages: tuple[str, ...]) -> list[tuple[Any, str]]:
    """Every text that lacks a declared language (or has an undeclared one), as
    (location, problem) pairs; empty when the file is complete."""
    problems: list[tuple[Any, str]] = []
    wanted = set(languages)
    for where, value in _texts(data):
        if isinstance(value, str):
            if len(languages) > 1:
                problems.append(
                    (where, f"has one text for all languages; write it in {_list(wanted)}")
                )
            continue
        missing = wanted - {k for k, v in value.items() if isinstance(v, str) and v.strip()}
        extra = set(value) - wanted
        if missing:
            problems.append((where, f"has no {_list(missing)} text"))
        if extra:
            problems.append(
                (where, f"is written in {_list(extra)}, which `languages` does not declare")
            )
    return problems


def _list(codes: set[str]) -> str:
    return ", ".join(sorted(codes))


def resolve(node: Any, language: str, field: str | None = None) -> Any:
    """The file's data with every text's mapping of languages replaced by its `language`
    text (check_languages has made sure there is one)."""
    if field in TRANSLATED_FIELDS and isinstance(node, dict):
        return node.get(language)
    if isinstance(node, dict):
        return {key: resolve(value, language, str(key)) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(value, language, field) for value in node]
    return node
