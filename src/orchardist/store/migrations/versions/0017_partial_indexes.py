"""Five indexes of people hold only the people they find: those with a rhythm of their own, a
birthday, a work date, a mark (knows of the search, co-worker yes or no) or an introducer. Most people
have none of these, so an import of thousands no longer writes an entry for each of them in each.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# This revision's own copy of the indexes (``store/tables.py`` on the day of this revision): the name,
# the columns after space_id, and the condition, ``{true}`` standing for each database's word for true.
INDEXES = (
    ("ix_people_space_every", ("every_days",), "every_days IS NOT NULL"),
    ("ix_people_space_birthday", ("birthday",), "birthday IS NOT NULL"),
    ("ix_people_space_work_date", ("has_work_date",), "has_work_date IS {true}"),
    (
        "ix_people_space_marks",
        ("knows_search", "coworker_override"),
        "knows_search IS {true} OR coworker_override IS NOT NULL",
    ),
    ("ix_people_space_met_through", ("met_through_id",), "met_through_id IS NOT NULL"),
)


def upgrade() -> None:
    for name, columns, condition in INDEXES:
        op.drop_index(name, table_name="people")
        op.create_index(
            name,
            "people",
            ["space_id", *columns],
            sqlite_where=sa.text(condition.format(true="1")),
            postgresql_where=sa.text(condition.format(true="true")),
        )


def downgrade() -> None:
    for name, columns, _condition in INDEXES:
        op.drop_index(name, table_name="people")
        op.create_index(name, "people", ["space_id", *columns])
