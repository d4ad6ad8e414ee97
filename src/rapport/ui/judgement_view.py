"""Results: what the person's choices in the client situations show, beside their
self-ratings, and for each situation answered, the key's best response and why."""

from __future__ import annotations

import streamlit as st

from rapport.charts.judgement import say_do_figure
from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.judgement import CHOOSES_BETTER, SAYS_MORE, SayDo, say_do
from rapport.core.scenarios import EFFECTIVENESS
from rapport.core.scoring import Profile
from rapport.ui import pages
from rapport.ui.components import render_figure


def choices_of(framework: Framework, profile: Profile, assessment: Assessment) -> tuple[SayDo, ...]:
    return say_do(framework, profile, assessment.scenarios)


def render_choices(framework: Framework, found: tuple[SayDo, ...], assessment: Assessment) -> None:
    if not any(p.scenarios for p in framework.practices):
        return
    st.header("What your choices show")
    if not found:
        st.info(
            "Rate the responses of a practice's client situation on Assess, and this shows "
            "whether your choices match how often you say you do it.",
            icon=":material/psychology:",
        )
        st.page_link(pages.ASSESS, label="Go to the situations", icon=":material/edit:")
        return
    for item in found:
        if item.flag == SAYS_MORE:
            st.warning(
                f"**{item.practice.name}**: you rate yourself {item.say:.0f} of 100 here, "
                f"but your choices in its situation score {item.do:.0f}. You say you do this; "
                "your choices disagree.",
                icon=":material/compare_arrows:",
            )
        elif item.flag == CHOOSES_BETTER:
            st.info(
                f"**{item.practice.name}**: your choices score {item.do:.0f} of 100, well "
                f"above your self-rating of {item.say:.0f}. You may do this better than you "
                "think.",
                icon=":material/trending_up:",
            )
    figure = say_do_figure(found)
    if figure is not None:
        render_figure(figure)
    for item in found:
        for judged in item.judgements:
            scenario = judged.scenario
            best = scenario.best
            with st.expander(f"{item.practice.short_name}: the situation and the key"):
                st.markdown(scenario.situation)
                mine = assessment.scenario_ratings(scenario.id)
                cite = framework.reference(best.citation).cite
                st.markdown(
                    f"**The strongest response:** {best.text} It is keyed "
                    f"{EFFECTIVENESS[best.key - 1].lower()} because: {best.rationale} "
                    f"({cite}). You rated it {EFFECTIVENESS[mine[best.id] - 1].lower()}."
                )
                st.caption(
                    f"Your judgement here: {judged.score:.0f} of 100; responses in the key's "
                    f"order: {judged.order:.0f}%; "
                    + (
                        "you rated the responses more kindly than the key."
                        if judged.lenient
                        else "you rated the responses more harshly than the key."
                        if judged.harsh
                        else "your ratings sit at the key's level overall."
                    )
                )


def render_flagged_steps(found: tuple[SayDo, ...], planned: set[str]) -> None:
    """Under "Where to start": a practice whose choices fall far below its self-rating,
    which its gap alone would never bring here (a high self-rating leaves none)."""
    for item in found:
        if item.flag != SAYS_MORE or item.practice.id in planned:
            continue
        with st.container(border=True):
            st.subheader(item.practice.name)
            st.markdown(
                f"Your self-rating here is {item.say:.0f} of 100, your choices in its "
                f"situation {item.do:.0f}: worth working on although it meets your target."
            )
            for action in item.practice.actions[:2]:
                st.markdown(f"- **{action.title}.** {action.detail}")
