"""Ask for feedback: clients, teammates and supervisors rate the same habits, and the gap
between my view and theirs becomes visible."""

import streamlit as st

from rapport.core.errors import RapportError
from rapport.core.feedback import FLOOR
from rapport.core.scoring import score
from rapport.ui import pages, resources, state
from rapport.ui.asking import (
    CREATED,
    OWNER,
    forget_owner,
    owner_secret,
    render_ask_form,
    render_comments,
    render_links,
    render_results,
    render_status,
    request_heading,
)
from rapport.ui.components import active_framework, render_error
from rapport.ui.limits import ask_action, check, take
from rapport.ui.store import feedback_store, now
from rapport.usecases.feedback import ask, owner_request, read_feedback, request_framework

repo = feedback_store()
framework = active_framework()
st.title("Ask for feedback")

made = st.session_state.get(CREATED)
if made is not None:  # the links, shown this once, before anything else
    if render_links(made):
        st.session_state.pop(CREATED, None)
        st.rerun()
    st.stop()

secret = owner_secret()
try:
    request = owner_request(repo, secret, now())
except RapportError as error:
    render_error(error)
    st.stop()

if request is None:
    if secret:
        st.warning(
            "That private link opens no request: it may have ended, or been cut short.",
            icon=":material/link_off:",
        )
        forget_owner()
    st.markdown(
        "Self-ratings run optimistic; clients and teammates see what you actually do. Send "
        "them a link: they rate the same habits you did, anonymously, in about five minutes, "
        f"and you see each group's average once {FLOOR} of its people have answered."
    )
    first_name = state.assessment(framework).respondent.name.split(" ")[0]
    asked = render_ask_form(first_name)
    if asked is not None:
        name, perspectives, comments, closes = asked
        try:
            check(ask_action())
            made = ask(repo, framework, name, perspectives, comments, closes, now())
            take(ask_action())
        except RapportError as error:
            render_error(error)
        else:
            st.session_state[OWNER] = made.owner_secret
            st.session_state[CREATED] = made
            st.rerun()
    st.stop()

try:
    asked_with = request_framework(resources.catalog(str(resources.settings().data_dir)), request)
    mine = state.assessment(asked_with)
    owner = read_feedback(repo, asked_with, request, now(), mine)
except RapportError as error:
    render_error(error)
    st.stop()

st.subheader(request_heading(request))
render_status(owner.view)
profile = score(asked_with, mine)
render_results(asked_with, owner, profile, not profile.is_empty)
render_comments(asked_with, owner)
if profile.is_empty:
    st.page_link(pages.ASSESS, label="Rate myself", icon=":material/checklist:")

st.divider()
close, leave = st.columns(2)
if request.is_open(now()) and close.button("Close the request now", icon=":material/lock:"):
    try:
        repo.close_request(request.id)
    except RapportError as error:
        render_error(error)
    else:
        st.rerun()
if leave.button("Forget this request on this device", icon=":material/logout:"):
    forget_owner()
    st.rerun()
