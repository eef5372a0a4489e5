"""Migration 0010 gives everyone already stored a UID of their own (a UUID), in every space."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import command

from orchardist.store.engine import Store
from orchardist.store.migrate import alembic_config
from orchardist.store.spaces import create_space
from tests.store.test_figures_migration import _PERSON, unmigrated  # noqa: F401 (the fixture)


def test_everyone_stored_before_gets_a_uuid_of_their_own(unmigrated: Store) -> None:  # noqa: F811
    config = alembic_config(unmigrated)
    command.upgrade(config, "0009")
    with unmigrated.write() as conn:
        spaces = [create_space(conn, "Alice").id, create_space(conn, "Bob").id]
        for person in range(1, 7):
            conn.execute(
                sa.text(_PERSON),
                {
                    "id": person,
                    "s": spaces[person % 2],
                    "name": f"P{person}",
                    "search": f"p{person}",
                    "sort": f"p{person}",
                    "added": "2026-01-01 00:00:00",
                },
            )
    command.upgrade(config, "0010")
    with unmigrated.read() as conn:
        uids = conn.execute(sa.text("SELECT uid FROM people ORDER BY id")).scalars().all()
    assert len(uids) == 6 and len(set(uids)) == 6
    assert all(str(uuid.UUID(uid)) == uid for uid in uids)
    command.downgrade(config, "0009")
    command.upgrade(config, "head")
