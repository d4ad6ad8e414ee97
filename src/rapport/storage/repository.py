"""SqlWorkshopRepository: the core's WorkshopRepository port, on SQLite or PostgreSQL.

One instance is shared by every Streamlit session thread, so it keeps no state besides the
engine: each method runs one short transaction on a connection of its own."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from rapport.core.i18n import N_, _
from rapport.core.room import PracticeRow
from rapport.core.scenarios import HIGHEST
from rapport.core.snapshots import RoomStatus, next_snapshot, stamp_changes, stamp_choices
from rapport.core.workshop import ChoiceResult, NewResponse, PracticeResult, Workshop, WorkshopError
from rapport.storage.choice_rows import choice_changes, replace_choices, room_choice_rows
from rapport.storage.engine import writer
from rapport.storage.retry import retrying, translated
from rapport.storage.rows import (
    practice_changes,
    practice_rows,
    replace_practices,
    response_count,
    revealed_json,
    snapshot_to_json,
    status_from_row,
    status_query,
    stored_response,
    workshop_from_row,
    workshop_values,
)
from rapport.storage.tables import responses, workshops

_log = logging.getLogger(__name__)

_UPSERT_INSERTS: dict[str, Callable[..., Any]] = {
    "sqlite": sqlite.insert,
    "postgresql": postgresql.insert,
}

CLOSED = N_("This workshop is closed to new answers.")
GONE = N_("This workshop no longer exists.")
EXPIRED = N_("This workshop has ended and takes no more answers.")
FULL = N_("This workshop is full: it takes {cap} responses at most.")


class SqlWorkshopRepository:
    def __init__(self, engine: Engine) -> None:
        dialect = engine.dialect.name
        if dialect not in _UPSERT_INSERTS:
            raise ValueError(f"workshops need SQLite or PostgreSQL, not {dialect}")
        self._engine = engine
        self._writer = writer(engine)
        self._upsert_insert = _UPSERT_INSERTS[dialect]

    @property
    def engine(self) -> Engine:
        return self._engine

    def dispose(self) -> None:
        """Close the pooled connections (tests, shutdown); the repository stays usable."""
        self._engine.dispose()

    # Workshops

    @translated
    def add_workshop(
        self, workshop: Workshop, token_hash: str, responses: Sequence[NewResponse] = ()
    ) -> None:
        try:
            with self._writer.begin() as conn:
                conn.execute(insert(workshops).values(workshop_values(workshop, token_hash)))
                for response in responses:  # a demo's simulated room, in the same transaction
                    self._store(conn, workshop.id, response)
        except IntegrityError as error:
            # Codes are short and random: a collision is rare but possible; the caller retries.
            raise WorkshopError(
                _("A workshop with the same code, id or facilitator link already exists."),
                [_("Try again: a new code and link will be drawn.")],
            ) from error

    def _one_workshop(self, condition: Any) -> Workshop | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(workshops).where(condition)).one_or_none()
        return None if row is None else workshop_from_row(row)

    @translated
    def workshop(self, workshop_id: str) -> Workshop | None:
        return self._one_workshop(workshops.c.id == workshop_id)

    @translated
    def workshop_by_code(self, code: str) -> Workshop | None:
        return self._one_workshop(workshops.c.code == code)

    @translated
    def workshop_by_token_hash(self, token_hash: str) -> Workshop | None:
        return self._one_workshop(workshops.c.token_hash == token_hash)

    @translated
    def update_workshop(
        self,
        workshop_id: str,
        *,
        is_open: bool | None = None,
        revealed: frozenset[str] | None = None,
    ) -> None:
        values: dict[str, Any] = {}
        if is_open is not None:
            values["is_open"] = is_open
        if revealed is not None:
            values["revealed"] = revealed_json(revealed)
        if not values:
            return
        with self._writer.begin() as conn:
            result = conn.execute(
                update(workshops).where(workshops.c.id == workshop_id).values(**values)
            )
            if result.rowcount == 0:
                raise WorkshopError(_(GONE))

    @translated
    def delete_workshop(self, workshop_id: str) -> bool:
        with self._writer.begin() as conn:
            # Responses and their practice rows go with it (ON DELETE CASCADE).
            result = conn.execute(delete(workshops).where(workshops.c.id == workshop_id))
        return result.rowcount > 0

    @translated
    def live_workshops(self, now: datetime) -> int:
        with self._engine.connect() as conn:
            query = select(func.count()).select_from(workshops).where(workshops.c.expires_at > now)
            return int(conn.execute(query).scalar_one())

    @translated
    def purge_expired(self, now: datetime) -> int:
        with self._writer.begin() as conn:
            result = conn.execute(delete(workshops).where(workshops.c.expires_at < now))
        return result.rowcount

    # Responses

    @staticmethod
    def _claim_change(conn: Connection, workshop_id: str, now: datetime) -> int:
        """Count this submission on the workshop and return its change number, or refuse.

        The UPDATE locks the workshop row until commit, so a close or delete waits for the
        answer in flight ("closed" means no answer lands afterwards) and a snapshot sees
        every change up to its number; on SQLite BEGIN IMMEDIATE already serializes writers.
        A refusal raises, and the rollback undoes the count.
        """
        row = conn.execute(
            update(workshops)
            .where(workshops.c.id == workshop_id)
            .values(changes=workshops.c.changes + 1)
            .returning(workshops.c.is_open, workshops.c.expires_at, workshops.c.changes)
        ).one_or_none()
        if row is None:
            raise WorkshopError(_(GONE))
        if not row.is_open:
            raise WorkshopError(_(CLOSED))
        if row.expires_at <= now:
            raise WorkshopError(_(EXPIRED))
        return int(row.changes)

    @translated
    @retrying
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
        """Store a participant's answers, replacing their earlier ones; True when new."""
        response = NewResponse(
            participant_hash, answers_json, tuple(practices), now, tuple(choices)
        )
        with self._writer.begin() as conn:
            return self._store(conn, workshop_id, response, max_responses)

    def _store(
        self, conn: Connection, workshop_id: str, response: NewResponse, cap: int | None = None
    ) -> bool:
        participant_hash, answers_json = response.participant_hash, response.answers_json
        practices, now = response.practices, response.submitted_at
        change = self._claim_change(conn, workshop_id, now)  # holds the workshop's row
        earlier = stored_response(conn, workshop_id, participant_hash)
        if earlier is None and cap is not None and response_count(conn, workshop_id) >= cap:
            raise WorkshopError(_(FULL).format(cap=cap))
        stamps, changed = stamp_changes(
            None if earlier is None else earlier.practices, practices, change
        )
        choice_stamps, choices_changed = stamp_choices(
            None if earlier is None else earlier.choices, response.choices, change
        )
        changed = changed or choices_changed
        # A resubmission that changes no score or target keeps its change number, so
        # it is not counted as new (a gap in the numbers is harmless).
        response_change = earlier.change_seq if earlier and not changed else change
        stmt = self._upsert_insert(responses).values(
            workshop_id=workshop_id,
            participant_hash=participant_hash,
            answers_json=answers_json,
            submitted_at=now,
            updated_at=now,
            change_seq=response_change,
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[responses.c.workshop_id, responses.c.participant_hash],
            set_={
                "answers_json": stmt.excluded.answers_json,
                "updated_at": stmt.excluded.updated_at,
                "change_seq": stmt.excluded.change_seq,
                "revision": responses.c.revision + 1,
            },
        ).returning(responses.c.id, responses.c.revision)
        response_id, revision = conn.execute(stmt).one()
        replace_practices(conn, response_id, workshop_id, practices, stamps)
        replace_choices(conn, response_id, workshop_id, response.choices, choice_stamps)
        # The upsert inserted with the default revision 1 and every update adds one.
        return bool(revision == 1)

    @translated
    def practice_rows(self, workshop_id: str) -> list[PracticeRow]:
        with self._engine.connect() as conn:
            return practice_rows(conn, workshop_id)

    @translated
    def room_status(self, workshop_id: str) -> RoomStatus | None:
        with self._engine.connect() as conn:
            row = conn.execute(status_query(workshop_id)).one_or_none()
        return None if row is None else status_from_row(row)

    @translated
    @retrying
    def publish_snapshot(
        self, workshop_id: str, levels: int, decide: Callable[[RoomStatus], bool]
    ) -> RoomStatus | None:
        with self._writer.begin() as conn:
            # FOR UPDATE waits for submissions in flight (each holds the row from its count to
            # its commit) and holds off new ones: the rows read below are exactly the changes
            # up to the counter. On SQLite BEGIN IMMEDIATE has already taken the write lock.
            conn.execute(
                select(workshops.c.id).where(workshops.c.id == workshop_id).with_for_update()
            )
            row = conn.execute(status_query(workshop_id)).one_or_none()
            if row is None:
                return None
            status = status_from_row(row)
            if not decide(status):
                return status
            previous = status.snapshot
            changes = [] if previous is None else practice_changes(conn, workshop_id, previous)
            snapshot = next_snapshot(
                previous,
                practice_rows(conn, workshop_id),
                changes,
                row.changes,
                status.workshop.min_group_size,
                levels,
            )
            # The scenario options by the same rule, one unit per option, on their 1-6 scale.
            choices = next_snapshot(
                status.choices,
                room_choice_rows(conn, workshop_id),
                choice_changes(conn, workshop_id, status.choices),
                row.changes,
                status.workshop.min_group_size,
                HIGHEST,
            )
            conn.execute(
                update(workshops)
                .where(workshops.c.id == workshop_id)
                .values(
                    snapshot=snapshot_to_json(snapshot),
                    snapshot_seq=snapshot.seq,
                    choices_snapshot=snapshot_to_json(choices),
                )
            )
        return RoomStatus(status.workshop, status.responses, 0, snapshot, choices)

    @translated
    def response_answers(self, workshop_id: str) -> list[str]:
        # Random order: an export listed by id or time would reveal who answered when.
        query = (
            select(responses.c.answers_json)
            .where(responses.c.workshop_id == workshop_id)
            .order_by(func.random())
        )
        with self._engine.connect() as conn:
            return list(conn.scalars(query))
