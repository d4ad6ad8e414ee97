"""The projected dashboard's client situations: the scenario spotlight, then each situation
the room may see, its responses' average ratings beside the expert key."""

from __future__ import annotations

import streamlit as st

from rapport.core.i18n import _
from rapport.core.room_choices import (
    CHOICES_HIDDEN,
    COUNTS_HIDDEN,
    ScenarioAggregate,
    scenario_spotlight,
)
from rapport.core.scenarios import EFFECTIVENESS, HIGHEST
from rapport.core.text import number, percent
from rapport.core.workshop import Workshop
from rapport.ui.components import escape_markdown, render_table
from rapport.ui.room_figures import projected_choices, shared_figures


def visible_choices(
    choices: tuple[ScenarioAggregate, ...], workshop: Workshop
) -> list[ScenarioAggregate]:
    """The situations a projected screen may draw: shown, and their practice revealed."""
    return [a for a in choices if a.shown and workshop.is_revealed(a.practice.id)]


def _word(value: float) -> str:
    return _(EFFECTIVENESS[min(len(EFFECTIVENESS), max(1, round(value))) - 1]).lower()


def render_spotlight(spotlight: ScenarioAggregate) -> None:
    far = spotlight.furthest
    with st.container(border=True):
        # Translators: a heading; {practice} is a practice's name.
        heading = _("Scenario spotlight: {practice}").format(practice=spotlight.practice.name)
        st.markdown(f"#### :material/forum: {heading}")
        st.markdown(escape_markdown(spotlight.scenario.situation))
        named = f"{spotlight.letter(far.option.id)}. {escape_markdown(far.option.text)}"
        # Translators: {response} is a lettered response to a client situation; {word} and
        # {key_word} are effectiveness ratings in lower case ("slightly effective"); {mean}
        # the room's average from 1 to {top}, {n} how many rated, {key} the key's rating.
        rates = _(
            "The room rates **{response}** {word} on average ({mean} of {top}, n={n}); "
            "the key rates it {key_word} ({key})."
        )
        st.markdown(
            rates.format(
                response=named,
                word=_word(far.mean or 0),
                mean=number(far.mean or 0, 1),
                top=HIGHEST,
                n=far.responses,
                key_word=_(EFFECTIVENESS[far.option.key - 1]).lower(),
                key=far.option.key,
            )
        )
        # Translators: a list of discussion questions for the room follows.
        st.caption(_("Ask:"))
        st.markdown(f"- {escape_markdown(spotlight.prompt)}")
        with st.expander(_("Why the key rates it so")):
            st.markdown(escape_markdown(far.option.rationale))


def render_room_choices(
    choices: tuple[ScenarioAggregate, ...],
    workshop: Workshop,
    key: tuple[object, ...],
) -> None:
    """The situations below the practices; `key` names the published snapshot and reveal,
    so every screen shares one build of the charts."""
    revealed = [a for a in choices if workshop.is_revealed(a.practice.id)]
    if not revealed:
        return
    st.markdown("### " + _("The client situations"))
    shown = visible_choices(choices, workshop)
    if len(shown) < len(revealed):
        st.caption(_(CHOICES_HIDDEN))
    if not shown:
        return
    spotlight = scenario_spotlight(shown)
    if spotlight is not None:
        render_spotlight(spotlight)
    else:
        st.caption(_("The room's ratings sit within a scale step of the key for every response."))
    charted = dict(
        zip(
            (a.scenario.id for a in shown),
            shared_figures(("choices", *key), lambda: projected_choices(shown)),
            strict=True,
        )
    )
    ids = [a.scenario.id for a in shown]
    by_id = {a.scenario.id: a for a in shown}
    # One situation drawn at a time, the spotlight's first: seven charts on every tick
    # would cost each projected screen more than the rest of the dashboard.
    # Translators: {practice} is a practice's short name; {share} a percentage ("67%").
    follows = _("{practice}: the room's order follows the key in {share} of pairs")
    chosen = st.selectbox(
        _("Situation to show"),
        ids,
        index=ids.index(spotlight.scenario.id) if spotlight is not None else 0,
        format_func=lambda sid: follows.format(
            practice=by_id[sid].practice.short_name, share=percent(by_id[sid].agreement)
        ),
        key=f"w.situation.{workshop.id}",
    )
    aggregate = by_id.get(chosen or ids[0], shown[0])
    figure, spec, _counts = charted[aggregate.scenario.id]
    st.markdown(escape_markdown(aggregate.scenario.situation))
    st.markdown(
        "\n".join(
            f"{aggregate.letter(o.option.id)}. {escape_markdown(o.option.text)}  "
            for o in aggregate.options
        )
    )
    st.vega_lite_chart(spec, width="stretch", theme=None, alt=figure.caption)
    st.caption(escape_markdown(figure.caption))
    with st.expander(_("The chart as a table")):
        render_table(figure.table)
        if not all(o.distribution_shown for o in aggregate.options):
            st.caption(_(COUNTS_HIDDEN))
