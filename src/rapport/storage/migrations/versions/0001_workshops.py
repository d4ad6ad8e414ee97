"""Workshops, their responses, and one row per practice of each response.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Written by hand and frozen: it does not import tables.py, so later changes to the tables
need a new revision. Constraint names follow tables.NAMING.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("code", sa.String(6), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("framework_id", sa.String(64), nullable=False),
        sa.Column("framework_version", sa.String(32), nullable=False),
        sa.Column("min_group_size", sa.Integer(), nullable=False),
        sa.Column("share_with_participants", sa.Boolean(), nullable=False),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column("revealed", sa.Text(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workshops"),
        sa.UniqueConstraint("code", name="uq_workshops_code"),
        sa.UniqueConstraint("token_hash", name="uq_workshops_token_hash"),
    )
    op.create_index("ix_workshops_expires_at", "workshops", ["expires_at"])

    op.create_table(
        "responses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workshop_id", sa.String(32), nullable=False),
        sa.Column("participant_hash", sa.String(64), nullable=False),
        sa.Column("answers_json", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer(), server_default="1", nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_responses"),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name="fk_responses_workshop_id_workshops",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "workshop_id", "participant_hash", name="uq_responses_workshop_id_participant_hash"
        ),
    )

    op.create_table(
        "response_practices",
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.String(32), nullable=False),
        sa.Column("practice_id", sa.String(64), nullable=False),
        sa.Column("current", sa.Float(), nullable=True),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.Column("importance", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("response_id", "practice_id", name="pk_response_practices"),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["responses.id"],
            name="fk_response_practices_response_id_responses",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_response_practices_workshop_id_practice_id_level",
        "response_practices",
        ["workshop_id", "practice_id", "level"],
    )


def downgrade() -> None:
    op.drop_table("response_practices")
    op.drop_table("responses")
    op.drop_table("workshops")
