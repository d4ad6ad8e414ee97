"""Read practice framework files (YAML or JSON) from disk into validated core models.

Every failure becomes a FrameworkError naming the file, the item and the problem, so a
content author can fix a broken file without reading a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from rapport.core.errors import FrameworkError
from rapport.core.framework import Framework
from rapport.core.i18n import current_language
from rapport.files.framework_languages import check_languages, declared_languages, resolve

SUFFIXES = (".yaml", ".yml", ".json")
MAX_FILE_BYTES = 1_000_000


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors/aliases: content files never need them, and refusing them
    rules out "billion laughs" files that expand into huge structures."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(
                f"YAML aliases (*name) are not allowed in framework files (line "
                f"{event.start_mark.line + 1})"
            )
        return super().compose_node(parent, index)


def _parse(path: Path, raw: bytes) -> Any:
    text = raw.decode("utf-8-sig")  # tolerate a BOM left by Windows editors
    if path.suffix == ".json":
        return json.loads(text)
    fast = getattr(yaml, "CSafeLoader", None)  # libyaml: about ten times faster
    if fast is None:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    for event in yaml.parse(text, Loader=fast):  # refuse aliases before building anything
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(
                f"YAML aliases (*name) are not allowed in framework files (line "
                f"{event.start_mark.line + 1})"
            )
    return yaml.load(text, Loader=fast)  # noqa: S506 - libyaml's safe loader


def _describe_location(data: Any, loc: Sequence[int | str]) -> str:
    """Turn a pydantic error location into words, naming items by their ids where they have one."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int):
            label = f"#{step + 1}"
            try:
                node = node[step]
            except (IndexError, KeyError, TypeError):
                node = None
            if isinstance(node, dict) and isinstance(node.get("id") or node.get("key"), str):
                label += f" ('{node.get('id') or node.get('key')}')"
            parts[-1:] = [f"{parts[-1]} {label}"] if parts else [label]
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return " > ".join(parts)


def _problems(data: Any, error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        message = str(item["msg"]).removeprefix("Value error, ")
        where = _describe_location(data, item["loc"])
        problems.append(f"{where}: {message}" if where else message)
    return problems


def _read(path: Path) -> dict[str, Any]:
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FrameworkError(f"{name}: the file is larger than {MAX_FILE_BYTES:,} bytes.")
        raw = path.read_bytes()
    except OSError as exc:
        raise FrameworkError(f"{name}: the file cannot be read ({exc.strerror}).") from exc
    try:
        data = _parse(path, raw)
    except UnicodeDecodeError as exc:
        raise FrameworkError(f"{name}: the file is not UTF-8 text.") from exc
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise FrameworkError(
            f"{name}: the file is not valid {path.suffix[1:].upper()}.", [str(exc)]
        ) from exc
    if not isinstance(data, dict):
        raise FrameworkError(f"{name}: the file must hold a mapping of fields at the top level.")
    return data


def load_framework_languages(path: Path) -> tuple[Framework, ...]:
    """Load and validate one framework file, once per language it declares (the file's
    first language first). A text missing a language fails the whole file, named."""
    name = path.name
    data = _read(path)
    try:
        languages = declared_languages(data)
    except ValueError as exc:
        raise FrameworkError(f"{name}: the framework is not valid.", [str(exc)]) from exc
    missing = check_languages(data, languages)
    if missing:
        problems = [f"{_describe_location(data, where)}: {problem}" for where, problem in missing]
        raise FrameworkError(f"{name}: the framework is not complete in every language.", problems)
    versions = []
    for language in languages:
        resolved = resolve(data, language) | {"languages": list(languages), "language": language}
        try:
            versions.append(Framework.model_validate(resolved))
        except ValidationError as exc:
            where = f" ({language})" if len(languages) > 1 else ""
            raise FrameworkError(
                f"{name}: the framework is not valid{where}.", _problems(resolved, exc)
            ) from exc
    return tuple(versions)


def load_framework(path: Path, language: str | None = None) -> Framework:
    """Load and validate one framework file, in `language` (its first language when it
    does not declare that one, or when none is asked for)."""
    versions = load_framework_languages(path)
    return next((f for f in versions if f.language == language), versions[0])


def framework_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


@dataclass(frozen=True)
class FrameworkCatalog:
    """The frameworks found in a folder, plus the files that failed (shown, not hidden).
    `frameworks` holds each in its file's first language; `get` finds any language."""

    frameworks: tuple[Framework, ...]
    errors: tuple[FrameworkError, ...]
    translations: tuple[Framework, ...] = ()

    def get(self, framework_id: str, language: str | None = None) -> Framework | None:
        """The framework in `language` (the reader's, by default), or in its file's first
        language if it lacks that one."""
        wanted = language or current_language()
        found = next(
            (f for f in self.translations if f.id == framework_id and f.language == wanted),
            None,
        )
        return found or next((f for f in self.frameworks if f.id == framework_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.frameworks)


def load_catalog(paths: Iterable[Path]) -> FrameworkCatalog:
    frameworks: list[Framework] = []
    translations: list[Framework] = []
    errors: list[FrameworkError] = []
    for path in paths:
        try:
            framework, *others = load_framework_languages(path)
        except FrameworkError as exc:
            errors.append(exc)
            continue
        if any(f.id == framework.id for f in frameworks):
            errors.append(
                FrameworkError(f"{path.name}: framework id '{framework.id}' is used twice.")
            )
            continue
        frameworks.append(framework)
        translations.extend(others)
    return FrameworkCatalog(tuple(frameworks), tuple(errors), tuple(translations))
