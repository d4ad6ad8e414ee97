"""A rater's side of a feedback request: who asks and what happens to the answers, a
practice question on the scale, then the statements about the person, phone first.

The statements sit in one form, so choosing an answer reruns nothing: a rater tapping
through 34 statements on a phone never waits for the page, and nothing is sent until
they press the button.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import streamlit as st

from rapport.core.assessment import Assessment
from rapport.core.feedback import FLOOR, PERSPECTIVES, FeedbackRequest
from rapport.core.framework import NOT_APPLICABLE, Framework
from rapport.core.i18n import N_, _, ngettext
from rapport.core.text import join_words
from rapport.ui import cookies
from rapport.ui.components import escape_markdown

# Translators: the answer a rater gives to a statement about a situation they never saw.
UNSEEN = N_("I haven't seen this")
PRACTISED = "rapport.rater_practised"
LINK_SECRET = "rapport.rater_token"  # noqa: S105 - a session key, not a secret
LINK_COOKIE = "rapport_rater"
LINK_READ = "rapport.rater_token_read"
DONE = "rapport.rated"  # request ids this session has answered
KEYS = "rapport.rater_keys"  # request id -> this browser's rater key


def rater_token() -> str:
    """The rater link's secret: after `#r=` (carried into the session, ui/cookies.py, so
    no request holds it), or an `?r=` link typed by hand."""
    linked = st.query_params.get("r")
    carried = cookies.carried_token("r", LINK_COOKIE, LINK_READ)
    if linked is not None:
        st.session_state[LINK_SECRET] = linked[:200]
    elif carried is not None:
        st.session_state[LINK_SECRET] = carried
    return str(st.session_state.get(LINK_SECRET, ""))


def cookie_name(request_id: str) -> str:
    return f"rapport_r_{request_id}"


def rater_key(request: FeedbackRequest) -> str:
    """This browser's key for the request: the same across reloads and tabs (a cookie,
    see remember_key), so one browser answers once."""
    keys = st.session_state.setdefault(KEYS, {})
    if request.id not in keys:
        kept = cookies.read_token(cookie_name(request.id))
        keys[request.id] = kept or secrets.token_urlsafe(16)
    return str(keys[request.id])


def remember_key(request: FeedbackRequest, now: datetime) -> None:
    """Keep the key in this browser until the request ends; once a session, and at the
    end of the page, so the extra element never shifts the form above it."""
    written = st.session_state.setdefault(f"{KEYS}.written", set())
    key = rater_key(request)
    if request.id in written or cookies.read_token(cookie_name(request.id)) == key:
        return
    written.add(request.id)
    seconds = int((request.expires_at - now).total_seconds())
    cookies.write_token(cookie_name(request.id), key, seconds)


def render_intro(request: FeedbackRequest, perspective: str, framework: Framework) -> None:
    name = escape_markdown(request.display_name)
    role = _(PERSPECTIVES[perspective][0])
    # Translators: {name} is the first name of the person who asks for feedback.
    st.title(_("Feedback for {name}").format(name=name))
    minutes = max(3, round(framework.indicator_count * 8 / 60))
    count = framework.indicator_count
    # Translators: {role} is the rater's kind ("client", "teammate" or "supervisor").
    asked = ngettext(
        "{name} asked you, as a **{role}**, how often you see them do {n} everyday thing in "
        "their work with clients.",
        "{name} asked you, as a **{role}**, how often you see them do {n} everyday things in "
        "their work with clients.",
        count,
    ).format(name=name, role=role, n=count)
    takes = ngettext("It takes about {n} minute.", "It takes about {n} minutes.", minutes)
    st.markdown(f"{asked} {takes.format(n=minutes)}")
    # Translators: {floor} (2 or more) people's answers make an average; {n} is {floor} - 1.
    anonymous = ngettext(
        "**Your answers are anonymous.** {name} never sees one person's answers: only "
        "averages of at least {floor} people, and none of yours until at least {n} other "
        "person has answered too.",
        "**Your answers are anonymous.** {name} never sees one person's answers: only "
        "averages of at least {floor} people, and none of yours until at least {n} other "
        "people have answered too.",
        FLOOR - 1,
    ).format(name=name, floor=FLOOR, n=FLOOR - 1)
    comments = _("Comments, if you add any, are shown apart from all ratings and in a mixed order.")
    sentences = [
        anonymous,
        comments if request.allow_comments else "",
        _("Your name is not asked for."),
    ]
    st.info(" ".join(s for s in sentences if s), icon=":material/shield_person:")


@dataclass(frozen=True)
class Answers:
    ratings: dict[str, int | str]  # indicator id -> level or NOT_APPLICABLE (not seen)
    comments: dict[str, str]


def _options(framework: Framework) -> list[int | str]:
    return [*(level.value for level in framework.scale.levels), NOT_APPLICABLE]


def _label(framework: Framework, value: int | str) -> str:
    return _(UNSEEN) if value == NOT_APPLICABLE else framework.scale.label(int(value))


def render_practice_round(framework: Framework) -> bool:
    """One question on the scale, not stored, before the real ones (as CATME has students
    practise rating). True once answered."""
    st.subheader(_("First, a practice question"))
    choice = st.radio(
        _(
            "Think of someone you have worked with. How often do they arrive on time for "
            "meetings? (This answer is not saved.)"
        ),
        _options(framework),
        format_func=lambda v: _label(framework, v),
        index=None,
        horizontal=True,
        key="rater.practice",
    )
    if choice is None and not st.session_state.get(PRACTISED):
        return False
    st.session_state[PRACTISED] = True
    # Translators: {unseen} is the answer "I haven't seen this", translated above.
    done = _(
        "That is all there is to it: for each statement, pick how often you have seen it "
        "yourself. Choose \u201c{unseen}\u201d when you have not seen that situation; it "
        "counts as no answer, never as a low one."
    )
    st.caption(done.format(unseen=_(UNSEEN)))
    return True


def render_form(framework: Framework, request: FeedbackRequest) -> Answers | None:
    """The statements, practice by practice; the answers once sent and complete."""
    name = escape_markdown(request.display_name)
    options = _options(framework)
    with st.form("rater.form", border=False):
        for practice in framework.practices:
            st.subheader(practice.name)
            for indicator in practice.indicators:
                st.radio(
                    indicator.observed or indicator.text,
                    options,
                    format_func=lambda v: _label(framework, v),
                    index=None,
                    horizontal=True,
                    key=f"rater.{indicator.id}",
                )
            if request.allow_comments:
                st.text_area(
                    _("Anything {name} should hear about this? (optional)").format(name=name),
                    key=f"rater.comment.{practice.id}",
                    max_chars=600,
                    height=80,
                )
        sent = st.form_submit_button(_("Send my answers"), type="primary", width="stretch")
    if not sent:
        return None
    missing = [
        p.name
        for p in framework.practices
        if any(st.session_state.get(f"rater.{i.id}") is None for i in p.indicators)
    ]
    if missing:
        # Translators: {practices} is a list of practice names; {unseen}, "I haven't seen this".
        unanswered = _(
            "Some statements have no answer yet, in {practices}. Pick how often you have seen "
            "each one, or \u201c{unseen}\u201d; nothing was sent."
        )
        st.error(
            unanswered.format(practices=join_words(missing), unseen=_(UNSEEN)),
            icon=":material/error:",
        )
        return None
    ratings = {
        i.id: st.session_state[f"rater.{i.id}"] for p in framework.practices for i in p.indicators
    }
    comments = {
        p.id: str(st.session_state.get(f"rater.comment.{p.id}") or "") for p in framework.practices
    }
    return Answers(ratings, {k: v for k, v in comments.items() if v.strip()})


def assessment_of(framework: Framework, answers: Answers) -> Assessment:
    """The rater's answers as the scoring sees them: "not seen" is not applicable."""
    assessment = Assessment.empty(framework)
    for indicator_id, value in answers.ratings.items():
        assessment = assessment.with_rating(indicator_id, value)
    return assessment


def render_thanks(request: FeedbackRequest) -> None:
    # No count of the other raters: it is not this rater's to know.
    # Translators: {name} is the first name of the person who asked for feedback.
    thanks = ngettext(
        "Thank you: your answers are in. {name} will see them only as part of averages of at "
        "least {n} person.",
        "Thank you: your answers are in. {name} will see them only as part of averages of at "
        "least {n} people.",
        FLOOR,
    )
    name = escape_markdown(request.display_name)
    st.success(thanks.format(name=name, n=FLOOR), icon=":material/check_circle:")
