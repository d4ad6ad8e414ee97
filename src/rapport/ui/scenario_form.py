"""A practice's client scenario on the Assess page: how effective would each response be?

Optional, after the practice's statements. The key and its reasons stay hidden until every
response is rated (Results shows them then), so the scenario measures judgement, not
recall of the answer.
"""

from __future__ import annotations

import streamlit as st

from rapport.core.framework import Framework, Practice
from rapport.core.i18n import _
from rapport.core.scenarios import HIGHEST, LOWEST, effectiveness
from rapport.ui import state

LETTERS = "ABCDEFGH"
VALUES = list(range(LOWEST, HIGHEST + 1))


def render_scenarios(framework: Framework, practice: Practice) -> None:
    assessment = state.assessment(framework)
    for scenario in practice.scenarios:
        st.markdown("#### " + _("A client situation (optional)"))
        st.markdown(scenario.situation)
        st.caption(
            _(
                "How effective would each response be? Rate each one, from very ineffective to "
                "very effective, or leave the situation out. Once every response is rated, "
                "Results shows how an expert key rates them, and why."
            )
        )
        rated = assessment.scenario_ratings(scenario.id)
        for letter, option in zip(LETTERS, scenario.options, strict=False):
            key = state.widget_key("scenario", framework.id, f"{scenario.id}.{option.id}")
            st.radio(
                f"{letter}. {option.text}",
                options=VALUES,
                index=None,
                format_func=effectiveness,
                horizontal=True,
                **state.bound(
                    framework,
                    key,
                    rated.get(option.id),
                    lambda a, v, s=scenario.id, o=option.id: a.with_scenario_rating(s, o, v),
                    allowed=VALUES,
                ),
            )
