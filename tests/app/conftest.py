"""AppTest fixtures: a fresh app per test, with the process-wide caches cleared."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

APP = str(REPO / "app.py")
PAGES = [
    "pages/home.py",
    "pages/assess.py",
    "pages/results.py",
    "pages/report.py",
    "pages/practices.py",
]


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # cache_resource is shared by every AppTest in the process; settings read the env.
    monkeypatch.delenv("RAPPORT_DATA_DIR", raising=False)
    monkeypatch.delenv("RAPPORT_FRAMEWORK", raising=False)
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
