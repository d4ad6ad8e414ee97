"""Give feedback: a rater opens the link they were sent (?r=...) and rates the person."""

import streamlit as st

from rapport.core.feedback import FeedbackError
from rapport.core.i18n import _
from rapport.ui import resources
from rapport.ui.components import render_error
from rapport.ui.rater import (
    DONE,
    assessment_of,
    rater_key,
    rater_token,
    remember_key,
    render_form,
    render_intro,
    render_practice_round,
    render_thanks,
)
from rapport.ui.store import feedback_store, now
from rapport.usecases.feedback import open_link, rate, request_framework

repo = feedback_store()
token = rater_token()
if not token:
    st.title(_("Give feedback"))
    st.info(
        _(
            "Someone asked you for feedback with a link: open that link, and this page shows "
            "their questions. Rapport asks nothing about you."
        ),
        icon=":material/link:",
    )
    st.stop()
try:
    request, perspective = open_link(repo, token, now())
    framework = request_framework(resources.catalog(str(resources.settings().data_dir)), request)
except FeedbackError as error:
    render_error(error)
    st.stop()

render_intro(request, perspective, framework)
done = st.session_state.setdefault(DONE, set())
if request.id in done:
    render_thanks(request)
    st.stop()
if not request.is_open(now()):
    st.info(
        _("This request has closed and takes no more answers. Thank you for opening it."),
        icon=":material/lock:",
    )
    st.stop()

if render_practice_round(framework):
    answers = render_form(framework, request)
    if answers is not None:
        try:
            rate(
                repo, framework, request, perspective, rater_key(request),
                assessment_of(framework, answers), answers.comments, now(),
                resources.settings().max_raters,
            )  # fmt: skip
        except FeedbackError as error:
            render_error(error)
        else:
            done.add(request.id)
            st.rerun()
remember_key(request, now())
