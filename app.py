"""Rapport's router: page settings, navigation and the shared frame. Nothing else."""

import streamlit as st

from rapport.ui.components import active_framework, render_framework_picker
from rapport.ui.files import render_sample_banner
from rapport.ui.links import apply_link_actions

st.set_page_config(page_title="Rapport", page_icon=":material/handshake:", layout="centered")

navigation = st.navigation(
    {
        "Self-assessment": [
            st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
            st.Page("pages/assess.py", title="Assess", icon=":material/checklist:"),
            st.Page("pages/results.py", title="Results", icon=":material/insights:"),
            st.Page("pages/report.py", title="Report", icon=":material/description:"),
            st.Page("pages/practices.py", title="Practices & sources", icon=":material/menu_book:"),
        ],
        "Workshops": [
            st.Page("pages/join.py", title="Join a workshop", icon=":material/login:"),
            st.Page("pages/workshop.py", title="Run a workshop", icon=":material/groups:"),
            st.Page("pages/dashboard.py", title="Dashboard", icon=":material/monitoring:"),
        ],
    }
)
render_framework_picker()
if navigation.url_path != "join":
    apply_link_actions(active_framework())
render_sample_banner(active_framework())
navigation.run()
