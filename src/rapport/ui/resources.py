"""Process-wide resources, built once and shared by every session (st.cache_resource)."""

from __future__ import annotations

import functools
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from rapport.core.errors import RapportError
from rapport.files.framework_file import FrameworkCatalog, framework_paths, load_catalog
from rapport.settings import Settings
from rapport.usecases.retention import PurgeSchedule

if TYPE_CHECKING:
    from rapport.storage import SqlWorkshopRepository
    from rapport.storage.feedback_repository import SqlFeedbackRepository


def _secrets() -> dict[str, object]:
    # With no secrets.toml (the embedded default), st.secrets has nothing to give: skip it
    # rather than let Streamlit report a missing file.
    if not st.secrets.load_if_toml_exists():
        return {}
    return st.secrets.to_dict()


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return Settings.from_sources(os.environ, _secrets())


_SCAN_SECONDS = 2.0
_scans: dict[str, tuple[float, tuple[tuple[str, int], ...]]] = {}


def _files(data_dir: str) -> tuple[tuple[str, int], ...]:
    """The folder's framework files and their modification times, looked at no more than
    every couple of seconds: one script run asks for the catalog several times."""
    now = time.monotonic()
    seen = _scans.get(data_dir)
    if seen is not None and now - seen[0] < _SCAN_SECONDS:
        return seen[1]
    folder = Path(data_dir)
    paths = framework_paths(folder) if folder.is_dir() else []
    files = tuple((str(p), p.stat().st_mtime_ns) for p in paths)
    _scans[data_dir] = (now, files)
    return files


def catalog(data_dir: str) -> FrameworkCatalog:
    """The frameworks in the data folder, validated once per version of its files.

    Keyed on the files' names and modification times: an author who fixes or adds a file
    sees it on the next page load, without a server restart, and nothing is re-read while
    the files stay as they are.
    """
    return _catalog(_files(data_dir))


# A plain LRU, not st.cache_resource: the key is already the files' names and times, and a
# page asks for the catalog several times per run, where st.cache_resource's hashing of the
# key cost ~0.2 ms a call (profiled on the Assess rerun).
@functools.lru_cache(maxsize=8)
def _catalog(files: tuple[tuple[str, int], ...]) -> FrameworkCatalog:
    return load_catalog(Path(name) for name, _ in files)


@st.cache_resource(show_spinner=False)
def chart_renderer() -> bool:
    """Warm vl-convert so the first report download does not pay its start-up cost."""
    from rapport.charts.png import warm_up

    warm_up()
    return True


@st.cache_resource(show_spinner=False)
def _repository(database_url: str) -> SqlWorkshopRepository:
    # Opened once per process and shared by every session: the engine pools connections,
    # and migrations run here, on first use. Failures raise and are not cached, so the
    # next page load tries again once the database is back.
    from rapport.storage import open_repository

    return open_repository(database_url)


@st.cache_resource(show_spinner=False)
def _feedback(database_url: str) -> SqlFeedbackRepository:
    from rapport.storage.feedback_repository import SqlFeedbackRepository

    return SqlFeedbackRepository(_repository(database_url).engine)


_purge = PurgeSchedule()
_log = logging.getLogger(__name__)


def repository() -> SqlWorkshopRepository:
    """The workshop store, with expired workshops purged about hourly; raises
    StorageUnavailable when the database cannot be reached."""
    url = settings().database_url
    store = _repository(url)
    try:
        _purge.run_if_due((store, _feedback(url)), datetime.now(UTC))
    except RapportError:  # busy or gone: this page goes on; the next hour's purge retries
        _log.warning("purging expired workshops and requests failed", exc_info=True)
    return store


def feedback_repository() -> SqlFeedbackRepository:
    """The feedback store, on the workshop store's database (opened and purged with it);
    raises StorageUnavailable when the database cannot be reached."""
    repository()  # opens and migrates the database, and runs the purge when it is due
    return _feedback(settings().database_url)
