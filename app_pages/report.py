"""Report: name and course for the title page, a preview of the sections, the download."""

from datetime import date

import streamlit as st

from rapport.core.i18n import _, ngettext
from rapport.core.scoring import score
from rapport.core.text import MAX_NAME_CHARS
from rapport.ui import resources, state
from rapport.ui.asking import own_feedback
from rapport.ui.components import active_framework, render_nothing_to_show
from rapport.ui.downloads import built_on_click
from rapport.ui.files import render_answers_download
from rapport.ui.participant import shared_room
from rapport.ui.report_form import render_own_words
from rapport.usecases.student import outline, prepare_report, student_report

framework = active_framework()
assessment = state.assessment(framework)
profile = score(framework, assessment)
today = date.today()
stem = f"rapport-{framework.id}-{today.isoformat()}"

st.title(_("Your Word report"))
if profile.is_empty:
    render_nothing_to_show("report", framework, profile)
    if profile.answered:
        render_answers_download(framework, stem)
    st.stop()

left, right = st.columns(2)
left.text_input(
    _("Your name (optional)"),
    max_chars=MAX_NAME_CHARS,
    **state.bound(
        framework,
        "w.report.name",
        assessment.respondent.name,
        lambda a, v: a.with_respondent(v or "", a.respondent.course),
    ),
)
right.text_input(
    _("Course (optional)"),
    max_chars=MAX_NAME_CHARS,
    **state.bound(
        framework,
        "w.report.course",
        assessment.respondent.course,
        lambda a, v: a.with_respondent(a.respondent.name, v or ""),
    ),
)
st.caption(
    _("Both appear only on the report's title page. Nothing is sent to or kept on a server.")
)

st.subheader(_("In your own words"))
st.markdown(
    _(
        "The report opens with an introduction and closes with a conclusion. Write them here "
        "to make the report yours; left empty, the report drafts both from your answers and "
        "marks them as drafts to rewrite."
    )
)
render_own_words(
    framework,
    "introduction",
    _("Introduction (optional)"),
    _(
        "Why do client relationships matter in your own work or studies? Which client, "
        "project or role do you have in mind?"
    ),
)
render_own_words(
    framework,
    "reflection",
    _("Conclusion: what you learned and will change (optional)"),
    _(
        "What surprised you in your results? Which one or two habits will you change first, "
        "and how will you know it worked?"
    ),
)

if not profile.is_complete:
    st.warning(
        ngettext(
            "You have answered {answered} of {total} statement; the report covers what you "
            "have answered so far.",
            "You have answered {answered} of {total} statements; the report covers what you "
            "have answered so far.",
            profile.total,
        ).format(answered=profile.answered, total=profile.total),
        icon=":material/hourglass_top:",
    )

st.subheader(_("What the report contains"))
st.markdown(_("**Title page.** The framework's name and today's date, with:"))
respondent = assessment.respondent
# st.text: a name or course is never read as markdown.
# Translators: {name} is the person's name, as typed on this page.
name = _("Name: {name}").format(name=respondent.name)
if not respondent.name:
    name = _("Name: none given")
# Translators: {course} is the person's course, as typed on this page.
course = _("Course: {course}").format(course=respondent.course)
if not respondent.course:
    course = _("Course: none given")
st.text(f"{name}\n{course}")
others = own_feedback(framework)
with_others = others is not None and others.everyone is not None
sections = outline(
    framework, profile, assessment, state.earlier(framework) is not None, with_others
)
for title, detail in sections:
    st.markdown(f"**{title}.** {detail}")

resources.chart_renderer()
read_answers = state.reader(framework)
earlier = state.earlier(framework)
shared = shared_room(framework)
room_summary = shared[1] if shared is not None else None
st.download_button(
    _("Download the Word report (.docx)"),
    data=built_on_click(
        lambda: student_report(framework, read_answers(), today, earlier, room_summary, others)
    ),
    file_name=f"{stem}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    icon=":material/download:",
    type="primary",
    on_click="ignore",
)
render_answers_download(framework, stem)
prepare_report(framework, assessment)  # if Results has not: the pictures, drawn ahead
