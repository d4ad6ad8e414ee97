"""The Assess page's form: one practice's statements, target, importance, example and
client situations, each part a fragment that reruns alone."""

from __future__ import annotations

import json

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from rapport.core.framework import NOT_APPLICABLE, Framework, Practice
from rapport.core.i18n import _, ngettext, pgettext
from rapport.core.scoring import Profile, score
from rapport.core.text import MAX_NOTE_CHARS, join_words
from rapport.ui import state
from rapport.ui.components import render_progress
from rapport.ui.participant import has_unsent_answers
from rapport.ui.scenario_form import render_scenarios

STEP_WIDGET = "w.assess.step"


def render_how_to_rate(framework: Framework) -> None:
    """The scale's anchors: what each word means, so ratings mean the same to everyone."""
    scale = framework.scale
    with st.expander(_("How to rate: what each answer means")):
        # Translators: one answer of the scale and what it means ("Often: I do this most of
        # the time"); French puts a no-break space before the colon.
        anchor = _("**{label}**: {description}")
        levels = [*((lv.label, lv.description) for lv in scale.levels)]
        levels.append((scale.not_applicable.label, scale.not_applicable.description))
        lines = [f"- {anchor.format(label=label, description=text)}" for label, text in levels]
        st.markdown("\n".join(lines))


def render_step_picker(framework: Framework, profile: Profile, current: int) -> None:
    """Which practice is shown. Its options are indexes with labels that never change
    while the person answers: a front end that sends back a label from before a rerun
    must still name an option (a changing "(4/5)" once crashed the page). How far each
    practice has got is said beside it instead."""
    # Short names (words of the full name, which the heading below shows) fit a phone.
    names = [f"{index + 1}. {p.short_name}" for index, p in enumerate(framework.practices)]
    state.bind(STEP_WIDGET, current)
    st.selectbox(
        pgettext("the practice shown on the Assess page", "Practice"),
        options=list(range(len(names))),
        format_func=lambda index: names[index] if isinstance(index, int) else str(index),
        key=STEP_WIDGET,
        on_change=lambda: state.set_step(st.session_state.get(STEP_WIDGET), len(names)),
    )
    elsewhere = elsewhere_caption(profile, current)
    if elsewhere:
        st.caption(elsewhere)


def here_caption(profile: Profile, current: int) -> str:
    """ "3 of 5 statements answered here." """
    here = profile.scores[current]
    return ngettext(
        "{answered} of {total} statement answered here.",
        "{answered} of {total} statements answered here.",
        here.total,
    ).format(answered=here.answered, total=here.total)


def elsewhere_caption(profile: Profile, current: int) -> str:
    """ "Still to finish: practices 4, 6 and 7." The other practices only: nothing a
    rating on this one changes, so it is drawn with the page, not the statements."""
    unfinished = [
        str(index + 1)
        for index, s in enumerate(profile.scores)
        if s.answered < s.total and index != current
    ]
    if not unfinished:
        return _("Every other practice is finished.") if len(profile.scores) > 1 else ""
    # Translators: {numbers} lists the practices' numbers, e.g. "4, 6 and 7".
    return ngettext(
        "Still to finish: practice {numbers}.",
        "Still to finish: practices {numbers}.",
        len(unfinished),
    ).format(numbers=join_words(unfinished))


# On a narrow screen six answers do not fit one line, and wrapped rows put "Always" under
# "Never", which breaks the scale's order. There the answers stand in one column instead,
# top to bottom in scale order, as survey tools lay out a scale on a phone (and each row
# is then a wide tap target).
_RATINGS_ON_A_PHONE = """<style>
@media (max-width: 600px) {
  :is([class*="st-key-w-rating-"], [class*="st-key-w-scenario-"])
    [data-testid="stRadioGroup"] {
    flex-direction: column; align-items: flex-start; gap: 0.35rem;
  }
}
</style>"""


# What the page draws from the answers outside its fragments, as of its last whole run.
OUTSIDE_VIEW = "rapport.assess.outside_view"


def _outside_view(framework: Framework) -> tuple[object, ...]:
    """Everything Assess shows outside the fragments that the answers decide: whether
    there is anything to clear (Save or start over) or to set aside in place of earlier
    work (the bring-back card), and whether the workshop card calls them unsent. Each
    changes seldom (a first answer, a first change after submitting); no count of answers
    is drawn outside the fragments, or every rating would rerun the page. The sidebar's
    sample banner and the practice picker's caption show nothing a rating here changes."""
    current = state.assessment(framework)
    return (
        current.answered_count > 0,
        state.has_work(current),
        has_unsent_answers(framework),
    )


def remember_outside_view(framework: Framework) -> None:
    """Called by the page on each whole run, before its fragments draw."""
    st.session_state[OUTSIDE_VIEW] = _outside_view(framework)


def _whole_page_if_outside_changed(framework: Framework) -> None:
    """A fragment's run redraws only the fragment: when its answer changed something the
    page shows elsewhere, run the whole page instead (the page stays as it is until then,
    and the answer is already saved by its callback)."""
    if _outside_view(framework) != st.session_state.get(OUTSIDE_VIEW):
        st.rerun(scope="app")


def render_practice(framework: Framework, practice: Practice, progress: DeltaGenerator) -> None:
    """The practice's statements, then its target, importance and example, then its client
    situations: three fragments, so an answer reruns only its own part of the page, not
    the router, the sidebar and the page around it (issue #18). `progress` is the page's
    slot for the progress bar, which the statements keep current."""
    st.html(_RATINGS_ON_A_PHONE)
    scale = framework.scale
    # Translators: {not_applicable} is the scale's answer for "not applicable".
    ask = _("How often do you do each of these? Choose {not_applicable} if it has not come up.")
    st.markdown(
        f"**{practice.definition}**\n\n" + ask.format(not_applicable=scale.not_applicable.label)
    )
    _render_statements(framework, practice.id, progress)
    _render_choices(framework, practice.id)
    if practice.scenarios:
        _render_scenarios(framework, practice.id)


@st.fragment
def _render_statements(framework: Framework, practice_id: str, progress: DeltaGenerator) -> None:
    """One radio per statement; a rating reruns these and the progress bar only."""
    _whole_page_if_outside_changed(framework)
    practice = framework.practice(practice_id)
    assessment = state.assessment(framework)
    scale = framework.scale
    options = [level.value for level in scale.levels] + [NOT_APPLICABLE]
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
                allowed=options,
            ),
        )
    profile = score(framework, assessment)
    current = framework.practices.index(practice)
    st.caption(here_caption(profile, current))
    with progress:  # an st.empty: each run replaces the bar, in its place at the top
        render_progress(profile)


@st.fragment
def _render_scenarios(framework: Framework, practice_id: str) -> None:
    _whole_page_if_outside_changed(framework)
    render_scenarios(framework, framework.practice(practice_id))


@st.fragment
def _render_choices(framework: Framework, practice_id: str) -> None:
    """Target, importance and example: a change reruns these only."""
    _whole_page_if_outside_changed(framework)
    practice = framework.practice(practice_id)
    assessment = state.assessment(framework)
    scale = framework.scale
    heading = "#### " + _("Your target and priority for this practice")
    if practice.target_description:
        # Translators: {description} is the framework's description of the practice done well.
        good = _("What good looks like: {description}")
        heading += "\n\n" + good.format(description=practice.target_description)
    st.markdown(heading)
    left, right = st.columns(2)
    targets = [level.value for level in scale.levels]
    left.select_slider(
        _("Target: how often you want to do these"),
        options=targets,
        format_func=scale.label,
        **state.bound(
            framework,
            state.widget_key("target", framework.id, practice.id),
            assessment.target(framework, practice.id),
            lambda a, v: a.with_choice(practice.id, target=v),
            allowed=targets,
        ),
    )
    importance = framework.importance
    weights = [level.value for level in importance.levels]
    right.radio(
        _("Importance to you"),
        options=weights,
        format_func=importance.label,
        captions=[level.description for level in importance.levels],
        help=_("Priorities weigh each gap by this."),
        **state.bound(
            framework,
            state.widget_key("importance", framework.id, practice.id),
            assessment.importance(framework, practice.id),
            lambda a, v: a.with_choice(practice.id, importance=v),
            allowed=weights,
        ),
    )
    st.text_area(
        _("A recent example (optional)"),
        max_chars=MAX_NOTE_CHARS,
        placeholder=_("When did you last do this with a client? What happened?"),
        help=_("A concrete example keeps a high rating honest; it also appears in your report."),
        **state.bound(
            framework,
            state.widget_key("example", framework.id, practice.id),
            assessment.choice(practice.id).example,
            lambda a, v: a.with_choice(practice.id, example=v or ""),
        ),
    )


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
