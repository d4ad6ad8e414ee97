"""Feedback use cases: ask others, rate someone, read what others see.

The owner's link is a 256-bit secret kept only as its hash and shown once, as the
facilitator's is; each perspective's rater link is a 128-bit secret of its own, so a link
says which perspective its rater speaks for and nothing else. Raters answer once per browser.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from rapport.core.assessment import Assessment
from rapport.core.blind_spots import StatementGap, statement_gaps
from rapport.core.feedback import (
    FLOOR,
    Comment,
    FeedbackError,
    FeedbackRequest,
    FeedbackView,
    chosen_perspectives,
    comments_to_show,
    display_name,
    feedback_view,
)
from rapport.core.framework import Framework
from rapport.core.i18n import _, ngettext
from rapport.core.ports import FeedbackRepository
from rapport.core.text import clean_text
from rapport.core.workshop import practice_results
from rapport.files.framework_file import FrameworkCatalog
from rapport.usecases.common import hash_secret, pinned_framework

OWNER_BYTES = 32  # 256 bits, as for facilitators
RATER_BYTES = 16  # 128 bits: a rater link cannot be guessed either
MAX_OPEN_DAYS = 60
KEEP_DAYS = 30  # after closing, the owner can still read the results this long
COMMENT_CHARS = 600


def bad_link() -> FeedbackError:
    """The one refusal for a link that opens nothing, whatever the reason."""
    return FeedbackError(
        _("This feedback link does not open anything."),
        [_("Check that the whole link was copied, or ask the person who sent it for a new one.")],
    )


@dataclass(frozen=True)
class NewRequest:
    """A request just made: its secrets exist only here, to be shown once."""

    request: FeedbackRequest
    owner_secret: str
    rater_tokens: Mapping[str, str]  # perspective -> token


def closing_time(closes_on: date, today: date) -> datetime:
    """The end of the closing day (UTC); from tomorrow to MAX_OPEN_DAYS ahead."""
    if closes_on <= today:
        raise FeedbackError(
            _("Choose a closing date after today."),
            [_("Raters need at least a day; a week or two usually gets most answers.")],
        )
    if closes_on > today + timedelta(days=MAX_OPEN_DAYS):
        raise FeedbackError(
            ngettext(
                "Choose a closing date within {n} day.",
                "Choose a closing date within {n} days.",
                MAX_OPEN_DAYS,
            ).format(n=MAX_OPEN_DAYS),
            [_("Feedback is about how you work now; ask again later for a new picture.")],
        )
    return datetime.combine(closes_on, time(23, 59, 59), tzinfo=UTC)


def ask(
    repo: FeedbackRepository,
    framework: Framework,
    name: str,
    perspectives: Sequence[str],
    allow_comments: bool,
    closes_on: date,
    now: datetime,
) -> NewRequest:
    if not framework.observable:
        raise FeedbackError(
            # Translators: {name} is the framework's name, such as "Managing client
            # relationships"; raters are the people who give feedback.
            _("\u201c{name}\u201d has no wording for raters yet.").format(name=framework.name),
            # Translators: 'observed' is the field's name in the framework file: keep
            # it.
            [_("Each statement needs an 'observed' phrasing in the framework file.")],
        )
    closes_at = closing_time(closes_on, now.date())
    request = FeedbackRequest(
        id=uuid.uuid4().hex,
        display_name=display_name(name),
        perspectives=chosen_perspectives(perspectives),
        allow_comments=allow_comments,
        framework_id=framework.id,
        framework_version=framework.version,
        created_at=now,
        closes_at=closes_at,
        expires_at=closes_at + timedelta(days=KEEP_DAYS),
    )
    owner = secrets.token_urlsafe(OWNER_BYTES)
    tokens = {p: secrets.token_urlsafe(RATER_BYTES) for p in request.perspectives}
    repo.add_request(request, hash_secret(owner), {p: hash_secret(t) for p, t in tokens.items()})
    return NewRequest(request, owner, tokens)


def owner_link(public_url: str, secret: str) -> str:
    """After `#`, as the facilitator's: browsers send that part nowhere."""
    return f"{public_url}/feedback#owner={secret}"


def rater_link(public_url: str, token: str) -> str:
    """After `#` too: a rater link in a proxy's log would let anyone answer as that group."""
    return f"{public_url}/rate#r={token}"


def request_framework(catalog: FrameworkCatalog, request: FeedbackRequest) -> Framework:
    """The framework the request was made with (see pinned_framework)."""
    return pinned_framework(
        catalog, request.framework_id, request.framework_version, "request", FeedbackError,
        _("Ask the person who sent the link to make a new request."),
    )  # fmt: skip


def open_link(
    repo: FeedbackRepository, token: str, now: datetime | None = None
) -> tuple[FeedbackRequest, str]:
    """The request and perspective a rater link opens, or a plain refusal (an ended
    request opens nothing, even before the hourly purge deletes it)."""
    found = repo.request_by_link(hash_secret(token[:200])) if token else None
    if found is None or found[0].has_ended(now or datetime.now(UTC)):
        raise bad_link()
    return found


def rate(
    repo: FeedbackRepository,
    framework: Framework,
    request: FeedbackRequest,
    perspective: str,
    rater_key: str,
    answers: Assessment,
    comments: Mapping[str, str],
    now: datetime,
    max_raters: int,
) -> int:
    """Store one rater's answers ("not seen" is the scale's not-applicable). Comments are
    kept only where the owner allowed them, cleaned and cut to COMMENT_CHARS."""
    if (request.framework_id, request.framework_version) != (framework.id, framework.version):
        raise FeedbackError(
            _("This request was made with another version of the practices."),
            [_("Ask the person who sent the link to make a new request.")],
        )  # the page passes request_framework(...); this guards every other caller
    results = practice_results(framework, answers)
    kept = {}
    if request.allow_comments:
        # Only on practices the rater scored: a comment from someone in no number for its
        # practice could never be shown without singling them out.
        scored = {r.practice_id for r in results if r.current is not None}
        for practice_id, text in comments.items():
            cleaned = clean_text(text, COMMENT_CHARS).strip()
            if practice_id in scored and cleaned:
                kept[practice_id] = cleaned
    statements = {
        i.id: answers.numeric_rating(i.id) for p in framework.practices for i in p.indicators
    }
    return repo.save_rating(
        request.id,
        perspective,
        hash_secret(rater_key),
        results,
        kept,
        now,
        max_raters,
        statements,
    )


@dataclass(frozen=True)
class OwnerView:
    view: FeedbackView
    comments: Mapping[str, list[str]]  # practice id -> comments the owner may read
    statements: tuple[StatementGap, ...] = ()  # where my own ratings differ most


def owner_request(
    repo: FeedbackRepository, secret: str, now: datetime | None = None
) -> FeedbackRequest | None:
    """The request an owner link opens; None for a wrong link or an ended request."""
    request = repo.request_by_owner(hash_secret(secret[:200])) if secret else None
    if request is None or request.has_ended(now or datetime.now(UTC)):
        return None
    return request


def read_feedback(
    repo: FeedbackRepository,
    framework: Framework,
    request: FeedbackRequest,
    now: datetime,
    own: Assessment | None = None,
) -> OwnerView:
    """Publish what may move, then what the owner may see of it; with `own` answers, the
    statements where they and others differ most too."""
    snapshots = repo.publish(request.id, framework.scale.max_value, FLOOR)
    view = feedback_view(framework, request, snapshots, repo.rater_counts(request.id), now)
    comments: list[Comment] = repo.comments(request.id)
    statements: tuple[StatementGap, ...] = ()
    if own is not None and view.everyone is not None:
        raters = repo.rater_ratings(request.id)
        statements = statement_gaps(framework, view, snapshots, raters, own)
    return OwnerView(view, comments_to_show(view, snapshots, comments), statements)
