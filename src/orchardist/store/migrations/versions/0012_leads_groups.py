"""Job leads with their story, the groups the user belongs to, the events they attended and whom they met
there; an index for the people someone introduced (who do I know at X).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _space_id() -> sa.Column[int]:
    return sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "leads",
        sa.Column("id", sa.Integer, primary_key=True),
        _space_id(),
        sa.Column("organisation", sa.String(300), nullable=False),
        sa.Column("role", sa.String(300), nullable=False),
        sa.Column("heard_where", sa.String(500), nullable=False),
        sa.Column("heard_on", sa.Date, nullable=True),
        sa.Column(
            "source_person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("via_lead_id", sa.Integer, sa.ForeignKey("leads.id", ondelete="SET NULL"), nullable=True),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("next_step", sa.String(500), nullable=False),
        sa.Column("next_step_on", sa.Date, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_leads_space_next_step", "leads", ["space_id", "next_step_on"])
    op.create_index("ix_leads_source", "leads", ["source_person_id"])
    op.create_table(
        "network_groups",
        sa.Column("id", sa.Integer, primary_key=True),
        _space_id(),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("joined_on", sa.Date, nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_network_groups_space", "network_groups", ["space_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        _space_id(),
        sa.Column(
            "group_id", sa.Integer, sa.ForeignKey("network_groups.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("place", sa.String(500), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_events_space_date", "events", ["space_id", "on_date"])
    op.create_table(
        "event_people",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
        _space_id(),
    )
    op.create_index("ix_event_people_person", "event_people", ["person_id"])
    op.create_index("ix_people_space_met_through", "people", ["space_id", "met_through_id"])


def downgrade() -> None:
    op.drop_index("ix_people_space_met_through", table_name="people")
    op.drop_index("ix_event_people_person", table_name="event_people")
    op.drop_table("event_people")
    op.drop_index("ix_events_space_date", table_name="events")
    op.drop_table("events")
    op.drop_index("ix_network_groups_space", table_name="network_groups")
    op.drop_table("network_groups")
    op.drop_index("ix_leads_source", table_name="leads")
    op.drop_index("ix_leads_space_next_step", table_name="leads")
    op.drop_table("leads")
