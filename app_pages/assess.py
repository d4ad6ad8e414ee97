"""Assess: one practice at a time, each statement rated on the frequency scale.

The practice's answers are drawn in fragments (ui/assess_form.render_practice): a rating
reruns its statements and the progress bar, not the router, sidebar and page around them.
Moving to another practice (picker, Back, Next) reruns the whole page.
"""

import streamlit as st

from rapport.core.i18n import _, pgettext
from rapport.core.scoring import score
from rapport.ui import pages, state
from rapport.ui.assess_form import (
    focus_heading,
    remember_outside_view,
    render_how_to_rate,
    render_practice,
    render_step_picker,
)
from rapport.ui.components import active_framework
from rapport.ui.participant import participant, render_workshop_submit
from rapport.ui.start_over import render_keep_or_start_over

framework = active_framework()
practices = framework.practices
current = state.step(len(practices))
practice = practices[current]
profile = score(framework, state.assessment(framework))

remember_outside_view(framework)

st.title(_("Assess your habits"))
progress = st.empty()  # the statements' fragment draws the bar: it moves with each rating
render_how_to_rate(framework)
render_step_picker(framework, profile, current)
heading = f"{current + 1}. {practice.name}"
st.header(heading, divider="gray")
if state.step_moved():
    focus_heading(heading)
render_practice(framework, practice, progress)

last = current == len(practices) - 1
in_workshop = participant(framework) is not None
if last and in_workshop:  # in a workshop, the end of the assessment is submitting it
    render_workshop_submit(framework, primary=True)

back, forward = st.columns(2)
back.button(
    pgettext("button: the previous practice", "Back"),
    icon=":material/arrow_back:",
    disabled=current == 0,
    on_click=state.set_step,
    args=(current - 1,),
    width="stretch",
)
if not last:
    forward.button(
        # Translators: a button; {practice} is the next practice's short name.
        _("Next: {practice}").format(practice=practices[current + 1].short_name),
        icon=":material/arrow_forward:",
        type="primary",
        on_click=state.set_step,
        args=(current + 1,),
        width="stretch",
    )
elif forward.button(
    _("See my results"),
    icon=":material/insights:",
    type="secondary" if in_workshop else "primary",
    width="stretch",
):
    st.switch_page(pages.RESULTS)

if in_workshop and not last:
    render_workshop_submit(framework, primary=False)
render_keep_or_start_over(framework)
