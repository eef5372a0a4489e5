"""The network store: spaces, organisations, people and their contact points, interactions, search.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _contact_point(name: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("value", sa.String(1000), nullable=False),
        sa.Column("key", sa.String(1000), nullable=False),
    )
    op.create_index(f"ix_{name}_space_key", name, ["space_id", "key"])
    op.create_index(f"ix_{name}_person", name, ["person_id"])


def upgrade() -> None:
    op.create_table(
        "spaces",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("name_key", sa.String(300), nullable=False),
        sa.Column("aliases", sa.Text, nullable=False),
        sa.Column("domains", sa.Text, nullable=False),
        sa.UniqueConstraint("space_id", "name_key", name="uq_organisations_space_name"),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("display_name", sa.String(500), nullable=False),
        sa.Column("given_name", sa.String(300), nullable=False),
        sa.Column("family_name", sa.String(300), nullable=False),
        sa.Column("pronouns", sa.String(100), nullable=False),
        sa.Column("linkedin_url", sa.String(1000), nullable=False),
        sa.Column("linkedin_key", sa.String(1000), nullable=False),
        sa.Column(
            "organisation_id",
            sa.Integer,
            sa.ForeignKey("organisations.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("location", sa.String(500), nullable=False),
        sa.Column("tier", sa.String(20), nullable=False),
        sa.Column("every_days", sa.Integer, nullable=True),
        sa.Column("interests", sa.Text, nullable=False),
        sa.Column("can_help_with", sa.Text, nullable=False),
        sa.Column("could_use_help_with", sa.Text, nullable=False),
        sa.Column("how_met", sa.Text, nullable=False),
        sa.Column("where_met", sa.Text, nullable=False),
        sa.Column(
            "met_through_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("birthday", sa.String(10), nullable=True),
        sa.Column("dates", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("sort_key", sa.String(600), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_people_space_sort", "people", ["space_id", "sort_key"])
    op.create_index("ix_people_space_linkedin", "people", ["space_id", "linkedin_key"])
    op.create_index("ix_people_organisation", "people", ["organisation_id"])

    for name in ("person_emails", "person_phones", "person_urls"):
        _contact_point(name)

    op.create_table(
        "person_tags",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("tag", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
    )
    op.create_index("ix_person_tags_space_key", "person_tags", ["space_id", "key"])
    op.create_index("ix_person_tags_person", "person_tags", ["person_id"])

    op.create_table(
        "interactions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("channel", sa.String(30), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_interactions_space_date", "interactions", ["space_id", "on_date"])
    op.create_table(
        "interaction_people",
        sa.Column(
            "interaction_id",
            sa.Integer,
            sa.ForeignKey("interactions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
    )
    op.create_index("ix_interaction_people_person_date", "interaction_people", ["person_id", "on_date"])

    op.create_table(
        "job_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seen_on", sa.Date, nullable=False),
        sa.Column("old_organisation", sa.String(300), nullable=False),
        sa.Column("old_title", sa.String(500), nullable=False),
        sa.Column("new_organisation", sa.String(300), nullable=False),
        sa.Column("new_title", sa.String(500), nullable=False),
        sa.Column("source", sa.String(300), nullable=False),
    )

    if op.get_bind().dialect.name == "sqlite":
        _create_sqlite_search()
    else:
        # The words as a stored tsvector: a search never recomputes them row by row.
        op.execute(
            "ALTER TABLE people ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED"
        )
        op.execute("CREATE INDEX ix_people_search ON people USING gin (search_vector)")


def _create_sqlite_search() -> None:
    # An external-content FTS5 index over people.search_text. Updates and deletes are kept in step by
    # triggers; new rows are indexed by the repository in one statement per bulk insert, which is many
    # times faster than a trigger firing per row (PeopleRepository.add_many).
    op.execute(
        "CREATE VIRTUAL TABLE people_fts USING fts5(search_text, content='people', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    op.execute(
        "CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN "
        "INSERT INTO people_fts(people_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER people_fts_update AFTER UPDATE OF search_text ON people BEGIN "
        "INSERT INTO people_fts(people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO people_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS people_fts")
    for table in (
        "job_changes",
        "interaction_people",
        "interactions",
        "person_tags",
        "person_urls",
        "person_phones",
        "person_emails",
        "people",
        "organisations",
        "spaces",
    ):
        op.drop_table(table)
