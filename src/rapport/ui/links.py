"""Links that do something on arrival: ?demo=1 and ?join=CODE."""

from __future__ import annotations

import streamlit as st

from rapport.core.framework import Framework
from rapport.ui import pages, resources
from rapport.ui.files import load_sample
from rapport.usecases.workshops import app_address


def apply_link_actions(framework: Framework) -> None:
    """`?demo=1` fills the sample profile and opens Results, useful in one click;
    `/?join=CODE` (the form of join links before they went to /join directly) opens the
    Join page."""
    params = st.query_params
    if params.get("demo") == "1":
        del params["demo"]
        if load_sample(framework):
            st.switch_page(pages.RESULTS)
    code = params.get("join")
    if code is not None:
        st.switch_page(pages.JOIN, query_params={"join": code[:20]})


def app_url() -> str:
    """The app's address for links and QR codes: `public_url` when configured, else the
    address this browser is using (st.context.url, which includes the page's path)."""
    return app_address(
        resources.settings().public_url,
        st.context.url,
        str(st.get_option("server.baseUrlPath") or ""),
    )
