"""Ask for feedback: clients, teammates and supervisors rate the same habits, and the gap
between my view and theirs becomes visible."""

import streamlit as st

from rapport.core.errors import RapportError
from rapport.core.feedback import FLOOR, PERSPECTIVES
from rapport.core.i18n import _, ngettext
from rapport.core.scoring import score
from rapport.core.text import join_words
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
)
from rapport.ui.components import active_framework, escape_markdown, render_error
from rapport.ui.limits import ask_action, check, take
from rapport.ui.store import feedback_store, now
from rapport.usecases.feedback import ask, owner_request, read_feedback, request_framework

repo = feedback_store()
framework = active_framework()
st.title(_("Ask for feedback"))

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
            _("That private link opens no request: it may have ended, or been cut short."),
            icon=":material/link_off:",
        )
        forget_owner()
    st.markdown(
        ngettext(
            "Self-ratings run optimistic; clients and teammates see what you actually do. Send "
            "them a link: they rate the same habits you did, anonymously, in about five "
            "minutes, and you see each group's average once {n} of its people has answered.",
            "Self-ratings run optimistic; clients and teammates see what you actually do. Send "
            "them a link: they rate the same habits you did, anonymously, in about five "
            "minutes, and you see each group's average once {n} of its people have answered.",
            FLOOR,
        ).format(n=FLOOR)
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

asked_whom = join_words([_(PERSPECTIVES[p][1]).lower() for p in request.perspectives])
# Translators: {name} is the first name of the person who asked; {groups} a list of kinds
# of rater in the plural and in lower case ("clients and teammates").
heading = _("Feedback for {name} from {groups}")
st.subheader(heading.format(name=escape_markdown(request.display_name), groups=asked_whom))
render_status(owner.view)
profile = score(asked_with, mine)
render_results(asked_with, owner, profile, not profile.is_empty)
render_comments(asked_with, owner)
if profile.is_empty:
    st.page_link(pages.ASSESS, label=_("Rate myself"), icon=":material/checklist:")

st.divider()
close, leave = st.columns(2)
if request.is_open(now()) and close.button(_("Close the request now"), icon=":material/lock:"):
    try:
        repo.close_request(request.id)
    except RapportError as error:
        render_error(error)
    else:
        st.rerun()
if leave.button(_("Forget this request on this device"), icon=":material/logout:"):
    forget_owner()
    st.rerun()
