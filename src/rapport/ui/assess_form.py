"""The Assess page's form: one practice's statements, target, importance and example."""

from __future__ import annotations

import json

import streamlit as st

from rapport.core.assessment import Assessment
from rapport.core.framework import NOT_APPLICABLE, Framework, Practice
from rapport.core.scoring import Profile
from rapport.core.text import MAX_NOTE_CHARS
from rapport.ui import state
from rapport.ui.files import render_answers_download

STEP_WIDGET = "w.assess.step"


def render_how_to_rate(framework: Framework) -> None:
    """The scale's anchors: what each word means, so ratings mean the same to everyone."""
    scale = framework.scale
    with st.expander("How to rate: what each answer means"):
        lines = [f"- **{level.label}**: {level.description}" for level in scale.levels]
        lines.append(f"- **{scale.not_applicable.label}**: {scale.not_applicable.description}")
        st.markdown("\n".join(lines))


def render_step_picker(framework: Framework, profile: Profile, current: int) -> None:
    """Which practice is shown, with a tick on the ones fully answered."""

    def describe(index: int) -> str:
        score = profile.scores[index]
        done = "✓ " if score.answered == score.total else ""
        return (
            f"{done}{index + 1} of {len(profile.scores)}: {score.practice.name} "
            f"({score.answered}/{score.total})"
        )

    state.bind(STEP_WIDGET, current)
    st.selectbox(
        "Practice",
        options=list(range(len(profile.scores))),
        format_func=describe,
        key=STEP_WIDGET,
        on_change=lambda: state.set_step(int(st.session_state[STEP_WIDGET])),
    )


def render_practice(framework: Framework, practice: Practice) -> None:
    assessment = state.assessment(framework)
    scale = framework.scale
    options = [level.value for level in scale.levels] + [NOT_APPLICABLE]
    st.markdown(
        f"**{practice.definition}**\n\nHow often do you do each of these? Choose "
        f"{scale.not_applicable.label} if it has not come up."
    )
    for number, indicator in enumerate(practice.indicators, start=1):
        key = state.widget_key("rating", framework.id, indicator.id)
        st.radio(
            f"{number}. {indicator.text}",
            options=options,
            index=None,
            format_func=scale.word,
            horizontal=True,
            **state.bound(
                framework,
                key,
                assessment.rating(indicator.id),
                lambda a, v, i=indicator.id: a.with_rating(i, v),
            ),
        )
    _render_choices(framework, practice, assessment)


def _render_choices(framework: Framework, practice: Practice, assessment: Assessment) -> None:
    scale = framework.scale
    good = (
        f"\n\nWhat good looks like: {practice.target_description}"
        if practice.target_description
        else ""
    )
    st.markdown(f"#### Your target and priority for this practice{good}")
    left, right = st.columns(2)
    left.select_slider(
        "Target: how often you want to do these",
        options=[level.value for level in scale.levels],
        format_func=scale.label,
        **state.bound(
            framework,
            state.widget_key("target", framework.id, practice.id),
            assessment.target(framework, practice.id),
            lambda a, v: a.with_choice(practice.id, target=v),
        ),
    )
    importance = framework.importance
    right.radio(
        "Importance to you",
        options=[level.value for level in importance.levels],
        format_func=importance.label,
        captions=[level.description for level in importance.levels],
        help="Priorities weigh each gap by this.",
        **state.bound(
            framework,
            state.widget_key("importance", framework.id, practice.id),
            assessment.importance(framework, practice.id),
            lambda a, v: a.with_choice(practice.id, importance=v),
        ),
    )
    st.text_area(
        "A recent example (optional)",
        max_chars=MAX_NOTE_CHARS,
        placeholder="When did you last do this with a client? What happened?",
        help="A concrete example keeps a high rating honest; it also appears in your report.",
        **state.bound(
            framework,
            state.widget_key("example", framework.id, practice.id),
            assessment.choice(practice.id).example,
            lambda a, v: a.with_choice(practice.id, example=v or ""),
        ),
    )


def render_keep_or_start_over(framework: Framework) -> None:
    """Save the answers for another day, or clear them, both behind one button."""
    with st.popover("Save or start over", icon=":material/save:"):
        st.markdown(
            "Answers stay in this browser tab only. Save them to continue another day; "
            "starting over clears them."
        )
        render_answers_download(framework, f"rapport-{framework.id}")
        if st.button("Clear all my answers", icon=":material/restart_alt:"):
            state.clear(framework)
            st.rerun()


# Our own fixed script; the heading text goes in as a JSON string, never as markup.
_FOCUS_HEADING = """<script>
(() => {
  const wanted = %s;
  const attempt = (left) => {
    // window.parent is the page itself unless Streamlit puts the script in a frame.
    const heading = [...window.parent.document.querySelectorAll("h2")]
      .find((h) => h.textContent.trim().startsWith(wanted));
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    } else if (left > 0) {
      setTimeout(() => attempt(left - 1), 50);
    }
  };
  attempt(40);
})();
</script>"""


def focus_heading(text: str) -> None:
    """Move keyboard focus to the heading that starts with `text`, as a screen reader user
    expects after Next or Back: otherwise focus falls back to the top of the page and the
    new practice has to be found again."""
    st.html(
        _FOCUS_HEADING % json.dumps(text).replace("</", "<\\/"),
        unsafe_allow_javascript=True,
    )
