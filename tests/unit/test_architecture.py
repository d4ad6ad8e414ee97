"""The folders are the architecture: check the import directions of design.md."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

SRC = REPO / "src" / "rapport"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _roots(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("path", _modules(SRC / "core"), ids=lambda p: p.name)
def test_core_is_pure(path: Path) -> None:
    allowed = {
        "__future__",
        "collections",
        "dataclasses",
        "datetime",
        "secrets",
        "functools",
        "hashlib",
        "itertools",
        "math",
        "re",
        "statistics",
        "typing",
        "unicodedata",
        "pydantic",
        "rapport",
        # Words in the reader's language: the language is a context variable, gettext
        # reads the package's own compiled catalogs (never a user's data), Babel holds the
        # locales' number, date and list conventions.
        "contextlib",
        "contextvars",
        "gettext",
        "pathlib",
        "babel",
    }
    names = _imports(path)
    assert _roots(names) <= allowed, f"{path.name} imports {_roots(names) - allowed}"
    project = {n for n in names if n.startswith("rapport")}
    assert all(n.startswith("rapport.core") for n in project)


@pytest.mark.parametrize(
    "path", [REPO / "app.py", *_modules(REPO / "app_pages")], ids=lambda p: p.name
)
def test_pages_stay_thin(path: Path) -> None:
    # Pages render; they reach storage, documents and charts only through src/rapport.
    assert not _roots(_imports(path)) & {"sqlalchemy", "docx", "altair", "vl_convert"}
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 200


@pytest.mark.parametrize("path", _modules(SRC), ids=lambda p: str(p.relative_to(SRC)))
def test_modules_keep_to_one_job(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


# What each folder holds; the import rules between them are import-linter's contracts in
# pyproject.toml (run by `make lint`), so no list of module names needs keeping here.
FOLDERS = {"core", "files", "charts", "storage", "reports", "usecases", "ui"}
TOP_LEVEL = {"__init__.py", "__main__.py", "settings.py", "cli.py"}


def test_every_module_sits_in_a_folder_that_names_its_kind() -> None:
    for path in _modules(SRC):
        parts = path.relative_to(SRC).parts
        assert parts[0] in FOLDERS or (len(parts) == 1 and parts[0] in TOP_LEVEL), parts


@pytest.mark.parametrize(
    "path", [REPO / "app.py", *_modules(REPO / "app_pages")], ids=lambda p: p.name
)
def test_pages_use_only_ui_usecases_and_core(path: Path) -> None:
    folders = {name.split(".")[1] for name in _imports(path) if name.startswith("rapport.")}
    assert folders <= {"ui", "usecases", "core"}, f"{path.name} imports rapport.{folders}"
