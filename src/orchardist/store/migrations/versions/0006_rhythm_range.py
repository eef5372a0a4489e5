"""A person's stay-in-touch rhythm is kept within 1 to 3,650 days, as every way in now checks.

An earlier restore could store any number, and Today, the API and the calendar feed then failed to
count with it; a rhythm above the range becomes the longest one, one below it none.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE people SET every_days = 3650 WHERE every_days > 3650")
    op.execute("UPDATE people SET every_days = NULL WHERE every_days < 1")


def downgrade() -> None:
    """Nothing to undo: the values moved into range were ones no rule could use."""
