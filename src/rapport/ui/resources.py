"""Process-wide resources, built once and shared by every session (st.cache_resource)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import streamlit as st

from rapport.chart_images import warm_up
from rapport.framework_file import FrameworkCatalog, framework_paths, load_catalog
from rapport.settings import Settings
from rapport.storage import SqlWorkshopRepository, open_repository


def _secrets() -> dict[str, object]:
    # With no secrets.toml (the embedded default), st.secrets has nothing to give: skip it
    # rather than let Streamlit report a missing file.
    if not st.secrets.load_if_toml_exists():
        return {}
    return st.secrets.to_dict()


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return Settings.from_sources(os.environ, _secrets())


def catalog(data_dir: str) -> FrameworkCatalog:
    """The frameworks in the data folder, validated once per version of its files.

    Keyed on the files' names and modification times: an author who fixes or adds a file
    sees it on the next page load, without a server restart, and nothing is re-read while
    the files stay as they are.
    """
    folder = Path(data_dir)
    paths = framework_paths(folder) if folder.is_dir() else []
    return _catalog(tuple((str(p), p.stat().st_mtime_ns) for p in paths))


@st.cache_resource(show_spinner=False, max_entries=8)
def _catalog(files: tuple[tuple[str, int], ...]) -> FrameworkCatalog:
    return load_catalog(Path(name) for name, _ in files)


@st.cache_resource(show_spinner=False)
def chart_renderer() -> bool:
    """Warm vl-convert so the first report download does not pay its start-up cost."""
    warm_up()
    return True


@st.cache_resource(show_spinner=False)
def _repository(database_url: str) -> SqlWorkshopRepository:
    # Opened once per process and shared by every session: the engine pools connections,
    # and migrations run here, on first use. Failures raise and are not cached, so the
    # next page load tries again once the database is back.
    repository = open_repository(database_url)
    repository.purge_expired(datetime.now(UTC))
    return repository


def repository() -> SqlWorkshopRepository:
    """The workshop store; raises StorageUnavailable when the database cannot be reached."""
    return _repository(settings().database_url)
