"""Results: what the person's choices in the client situations show, beside their
self-ratings, and for each situation answered, the key's best response and why."""

from __future__ import annotations

import streamlit as st

from rapport.charts.judgement import say_do_figure
from rapport.core.assessment import Assessment
from rapport.core.framework import Framework
from rapport.core.i18n import _
from rapport.core.judgement import CHOOSES_BETTER, SAYS_MORE, Judgement, SayDo, say_do
from rapport.core.scenarios import effectiveness
from rapport.core.scoring import Profile
from rapport.core.text import number, percent
from rapport.ui import pages
from rapport.ui.components import render_figure


def choices_of(framework: Framework, profile: Profile, assessment: Assessment) -> tuple[SayDo, ...]:
    return say_do(framework, profile, assessment.scenarios)


def render_choices(framework: Framework, found: tuple[SayDo, ...], assessment: Assessment) -> None:
    if not any(p.scenarios for p in framework.practices):
        return
    st.header(_("What your choices show"))
    if not found:
        st.info(
            _(
                "Rate the responses of a practice's client situation on Assess, and this shows "
                "whether your choices match how often you say you do it."
            ),
            icon=":material/psychology:",
        )
        st.page_link(pages.ASSESS, label=_("Go to the situations"), icon=":material/edit:")
        return
    for item in found:
        if item.flag == SAYS_MORE:
            # Translators: {practice} is a practice's name; {say} and {do} are scores out of 100.
            says_more = _(
                "**{practice}**: you rate yourself {say} of 100 here, but your choices in its "
                "situation score {do}. You say you do this; your choices disagree."
            )
            st.warning(
                says_more.format(
                    practice=item.practice.name, say=number(item.say, 0), do=number(item.do, 0)
                ),
                icon=":material/compare_arrows:",
            )
        elif item.flag == CHOOSES_BETTER:
            # Translators: {practice} is a practice's name; {do} and {say} are scores out of 100.
            chooses_better = _(
                "**{practice}**: your choices score {do} of 100, well above your self-rating "
                "of {say}. You may do this better than you think."
            )
            st.info(
                chooses_better.format(
                    practice=item.practice.name, do=number(item.do, 0), say=number(item.say, 0)
                ),
                icon=":material/trending_up:",
            )
    figure = say_do_figure(found)
    if figure is not None:
        render_figure(figure)
    for item in found:
        for judged in item.judgements:
            scenario = judged.scenario
            best = scenario.best
            # Translators: {practice} is a practice's short name.
            title = _("{practice}: the situation and the key")
            with st.expander(title.format(practice=item.practice.short_name)):
                st.markdown(scenario.situation)
                mine = assessment.scenario_ratings(scenario.id)
                # Translators: {response} and {rationale} are sentences from the framework,
                # {source} a citation like "Bourne, 2009"; {keyed} and
                # {rated} are effectiveness words in lower case, like "very effective".
                strongest = _(
                    "**The strongest response:** {response} It is keyed {keyed} because: "
                    "{rationale} ({source}). You rated it {rated}."
                )
                st.markdown(
                    strongest.format(
                        response=best.text,
                        keyed=effectiveness(best.key).lower(),
                        rationale=best.rationale,
                        source=framework.reference(best.citation).cite,
                        rated=effectiveness(mine[best.id]).lower(),
                    )
                )
                st.caption(_judgement_caption(judged))


def _judgement_caption(judged: Judgement) -> str:
    """How the person's ratings of one situation compare with the key, in one sentence."""
    if judged.lenient:
        # Translators: {score} is out of 100; {order} is a percentage, like "46%".
        text = _(
            "Your judgement here: {score} of 100; responses in the key's order: {order}; "
            "you rated the responses more kindly than the key."
        )
    elif judged.harsh:
        # Translators: {score} is out of 100; {order} is a percentage, like "46%".
        text = _(
            "Your judgement here: {score} of 100; responses in the key's order: {order}; "
            "you rated the responses more harshly than the key."
        )
    else:
        # Translators: {score} is out of 100; {order} is a percentage, like "46%".
        text = _(
            "Your judgement here: {score} of 100; responses in the key's order: {order}; "
            "your ratings sit at the key's level overall."
        )
    return text.format(score=number(judged.score, 0), order=percent(judged.order))


def render_flagged_steps(found: tuple[SayDo, ...], planned: set[str]) -> None:
    """Under "Where to start": a practice whose choices fall far below its self-rating,
    which its gap alone would never bring here (a high self-rating leaves none)."""
    for item in found:
        if item.flag != SAYS_MORE or item.practice.id in planned:
            continue
        with st.container(border=True):
            st.subheader(item.practice.name)
            # Translators: {say} and {do} are scores out of 100.
            flagged = _(
                "Your self-rating here is {say} of 100, your choices in its situation {do}: "
                "worth working on although it meets your target."
            )
            st.markdown(flagged.format(say=number(item.say, 0), do=number(item.do, 0)))
            for action in item.practice.actions[:2]:
                st.markdown(f"- **{action.title}.** {action.detail}")
