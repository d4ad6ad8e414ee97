"""The workshop store as pages use it, and the clock they share.

The database can be down while the rest of Rapport works: the workshop pages then say so
and stop, the self-assessment pages say so in one line and carry on.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from rapport.core.errors import RapportError
from rapport.core.i18n import _
from rapport.core.ports import FeedbackRepository, WorkshopRepository
from rapport.core.workshop import StorageUnavailable
from rapport.ui import resources
from rapport.ui.components import render_error


def now() -> datetime:
    return datetime.now(UTC)


def _unavailable(error: StorageUnavailable, feedback: bool = False) -> RapportError:
    """The database is down: for the workshops, or (`feedback`) for the feedback requests."""
    summary = (
        _("Feedback requests are unavailable right now: Rapport cannot reach its database.")
        if feedback
        else _("Workshops are unavailable right now: Rapport cannot reach its database.")
    )
    return RapportError(
        summary,
        [error.message, _("Self-assessment still works: use Assess, Results and Report as usual.")],
    )


def store() -> WorkshopRepository:
    """The workshop store, or a plain message and a stop when the database is down
    (for the workshop pages, which have nothing else to show)."""
    try:
        return resources.repository()
    except StorageUnavailable as error:
        render_error(_unavailable(error))
        st.stop()


def store_or_none() -> WorkshopRepository | None:
    """The workshop store for the self-assessment pages: when the database is down they
    say so in one line and carry on with everything else."""
    try:
        return resources.repository()
    except StorageUnavailable as error:
        st.warning(_unavailable(error).summary, icon=":material/cloud_off:")
        return None


def feedback_store() -> FeedbackRepository:
    """The feedback store, or a plain message and a stop when the database is down."""
    try:
        return resources.feedback_repository()
    except StorageUnavailable as error:
        render_error(_unavailable(error, feedback=True))
        st.stop()
