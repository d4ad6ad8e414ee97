"""The room's scenario ratings in the store: counts for the snapshot, changes, and one
response's stored ratings (core/snapshots.py: stamp_choices, choice_rows)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, func, insert, select

from rapport.core.room import PracticeRow
from rapport.core.snapshots import Snapshot, Stamps, StoredChoice, choice_rows
from rapport.core.workshop import ChoiceResult
from rapport.storage.tables import response_choices, responses


def room_choice_rows(conn: Connection, workshop_id: str) -> tuple[PracticeRow, ...]:
    """Raters per (option, rating), read from the covering index alone."""
    rc = response_choices
    query = (
        select(rc.c.unit_id, rc.c.rating, func.count())
        .where(rc.c.workshop_id == workshop_id)
        .group_by(rc.c.unit_id, rc.c.rating)
        .order_by(rc.c.unit_id, rc.c.rating)
    )
    return choice_rows([(unit, int(rating), int(n)) for unit, rating, n in conn.execute(query)])


def choice_changes(
    conn: Connection, workshop_id: str, previous: Snapshot | None
) -> list[tuple[str, Stamps]]:
    """(unit, stamps) of every rating changed since the oldest refresh of the choices
    snapshot; none before the first (next_snapshot then takes every option in)."""
    if previous is None:
        return []
    oldest = min(previous.refreshed.values(), default=previous.seq)
    rc, r = response_choices, responses
    changed = (
        select(r.c.id)
        .where(r.c.workshop_id == workshop_id, r.c.change_seq > oldest)
        .scalar_subquery()
    )
    query = select(rc.c.unit_id, rc.c.seq).where(rc.c.response_id.in_(changed), rc.c.seq > oldest)
    return [(unit, Stamps(int(seq), int(seq))) for unit, seq in conn.execute(query)]


def stored_choices(conn: Connection, response_id: int) -> dict[str, StoredChoice]:
    rc = response_choices
    query = select(rc.c.unit_id, rc.c.rating, rc.c.seq).where(rc.c.response_id == response_id)
    rows = conn.execute(query)
    return {unit: StoredChoice(int(rating), int(seq)) for unit, rating, seq in rows}


def replace_choices(
    conn: Connection,
    response_id: int,
    workshop_id: str,
    choices: Sequence[ChoiceResult],
    stamps: dict[str, Stamps],
) -> None:
    conn.execute(delete(response_choices).where(response_choices.c.response_id == response_id))
    if choices:
        conn.execute(
            insert(response_choices),
            [
                {
                    "response_id": response_id,
                    "workshop_id": workshop_id,
                    "unit_id": c.unit,
                    "rating": c.rating,
                    "seq": stamps[c.unit].score,
                }
                for c in choices
            ],
        )
