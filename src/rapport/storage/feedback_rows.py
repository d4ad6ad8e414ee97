"""Rows to core values for feedback requests, and the queries a publication reads."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, func, select

from rapport.core.feedback import FeedbackRequest
from rapport.core.room import PracticeRow
from rapport.core.snapshots import Snapshot, Stamps
from rapport.storage.rows import snapshot_from_json, snapshot_to_json
from rapport.storage.tables import feedback_scores


def request_from_row(row: Any) -> FeedbackRequest:
    return FeedbackRequest(
        id=row.id,
        display_name=row.display_name,
        perspectives=tuple(json.loads(row.perspectives)),
        allow_comments=bool(row.allow_comments),
        framework_id=row.framework_id,
        framework_version=row.framework_version,
        created_at=row.created_at,
        closes_at=row.closes_at,
        expires_at=row.expires_at,
        closed_early=bool(row.closed_early),
    )


def snapshots_from_json(text: str | None) -> dict[str, Snapshot]:
    if not text:
        return {}
    stored = json.loads(text)
    snapshots = {}
    for perspective, item in stored.items():
        snapshot = snapshot_from_json(item["snapshot"], item["seq"])
        if snapshot is not None:
            snapshots[perspective] = snapshot
    return snapshots


def snapshots_to_json(snapshots: Mapping[str, Snapshot]) -> str:
    return json.dumps(
        {p: {"snapshot": snapshot_to_json(s), "seq": s.seq} for p, s in snapshots.items()}
    )


def perspective_rows(conn: Connection, request_id: str) -> dict[str, list[PracticeRow]]:
    """The room's GROUP BY rows, one set per perspective. Raters give no target: a
    constant 0 keeps the snapshot rule's "targets changed" half equal to its scores half."""
    s = feedback_scores
    grouped = conn.execute(
        select(
            s.c.perspective,
            s.c.practice_id,
            s.c.level,
            func.count(),
            func.sum(func.coalesce(s.c.current, 0.0)),
            func.sum(func.coalesce(s.c.current * s.c.current, 0.0)),
        )
        .where(s.c.request_id == request_id)
        .group_by(s.c.perspective, s.c.practice_id, s.c.level)
    ).all()
    rows: dict[str, list[PracticeRow]] = {}
    for perspective, practice_id, level, n, total, squares in grouped:
        rows.setdefault(str(perspective), []).append(
            PracticeRow(str(practice_id), level, int(n), float(total), float(squares), 0.0)
        )
    return rows


def score_stamps(conn: Connection, request_id: str) -> dict[str, list[tuple[str, Stamps]]]:
    """Per perspective, (practice id, stamps) of every score given: raters never edit, so
    a score's number is its rater's."""
    s = feedback_scores
    found: dict[str, list[tuple[str, Stamps]]] = {}
    query = select(s.c.perspective, s.c.practice_id, s.c.seq).where(
        s.c.request_id == request_id, s.c.current.is_not(None)
    )
    for perspective, practice_id, seq in conn.execute(query):
        found.setdefault(str(perspective), []).append((str(practice_id), Stamps(seq, seq)))
    return found
