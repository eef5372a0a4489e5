"""Discretion marks on a person: whether they know the user is looking for work (a confidant), and the
user's own yes or no on whether they are a co-worker (none: worked out from their organisation and
e-mails).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both databases: rebuilding the table (batch mode) would drop SQLite's
    # full-text triggers on it.
    op.add_column("people", sa.Column("knows_search", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("people", sa.Column("coworker_override", sa.Boolean, nullable=True))
    op.create_index("ix_people_space_marks", "people", ["space_id", "knows_search", "coworker_override"])


def downgrade() -> None:
    op.drop_index("ix_people_space_marks", table_name="people")
    op.drop_column("people", "coworker_override")
    op.drop_column("people", "knows_search")
