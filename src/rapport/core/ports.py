"""The core's port to storage: what the use cases need from a workshop store.

storage/ implements it with SQLAlchemy; the use cases and the ui take it as a parameter.
Kept apart from core/workshop.py (the values) so that the values and the snapshots that
the port speaks of do not import each other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from rapport.core.room import PracticeRow
from rapport.core.snapshots import RoomStatus
from rapport.core.workshop import NewResponse, PracticeResult, Workshop


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
    ) -> bool:
        """Store or replace; a new participant beyond `max_responses` is refused."""
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
