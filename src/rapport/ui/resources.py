"""Process-wide resources, built once and shared by every session (st.cache_resource)."""

from __future__ import annotations

import os

import streamlit as st

from rapport.chart_images import warm_up
from rapport.framework_file import FrameworkCatalog, framework_paths, load_catalog
from rapport.settings import Settings


def _secrets() -> dict[str, object]:
    # With no secrets.toml (the embedded default), st.secrets has nothing to give: skip it
    # rather than let Streamlit report a missing file.
    if not st.secrets.load_if_toml_exists():
        return {}
    return st.secrets.to_dict()


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return Settings.from_sources(os.environ, _secrets())


@st.cache_resource(show_spinner=False)
def catalog(data_dir: str) -> FrameworkCatalog:
    """Load and validate the framework files once per process, not on every rerun."""
    from pathlib import Path

    folder = Path(data_dir)
    return load_catalog(framework_paths(folder) if folder.is_dir() else [])


@st.cache_resource(show_spinner=False)
def chart_renderer() -> bool:
    """Warm vl-convert so the first report download does not pay its start-up cost."""
    warm_up()
    return True
