"""Rapport's router: page settings, navigation and the shared frame. Nothing else."""

import streamlit as st

from rapport.ui.components import active_framework, render_framework_picker
from rapport.ui.files import render_sample_banner
from rapport.ui.links import apply_link_actions
from rapport.ui.workshop_ui import render_unsent_notice

navigation = st.navigation(
    {
        "Self-assessment": [
            st.Page("app_pages/home.py", title="Home", icon=":material/home:", default=True),
            st.Page("app_pages/assess.py", title="Assess", icon=":material/checklist:"),
            st.Page("app_pages/results.py", title="Results", icon=":material/insights:"),
            st.Page("app_pages/report.py", title="Report", icon=":material/description:"),
            st.Page(
                "app_pages/practices.py", title="Practices & sources", icon=":material/menu_book:"
            ),
        ],
        "Workshops": [
            st.Page("app_pages/join.py", title="Join a workshop", icon=":material/login:"),
            st.Page("app_pages/workshop.py", title="Run a workshop", icon=":material/groups:"),
            st.Page("app_pages/dashboard.py", title="Dashboard", icon=":material/monitoring:"),
        ],
    }
)
# One page config per run, after navigation knows the page: the projected dashboard is wide.
projected = navigation.url_path == "dashboard"
st.set_page_config(
    page_title="Rapport",
    page_icon=":material/handshake:",
    layout="wide" if projected else "centered",
    initial_sidebar_state="collapsed" if projected else "auto",
)
render_framework_picker()
if navigation.url_path != "join":
    apply_link_actions(active_framework())
render_sample_banner(active_framework())
# Assess and Results carry the submit card itself; the workshop pages are the facilitator's.
if navigation.url_path not in ("assess", "results", "join", "workshop", "dashboard"):
    render_unsent_notice(active_framework())
navigation.run()
