"""The core's ports to storage: what the use cases need from the workshop and feedback stores.

storage/ implements it with SQLAlchemy; the use cases and the ui take it as a parameter.
Kept apart from core/workshop.py (the values) so that the values and the snapshots that
the port speaks of do not import each other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Protocol

from rapport.core.blind_spots import RaterRatings
from rapport.core.feedback import Comment, FeedbackRequest
from rapport.core.room import PracticeRow
from rapport.core.snapshots import RoomStatus, Snapshot
from rapport.core.workshop import ChoiceResult, NewResponse, PracticeResult, Workshop


class WorkshopRepository(Protocol):
    """What the services need from storage; storage/ implements it with SQLAlchemy."""

    def add_workshop(
        self, workshop: Workshop, token_hash: str, responses: Sequence[NewResponse] = ()
    ) -> None:
        """Store the workshop and any responses it starts with, all in one transaction:
        a failure leaves no workshop, never one with some of its responses."""
        ...

    def workshop(self, workshop_id: str) -> Workshop | None: ...

    def workshop_by_code(self, code: str) -> Workshop | None: ...

    def workshop_by_token_hash(self, token_hash: str) -> Workshop | None: ...

    def update_workshop(
        self,
        workshop_id: str,
        *,
        is_open: bool | None = None,
        revealed: frozenset[str] | None = None,
    ) -> None: ...

    def delete_workshop(self, workshop_id: str) -> bool: ...

    def save_response(
        self,
        workshop_id: str,
        participant_hash: str,
        answers_json: str,
        practices: Sequence[PracticeResult],
        now: datetime,
        max_responses: int | None = None,
        choices: Sequence[ChoiceResult] = (),
    ) -> bool:
        """Store or replace, with the scenario options rated; a new participant beyond
        `max_responses` is refused."""
        ...

    def live_workshops(self, now: datetime) -> int:
        """Workshops that have not ended."""
        ...

    def practice_rows(self, workshop_id: str) -> list[PracticeRow]: ...

    def room_status(self, workshop_id: str) -> RoomStatus | None: ...

    def publish_snapshot(
        self, workshop_id: str, levels: int, decide: Callable[[RoomStatus], bool]
    ) -> RoomStatus | None:
        """Under the workshop's write lock: read the status again and, when `decide` says
        so, store next_snapshot(...) from the rows of that same moment, on a scale of
        `levels`."""
        ...

    def response_answers(self, workshop_id: str) -> list[str]: ...

    def purge_expired(self, now: datetime) -> int: ...


class FeedbackRepository(Protocol):
    """What the feedback use cases need; storage/feedback_repository.py implements it."""

    def add_request(
        self, request: FeedbackRequest, owner_hash: str, links: Mapping[str, str]
    ) -> None:
        """The request and one rater link hash per perspective, in one transaction."""
        ...

    def request_by_owner(self, owner_hash: str) -> FeedbackRequest | None: ...

    def request_by_link(self, token_hash: str) -> tuple[FeedbackRequest, str] | None: ...

    def close_request(self, request_id: str) -> None: ...

    def save_rating(
        self,
        request_id: str,
        perspective: str,
        rater_hash: str,
        practices: Sequence[PracticeResult],
        comments: Mapping[str, str],
        now: datetime,
        max_raters: int,
        ratings: Mapping[str, int | None] | None = None,
    ) -> int:
        """One rater's answer (practice scores, and the statement `ratings` they came
        from), numbered; refused when closed, full or already given."""
        ...

    def rater_ratings(self, request_id: str) -> list[RaterRatings]: ...

    def rater_counts(self, request_id: str) -> dict[str, int]: ...

    def comments(self, request_id: str) -> list[Comment]: ...

    def publish(self, request_id: str, levels: int, floor: int) -> dict[str, Snapshot]:
        """Move each perspective's snapshot on where its rules allow, and store it."""
        ...

    def purge_expired(self, now: datetime) -> int: ...
