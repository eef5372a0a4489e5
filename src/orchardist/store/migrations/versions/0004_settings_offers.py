"""A network's settings (tending rhythm, holidays, goal, reminders, digest) and its offers inventory.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _space_id() -> sa.Column[int]:
    return sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("id", sa.Integer, primary_key=True),
        _space_id(),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.UniqueConstraint("space_id", "key", name="uq_settings_key"),
    )
    op.create_table(
        "offers",
        sa.Column("id", sa.Integer, primary_key=True),
        _space_id(),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.String(500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_offers_space", "offers", ["space_id"])


def downgrade() -> None:
    op.drop_index("ix_offers_space", table_name="offers")
    op.drop_table("offers")
    op.drop_table("settings")
