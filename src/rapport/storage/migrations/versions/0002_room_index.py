"""Make the dashboard's index covering: the tick's GROUP BY reads the index alone.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = "ix_response_practices_workshop_id_practice_id_level"
NEW = "ix_response_practices_room"


def upgrade() -> None:
    op.create_index(
        NEW, "response_practices", ["workshop_id", "practice_id", "level", "current", "target"]
    )
    op.drop_index(OLD, table_name="response_practices")


def downgrade() -> None:
    op.create_index(OLD, "response_practices", ["workshop_id", "practice_id", "level"])
    op.drop_index(NEW, table_name="response_practices")
