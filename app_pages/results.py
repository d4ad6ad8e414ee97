"""Results: the headline in words, the gap charts, and where to start."""

import streamlit as st

from rapport.core.compare import progress_sentences
from rapport.core.headline import summary_sentences, unsupported_sentence
from rapport.core.plan import action_plan, describe_level
from rapport.core.scoring import score
from rapport.core.text import join_words
from rapport.ui import pages, state
from rapport.ui.components import (
    active_framework,
    render_figure,
    render_nothing_to_show,
    result_figures,
)
from rapport.ui.files import render_compare
from rapport.ui.judgement_view import choices_of, render_choices, render_flagged_steps
from rapport.ui.participant import render_room_mirror, render_workshop_submit
from rapport.usecases.student import prepare_report, progress_chart, progress_since

framework = active_framework()
assessment = state.assessment(framework)
profile = score(framework, assessment)

st.title("Your results")
if profile.is_empty:
    render_nothing_to_show("chart", framework, profile)
    st.stop()

if not profile.is_complete:
    unrated = [s.practice.short_name for s in profile.scores if not s.scored]
    st.warning(
        f"Partial results: {profile.answered} of {profile.total} statements answered."
        + (f" Not in the gap chart yet: {join_words(unrated)}." if unrated else ""),
        icon=":material/hourglass_top:",
    )
    st.page_link(pages.ASSESS, label="Finish the assessment", icon=":material/edit:")

render_workshop_submit(framework)

with st.container(border=True):
    for sentence in summary_sentences(profile):
        st.markdown(sentence)

met, rated = len(profile.strengths), len(profile.scored)
focus = profile.focus
cols = st.columns(3)
cols[0].metric("Statements answered", f"{profile.answered} of {profile.total}")
cols[1].metric("Practices at target", f"{met} of {rated}")
# A practice's name wraps here: st.metric would cut it to "Update clien...".
with cols[2]:
    st.caption("Top priority")
    st.markdown(
        f"**{focus[0].practice.name}** (gap {focus[0].gap:.1f}, weighed by the importance you "
        "gave it)"
        if focus
        else "**None**: every rated practice meets its target."
    )

caution = unsupported_sentence(profile)
if caution:
    st.warning(caution + " Add examples on the Assess page.", icon=":material/fact_check:")

for figure, spec in result_figures(profile, assessment):
    render_figure(figure, spec)

choices = choices_of(framework, profile, assessment)
render_choices(framework, choices, assessment)
render_room_mirror(framework, profile)
render_compare(framework)
earlier = state.earlier(framework)
if earlier is not None:
    comparison = progress_since(framework, earlier, assessment)
    progress = progress_chart(framework, comparison)
    if progress is not None:
        render_figure(progress)
    else:
        st.info(" ".join(progress_sentences(comparison, framework.scale)), icon=":material/info:")

st.header("Where to start")
plans = action_plan(profile, assessment)
if not plans:
    st.success("Every practice you rated meets your target. Raise a target to stretch further.")
render_flagged_steps(choices, {plan.score.practice.id for plan in plans})
for plan in plans:
    with st.container(border=True):
        s = plan.score
        st.subheader(s.practice.name)
        st.markdown(
            f"Now {describe_level(profile, s.current or 0)}, target "
            f"{framework.scale.label(s.target)}: gap {s.gap:.1f}."
        )
        if plan.weakest:
            st.markdown(f"Lowest-rated statement: *{plan.weakest[0].indicator.text}*")
        for action in plan.actions:
            st.markdown(f"- **{action.title}.** {action.detail}")

st.page_link(pages.REPORT, label="Get your Word report", icon=":material/description:")

# Last, once the page is drawn: the report's pictures are drawn in the background while the
# person reads, so the report they ask for next is written without waiting for them.
prepare_report(framework, assessment)
