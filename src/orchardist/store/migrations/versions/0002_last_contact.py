"""The date of each person's latest interaction, stored on the person.

Sorting 30,000 people by last contact, and the stay-in-touch rhythm, read one indexed column instead
of aggregating every interaction on each request.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("people", sa.Column("last_contact_on", sa.Date, nullable=True))
    op.execute(
        "UPDATE people SET last_contact_on = "
        "(SELECT max(on_date) FROM interaction_people WHERE interaction_people.person_id = people.id)"
    )
    op.create_index("ix_people_space_last_contact", "people", ["space_id", "last_contact_on", "sort_key"])
    op.create_index(
        "ix_people_space_recent", "people", ["space_id", sa.text("last_contact_on DESC"), "sort_key"]
    )


def downgrade() -> None:
    op.drop_index("ix_people_space_recent", table_name="people")
    op.drop_index("ix_people_space_last_contact", table_name="people")
    op.drop_column("people", "last_contact_on")
