"""Migrations that repair what an earlier version let in."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from orchardist.services.network import open_network
from orchardist.services.tending import today
from orchardist.store.engine import Store
from orchardist.store.migrate import alembic_config
from orchardist.store.spaces import create_space
from orchardist.store.tables import people

_PERSON = (
    "INSERT INTO people (space_id, display_name, given_name, family_name, pronouns, linkedin_url,"
    " linkedin_key, title, location, tier, every_days, interests, can_help_with, could_use_help_with,"
    " how_met, where_met, dates, notes, sources, search_text, sort_key, created_at, updated_at)"
    " VALUES (:s, :name, :name, '', '', '', '', '', '', 'casual', :days, '[]', '[]', '[]', '', '', '[]',"
    " '', '{}', :name, :name, :now, :now)"
)


def test_rhythms_an_earlier_restore_let_in_are_brought_into_range(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    store = Store(f"sqlite:///{path}")
    config = alembic_config(store)
    command.upgrade(config, "0005")
    with store.write() as conn:
        space = create_space(conn, "Alice")
        for name, days in (("Ana", 999_999_999), ("Bo", -4), ("Cy", 0), ("Di", 45), ("Ed", None)):
            conn.execute(
                sa.text(_PERSON), {"s": space.id, "name": name, "days": days, "now": "2026-01-01 00:00:00"}
            )
    command.upgrade(config, "head")
    with store.read() as conn:
        found = {
            name: days for name, days in conn.execute(sa.select(people.c.display_name, people.c.every_days))
        }
    store.dispose()
    assert found == {"Ana": 3650, "Bo": None, "Cy": None, "Di": 45, "Ed": None}
    network = open_network(str(path))
    try:
        assert today(network) is not None  # Today counts with every rhythm again
    finally:
        network.close()
