"""Feedback from others: requests, their rater links, raters, scores and comments.

Revision ID: 0004
Revises: 0003

Written by hand and frozen, like 0001: constraint names follow tables.NAMING.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIME = sa.DateTime(timezone=True)


def _belongs_to_request(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["request_id"],
        ["feedback_requests.id"],
        name=f"fk_{table}_request_id_feedback_requests",
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "feedback_requests",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("owner_hash", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(80), nullable=False),
        sa.Column("perspectives", sa.Text(), nullable=False),
        sa.Column("allow_comments", sa.Boolean(), nullable=False),
        sa.Column("framework_id", sa.String(64), nullable=False),
        sa.Column("framework_version", sa.String(32), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("closes_at", TIME, nullable=False),
        sa.Column("expires_at", TIME, nullable=False),
        sa.Column("closed_early", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("changes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("snapshots", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_feedback_requests"),
        sa.UniqueConstraint("owner_hash", name="uq_feedback_requests_owner_hash"),
    )
    op.create_index("ix_feedback_requests_expires_at", "feedback_requests", ["expires_at"])

    op.create_table(
        "feedback_links",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("perspective", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_feedback_links"),
        _belongs_to_request("feedback_links"),
    )
    op.create_index("ix_feedback_links_request_id", "feedback_links", ["request_id"])

    op.create_table(
        "feedback_raters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("perspective", sa.String(32), nullable=False),
        sa.Column("rater_hash", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("submitted_at", TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_feedback_raters"),
        _belongs_to_request("feedback_raters"),
        sa.UniqueConstraint(
            "request_id", "rater_hash", name="uq_feedback_raters_request_id_rater_hash"
        ),
    )

    op.create_table(
        "feedback_scores",
        sa.Column("rater_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("perspective", sa.String(32), nullable=False),
        sa.Column("practice_id", sa.String(64), nullable=False),
        sa.Column("current", sa.Float(), nullable=True),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("rater_id", "practice_id", name="pk_feedback_scores"),
        sa.ForeignKeyConstraint(
            ["rater_id"],
            ["feedback_raters.id"],
            name="fk_feedback_scores_rater_id_feedback_raters",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_feedback_scores_view",
        "feedback_scores",
        ["request_id", "perspective", "practice_id", "level"],
    )

    op.create_table(
        "feedback_comments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("perspective", sa.String(32), nullable=False),
        sa.Column("practice_id", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_feedback_comments"),
        _belongs_to_request("feedback_comments"),
    )
    op.create_index("ix_feedback_comments_request_id", "feedback_comments", ["request_id"])


def downgrade() -> None:
    for table in (
        "feedback_comments", "feedback_scores", "feedback_raters", "feedback_links",
        "feedback_requests",
    ):  # fmt: skip
        op.drop_table(table)
