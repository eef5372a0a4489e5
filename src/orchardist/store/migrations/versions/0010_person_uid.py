"""A stable identity for each person: the UID their vCards carry, so address books, CardDAV servers
and a card imported back know them as the same person. Everyone already stored gets a new UUID.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_BATCH = 1_000


def upgrade() -> None:
    # Added in place (SQLite's ALTER TABLE takes a NOT NULL column with a default), so the table and
    # its full-text triggers are not rebuilt.
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("uid", sa.String(255), nullable=False, server_default=""))
    conn = op.get_bind()
    people = sa.table("people", sa.column("id", sa.Integer), sa.column("uid", sa.String))
    ids = conn.execute(sa.select(people.c.id).order_by(people.c.id)).scalars().all()
    statement = people.update().where(people.c.id == sa.bindparam("person")).values(uid=sa.bindparam("new"))
    for start in range(0, len(ids), _BATCH):
        conn.execute(
            statement,
            [{"person": person, "new": str(uuid.uuid4())} for person in ids[start : start + _BATCH]],
        )
    op.create_index("ux_people_space_uid", "people", ["space_id", "uid"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_people_space_uid", table_name="people")
    with op.batch_alter_table("people") as batch:
        batch.drop_column("uid")
