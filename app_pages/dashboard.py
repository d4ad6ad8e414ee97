"""The projected dashboard: opens only with the facilitator's secret link."""

import streamlit as st

from rapport.core.i18n import _
from rapport.core.workshop import WorkshopError
from rapport.ui import pages, resources
from rapport.ui.components import render_error
from rapport.ui.dashboard import PROJECTOR_CSS, render_controls, render_join_panel, render_live_room
from rapport.ui.facilitator import dashboard_token, remember_facilitator, render_my_workshops
from rapport.ui.store import now, store
from rapport.usecases.workshops import facilitated_workshop, workshop_framework

repo = store()
token = dashboard_token()
try:
    workshop = facilitated_workshop(repo, token, now())
except WorkshopError as error:  # the database stopped answering mid-session
    render_error(error)
    st.stop()
if workshop is None:
    st.title(_("Workshop dashboard"))
    st.info(
        # Translators: "Join" is the name of a page of the app.
        _(
            "This dashboard opens with the facilitator link you got when you created the "
            "workshop. Participants join on the Join page instead."
        ),
        icon=":material/key:",
    )
    run, join = st.columns(2)
    run.page_link(pages.WORKSHOP, label=_("Run a workshop"), icon=":material/groups:")
    join.page_link(pages.JOIN, label=_("Join a workshop"), icon=":material/login:")
    render_my_workshops(pages.DASHBOARD)
    st.stop()

try:
    framework = workshop_framework(resources.catalog(str(resources.settings().data_dir)), workshop)
except WorkshopError as error:
    render_error(error)
    st.stop()
remember_facilitator(workshop.id, token)
st.html(PROJECTOR_CSS)
render_live_room(repo, framework, workshop.id)
with st.expander(_("How to join"), expanded=False):
    render_join_panel(workshop)
# Closed on the projected screen: the room sees the results, not the controls.
with st.expander(_("Facilitator controls"), expanded=False):
    render_controls(repo, framework, workshop)
