"""Rapport's router: page settings, navigation and the shared frame. Nothing else."""

import streamlit as st

from rapport.ui.components import active_framework, render_framework_picker
from rapport.ui.files import apply_link_actions, render_sample_banner

st.set_page_config(page_title="Rapport", page_icon=":material/handshake:", layout="centered")

navigation = st.navigation(
    [
        st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
        st.Page("pages/assess.py", title="Assess", icon=":material/checklist:"),
        st.Page("pages/results.py", title="Results", icon=":material/insights:"),
        st.Page("pages/report.py", title="Report", icon=":material/description:"),
        st.Page("pages/practices.py", title="Practices & sources", icon=":material/menu_book:"),
    ]
)
render_framework_picker()
apply_link_actions(active_framework())
render_sample_banner(active_framework())
navigation.run()
