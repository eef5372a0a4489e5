"""Migration 0008 fills the kept weekly figures of a store from before them, as the code counts them."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from orchardist.store.engine import Store
from orchardist.store.figures import WeeklyFigures
from orchardist.store.migrate import alembic_config
from orchardist.store.spaces import create_space
from tests.conftest import _pg_url

_names = itertools.count()
_PERSON = (
    "INSERT INTO people (id, space_id, display_name, given_name, family_name, pronouns, linkedin_url,"
    " linkedin_key, title, location, tier, interests, can_help_with, could_use_help_with, how_met,"
    " where_met, dates, notes, sources, search_text, sort_key, created_at, updated_at)"
    " VALUES (:id, :s, :name, :name, '', '', '', '', '', '', 'casual', '[]', '[]', '[]', '', '', '[]',"
    " '', '{}', :search, :sort, :added, :added)"
)
_INTERACTION = (
    "INSERT INTO interactions (id, space_id, on_date, channel, direction, kind, summary, notes, created_at)"
    " VALUES (:id, :s, :on, 'other', :direction, :kind, 'x', '', :added)"
)
_LINK = (
    "INSERT INTO interaction_people (interaction_id, person_id, space_id, on_date)"
    " VALUES (:id, :person, :s, :on)"
)


@pytest.fixture(params=["sqlite", "postgres"])
def unmigrated(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store that no migration has run on yet."""
    if request.param == "sqlite":
        store = Store(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        yield store
        store.dispose()
        return
    admin: sa.Engine = request.getfixturevalue("pg_admin")
    name = f"orchardist_m_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}_{next(_names)}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    store = Store(_pg_url(name))
    yield store
    store.dispose()
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_the_figures_of_every_space_are_counted_when_they_are_added(unmigrated: Store) -> None:
    config = alembic_config(unmigrated)
    command.upgrade(config, "0006")
    today = date(2026, 12, 3)
    with unmigrated.write() as conn:
        spaces = [
            create_space(conn, "Alice").id,
            create_space(conn, "Bob").id,
            create_space(conn, "Empty").id,
        ]
        ids = itertools.count(1)
        for space_id, people in ((spaces[0], 5), (spaces[1], 2)):
            added = [datetime(2026, 1, 1, 23, 30, tzinfo=UTC) + timedelta(days=37 * n) for n in range(people)]
            persons = [next(ids) for _ in added]
            for person, moment in zip(persons, added, strict=True):
                conn.execute(
                    sa.text(_PERSON),
                    {
                        "id": person,
                        "s": space_id,
                        "name": f"P{person}",
                        "search": f"p{person}",
                        "sort": f"p{person}",
                        "added": moment,
                    },
                )
            for number in range(12 * people):
                interaction = next(ids)
                on = today - timedelta(days=(number * 53) % 400)
                values = {
                    "id": interaction,
                    "s": space_id,
                    "on": on,
                    "direction": ("gave", "asked", "mutual", "social")[number % 4],
                    "kind": ("thank_you", "coffee", "message")[number % 3],
                    "added": added[0],
                }
                conn.execute(sa.text(_INTERACTION), values)
                for person in {persons[number % people], persons[(number * 7) % people]}:
                    conn.execute(
                        sa.text(_LINK), {"id": interaction, "person": person, "s": space_id, "on": on}
                    )
    command.upgrade(config, "head")
    with unmigrated.read() as conn:
        for space_id in spaces:
            figures = WeeklyFigures(conn, space_id)
            counted = {week: tally for week, tally in figures.counted().items() if any(tally)}
            assert figures.weeks(date(1900, 1, 1), date(2200, 1, 1)) == counted
            assert bool(counted) == (space_id != spaces[2])
        assert WeeklyFigures(conn, spaces[0]).totals().new_people == 5


def test_migration_0015_counts_a_first_contact_with_an_old_connection_again(unmigrated: Store) -> None:
    """Before 0015 a first contact counted from the day the person was added; after it, from the day
    LinkedIn says you connected: the figures kept are counted again, as the code counts them."""
    config = alembic_config(unmigrated)
    command.upgrade(config, "0006")
    added = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    with unmigrated.write() as conn:
        space_id = create_space(conn, "Alice").id
        for person, dates in (
            (1, '[{"label": "connected", "date": "2010-03-04"}]'),
            (2, '[{"label": "connected", "date": "--03-04"}]'),  # no year: not a start
            (3, "[]"),
        ):
            conn.execute(
                sa.text(_PERSON),
                {
                    "id": person,
                    "s": space_id,
                    "name": f"P{person}",
                    "search": "p",
                    "sort": "p",
                    "added": added,
                },
            )
            conn.execute(
                sa.text("UPDATE people SET dates = :dates WHERE id = :id"), {"dates": dates, "id": person}
            )
            on = date(2026, 11, 20)
            conn.execute(
                sa.text(_INTERACTION),
                {
                    "id": 10 + person,
                    "s": space_id,
                    "on": on,
                    "direction": "gave",
                    "kind": "message",
                    "added": added,
                },
            )
            conn.execute(sa.text(_LINK), {"id": 10 + person, "person": person, "s": space_id, "on": on})
    command.upgrade(config, "0010")
    with unmigrated.read() as conn:
        before = conn.execute(sa.text("SELECT sum(reconnections) FROM weekly_figures")).scalar()
    assert before == 0
    command.upgrade(config, "head")
    with unmigrated.read() as conn:
        figures = WeeklyFigures(conn, space_id)
        counted = {week: tally for week, tally in figures.counted().items() if any(tally)}
        assert figures.weeks(date(1900, 1, 1), date(2200, 1, 1)) == counted
        assert figures.totals().reconnections == 1
