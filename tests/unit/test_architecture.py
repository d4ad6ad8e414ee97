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
        "math",
        "re",
        "statistics",
        "typing",
        "unicodedata",
        "pydantic",
        "rapport",
    }
    names = _imports(path)
    assert _roots(names) <= allowed, f"{path.name} imports {_roots(names) - allowed}"
    project = {n for n in names if n.startswith("rapport")}
    assert all(n.startswith("rapport.core") for n in project)


@pytest.mark.parametrize(
    "path",
    [p for p in _modules(SRC) if "ui" not in p.relative_to(SRC).parts],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_streamlit_only_in_the_ui(path: Path) -> None:
    assert "streamlit" not in _roots(_imports(path))


@pytest.mark.parametrize("path", _modules(SRC), ids=lambda p: str(p.relative_to(SRC)))
def test_only_storage_talks_sql(path: Path) -> None:
    if "storage" not in path.relative_to(SRC).parts:
        assert "sqlalchemy" not in _roots(_imports(path))


@pytest.mark.parametrize(
    "path", [REPO / "app.py", *_modules(REPO / "app_pages")], ids=lambda p: p.name
)
def test_pages_stay_thin(path: Path) -> None:
    # Pages render; they reach storage, documents and charts only through src/rapport.
    assert not _roots(_imports(path)) & {"sqlalchemy", "docx", "altair", "vl_convert"}
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 200


@pytest.mark.parametrize("path", _modules(SRC), ids=lambda p: str(p.relative_to(SRC)))
def test_modules_keep_to_one_job(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 320


# Layers, lowest first: a module may import its own layer and the ones below, never above.
LAYERS = [
    {"core"},
    {"files", "charts", "storage", "settings"},
    {"reports"},
    {"usecases"},
    {"cli", "ui", "__main__"},
]


def _layer(module: str) -> int:
    top = module.split(".")[1] if module.count(".") else module
    return next(i for i, names in enumerate(LAYERS) if top in names)


@pytest.mark.parametrize("path", _modules(SRC), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_down_the_layers(path: Path) -> None:
    relative = path.relative_to(SRC).with_suffix("")
    if relative.name == "__init__" and len(relative.parts) == 1:
        return
    own = _layer("rapport." + ".".join(relative.parts))
    for name in _imports(path):
        if name.startswith("rapport.") and name != "rapport":
            assert _layer(name) <= own, f"{relative} (layer {own}) imports {name}"


def test_every_module_has_a_layer() -> None:
    for path in _modules(SRC):
        relative = path.relative_to(SRC).with_suffix("")
        if len(relative.parts) == 1 and relative.name == "__init__":
            continue
        _layer("rapport." + ".".join(relative.parts))
