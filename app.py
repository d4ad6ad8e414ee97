"""Rapport's router: page settings, navigation and the shared frame. Nothing else.

The sidebar's menus are drawn before the rest of the frame is imported. On a cold start the
browser fetches the script code of an element only when the first such element arrives; sent
early, the sidebar's select box and script arrive while Python is still importing the answers'
models and reading the framework, so the first page is drawn about 0.25 s sooner
(docs/benchmarks.md, "Cold start"). Hence the imports below the first drawing.
"""

import streamlit as st

from rapport.ui.language import decide_language, render_language_picker
from rapport.ui.pages import FAVICON, navigation, render_sidebar_menu

decide_language()  # first: the page titles of the navigation are in it
page = navigation()
# Page settings once navigation knows the page: the projected dashboard is wide. The icon is
# set after the sidebar: an image icon makes Streamlit import numpy and PIL (0.1 s, cold).
projected = page.url_path == "dashboard"
st.set_page_config(
    page_title="Rapport",
    layout="wide" if projected else "centered",
    initial_sidebar_state="collapsed" if projected else "auto",
)
render_sidebar_menu()
render_language_picker()

from rapport.ui.components import active_framework, render_framework_picker  # noqa: E402
from rapport.ui.files import render_sample_banner  # noqa: E402
from rapport.ui.links import apply_link_actions  # noqa: E402
from rapport.ui.participant import remember_device, render_unsent_notice  # noqa: E402

st.set_page_config(page_icon=str(FAVICON))  # served by the app itself: no outside request
render_framework_picker()
if page.url_path != "join":
    apply_link_actions(active_framework())
render_sample_banner(active_framework())
# Assess and Results carry the submit card itself; the workshop pages are the facilitator's.
if page.url_path not in ("assess", "results", "join", "workshop", "dashboard"):
    render_unsent_notice(active_framework())
remember_device()
page.run()
