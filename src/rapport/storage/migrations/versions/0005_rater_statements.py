"""Each rater's statement ratings, for the statements where the owner differs most.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("feedback_raters", sa.Column("ratings", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feedback_raters") as batch:
        batch.drop_column("ratings")
