"""The Assess page's form: one practice's statements, target, importance and example."""

from __future__ import annotations

import json

import streamlit as st

from rapport.core.assessment import Assessment
from rapport.core.framework import NOT_APPLICABLE, Framework, Practice
from rapport.core.i18n import _, ngettext, pgettext
from rapport.core.scoring import Profile
from rapport.core.text import MAX_NOTE_CHARS, join_words
from rapport.ui import state
from rapport.ui.files import render_answers_download
from rapport.ui.scenario_form import render_scenarios

STEP_WIDGET = "w.assess.step"
CONFIRM_CLEAR = "w.assess.confirm_clear"


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
    st.caption(progress_caption(profile, current))


def progress_caption(profile: Profile, current: int) -> str:
    """ "3 of 5 statements answered here. Still to finish: practices 4, 6 and 7." """
    here = profile.scores[current]
    unfinished = [
        str(index + 1)
        for index, s in enumerate(profile.scores)
        if s.answered < s.total and index != current
    ]
    text = ngettext(
        "{answered} of {total} statement answered here.",
        "{answered} of {total} statements answered here.",
        here.total,
    ).format(answered=here.answered, total=here.total)
    if not unfinished:
        if len(profile.scores) > 1:
            return text + " " + _("Every other practice is finished.")
        return text
    # Translators: {numbers} lists the practices' numbers, e.g. "4, 6 and 7".
    rest = ngettext(
        "Still to finish: practice {numbers}.",
        "Still to finish: practices {numbers}.",
        len(unfinished),
    ).format(numbers=join_words(unfinished))
    return f"{text} {rest}"


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


def render_practice(framework: Framework, practice: Practice) -> None:
    st.html(_RATINGS_ON_A_PHONE)
    assessment = state.assessment(framework)
    scale = framework.scale
    options = [level.value for level in scale.levels] + [NOT_APPLICABLE]
    # Translators: {not_applicable} is the scale's answer for "not applicable".
    ask = _("How often do you do each of these? Choose {not_applicable} if it has not come up.")
    st.markdown(
        f"**{practice.definition}**\n\n" + ask.format(not_applicable=scale.not_applicable.label)
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
                allowed=options,
            ),
        )
    _render_choices(framework, practice, assessment)
    render_scenarios(framework, practice)


def _render_choices(framework: Framework, practice: Practice, assessment: Assessment) -> None:
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


def render_keep_or_start_over(framework: Framework) -> None:
    """Save the answers for another day, or clear them, both behind one button. Clearing
    asks first, and the cleared answers can be brought back for the rest of the session."""
    answered = state.assessment(framework).answered_count
    with st.popover(_("Save or start over"), icon=":material/save:"):
        st.markdown(
            _(
                "Answers stay in this browser tab only. Save them to continue another day; "
                "starting over clears them."
            )
        )
        render_answers_download(framework, f"rapport-{framework.id}")
        if answered and not state.is_sample(framework):
            sure = st.checkbox(
                ngettext("Yes, clear my {n} answer", "Yes, clear my {n} answers", answered).format(
                    n=answered
                ),
                key=CONFIRM_CLEAR,
            )
            if st.button(
                _("Clear all my answers"), icon=":material/restart_alt:", disabled=not sure
            ):
                state.clear(framework)
                st.session_state.pop(CONFIRM_CLEAR, None)
                st.rerun()
    render_bring_back(framework)


def render_bring_back(framework: Framework) -> None:
    """The undo for "Clear all my answers" and for a restored file: the answers they
    replaced, offered back for as long as the session lasts."""
    kept = state.set_aside(framework)
    if kept is None or state.is_sample(framework):
        return  # the sample banner offers them back itself
    kept_words = state.work_words(kept.assessment)
    current = state.assessment(framework)
    # Translators: {work} is "34 answers" or "your notes and writing"; {time} is like 14:05.
    text = _("**Your earlier work ({work}) is kept aside**, as it was at {time}.").format(
        work=kept_words, time=f"{kept.when:%H:%M}"
    )
    if state.has_work(current):
        # Translators: {work} is "34 answers" or "your notes and writing".
        swap = _("Bringing it back sets what you have now ({work}) aside in its place.")
        text += " " + swap.format(work=state.work_words(current))
    with st.container(border=True):
        st.markdown(f":material/undo: {text}")
        if st.button(_("Bring back my earlier work"), key="w.bring_back"):
            state.bring_back(framework)
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
