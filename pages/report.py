"""Report: name and course for the title page, a preview of the sections, the download."""

from datetime import date
from functools import partial

import streamlit as st

from rapport.core.plan import summary_sentences
from rapport.core.scoring import score
from rapport.core.text import MAX_NAME_CHARS
from rapport.services import student_report
from rapport.ui import resources, state
from rapport.ui.components import active_framework, escape_markdown, render_nothing_to_show
from rapport.ui.files import render_answers_download

framework = active_framework()
assessment = state.assessment(framework)
profile = score(framework, assessment)

st.title("Your Word report")
if profile.is_empty:
    render_nothing_to_show("report", framework)
    st.stop()

NAME, COURSE = "w.report.name", "w.report.course"


def _respondent_changed() -> None:
    current = state.assessment(framework)
    name, course = st.session_state.get(NAME, ""), st.session_state.get(COURSE, "")
    state.save(current.with_respondent(name, course))


state.bind(NAME, assessment.respondent.name)
state.bind(COURSE, assessment.respondent.course)
left, right = st.columns(2)
left.text_input(
    "Your name (optional)", key=NAME, max_chars=MAX_NAME_CHARS, on_change=_respondent_changed
)
right.text_input(
    "Course (optional)", key=COURSE, max_chars=MAX_NAME_CHARS, on_change=_respondent_changed
)
st.caption("Both appear only on the report's title page. Nothing is sent to or kept on a server.")

if not profile.is_complete:
    st.warning(
        f"You have answered {profile.answered} of {profile.total} statements; the report "
        "covers what you have answered so far.",
        icon=":material/hourglass_top:",
    )

st.subheader("What the report contains")
focus = ", ".join(s.practice.name for s in profile.focus) or "none: every target is met"
sections = [
    ("Title page", escape_markdown(assessment.respondent.name) or "your name if you give one"),
    ("Summary", " ".join(summary_sentences(profile))),
    ("Why these practices", "the research behind the framework, with citations"),
    ("Results", "three charts with captions and a table of scores, targets, gaps and priorities"),
    *(
        [("Progress", "before and after per practice, against your earlier assessment")]
        if state.earlier(framework)
        else []
    ),
    (
        "The practices",
        f"{len(framework.practices)} sections: definition, why it matters (with sources), "
        "your ratings, your example and recommended actions",
    ),
    ("Action plan", focus),
    ("References", f"{len(framework.references)} sources in APA 7 style, with links"),
]
for title, detail in sections:
    st.markdown(f"**{title}.** {detail}")

resources.chart_renderer()
today = date.today()
stem = f"rapport-{framework.id}-{today.isoformat()}"
st.download_button(
    "Download the Word report (.docx)",
    # Streamlit builds deferred downloads outside the session, so the values go in now.
    data=partial(student_report, framework, assessment, today, state.earlier(framework)),
    file_name=f"{stem}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    icon=":material/download:",
    type="primary",
    on_click="ignore",
)
render_answers_download(framework, stem)
