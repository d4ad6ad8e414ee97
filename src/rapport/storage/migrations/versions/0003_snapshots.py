"""Published snapshots of a room, and the change counter that says what is new since one.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both backends: nullable, or with a constant default.
    op.add_column(
        "workshops", sa.Column("changes", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column("workshops", sa.Column("snapshot", sa.Text(), nullable=True))
    op.add_column("workshops", sa.Column("snapshot_seq", sa.Integer(), nullable=True))
    op.add_column(
        "responses", sa.Column("change_seq", sa.Integer(), nullable=False, server_default="0")
    )
    for column in ("score_seq", "target_seq"):
        op.add_column(
            "response_practices",
            sa.Column(column, sa.Integer(), nullable=False, server_default="0"),
        )
    op.create_index("ix_responses_changes", "responses", ["workshop_id", "change_seq"])


def downgrade() -> None:
    op.drop_index("ix_responses_changes", table_name="responses")
    # Dropping columns needs batch mode (a table copy) on SQLite.
    with op.batch_alter_table("response_practices") as batch:
        batch.drop_column("target_seq")
        batch.drop_column("score_seq")
    with op.batch_alter_table("responses") as batch:
        batch.drop_column("change_seq")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("snapshot_seq")
        batch.drop_column("snapshot")
        batch.drop_column("changes")
