"""The projected dashboard: opens only with the facilitator's secret link."""

import streamlit as st

from rapport.core.errors import RapportError
from rapport.core.workshop import WorkshopError
from rapport.ui import resources
from rapport.ui.components import render_error
from rapport.ui.room_view import PROJECTOR_CSS, render_controls, render_join_panel, render_live_room
from rapport.ui.workshop_ui import now, remember_facilitator, render_my_workshops, store
from rapport.workshops import facilitated_workshop

repo = store()
token = st.query_params.get("key", "")
try:
    workshop = facilitated_workshop(repo, token, now())
except WorkshopError as error:  # the database stopped answering mid-session
    render_error(error)
    st.stop()
if workshop is None:
    st.title("Workshop dashboard")
    st.info(
        "This dashboard opens with the facilitator link you got when you created the "
        "workshop. Participants join on the Join page instead.",
        icon=":material/key:",
    )
    render_my_workshops("app_pages/dashboard.py")
    st.stop()

framework = resources.catalog(str(resources.settings().data_dir)).get(workshop.framework_id)
if framework is None:
    render_error(
        RapportError(
            f"This workshop uses the framework '{workshop.framework_id}', which this server "
            "does not have.",
            ["Put its file back in the data folder, or create a new workshop."],
        )
    )
    st.stop()
remember_facilitator(workshop.id, token)
st.html(PROJECTOR_CSS)
render_live_room(repo, framework, workshop.id)
with st.expander("How to join", expanded=False):
    render_join_panel(workshop)
with st.expander("Facilitator controls", expanded=True):
    render_controls(repo, framework, workshop)
