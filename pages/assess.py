"""Assess: one practice at a time, each statement rated on the frequency scale."""

import streamlit as st

from rapport.core.framework import NOT_APPLICABLE, Framework, Practice
from rapport.core.scoring import score
from rapport.core.text import MAX_NOTE_CHARS
from rapport.ui import state
from rapport.ui.components import RESULTS_PAGE, active_framework, render_progress
from rapport.ui.files import render_answers_download, render_resume

framework = active_framework()
practices = framework.practices
current = state.step(len(practices))
practice = practices[current]
scale = framework.scale
STEP_WIDGET = "w.assess.step"


def _rating_changed(framework: Framework, indicator_id: str, key: str) -> None:
    answer = state.widget_value(key)
    state.save(state.assessment(framework).with_rating(indicator_id, answer))


def _choice_changed(framework: Framework, practice_id: str, field: str, key: str) -> None:
    change = {field: state.widget_value(key)}
    state.save(state.assessment(framework).with_choice(practice_id, **change))


def _go(to: int) -> None:
    state.set_step(to)


def _jumped() -> None:
    state.set_step(int(st.session_state[STEP_WIDGET]))


def _render_practice(framework: Framework, practice: Practice) -> None:
    assessment = state.assessment(framework)
    options = [level.value for level in scale.levels] + [NOT_APPLICABLE]
    labels = {level.value: level.label for level in scale.levels}
    labels[NOT_APPLICABLE] = scale.not_applicable.label
    st.markdown(f"**{practice.definition}**")
    st.caption("How often do you do each of these? Choose Not applicable if it has not come up.")
    for number, indicator in enumerate(practice.indicators, start=1):
        key = state.widget_key("rating", framework.id, indicator.id)
        state.bind(key, assessment.rating(indicator.id))
        st.radio(
            f"{number}. {indicator.text}",
            options=options,
            index=None,
            format_func=labels.__getitem__,
            horizontal=True,
            key=key,
            on_change=_rating_changed,
            args=(framework, indicator.id, key),
        )
    st.divider()
    st.markdown("**Your target and priority for this practice**")
    if practice.target_description:
        st.caption(f"What good looks like: {practice.target_description}")
    left, right = st.columns(2)
    target_key = state.widget_key("target", framework.id, practice.id)
    state.bind(target_key, assessment.target(framework, practice.id))
    left.select_slider(
        "Target: how often you want to do these",
        options=[level.value for level in scale.levels],
        format_func=labels.__getitem__,
        key=target_key,
        on_change=_choice_changed,
        args=(framework, practice.id, "target", target_key),
    )
    importance_key = state.widget_key("importance", framework.id, practice.id)
    state.bind(importance_key, assessment.importance(framework, practice.id))
    importance_labels = {level.value: level.label for level in framework.importance.levels}
    right.radio(
        "Importance to you",
        options=list(importance_labels),
        format_func=importance_labels.__getitem__,
        horizontal=True,
        key=importance_key,
        on_change=_choice_changed,
        args=(framework, practice.id, "importance", importance_key),
        help="Priorities weigh each gap by this.",
    )
    example_key = state.widget_key("example", framework.id, practice.id)
    state.bind(example_key, assessment.choice(practice.id).example)
    st.text_area(
        "A recent example (optional)",
        key=example_key,
        max_chars=MAX_NOTE_CHARS,
        placeholder="When did you last do this with a client? What happened?",
        help="A concrete example keeps a high rating honest; it also appears in your report.",
        on_change=_choice_changed,
        args=(framework, practice.id, "example", example_key),
    )


st.title("Assess your habits")
render_progress(score(framework, state.assessment(framework)))
with st.expander("Continue from an earlier report or answers file"):
    render_resume(framework)
state.bind(STEP_WIDGET, current)
st.selectbox(
    "Practice",
    options=list(range(len(practices))),
    format_func=lambda i: f"{i + 1} of {len(practices)}: {practices[i].name}",
    key=STEP_WIDGET,
    on_change=_jumped,
)
st.header(f"{current + 1}. {practice.name}", divider="gray")
_render_practice(framework, practice)

back, forward = st.columns(2)
back.button(
    "Back",
    icon=":material/arrow_back:",
    disabled=current == 0,
    on_click=_go,
    args=(current - 1,),
    width="stretch",
)
if current < len(practices) - 1:
    forward.button(
        f"Next: {practices[current + 1].short_name}",
        icon=":material/arrow_forward:",
        type="primary",
        on_click=_go,
        args=(current + 1,),
        width="stretch",
    )
elif forward.button("See my results", icon=":material/insights:", type="primary", width="stretch"):
    st.switch_page(RESULTS_PAGE)

st.divider()
st.caption("Answers stay in this browser tab only. Save them to continue another day.")
render_answers_download(framework, f"rapport-{framework.id}")
