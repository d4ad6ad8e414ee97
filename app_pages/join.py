"""Join a workshop: by link (?join=CODE) or by typing the code from the screen."""

import streamlit as st

from rapport.core.i18n import _
from rapport.core.workshop import WorkshopError
from rapport.ui import device, pages, resources
from rapport.ui.components import render_error
from rapport.ui.limits import join_action, take
from rapport.ui.participant import join, joined
from rapport.ui.store import now, store
from rapport.usecases.workshops import find_for_join, workshop_framework

st.title(_("Join a workshop"))
st.markdown(
    _(
        "Your facilitator shows a code, a link or a QR code. You answer on your own device; "
        "the room only ever sees averages, and only once enough people have answered."
    )
)

LAST_TRIED = "rapport.join.last_tried"
linked = st.query_params.get("join", "")
typed = st.text_input(
    _("Join code"),
    value=linked[:20],
    max_chars=20,
    # Translators: an example of a join code: keep the code itself as it is.
    placeholder=_("e.g. K7P3QD"),
    key="join.code",
)
membership = joined()
if not typed:
    if membership is not None:
        st.info(_("You are in a workshop:"), icon=":material/groups:")
        st.text(membership.title)
        st.page_link(
            pages.ASSESS, label=_("Continue the assessment"), icon=":material/arrow_forward:"
        )
    st.stop()

try:
    if typed != st.session_state.get(LAST_TRIED):  # each code tried counts, not each rerun
        take(join_action())
        st.session_state[LAST_TRIED] = typed
    workshop = find_for_join(store(), typed, now())
    workshop_framework(resources.catalog(str(resources.settings().data_dir)), workshop)
except WorkshopError as error:
    render_error(error)
    st.stop()

st.markdown(_("**Workshop**"))
st.text(workshop.title)
if not workshop.is_open:
    render_error(
        WorkshopError(_("This workshop is closed to new answers."), [_("Ask the facilitator.")])
    )
    st.stop()
if st.button(_("Join and start"), type="primary", icon=":material/login:"):
    join(workshop)
    st.switch_page(pages.ASSESS)
if device.known(workshop.id):
    # This browser answered before: the same person continues above; someone else sharing
    # the device gets answers of their own instead of replacing the first person's.
    st.caption(_("This device has answered in this workshop before."))
    if st.button(_("Join as someone else on this device"), icon=":material/person_add:"):
        join(workshop, someone_else=True)
        st.switch_page(pages.ASSESS)
