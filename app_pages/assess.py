"""Assess: one practice at a time, each statement rated on the frequency scale.

The practice's statements, target, importance, example and client situation are drawn in
a fragment (ui/assess_form.render_answers): a rating reruns only the fragment, not the
router, sidebar, picker and page around it. What a rating changes outside it, the progress
bar, the picker's caption and the workshop card, lives in containers the fragment fills.
Moving to another practice (picker, Back, Next) reruns the whole page.
"""

import streamlit as st

from rapport.ui import pages, state
from rapport.ui.assess_form import (
    AnswerSlots,
    focus_heading,
    render_answers,
    render_how_to_rate,
    render_step_picker,
)
from rapport.ui.components import active_framework
from rapport.ui.participant import participant

framework = active_framework()
practices = framework.practices
current = state.step(len(practices))
practice = practices[current]

st.title("Assess your habits")
progress = st.container()
render_how_to_rate(framework)
render_step_picker(framework)
caption = st.container()
heading = f"{current + 1}. {practice.name}"
st.header(heading, divider="gray")
if state.step_moved():
    focus_heading(heading)
answers = st.container()

last = current == len(practices) - 1
in_workshop = participant(framework) is not None
# In a workshop the end of the assessment is submitting it: the card comes before the
# buttons on the last practice, after them elsewhere.
submit_first = st.container()

back, forward = st.columns(2)
back.button(
    "Back",
    icon=":material/arrow_back:",
    disabled=current == 0,
    on_click=state.set_step,
    args=(current - 1,),
    width="stretch",
)
if not last:
    forward.button(
        f"Next: {practices[current + 1].short_name}",
        icon=":material/arrow_forward:",
        type="primary",
        on_click=state.set_step,
        args=(current + 1,),
        width="stretch",
    )
elif forward.button(
    "See my results",
    icon=":material/insights:",
    type="secondary" if in_workshop else "primary",
    width="stretch",
):
    st.switch_page(pages.RESULTS)

submit_after = st.container()
keep = st.container()
slots = AnswerSlots(
    progress=progress,
    caption=caption,
    submit=(submit_first if last else submit_after) if in_workshop else None,
    submit_primary=last,
    keep=keep,
)
with answers:  # drawn last, when every slot it fills exists, in its place above
    render_answers(framework, current, slots)
