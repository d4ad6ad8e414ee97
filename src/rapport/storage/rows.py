"""Rows to core objects for workshops and their published snapshots, and the status query.

The snapshot is stored as JSON on the workshop row: seven practices by a few levels of sums,
read on every dashboard tick in the same statement as the live counts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Connection, Row, Select, delete, func, insert, or_, select

from rapport.core.room import PracticeRow
from rapport.core.snapshots import RoomStatus, Snapshot, Stamps, StoredChoice, StoredPractice
from rapport.core.workshop import PracticeResult, Workshop
from rapport.storage.choice_rows import stored_choices
from rapport.storage.tables import response_practices, responses, workshops

_WORKSHOP_FIELDS = tuple(f.name for f in fields(Workshop))  # each is a workshops column


def revealed_json(revealed: frozenset[str]) -> str:
    return json.dumps(sorted(revealed))


def workshop_values(workshop: Workshop, token_hash: str) -> dict[str, Any]:
    """The workshops row for a new workshop."""
    values = {name: getattr(workshop, name) for name in _WORKSHOP_FIELDS}
    return {**values, "revealed": revealed_json(workshop.revealed), "token_hash": token_hash}


def workshop_from_row(row: Row[Any]) -> Workshop:
    values = {name: row._mapping[name] for name in _WORKSHOP_FIELDS}
    return Workshop(
        **{
            **values,
            # SQLite hands booleans back as 0/1.
            "share_with_participants": bool(row.share_with_participants),
            "is_open": bool(row.is_open),
            "revealed": frozenset(json.loads(row.revealed)),
        }
    )


def snapshot_to_json(snapshot: Snapshot) -> str:
    return json.dumps(
        {
            "rows": [
                [r.practice_id, r.level, r.responses, r.sum_current, r.sum_current_sq, r.sum_target]
                for r in snapshot.rows
            ],
            "refreshed": dict(snapshot.refreshed),
            "counts": None if snapshot.counts is None else dict(snapshot.counts),
        }
    )


def snapshot_from_json(text: str | None, seq: int | None) -> Snapshot | None:
    if text is None or seq is None:
        return None
    data = json.loads(text)
    return Snapshot(
        int(seq),
        tuple(PracticeRow(*row) for row in data["rows"]),
        {pid: int(at) for pid, at in data["refreshed"].items()},
        None
        if data.get("counts") is None
        else {pid: tuple(int(c) for c in cs) for pid, cs in data["counts"].items()},
    )


def status_query(workshop_id: str) -> Select[Any]:
    """The workshop with its live count and the answers changed since its snapshot: the
    steady dashboard tick is this one statement, answered from two indexes."""
    r, w = responses, workshops
    live = select(func.count()).where(r.c.workshop_id == w.c.id).scalar_subquery()
    changed = (
        select(func.count())
        .where(
            r.c.workshop_id == w.c.id,
            or_(w.c.snapshot_seq.is_(None), r.c.change_seq > w.c.snapshot_seq),
        )
        .scalar_subquery()
    )
    return select(w, live.label("live"), changed.label("changed")).where(w.c.id == workshop_id)


def status_from_row(row: Row[Any]) -> RoomStatus:
    return RoomStatus(
        workshop_from_row(row),
        int(row.live),
        int(row.changed),
        snapshot_from_json(row.snapshot, row.snapshot_seq),
        snapshot_from_json(row.choices_snapshot, row.snapshot_seq),
    )


def practice_rows(conn: Connection, workshop_id: str) -> list[PracticeRow]:
    """The dashboard's one GROUP BY (practice, level), read from its covering index."""
    rp = response_practices
    query = (
        select(
            rp.c.practice_id,
            rp.c.level,
            func.count(),
            func.sum(func.coalesce(rp.c.current, 0.0)),
            func.sum(func.coalesce(rp.c.current * rp.c.current, 0.0)),
            func.sum(rp.c.target),
        )
        .where(rp.c.workshop_id == workshop_id)
        .group_by(rp.c.practice_id, rp.c.level)
        .order_by(rp.c.practice_id, rp.c.level)
    )
    rows = conn.execute(query).all()
    return [
        PracticeRow(
            practice_id=practice_id,
            level=level,
            responses=int(count),
            sum_current=float(sum_current or 0.0),
            sum_current_sq=float(sum_current_sq or 0.0),
            sum_target=float(sum_target or 0.0),
        )
        for practice_id, level, count, sum_current, sum_current_sq, sum_target in rows
    ]


def practice_changes(
    conn: Connection, workshop_id: str, previous: Snapshot
) -> list[tuple[str, Stamps]]:
    """(practice id, stamps) of every row changed since the snapshot's oldest practice
    refresh: what next_snapshot counts per practice."""
    oldest = min(previous.refreshed.values(), default=previous.seq)
    rp, r = response_practices, responses
    # Driven from the few changed responses (ix_responses_changes), then their rows by the
    # primary key: filtering response_practices by workshop first would read every row.
    changed = (
        select(r.c.id)
        .where(r.c.workshop_id == workshop_id, r.c.change_seq > oldest)
        .scalar_subquery()
    )
    query = select(rp.c.practice_id, rp.c.score_seq, rp.c.target_seq).where(
        rp.c.response_id.in_(changed), or_(rp.c.score_seq > oldest, rp.c.target_seq > oldest)
    )
    return [
        (practice_id, Stamps(int(score), int(target)))
        for practice_id, score, target in conn.execute(query)
    ]


@dataclass(frozen=True)
class StoredResponse:
    """A participant's stored response: its change number, its practice rows and its
    rated scenario options."""

    change_seq: int
    practices: dict[str, StoredPractice]
    choices: dict[str, StoredChoice]


def response_count(conn: Connection, workshop_id: str) -> int:
    query = select(func.count()).select_from(responses)
    return int(conn.execute(query.where(responses.c.workshop_id == workshop_id)).scalar_one())


def stored_response(
    conn: Connection, workshop_id: str, participant_hash: str
) -> StoredResponse | None:
    r, rp = responses, response_practices
    response = conn.execute(
        select(r.c.id, r.c.change_seq).where(
            r.c.workshop_id == workshop_id, r.c.participant_hash == participant_hash
        )
    ).one_or_none()
    if response is None:
        return None
    rows = conn.execute(
        select(rp.c.practice_id, rp.c.current, rp.c.target, rp.c.score_seq, rp.c.target_seq).where(
            rp.c.response_id == response.id
        )
    )
    return StoredResponse(
        int(response.change_seq),
        {
            practice_id: StoredPractice(current, int(target), Stamps(int(score), int(seq)))
            for practice_id, current, target, score, seq in rows
        },
        stored_choices(conn, int(response.id)),
    )


def replace_practices(
    conn: Connection,
    response_id: int,
    workshop_id: str,
    practices: Sequence[PracticeResult],
    stamps: Mapping[str, Stamps],
) -> None:
    """One response's practice rows, replaced by the ones just submitted."""
    rp = response_practices
    conn.execute(delete(rp).where(rp.c.response_id == response_id))
    if practices:
        conn.execute(
            insert(rp),
            [
                {
                    "response_id": response_id,
                    "workshop_id": workshop_id,
                    "practice_id": p.practice_id,
                    "current": p.current,
                    "level": p.level,
                    "target": p.target,
                    "importance": p.importance,
                    "score_seq": stamps[p.practice_id].score,
                    "target_seq": stamps[p.practice_id].target,
                }
                for p in practices
            ],
        )
