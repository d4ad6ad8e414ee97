"""The tables behind workshops and feedback requests, as SQLAlchemy Core metadata.

The migrations in migrations/versions/ are written by hand and must agree with this file;
the integration tests compare the two on every backend.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.types import TypeDecorator

# Fixed constraint names, so a later migration can alter a constraint by name on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every backend.

    SQLite has no time zone type: SQLAlchemy would silently drop the offset and keep the wall
    time, so values are stored as naive UTC there. PostgreSQL returns them in the session's
    time zone, which is normalized to UTC here too.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            # A naive time is ambiguous (local? UTC?) and would shift expiry by hours.
            raise ValueError(f"storage needs timezone-aware datetimes, got {value!r}")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


workshops = Table(
    "workshops",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("code", String(6), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("framework_id", String(64), nullable=False),
    Column("framework_version", String(32), nullable=False),
    Column("min_group_size", Integer, nullable=False),
    Column("share_with_participants", Boolean, nullable=False),
    Column("is_open", Boolean, nullable=False),
    Column("revealed", Text, nullable=False),  # JSON list of practice ids, or ["*"]
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
    # Counts every stored submission (new or replaced): each response keeps the value of its
    # last change, so "changed since the snapshot" is exact, whatever the clocks say.
    Column("changes", Integer, nullable=False, server_default="0"),
    # The published snapshot the room sees (JSON, see rows.py) and the change count it
    # holds; NULL until the first reveal or export.
    Column("snapshot", Text, nullable=True),
    Column("snapshot_seq", Integer, nullable=True),
    # The room's ratings of the scenario options, published with `snapshot` (same seq).
    Column("choices_snapshot", Text, nullable=True),
)

responses = Table(
    "responses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # No separate index on workshop_id: the unique (workshop_id, participant_hash) index
    # leads with it, so it already serves lookups and the cascade by workshop.
    Column(
        "workshop_id",
        String(32),
        ForeignKey("workshops.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("participant_hash", String(64), nullable=False),
    Column("answers_json", Text, nullable=False),
    # Counts submissions by this participant: 1 means the upsert inserted the row. It tells
    # "new" from "updated" reliably under concurrency, where comparing timestamps cannot.
    Column("revision", Integer, nullable=False, server_default="1"),
    Column("submitted_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    # The change number of its last submission that changed any practice row.
    Column("change_seq", Integer, nullable=False, server_default="0"),
    UniqueConstraint("workshop_id", "participant_hash"),
    # The tick counts the answers changed since the snapshot from this index alone.
    Index("ix_responses_changes", "workshop_id", "change_seq"),
)

response_practices = Table(
    "response_practices",
    metadata,
    Column(
        "response_id",
        Integer,
        ForeignKey("responses.id", ondelete="CASCADE"),
        nullable=False,
    ),
    # Copied from the response so the dashboard query reads one table through one index.
    Column("workshop_id", String(32), nullable=False),
    Column("practice_id", String(64), nullable=False),
    Column("current", Float, nullable=True),
    Column("level", Integer, nullable=True),
    Column("target", Integer, nullable=False),
    Column("importance", Integer, nullable=False),
    # Change numbers of the submissions that last changed this row's score, and its part
    # of the mean target (core/snapshots.py, Stamps).
    Column("score_seq", Integer, nullable=False, server_default="0"),
    Column("target_seq", Integer, nullable=False, server_default="0"),
    PrimaryKeyConstraint("response_id", "practice_id"),
    # Covering: the dashboard's GROUP BY reads this index alone, never the table.
    Index("ix_response_practices_room", "workshop_id", "practice_id", "level", "current", "target"),
)

# How effective each response rated each option of a client scenario (1..6); one row per
# rated option, its unit "scenario/option" (core/workshop.choice_unit).
response_choices = Table(
    "response_choices",
    metadata,
    Column(
        "response_id",
        Integer,
        ForeignKey("responses.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("workshop_id", String(32), nullable=False),
    Column("unit_id", String(140), nullable=False),
    Column("rating", Integer, nullable=False),
    # The change number of the submission that last changed this rating (core/snapshots).
    Column("seq", Integer, nullable=False, server_default="0"),
    PrimaryKeyConstraint("response_id", "unit_id"),
    Index("ix_response_choices_room", "workshop_id", "unit_id", "rating"),
)

# Feedback from others (core/feedback.py). A request holds the only personal datum, the
# name raters see; its owner link and rater links are kept as SHA-256 hashes only.
feedback_requests = Table(
    "feedback_requests",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("owner_hash", String(64), nullable=False, unique=True),
    Column("display_name", String(80), nullable=False),
    Column("perspectives", Text, nullable=False),  # JSON list, in core order
    Column("allow_comments", Boolean, nullable=False),
    Column("framework_id", String(64), nullable=False),
    Column("framework_version", String(32), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("closes_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
    Column("closed_early", Boolean, nullable=False, server_default=false()),
    # One number per rater, in order: what each perspective's snapshot holds (core/snapshots).
    Column("changes", Integer, nullable=False, server_default="0"),
    Column("snapshots", Text, nullable=True),  # JSON {perspective: snapshot}, rows.py format
)

feedback_links = Table(
    "feedback_links",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column(
        "request_id",
        String(32),
        ForeignKey("feedback_requests.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("perspective", String(32), nullable=False),
)

feedback_raters = Table(
    "feedback_raters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "request_id",
        String(32),
        ForeignKey("feedback_requests.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("perspective", String(32), nullable=False),
    Column("rater_hash", String(64), nullable=False),  # one answer per browser
    Column("seq", Integer, nullable=False),
    Column("submitted_at", UtcDateTime, nullable=False),
    # JSON {statement id: rating or null}: what the statements the owner differs most
    # on are read from (core/blind_spots.py); never shown as such.
    Column("ratings", Text, nullable=True),
    UniqueConstraint("request_id", "rater_hash"),
)

feedback_scores = Table(
    "feedback_scores",
    metadata,
    Column(
        "rater_id", Integer, ForeignKey("feedback_raters.id", ondelete="CASCADE"), nullable=False
    ),
    Column("request_id", String(32), nullable=False),
    Column("perspective", String(32), nullable=False),
    Column("practice_id", String(64), nullable=False),
    Column("current", Float, nullable=True),  # None: "I haven't seen this" throughout
    Column("level", Integer, nullable=True),
    Column("seq", Integer, nullable=False),
    PrimaryKeyConstraint("rater_id", "practice_id"),
    Index("ix_feedback_scores_view", "request_id", "perspective", "practice_id", "level"),
)

# Comments are kept apart from the scores, so no output can pair one with a rating.
feedback_comments = Table(
    "feedback_comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "request_id",
        String(32),
        ForeignKey("feedback_requests.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("perspective", String(32), nullable=False),
    Column("practice_id", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
