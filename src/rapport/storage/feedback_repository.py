"""SqlFeedbackRepository: feedback requests, their links and raters, on SQLite or PostgreSQL.

Like the workshop repository, it keeps no state besides the engine, and each method is one
short transaction. Raters answer once per browser (rater_hash); each answer takes the next
number of its request under the request row's lock, so a snapshot taken under that lock
holds exactly the answers up to its number.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from rapport.core.blind_spots import RaterRatings
from rapport.core.feedback import Comment, FeedbackError, FeedbackRequest
from rapport.core.i18n import N_, _
from rapport.core.snapshots import Snapshot, next_snapshot
from rapport.core.workshop import PracticeResult
from rapport.storage.engine import writer
from rapport.storage.feedback_rows import (
    perspective_rows,
    request_from_row,
    score_stamps,
    snapshots_from_json,
    snapshots_to_json,
)
from rapport.storage.retry import retrying, translated
from rapport.storage.tables import (
    feedback_comments,
    feedback_links,
    feedback_raters,
    feedback_requests,
    feedback_scores,
)

GONE = N_("This feedback request no longer exists.")
CLOSED = N_("This feedback request is closed: it takes no more answers.")
FULL = N_("This feedback request has all the answers it takes ({cap}).")
ALREADY = N_("This browser has already answered this request: thank you.")


class SqlFeedbackRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    @translated
    def add_request(
        self, request: FeedbackRequest, owner_hash: str, links: Mapping[str, str]
    ) -> None:
        """Store a request with one rater link (its hash) per perspective, together."""
        try:
            with self._writer.begin() as conn:
                conn.execute(
                    insert(feedback_requests).values(
                        id=request.id,
                        owner_hash=owner_hash,
                        display_name=request.display_name,
                        perspectives=json.dumps(list(request.perspectives)),
                        allow_comments=request.allow_comments,
                        framework_id=request.framework_id,
                        framework_version=request.framework_version,
                        created_at=request.created_at,
                        closes_at=request.closes_at,
                        expires_at=request.expires_at,
                        closed_early=request.closed_early,
                    )
                )
                conn.execute(
                    insert(feedback_links),
                    [
                        {"token_hash": h, "request_id": request.id, "perspective": p}
                        for p, h in links.items()
                    ],
                )
        except IntegrityError as error:
            raise FeedbackError(
                _("A request with the same id or link already exists."),
                [_("Try again: new links will be drawn.")],
            ) from error

    @translated
    def request_by_owner(self, owner_hash: str) -> FeedbackRequest | None:
        with self._engine.connect() as conn:
            row = conn.execute(
                select(feedback_requests).where(feedback_requests.c.owner_hash == owner_hash)
            ).one_or_none()
        return None if row is None else request_from_row(row)

    @translated
    def request_by_link(self, token_hash: str) -> tuple[FeedbackRequest, str] | None:
        """The request a rater link opens, and the perspective it asks for."""
        with self._engine.connect() as conn:
            row = conn.execute(
                select(feedback_requests, feedback_links.c.perspective)
                .join(feedback_links, feedback_links.c.request_id == feedback_requests.c.id)
                .where(feedback_links.c.token_hash == token_hash)
            ).one_or_none()
        return None if row is None else (request_from_row(row), str(row.perspective))

    @translated
    def close_request(self, request_id: str) -> None:
        with self._writer.begin() as conn:
            result = conn.execute(
                update(feedback_requests)
                .where(feedback_requests.c.id == request_id)
                .values(closed_early=True)
            )
            if result.rowcount == 0:
                raise FeedbackError(_(GONE))

    @translated
    def purge_expired(self, now: datetime) -> int:
        with self._writer.begin() as conn:
            result = conn.execute(
                delete(feedback_requests).where(feedback_requests.c.expires_at < now)
            )
        return result.rowcount

    @translated
    @retrying
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
        """Store one rater's answer; returns its number. Refuses a closed or full request,
        and a second answer from the same browser."""
        with self._writer.begin() as conn:
            row = conn.execute(
                update(feedback_requests)
                .where(feedback_requests.c.id == request_id)
                .values(changes=feedback_requests.c.changes + 1)
                .returning(
                    feedback_requests.c.closes_at,
                    feedback_requests.c.closed_early,
                    feedback_requests.c.changes,
                )
            ).one_or_none()
            if row is None:
                raise FeedbackError(_(GONE))
            if row.closed_early or row.closes_at <= now:
                raise FeedbackError(_(CLOSED))
            count = conn.execute(
                select(func.count())
                .select_from(feedback_raters)
                .where(feedback_raters.c.request_id == request_id)
            ).scalar_one()
            if count >= max_raters:
                raise FeedbackError(_(FULL).format(cap=max_raters))
            seq = int(row.changes)
            try:
                rater_id = conn.execute(
                    insert(feedback_raters)
                    .values(
                        request_id=request_id,
                        perspective=perspective,
                        rater_hash=rater_hash,
                        seq=seq,
                        submitted_at=now,
                        ratings=json.dumps(dict(ratings or {})),
                    )
                    .returning(feedback_raters.c.id)
                ).scalar_one()
            except IntegrityError as error:
                raise FeedbackError(_(ALREADY)) from error
            conn.execute(
                insert(feedback_scores),
                [
                    {
                        "rater_id": rater_id,
                        "request_id": request_id,
                        "perspective": perspective,
                        "practice_id": p.practice_id,
                        "current": p.current,
                        "level": p.level,
                        "seq": seq,
                    }
                    for p in practices
                ],
            )
            if comments:
                conn.execute(
                    insert(feedback_comments),
                    [
                        {
                            "request_id": request_id,
                            "perspective": perspective,
                            "practice_id": practice_id,
                            "seq": seq,
                            "text": text,
                        }
                        for practice_id, text in comments.items()
                    ],
                )
        return seq

    @translated
    def rater_counts(self, request_id: str) -> dict[str, int]:
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(feedback_raters.c.perspective, func.count())
                .where(feedback_raters.c.request_id == request_id)
                .group_by(feedback_raters.c.perspective)
            ).all()
        return {str(p): int(n) for p, n in rows}

    @translated
    def rater_ratings(self, request_id: str) -> list[RaterRatings]:
        r = feedback_raters
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(r.c.perspective, r.c.seq, r.c.ratings).where(r.c.request_id == request_id)
            ).all()
        return [RaterRatings(str(p), int(seq), json.loads(text or "{}")) for p, seq, text in rows]

    @translated
    def comments(self, request_id: str) -> list[Comment]:
        c = feedback_comments
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(c.c.perspective, c.c.practice_id, c.c.seq, c.c.text).where(
                    c.c.request_id == request_id
                )
            ).all()
        return [Comment(str(p), str(pid), int(seq), str(text)) for p, pid, seq, text in rows]

    @translated
    @retrying
    def publish(self, request_id: str, levels: int, floor: int) -> dict[str, Snapshot]:
        """Each perspective's snapshot, moved on where the room's rules let it (under the
        request row's lock, so no answer lands halfway), and stored. The owner's page
        asks on every rerun: with no answer since the last publication nothing can move,
        so the stored snapshots come back from one read, without the write lock."""
        with self._engine.connect() as conn:
            stored = conn.execute(
                select(feedback_requests.c.changes, feedback_requests.c.snapshots).where(
                    feedback_requests.c.id == request_id
                )
            ).one_or_none()
        if stored is None:
            raise FeedbackError(_(GONE))
        kept = snapshots_from_json(stored.snapshots)
        if int(stored.changes) == max((s.seq for s in kept.values()), default=0):
            return kept
        with self._writer.begin() as conn:
            row = conn.execute(
                select(feedback_requests.c.changes, feedback_requests.c.snapshots)
                .where(feedback_requests.c.id == request_id)
                .with_for_update()
            ).one_or_none()
            if row is None:
                raise FeedbackError(_(GONE))
            seq = int(row.changes)
            previous = snapshots_from_json(row.snapshots)
            rows = perspective_rows(conn, request_id)
            stamps = score_stamps(conn, request_id)
            published: dict[str, Snapshot] = {}
            for perspective, taken in rows.items():
                published[perspective] = next_snapshot(
                    previous.get(perspective),
                    taken,
                    stamps.get(perspective, []),
                    seq,
                    floor,
                    levels,
                )
            conn.execute(
                update(feedback_requests)
                .where(feedback_requests.c.id == request_id)
                .values(snapshots=snapshots_to_json(published))
            )
        return published
