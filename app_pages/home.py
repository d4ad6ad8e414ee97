"""Home: what Rapport is, how it works, what it keeps."""

import streamlit as st

from rapport.core.i18n import _, ngettext
from rapport.ui import pages
from rapport.ui.components import active_framework
from rapport.ui.files import load_sample, render_resume, sample_profile

framework = active_framework()
practices, statements = len(framework.practices), framework.indicator_count
minutes = framework.estimated_minutes

st.title("Rapport")
st.markdown(
    ngettext(
        "**How good are your client-relationship habits?** Rate yourself against {n} "
        "research-backed practice for managing client relationships, see where your biggest "
        "gaps are, and download a Word report with an action plan and cited sources.",
        "**How good are your client-relationship habits?** Rate yourself against {n} "
        "research-backed practices for managing client relationships, see where your biggest "
        "gaps are, and download a Word report with an action plan and cited sources.",
        practices,
    ).format(n=practices)
)

st.subheader(_("Three steps"))
# Translators: each step is an item of a numbered markdown list; keep the "1. ", "2. ", "3. ".
steps = [
    ngettext(
        "1. **Assess**: rate {n} everyday behaviour by how often you do it, and set a target "
        "for each practice.",
        "1. **Assess**: rate {n} everyday behaviours by how often you do them, and set a target "
        "for each practice.",
        statements,
    ).format(n=statements),
    _("2. **Results**: see your strengths, your largest gaps and where to start."),
    _(
        "3. **Report**: download a Word report that explains each practice, cites its sources "
        "and sets out your action plan."
    ),
]
st.markdown("\n".join(steps))
st.markdown(
    ngettext(
        "It takes about **{n} minute**. You can stop at any point.",
        "It takes about **{n} minutes**. You can stop at any point.",
        minutes,
    ).format(n=minutes)
)

start, sample = st.columns(2)
if start.button(_("Start the assessment"), type="primary", icon=":material/play_arrow:"):
    st.switch_page(pages.ASSESS)
if sample_profile(framework) is not None and sample.button(
    _("Try it with a sample profile"),
    icon=":material/science:",
    help=_("Fills in a made-up student's answers so you can see results and a report at once."),
):
    load_sample(framework)
    st.switch_page(pages.RESULTS)

st.subheader(_("Back for a retake?"))
st.markdown(
    _(
        "Upload the Word report (or answers file) Rapport gave you last time to continue where "
        "you left off. On the Results page you can compare a retake with it."
    )
)
render_resume(framework)

st.subheader(_("What is kept"))
st.markdown(
    _(
        "Nothing is stored on a server when you assess yourself. Your answers live only in this "
        "browser tab and disappear when you close it. To keep them, download your report or "
        "your answers file from the Report page: the report carries your answers inside it."
    )
)
