"""A participant's side of a workshop: joining, sending answers, and the room beside them."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import streamlit as st

from rapport.core.assessment import Assessment
from rapport.core.errors import RapportError
from rapport.core.framework import Framework
from rapport.core.i18n import _, ngettext
from rapport.core.room import RoomSummary
from rapport.core.scoring import Profile
from rapport.core.workshop import StorageUnavailable, Workshop, WorkshopError, practice_results
from rapport.ui import device, pages, resources, state
from rapport.ui.components import escape_markdown, render_error, render_figure
from rapport.ui.store import now, store_or_none
from rapport.usecases.workshops import submit

JOINED = "rapport.joined"
SUBMITTED = "rapport.submitted"  # workshop id -> what this session last sent it
SEND_OUTCOME = "rapport.send_outcome"


@dataclass(frozen=True)
class Joined:
    """The workshop this browser session joined; the key makes re-submissions replace."""

    workshop_id: str
    code: str
    title: str
    framework_id: str
    participant_key: str
    expires_at: datetime  # when the browser may forget the key (ui/device.py)


def joined() -> Joined | None:
    return st.session_state.get(JOINED)


def join(workshop: Workshop, someone_else: bool = False) -> None:
    """Join as this browser: the same key as before in this session, or in this browser
    (another tab, a reload), so submitting again replaces instead of counting twice.
    `someone_else`: a second person on a shared device joins with a key of their own."""
    current = joined()
    key = current.participant_key if current and current.workshop_id == workshop.id else None
    if someone_else:
        key = secrets.token_urlsafe(16)
    st.session_state[JOINED] = Joined(
        workshop.id,
        workshop.code,
        workshop.title,
        workshop.framework_id,
        key or device.participant_key(workshop.id) or secrets.token_urlsafe(16),
        workshop.expires_at,
    )
    state.choose_framework(workshop.framework_id)


def remember_device() -> None:
    """A participant's key stays with this browser (ui/device.py)."""
    membership = joined()
    if membership is not None:
        device.remember(
            membership.workshop_id, membership.participant_key, membership.expires_at, now()
        )


def _sent_part(framework: Framework, answers: Assessment) -> tuple[object, ...]:
    """What a submission carries, as the workshop stores it: the ratings and each
    practice's result (targets and importance resolved, so an example typed alone, which
    is never sent, is no change)."""
    return (dict(answers.ratings), practice_results(framework, answers))


def _submitted() -> dict[str, tuple[object, ...]]:
    return st.session_state.setdefault(SUBMITTED, {})


def participant(framework: Framework) -> Joined | None:
    """The workshop this session joined, if it assesses this framework."""
    membership = joined()
    if membership is None or membership.framework_id != framework.id:
        return None
    return membership


def has_unsent_answers(framework: Framework) -> bool:
    """A participant has answers the workshop has not received (none sent, or changed
    since the last submission)."""
    membership = participant(framework)
    answers = state.assessment(framework)
    if membership is None or not answers.answered_count or state.is_sample(framework):
        return False
    return _submitted().get(membership.workshop_id) != _sent_part(framework, answers)


def render_workshop_submit(framework: Framework, primary: bool = True) -> None:
    """For a participant: send these answers to the joined workshop (again replaces).
    The card says whether the room has the latest answers, so nobody leaves thinking
    they took part when nothing was sent."""
    membership = participant(framework)
    if membership is None:
        return
    sent_before = membership.workshop_id in _submitted()
    unsent = has_unsent_answers(framework)
    outcome = st.session_state.pop(SEND_OUTCOME, None)
    with st.container(border=True):
        st.markdown(":material/groups: " + _("**You joined a workshop**"))
        st.text(membership.title)
        if unsent:
            st.warning(
                _("Changes since your last submission are not sent yet.")
                if sent_before
                else _("Your answers are not sent yet: the room counts them once you submit."),
                icon=":material/outbox:",
            )
        elif sent_before:
            st.caption(":material/check_circle: " + _("The workshop has your latest answers."))
        st.caption(
            _(
                "Your answers go in without your name or example notes. The room sees only "
                "averages, and only once enough people have answered. Submitting again "
                "replaces your earlier answers."
            )
        )
        if isinstance(outcome, StorageUnavailable):  # its own words: full disk, gone...
            st.warning(escape_markdown(outcome.summary), icon=":material/cloud_off:")
        elif isinstance(outcome, RapportError):
            render_error(outcome)
        elif outcome:
            st.success(outcome, icon=":material/check_circle:")
        st.button(
            _("Submit to the workshop") if not sent_before else _("Submit my changes"),
            type="primary" if primary else "secondary",
            icon=":material/send:",
            disabled=not unsent,
            key=f"w.submit.{'main' if primary else 'side'}",
            on_click=_send,
            args=(framework, membership),
        )


def _send(framework: Framework, membership: Joined) -> None:
    """Submit before the page is drawn again, so the card shows what was sent."""
    answers = state.assessment(framework)
    try:
        repo = resources.repository()
        workshop = repo.workshop(membership.workshop_id)
        if workshop is None:
            raise WorkshopError(_("This workshop no longer exists."))
        first = submit(
            repo, workshop, framework, membership.participant_key, answers, now(),
            max_responses=resources.settings().max_responses,
        )  # fmt: skip
    except WorkshopError as error:  # StorageUnavailable among them
        st.session_state[SEND_OUTCOME] = error
        return
    _submitted()[workshop.id] = _sent_part(framework, answers)
    st.session_state[SEND_OUTCOME] = (
        _("Your answers are in.") if first else _("Your earlier answers were replaced.")
    )


def render_unsent_notice(framework: Framework) -> None:
    """On pages without the submit card: a participant with unsent answers is told so."""
    if has_unsent_answers(framework):
        membership = participant(framework)
        assert membership is not None
        # Translators: {title} is the workshop's title.
        unsent = _("Your answers are not sent to the workshop yet ({title}).")
        st.warning(unsent.format(title=escape_markdown(membership.title)), icon=":material/outbox:")
        st.page_link(pages.RESULTS, label=_("Review and submit"), icon=":material/send:")


def shared_room(framework: Framework) -> tuple[Workshop, RoomSummary | None] | None:
    """The joined workshop and its published results, when its facilitator lets
    participants compare, for a session that has submitted, and only the practices the
    facilitator has revealed (None for the results before the first publication)."""
    membership = participant(framework)
    if membership is None or membership.workshop_id not in _submitted():
        return None
    repo = store_or_none()
    if repo is None:
        return None
    # Imported here, not at the top: every page's frame imports this module, and the room's
    # use cases bring Altair, pandas and python-docx, which the first page never needs.
    from rapport.usecases.rooms import room_view, visible_to_participants

    try:
        view = room_view(repo, framework, membership.workshop_id)
    except WorkshopError as error:  # the database went away mid-session
        st.warning(error.summary, icon=":material/cloud_off:")
        return None
    if view is None or not view.workshop.share_with_participants:
        return None
    if view.workshop.has_ended(now()):
        return None
    summary = view.summary
    return view.workshop, (
        None if summary is None else visible_to_participants(summary, view.workshop)
    )


def render_room_mirror(framework: Framework, profile: Profile) -> None:
    """Your scores beside the room's, when the facilitator allows it and k have answered."""
    shared = None if profile.is_empty else shared_room(framework)
    if shared is None:
        return
    workshop, summary = shared
    if summary is None or not summary.ready or not any(a.shown for a in summary.practices):
        k = workshop.min_group_size
        st.caption(
            ngettext(
                "The comparison with the room appears once {n} person has answered and the "
                "facilitator reveals the results.",
                "The comparison with the room appears once {n} people have answered and the "
                "facilitator reveals the results.",
                k,
            ).format(n=k)
        )
        return
    from rapport.charts.room import mirror_figure  # see shared_room: kept off the start path

    render_figure(mirror_figure(profile, summary))
