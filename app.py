"""Rapport's router: page settings, navigation and the shared frame. Nothing else."""

import streamlit as st

from rapport.ui.components import active_framework, render_framework_picker
from rapport.ui.files import render_sample_banner
from rapport.ui.language import decide_language, render_language_picker
from rapport.ui.links import apply_link_actions
from rapport.ui.pages import FAVICON, navigation, render_sidebar_menu
from rapport.ui.participant import remember_device, render_unsent_notice

decide_language()  # first: the page titles of the navigation are in it
page = navigation()
# One page config per run, after navigation knows the page: the projected dashboard is wide.
projected = page.url_path == "dashboard"
st.set_page_config(
    page_title="Rapport",
    page_icon=str(FAVICON),  # served by the app itself: no request leaves its origin
    layout="wide" if projected else "centered",
    initial_sidebar_state="collapsed" if projected else "auto",
)
render_sidebar_menu()
render_language_picker()
render_framework_picker()
if page.url_path != "join":
    apply_link_actions(active_framework())
render_sample_banner(active_framework())
# Assess and Results carry the submit card itself; the workshop pages are the facilitator's.
if page.url_path not in ("assess", "results", "join", "workshop", "dashboard"):
    render_unsent_notice(active_framework())
remember_device()
page.run()
