"""The user's professional self: a profile a platform, the elevator pitch and its practice log, and
the calling card's choices.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "presence_profiles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("platform", sa.String(60), nullable=False),
        sa.Column("label", sa.String(60), nullable=False, server_default=""),
        sa.Column("display_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("headline", sa.String(500), nullable=False, server_default=""),
        sa.Column("title", sa.String(500), nullable=False, server_default=""),
        sa.Column("employer", sa.String(300), nullable=False, server_default=""),
        sa.Column("location", sa.String(200), nullable=False, server_default=""),
        sa.Column("open_to_work", sa.Boolean, nullable=True),
        sa.Column("url", sa.String(2000), nullable=False, server_default=""),
        sa.Column("position_start", sa.String(7), nullable=False, server_default=""),
        sa.Column("visibility", sa.String(10), nullable=False, server_default="public"),
        sa.Column("reviewed_on", sa.Date, nullable=True),
        sa.Column("nickname", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.UniqueConstraint("space_id", "platform", name="uq_presence_profiles_platform"),
    )
    op.create_table(
        "pitch_parts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("part", sa.String(20), nullable=False),
        sa.Column("text", sa.String(1000), nullable=False),
        sa.UniqueConstraint("space_id", "part", name="uq_pitch_parts_part"),
    )
    op.create_table(
        "pitch_practice",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("note", sa.String(2000), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_pitch_practice_space", "pitch_practice", ["space_id", "on_date"])
    op.create_table(
        "calling_cards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("profile", sa.String(60), nullable=False, server_default=""),
        sa.Column("show_employer", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("phone", sa.String(50), nullable=False, server_default=""),
        sa.Column("email", sa.String(320), nullable=False, server_default=""),
        sa.Column("url", sa.String(2000), nullable=False, server_default=""),
        sa.Column("line", sa.String(200), nullable=False, server_default=""),
        sa.UniqueConstraint("space_id", name="uq_calling_cards_space"),
    )


def downgrade() -> None:
    op.drop_index("ix_pitch_practice_space", table_name="pitch_practice")
    for name in ("calling_cards", "pitch_practice", "pitch_parts", "presence_profiles"):
        op.drop_table(name)
