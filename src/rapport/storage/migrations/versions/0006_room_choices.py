"""The room's ratings of the client scenarios' options, and their published snapshot.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("workshops", sa.Column("choices_snapshot", sa.Text(), nullable=True))
    op.create_table(
        "response_choices",
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.String(32), nullable=False),
        sa.Column("unit_id", sa.String(140), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("response_id", "unit_id", name="pk_response_choices"),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["responses.id"],
            name="fk_response_choices_response_id_responses",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_response_choices_room", "response_choices", ["workshop_id", "unit_id", "rating"]
    )


def downgrade() -> None:
    op.drop_table("response_choices")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("choices_snapshot")
