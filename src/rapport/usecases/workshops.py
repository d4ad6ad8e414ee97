"""Workshop use cases: create, join, submit, read the room, facilitator controls.

Services take the repository as an argument (only ui/ builds the real one), so tests run
them against a real SQLite file or PostgreSQL without any Streamlit.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode, urlsplit

from rapport.core.assessment import Assessment, PracticeChoice, Respondent, Writing
from rapport.core.framework import Framework
from rapport.core.i18n import DEFAULT_LANGUAGE, _, ngettext
from rapport.core.ports import WorkshopRepository
from rapport.core.text import one_line
from rapport.core.workshop import (
    CODE_LENGTH,
    MIN_GROUP_FLOOR,
    REVEAL_ALL,
    NewResponse,
    Workshop,
    WorkshopError,
    choice_results,
    new_code,
    normalize_code,
    practice_results,
)
from rapport.files.answers_file import to_json
from rapport.files.framework_file import FrameworkCatalog
from rapport.settings import DEFAULT_PUBLIC_URL
from rapport.usecases.common import hash_secret, pinned_framework

TOKEN_BYTES = 32  # 256 bits: facilitator links cannot be guessed
MAX_TITLE_CHARS = 120
MAX_GROUP = 1000
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{20,100}$")


@dataclass(frozen=True)
class CreatedWorkshop:
    workshop: Workshop
    facilitator_token: str  # shown once to the facilitator; only its hash is stored


def app_address(configured: str | None, browser_url: str | None, base_path: str = "") -> str:
    """The address links should carry: the configured public URL wins; without one, the
    origin the browser used (so `PORT=8611 make run` gives links on port 8611), under the
    server's base path; with neither (a test run, say), the local default."""
    if configured:
        return configured.rstrip("/")
    if browser_url:
        parts = urlsplit(browser_url)
        if parts.scheme in ("http", "https") and parts.netloc:
            path = "/" + base_path.strip("/") if base_path.strip("/") else ""
            return f"{parts.scheme}://{parts.netloc}{path}"
    return DEFAULT_PUBLIC_URL


def join_link(public_url: str, code: str) -> str:
    """Straight to the Join page: a link to the app's root would first load Home and then
    switch pages, a blank screen for a moment on a phone. Root links (`/?join=`, on QR
    codes already printed) still work."""
    return f"{public_url}/join?{urlencode({'join': code})}"


def facilitator_link(public_url: str, token: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The key goes after `#`, which no browser sends to a server or in a Referer
    (ui/facilitator.py moves it into the session). The facilitator's language goes in the
    link, English too: the projected dashboard follows them, not the projector's browser."""
    return f"{public_url}/dashboard?{urlencode({'lang': language})}#key={token}"


def create_workshop(
    repo: WorkshopRepository,
    framework: Framework,
    title: str,
    min_group_size: int,
    share_with_participants: bool,
    now: datetime,
    days: int,
    seeded: Callable[[Workshop], Sequence[NewResponse]] | None = None,
    max_live: int | None = None,
) -> CreatedWorkshop:
    """A new workshop; `seeded` gives the responses it starts with (a demo's simulated
    room), stored with it in one transaction. `max_live` caps the workshops this server
    runs at once."""
    clean_title = one_line(title, MAX_TITLE_CHARS)
    if not clean_title:
        raise WorkshopError(
            _("Give the workshop a title, so participants know they joined the right one.")
        )
    if not MIN_GROUP_FLOOR <= min_group_size <= MAX_GROUP:
        raise WorkshopError(
            # Translators: {low} is the smallest group size allowed (3), {high} the
            # largest.
            _(
                "The minimum group size must be between {low} and {high}: below {low}, "
                "averages could reveal one person's answers."
            ).format(low=MIN_GROUP_FLOOR, high=MAX_GROUP)
        )
    if max_live is not None and repo.live_workshops(now) >= max_live:
        raise WorkshopError(
            ngettext(
                "This server already runs {n} workshop, as many as it is set to.",
                "This server already runs {n} workshops, as many as it is set to.",
                max_live,
            ).format(n=max_live),
            [
                _("Delete a workshop you no longer need, or wait for one to end."),
                # Translators: RAPPORT_MAX_LIVE_WORKSHOPS is a setting's name: keep it.
                _("Whoever runs the server can raise RAPPORT_MAX_LIVE_WORKSHOPS."),
            ],
        )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    for _attempt in range(20):  # 25^6 codes: a clash is rare, and a retry cheap
        code = new_code()
        if repo.workshop_by_code(code) is None:
            break
    else:
        raise WorkshopError(_("Could not find a free join code. Try again in a moment."))
    workshop = Workshop(
        id=uuid.uuid4().hex,
        code=code,
        title=clean_title,
        framework_id=framework.id,
        framework_version=framework.version,
        min_group_size=min_group_size,
        share_with_participants=share_with_participants,
        is_open=True,
        revealed=frozenset(),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    repo.add_workshop(workshop, hash_secret(token), seeded(workshop) if seeded else ())
    return CreatedWorkshop(workshop, token)


def find_for_join(repo: WorkshopRepository, typed: str, now: datetime) -> Workshop:
    code = normalize_code(typed[:50])
    if code is None:
        raise WorkshopError(
            # Translators: K7P3QD is an example of a join code: keep it as it is.
            ngettext(
                "A join code has {n} letter and digit, like K7P3QD.",
                "A join code has {n} letters and digits, like K7P3QD.",
                CODE_LENGTH,
            ).format(n=CODE_LENGTH),
            [_("Check the code on the facilitator's screen and type it again.")],
        )
    workshop = repo.workshop_by_code(code)
    if workshop is None or workshop.has_ended(now):
        raise WorkshopError(
            # Translators: {code} is the join code the person typed, such as K7P3QD.
            _("No workshop has the code {code}.").format(code=code),
            [_("Check the code on the facilitator's screen; it may have ended.")],
        )
    return workshop


def workshop_framework(catalog: FrameworkCatalog, workshop: Workshop) -> Framework:
    """The framework a workshop was created with (see pinned_framework)."""
    return pinned_framework(
        catalog, workshop.framework_id, workshop.framework_version, "workshop", WorkshopError,
        _("Ask the facilitator to create a new workshop, or to put the framework file back."),
    )  # fmt: skip


def facilitated_workshop(
    repo: WorkshopRepository, token: str, now: datetime | None = None
) -> Workshop | None:
    """The workshop a facilitator token opens, or None: a wrong or expired token reveals
    nothing. The token is looked up by its SHA-256 hash: the plain token is never stored or
    compared, so response times cannot leak it character by character."""
    if not _TOKEN_SHAPE.fullmatch(token or ""):
        return None
    workshop = repo.workshop_by_token_hash(hash_secret(token))
    if workshop is None or (now is not None and workshop.has_ended(now)):
        return None
    return workshop


def anonymous(assessment: Assessment) -> Assessment:
    """What a workshop keeps of a submission: ratings, targets, importance. No name, course,
    example note, introduction or conclusion, since free text can identify a person."""
    choices = {
        pid: PracticeChoice(target=c.target, importance=c.importance)
        for pid, c in assessment.choices.items()
    }
    return assessment.model_copy(
        update={"respondent": Respondent(), "choices": choices, "writing": Writing()}
    )


def submit(
    repo: WorkshopRepository,
    workshop: Workshop,
    framework: Framework,
    participant_key: str,
    assessment: Assessment,
    now: datetime,
    max_responses: int | None = None,
) -> bool:
    """Store (or replace) this participant's answers; True when it is their first. A new
    participant is refused once the workshop holds `max_responses`."""
    if not workshop.is_open:
        raise WorkshopError(_("This workshop is closed to new answers."))
    if (framework.id, framework.version) != (workshop.framework_id, workshop.framework_version):
        raise WorkshopError(
            _("These answers are for another version of the practices than this workshop's."),
            [_("Join the workshop again from its link, then submit.")],
        )
    response = response_for(workshop, framework, participant_key, assessment, now)
    return repo.save_response(
        workshop.id, response.participant_hash, response.answers_json, response.practices, now,
        max_responses=max_responses, choices=response.choices,
    )  # fmt: skip


def response_for(
    workshop: Workshop, framework: Framework, participant_key: str, assessment: Assessment,
    now: datetime,
) -> NewResponse:  # fmt: skip
    """What is stored of a submission: no name, no notes, a hash instead of the key."""
    if assessment.answered_count == 0:
        raise WorkshopError(_("Rate at least one statement before submitting."))
    kept = anonymous(assessment)
    return NewResponse(
        hash_secret(f"{workshop.id}:{participant_key}"),
        to_json(kept, now=now).decode("utf-8"),
        practice_results(framework, kept),
        now,
        choice_results(framework, kept),
    )


def reveal(repo: WorkshopRepository, workshop: Workshop, practice_ids: frozenset[str]) -> None:
    repo.update_workshop(workshop.id, revealed=practice_ids)


def reveal_all(repo: WorkshopRepository, workshop: Workshop) -> None:
    repo.update_workshop(workshop.id, revealed=frozenset({REVEAL_ALL}))


def set_open(repo: WorkshopRepository, workshop: Workshop, is_open: bool) -> None:
    repo.update_workshop(workshop.id, is_open=is_open)
