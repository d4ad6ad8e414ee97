"""Results: the headline in words, the gap charts, and where to start."""

import streamlit as st

from rapport.core.compare import progress_sentences
from rapport.core.headline import summary_sentences, unsupported_sentence
from rapport.core.i18n import _, ngettext
from rapport.core.plan import action_plan, describe_level
from rapport.core.scoring import score
from rapport.core.text import join_words, number
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

st.title(_("Your results"))
if profile.is_empty:
    render_nothing_to_show("chart", framework, profile)
    st.stop()

if not profile.is_complete:
    unrated = [s.practice.short_name for s in profile.scores if not s.scored]
    partial = ngettext(
        "Partial results: {answered} of {total} statement answered.",
        "Partial results: {answered} of {total} statements answered.",
        profile.total,
    ).format(answered=profile.answered, total=profile.total)
    if unrated:
        # Translators: {practices} lists the short names of practices with no score yet.
        missing = _("Not in the gap chart yet: {practices}.")
        partial += " " + missing.format(practices=join_words(unrated))
    st.warning(partial, icon=":material/hourglass_top:")
    st.page_link(pages.ASSESS, label=_("Finish the assessment"), icon=":material/edit:")

render_workshop_submit(framework)

with st.container(border=True):
    for sentence in summary_sentences(profile):
        st.markdown(sentence)

met, rated = len(profile.strengths), len(profile.scored)
focus = profile.focus
cols = st.columns(3)
# Translators: a figure under a heading, as in "12 of 34".
out_of = _("{count} of {total}")
cols[0].metric(_("Statements answered"), out_of.format(count=profile.answered, total=profile.total))
cols[1].metric(_("Practices at target"), out_of.format(count=met, total=rated))
# A practice's name wraps here: st.metric would cut it to "Update clien...".
with cols[2]:
    st.caption(_("Top priority"))
    # Translators: {practice} is a practice's name; {gap} its gap to target, like "1.5".
    top = _("**{practice}** (gap {gap}, weighed by the importance you gave it)")
    st.markdown(
        top.format(practice=focus[0].practice.name, gap=number(focus[0].gap, 1))
        if focus
        else _("**None**: every rated practice meets its target.")
    )

caution = unsupported_sentence(profile)
if caution:
    caution += " " + _("Add examples on the Assess page.")
    st.warning(caution, icon=":material/fact_check:")

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

st.header(_("Where to start"))
plans = action_plan(profile, assessment)
if not plans:
    st.success(_("Every practice you rated meets your target. Raise a target to stretch further."))
render_flagged_steps(choices, {plan.score.practice.id for plan in plans})
for plan in plans:
    with st.container(border=True):
        s = plan.score
        st.subheader(s.practice.name)
        # Translators: {current} is like "2.4 (Rarely)", {target} a scale word like "Often",
        # {gap} the difference, like "1.6".
        where = _("Now {current}, target {target}: gap {gap}.")
        st.markdown(
            where.format(
                current=describe_level(profile, s.current or 0),
                target=framework.scale.label(s.target),
                gap=number(s.gap, 1),
            )
        )
        if plan.weakest:
            # Translators: {statement} is the text of the statement rated lowest.
            weakest = _("Lowest-rated statement: *{statement}*")
            st.markdown(weakest.format(statement=plan.weakest[0].indicator.text))
        for action in plan.actions:
            st.markdown(f"- **{action.title}.** {action.detail}")

st.page_link(pages.REPORT, label=_("Get your Word report"), icon=":material/description:")

# Last, once the page is drawn: the report's pictures are drawn in the background while the
# person reads, so the report they ask for next is written without waiting for them.
prepare_report(framework, assessment)
