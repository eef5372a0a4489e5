"""Tending: give/ask counts on each person, snoozes, dismissed Today items and the reconnect list.

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


COUNTS = ("gave", "asked", "mutual", "social")
# The labels of a work start date, as orchardist.domain.people.WORK_ANNIVERSARY_LABELS on the day of this
# revision (a migration keeps its own copy: later code may change).
WORK_LABELS = ("started", "work anniversary", "work_anniversary", "start date")


def upgrade() -> None:
    for direction in COUNTS:
        op.add_column(
            "people", sa.Column(f"{direction}_count", sa.Integer, nullable=False, server_default="0")
        )
        op.execute(
            f"UPDATE people SET {direction}_count = (SELECT count(*) FROM interaction_people"
            " JOIN interactions ON interactions.id = interaction_people.interaction_id"
            f" WHERE interaction_people.person_id = people.id AND interactions.direction = '{direction}')"
        )
    op.create_index(
        "ix_people_space_tier_contact", "people", ["space_id", "tier", "last_contact_on", "created_at"]
    )
    op.add_column("people", sa.Column("has_work_date", sa.Boolean, nullable=False, server_default=sa.false()))
    starts = " OR ".join(f"lower(dates) LIKE '%\"{label}\"%'" for label in WORK_LABELS)
    op.execute(f"UPDATE people SET has_work_date = ({starts})")
    op.create_index(
        "ix_interactions_space_date_kind", "interactions", ["space_id", "on_date", "kind", "direction"]
    )
    op.create_index("ix_people_space_every", "people", ["space_id", "every_days"])
    op.create_index("ix_people_space_birthday", "people", ["space_id", "birthday"])
    op.create_index("ix_people_space_work_date", "people", ["space_id", "has_work_date"])
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
    op.drop_index("ix_interactions_space_date_kind", table_name="interactions")
    for index in ("ix_people_space_work_date", "ix_people_space_birthday", "ix_people_space_every"):
        op.drop_index(index, table_name="people")
    op.drop_column("people", "has_work_date")
    op.drop_index("ix_people_space_tier_contact", table_name="people")
    for direction in COUNTS:
        op.drop_column("people", f"{direction}_count")
