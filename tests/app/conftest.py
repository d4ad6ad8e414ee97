"""AppTest fixtures: a fresh app per test, with the process-wide caches cleared."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

APP = str(REPO / "app.py")
PAGES = [
    "app_pages/home.py",
    "app_pages/assess.py",
    "app_pages/results.py",
    "app_pages/report.py",
    "app_pages/practices.py",
    "app_pages/join.py",
    "app_pages/workshop.py",
    "app_pages/dashboard.py",
    "app_pages/feedback.py",
    "app_pages/rate.py",
]


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'rapport.db'}"


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[None]:
    # cache_resource is shared by every AppTest in the process; settings read the env.
    # Each test gets its own SQLite file, so workshops never leak between tests.
    monkeypatch.delenv("RAPPORT_DATA_DIR", raising=False)
    monkeypatch.delenv("RAPPORT_FRAMEWORK", raising=False)
    monkeypatch.setenv("RAPPORT_DATABASE_URL", database_url)
    st.cache_resource.clear()
    # The app hides error details from users; tests want to read them.
    st.config.set_option("client.showErrorDetails", "full")
    yield
    st.cache_resource.clear()


@pytest.fixture
def app() -> Callable[..., AppTest]:
    """Start the app; keyword arguments become query parameters of the first load."""

    def start(**query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for name, value in query.items():
            at.query_params[name] = value
        return at.run()

    return start


def seen(markdown: str) -> str:
    """What a person reads in an element whose markdown escapes user text literally (the
    backslashes and invisible word joiners of ui.components.escape_markdown)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")
