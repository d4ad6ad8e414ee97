"""Home: what Rapport is, how it works, what it keeps."""

import streamlit as st

from rapport.ui import pages
from rapport.ui.components import active_framework
from rapport.ui.files import load_sample, render_resume, sample_profile

framework = active_framework()

st.title("Rapport")
st.markdown(
    f"**How good are your client-relationship habits?** Rate yourself against "
    f"{len(framework.practices)} research-backed practices for managing client relationships, "
    "see where your biggest gaps are, and download a Word report with an action plan and "
    "cited sources."
)

st.subheader("Three steps")
st.markdown(
    f"1. **Assess**: rate {framework.indicator_count} everyday behaviours by how often you do "
    "them, and set a target for each practice.\n"
    "2. **Results**: see your strengths, your largest gaps and where to start.\n"
    "3. **Report**: download a Word report that explains each practice, cites its sources "
    "and sets out your action plan."
)
st.markdown(f"It takes about **{framework.estimated_minutes} minutes**. You can stop at any point.")

start, sample = st.columns(2)
if start.button("Start the assessment", type="primary", icon=":material/play_arrow:"):
    st.switch_page(pages.ASSESS)
if sample_profile(framework) is not None and sample.button(
    "Try it with a sample profile",
    icon=":material/science:",
    help="Fills in a made-up student's answers so you can see results and a report at once.",
):
    load_sample(framework)
    st.switch_page(pages.RESULTS)

st.subheader("Back for a retake?")
st.markdown(
    "Upload the Word report (or answers file) Rapport gave you last time to continue where "
    "you left off. On the Results page you can compare a retake with it."
)
render_resume(framework)

st.subheader("What is kept")
st.markdown(
    "Nothing is stored on a server when you assess yourself. Your answers live only in this "
    "browser tab and disappear when you close it. To keep them, download your report or your "
    "answers file from the Report page: the report carries your answers inside it."
)
