"""Tending: snoozes, dismissed Today items and the reconnect list.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _owner() -> list[sa.Column[int]]:
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "snoozes",
        *_owner(),
        sa.Column("until_on", sa.Date, nullable=False),
        sa.UniqueConstraint("space_id", "person_id", name="uq_snoozes_person"),
    )
    op.create_table(
        "dismissals",
        *_owner(),
        sa.Column("reason", sa.String(30), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.UniqueConstraint("space_id", "person_id", "reason", "due_on", name="uq_dismissals_item"),
    )
    op.create_table(
        "reconnect_list",
        *_owner(),
        sa.Column("since_on", sa.Date, nullable=False),
        sa.UniqueConstraint("space_id", "person_id", name="uq_reconnect_person"),
    )


def downgrade() -> None:
    for name in ("reconnect_list", "dismissals", "snoozes"):
        op.drop_table(name)
