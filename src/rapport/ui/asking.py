"""The owner's side of a feedback request: asking, the links (shown once), and what others see.

The owner link comes back after `#`, like the facilitator's (ui/cookies.py); its secret
stays in this session, never in an address. Everything drawn from the raters goes through
core/feedback.py's view, so the floor holds here as it does in the report.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import streamlit as st

from rapport.charts.feedback import contrast_table, feedback_figure
from rapport.core.blind_spots import BLIND_SPOT, HIDDEN_STRENGTH, Contrast, contrasts
from rapport.core.errors import RapportError
from rapport.core.feedback import FLOOR, PERSPECTIVES, FeedbackView, Waiting
from rapport.core.framework import Framework
from rapport.core.i18n import N_, _, ngettext
from rapport.core.scoring import Profile
from rapport.core.text import join_words, long_date, number
from rapport.core.workshop import StorageUnavailable
from rapport.files.qr import qr_png
from rapport.ui import cookies, resources
from rapport.ui.components import escape_markdown, render_figure, render_table
from rapport.ui.links import app_url
from rapport.usecases.feedback import (
    MAX_OPEN_DAYS,
    NewRequest,
    OwnerView,
    owner_link,
    owner_request,
    rater_link,
    read_feedback,
)

OWNER = "rapport.feedback_owner"  # the owner secret this session holds
CREATED = "rapport.feedback_created"  # a request just made, until its links are saved
OWNER_COOKIE = "rapport_owner"
OWNER_READ = "rapport.feedback_owner_read"
LINKS_STEP = "rapport.feedback_links_step"  # step 2 of showing a new request's links
# Whom to ask, one checkbox per kind of rater (whole labels: the article agrees with the noun).
ASK_ONE = {"client": N_("A client"), "teammate": N_("A teammate"), "supervisor": N_("A supervisor")}


def owner_secret() -> str:
    """The owner secret of this session: from a `#owner=` link, or a request made here."""
    carried = cookies.carried_token("owner", OWNER_COOKIE, OWNER_READ)
    if carried is not None:
        st.session_state[OWNER] = carried
    return str(st.session_state.get(OWNER, ""))


def forget_owner() -> None:
    st.session_state.pop(OWNER, None)


def render_ask_form(default_name: str) -> tuple[str, list[str], bool, date] | None:
    """The request's settings, once sent: name, perspectives, comments, closing day."""
    today = date.today()
    with st.form("feedback.ask"):
        st.subheader(_("Ask for feedback"))
        name = st.text_input(
            _("Your first name or a nickname, as raters will see it"),
            value=default_name,
            max_chars=40,
            key="feedback.ask.name",
        )
        st.markdown(_("**Whom to ask** (each gets a link of its own)"))
        chosen = [
            p
            for p, (one, _group) in PERSPECTIVES.items()
            if st.checkbox(_(ASK_ONE.get(p, one)), value=p == "client", key=f"feedback.ask.{p}")
        ]
        comments = st.checkbox(
            _("Raters may add a comment to each practice"),
            value=True,
            key="feedback.ask.comments",
        )
        closes = st.date_input(
            _("Closing day"),
            value=today + timedelta(days=14),
            min_value=today + timedelta(days=1),
            max_value=today + timedelta(days=MAX_OPEN_DAYS),
            key="feedback.ask.closes",
        )
        st.caption(
            ngettext(
                "Nothing of a group shows until {n} of its raters has answered. Nothing "
                "about you is stored but the name above; your own answers stay with you.",
                "Nothing of a group shows until {n} of its raters have answered. Nothing "
                "about you is stored but the name above; your own answers stay with you.",
                FLOOR,
            ).format(n=FLOOR)
        )
        sent = st.form_submit_button(_("Create the links"), type="primary")
    if not sent or not isinstance(closes, date):
        return None
    return name, chosen, comments, closes


def render_links(made: NewRequest) -> bool:
    """Two steps, never on screen together (as for workshops): the private link first, on
    its own, then one rater link and QR code per group. True once the owner has saved
    both (they are shown only this once)."""
    if not st.session_state.get(LINKS_STEP):
        st.success(_("Your request is ready."), icon=":material/check_circle:")
        st.markdown(
            _(
                "**Step 1 of 2: save your private link.** It reopens your results from any "
                "device; keep it to yourself."
            )
        )
        st.code(owner_link(app_url(), made.owner_secret), language=None, wrap_lines=True)
        st.warning(
            _("It is shown only this once and never stored as it is: save it now."),
            icon=":material/key:",
        )
        if st.button(_("I saved my private link: show the links to send"), type="primary"):
            st.session_state[LINKS_STEP] = True
            st.rerun()
        return False
    st.markdown(_("**Step 2 of 2: send each link to the people in that group.**"))
    for perspective, token in made.rater_tokens.items():
        link = rater_link(app_url(), token)
        group = PERSPECTIVES[perspective][1]
        with st.container(border=True):
            text, code = st.columns([2, 1])
            text.markdown(f"**{_(group)}**")
            text.code(link, language=None, wrap_lines=True)
            # Translators: the alternative text of a QR code image; {link} is a web address.
            alt = _("QR code that opens {link}").format(link=link)
            code.image(qr_png(link, scale=6), width=160, alt=alt)
    st.warning(
        _("These links are shown only now: copy them before you leave this page."),
        icon=":material/key:",
    )
    if st.button(_("I sent the links: show my results"), type="primary"):
        st.session_state.pop(LINKS_STEP, None)
        return True
    return False


def render_status(view: FeedbackView) -> None:
    request = view.request
    for waiting in view.waiting:
        st.markdown(_status_line(waiting))
    if request.closed_early:
        closing = _("Closed.")
    else:
        # Translators: {day} is a date, "1 December 2026".
        closing = _("Open until {day}.").format(day=long_date(request.closes_at.date()))
    st.caption(closing)


def _status_line(waiting: Waiting) -> str:
    """One asked group's line: its answers so far, and why they may not show yet."""
    n = waiting.answered
    answers = ngettext("{n} answer", "{n} answers", n).format(n=n)
    if waiting.folded:
        # Translators: {group}: a kind of rater, plural ("Clients"); {answers}: "2 answers".
        line = _("**{group}**: {answers}, shown together with the other small groups")
    elif n := waiting.needed:
        # Translators: {n} more raters must answer before this group's answers show.
        line = ngettext(
            "**{group}**: {answers}, {n} more needed before any of them shows",
            "**{group}**: {answers}, {n} more needed before any of them shows",
            n,
        )
    elif n := waiting.held_back:
        # Translators: {n} answers wait for {floor} (2 or more) new ones to join the results.
        line = ngettext(
            "**{group}**: {answers}; the latest joins the results once {floor} are new, "
            "so no one answer can be told apart",
            "**{group}**: {answers}; the latest {n} join the results once {floor} are new, "
            "so no one answer can be told apart",
            n,
        )
    else:
        line = _("**{group}**: {answers}")
    group = _(PERSPECTIVES[waiting.perspective][1])
    return line.format(group=group, answers=answers, n=n, floor=FLOOR)


def _contrast_lines(found: tuple[Contrast, ...], kind: str) -> list[str]:
    # Translators: a practice's average scores from me (who asked) and from {n} raters.
    line = _("{practice}: me {own}, others {others} (n={n})")
    return [
        line.format(
            practice=c.practice.name,
            own=number(c.own, 1),
            others=number(c.others, 1),
            n=c.others_n,
        )
        for c in found
        if c.kind == kind
    ]


def render_results(
    framework: Framework, owner: OwnerView, profile: Profile | None, has_own: bool
) -> None:
    view = owner.view
    figure = feedback_figure(framework, view, profile if has_own else None)
    if figure is None:
        st.info(
            ngettext(
                "Nothing to show yet: a group appears once {n} of its raters has answered.",
                "Nothing to show yet: a group appears once {n} of its raters have answered.",
                FLOOR,
            ).format(n=FLOOR),
            icon=":material/hourglass_top:",
        )
        return
    render_figure(figure)
    if not has_own or profile is None:
        st.info(
            # Translators: "Assess" is the name of a page of the app.
            _("Rate yourself on the Assess page to see your own view beside theirs."),
            icon=":material/checklist:",
        )
        return
    found = contrasts(profile, view)
    blind, hidden = _contrast_lines(found, BLIND_SPOT), _contrast_lines(found, HIDDEN_STRENGTH)
    st.subheader(_("Blind spots and hidden strengths"))
    st.caption(
        _(
            "A practice where my score and others' differ by a third of the scale or more: a "
            "blind spot when I rate myself higher, a hidden strength when they rate me higher."
        )
    )
    # Translators: {practices} is a list of practices, each with its scores.
    many = _("**Blind spots**: {practices}"), _("**Hidden strengths**: {practices}")
    none = _("**Blind spots**: none."), _("**Hidden strengths**: none.")
    for found_lines, listed, empty in zip((blind, hidden), many, none, strict=True):
        st.markdown(listed.format(practices=join_words(found_lines)) if found_lines else empty)
    with st.expander(_("Every practice, me against all others")):
        render_table(contrast_table(found))
    if owner.statements:
        st.subheader(_("Statements where we differ most"))
        scale = framework.scale
        # Translators: {own}: my rating ("Often"); {others}: the {n} raters' average ("3.4").
        line = _("\u201c{statement}\u201d me {own}, others {others} (n={n})")
        st.markdown(
            "\n".join(
                "- "
                + line.format(
                    statement=g.indicator.observed or g.indicator.text,
                    own=scale.label(g.own),
                    others=number(g.others, 1),
                    n=g.others_n,
                )
                for g in owner.statements
            )
        )
        st.caption(
            _(
                "Shown only for practices where every rater in the results rated every "
                "statement, so these averages say nothing the practice's average does not."
            )
        )
    for contrast in found:
        if contrast.kind == BLIND_SPOT:
            # Translators: a heading above the first actions suggested for a practice.
            st.markdown(_("**Next for {practice}**").format(practice=contrast.practice.name))
            st.markdown(
                "\n".join(f"- {a.title}: {a.detail}" for a in contrast.practice.actions[:2])
            )


def render_comments(framework: Framework, owner: OwnerView) -> None:
    if not owner.comments:
        return
    st.subheader(_("What raters wrote"))
    st.caption(_("Shown in a mixed order, never with anyone's ratings."))
    for practice in framework.practices:
        texts = owner.comments.get(practice.id)
        if texts:
            st.markdown(f"**{practice.name}**")
            st.markdown("\n".join(f"- {escape_markdown(t)}" for t in texts))


def own_feedback(framework: Framework) -> FeedbackView | None:
    """What others said, for this session's request on this framework, or None (no
    request, another framework, or the database down: the report goes on without it)."""
    secret = st.session_state.get(OWNER)
    if not secret:
        return None
    try:
        repo = resources.feedback_repository()
        request = owner_request(repo, secret, datetime.now(UTC))
        if request is None or request.framework_id != framework.id:
            return None
        if request.framework_version != framework.version:
            return None
        return read_feedback(repo, framework, request, datetime.now(UTC)).view
    except (RapportError, StorageUnavailable):
        st.caption(_("Feedback from others is unavailable right now; the report leaves it out."))
        return None
