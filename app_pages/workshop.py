"""Run a workshop: create one, get its code, link, QR code and the facilitator link."""

import streamlit as st

from rapport.core.i18n import _, current_language, ngettext, pgettext
from rapport.core.workshop import DEFAULT_MIN_GROUP, MIN_GROUP_FLOOR, WorkshopError
from rapport.ui import pages, resources
from rapport.ui.components import active_framework, escape_markdown, render_error
from rapport.ui.dashboard import render_join_panel
from rapport.ui.facilitator import open_with, remember_facilitator, render_my_workshops
from rapport.ui.files import sample_profile
from rapport.ui.limits import check, create_action, take
from rapport.ui.links import app_url
from rapport.ui.store import now, store
from rapport.usecases.demo_workshop import create_demo_workshop
from rapport.usecases.workshops import create_workshop, facilitator_link

CREATED = "rapport.just_created"
JOIN_SCREEN = "rapport.join_screen"

framework = active_framework()
repo = store()
settings = resources.settings()

st.title(_("Run a workshop"))
st.markdown(
    _(
        "Participants join on their phones with a code, a link or a QR code and answer "
        "privately. Your projected dashboard shows the room's results: only averages, only "
        "once enough people have answered, and only when you reveal them."
    )
)

# Two steps, never on screen together: the facilitator link first (private), then the join
# panel (made to be projected), so a projector never shows the link that controls the room.
created = st.session_state.get(CREATED)
if created is not None:
    workshop, token = created
    # Translators: {title} is the workshop's title.
    made_one = _("Workshop created: {title}").format(title=escape_markdown(workshop.title))
    st.success(made_one, icon=":material/check_circle:")
    st.markdown(
        _("**Step 1 of 2: save your facilitator link.** It opens the dashboard from any device.")
    )
    st.warning(
        _(
            "Keep it private and save it now, before you project anything: it is shown only "
            "this once and is never stored."
        ),
        icon=":material/key:",
    )
    link = facilitator_link(app_url(), token, current_language())
    st.code(link, language=None, wrap_lines=True)
    opened, done = st.columns(2)
    # A button, not a link with ?key=: the key stays out of every address (SECURITY.md).
    if opened.button(_("Open the dashboard"), icon=":material/monitoring:"):
        open_with(token)
        st.switch_page(pages.DASHBOARD)
    if done.button(_("I saved the link: show the join screen"), icon=":material/qr_code_2:"):
        st.session_state.pop(CREATED, None)
        st.session_state[JOIN_SCREEN] = workshop
        st.rerun()
elif (joining := st.session_state.get(JOIN_SCREEN)) is not None:
    # Translators: {title} is the workshop's title.
    step_two = _("**Step 2 of 2: show the room how to join.** Workshop: {title}")
    st.markdown(step_two.format(title=escape_markdown(joining.title)))
    render_join_panel(joining)
    if st.button(_("Done"), icon=":material/close:"):
        st.session_state.pop(JOIN_SCREEN, None)
        st.rerun()

with st.form("new-workshop"):
    st.subheader(_("New workshop"))
    title = st.text_input(
        # Translators: the title of a new workshop.
        pgettext("workshop", "Title"),
        max_chars=120,
        placeholder=_("e.g. PM 101, week 5 seminar"),
        key="workshop.new.title",
    )
    group = st.number_input(
        _("Minimum group size before anything is shown"),
        min_value=MIN_GROUP_FLOOR,
        max_value=1000,
        value=DEFAULT_MIN_GROUP,
        help=_("At least {n}: smaller groups let averages reveal a person.").format(
            n=MIN_GROUP_FLOOR
        ),
        key="workshop.new.group",
    )
    share = st.checkbox(
        _("Participants may compare their scores with the room"),
        value=True,
        key="workshop.new.share",
    )
    days = settings.workshop_days
    # Translators: {framework} is the name of the framework the workshop assesses.
    lasts = ngettext(
        "Framework: {framework}. Workshops close and are deleted after {n} day.",
        "Framework: {framework}. Workshops close and are deleted after {n} days.",
        days,
    )
    st.caption(lasts.format(framework=framework.name, n=days))
    if st.form_submit_button(_("Create the workshop"), type="primary"):
        try:
            check(create_action())
            made = create_workshop(
                repo, framework, title, int(group), share, now(), settings.workshop_days,
                max_live=settings.max_live_workshops,
            )  # fmt: skip
        except WorkshopError as error:
            render_error(error)
        else:
            take(create_action())
            remember_facilitator(made.workshop.id, made.facilitator_token)
            st.session_state[CREATED] = (made.workshop, made.facilitator_token)
            st.rerun()

sample = sample_profile(framework)
if sample is not None:
    st.subheader(_("Rehearse first"))
    st.caption(
        _(
            "A demo workshop is filled with simulated participants, so you can try the "
            "dashboard, the reveal and the exports before the real session. It closes, and is "
            "deleted, after a day."
        )
    )
    if st.button(_("Create a demo workshop"), icon=":material/science:"):
        try:
            check(create_action())
            made = create_demo_workshop(
                repo, framework, sample.assessment, now(), settings.workshop_days,
                max_live=settings.max_live_workshops,
            )  # fmt: skip
        except WorkshopError as error:
            render_error(error)
        else:  # the same two steps as a real workshop: rehearsing includes the link
            take(create_action())
            remember_facilitator(made.workshop.id, made.facilitator_token)
            st.session_state[CREATED] = (made.workshop, made.facilitator_token)
            st.rerun()

render_my_workshops(pages.DASHBOARD)
