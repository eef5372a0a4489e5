"""Each person's stored last-contact date: kept by every interaction write, and by the migration."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.people import Person
from orchardist.services.network import Network
from orchardist.store.engine import Store
from orchardist.store.tables import people


def _add(network: Network, *names: str) -> list[int]:
    with network.writing() as unit:
        return unit.people.add_many(
            [Person(display_name=name, given_name=name, family_name="") for name in names]
        )


def _log(network: Network, on: date, *person_ids: int) -> None:
    with network.writing() as unit:
        unit.interactions.add(
            Interaction(on=on, direction=Direction.SOCIAL, kind="coffee", summary="x", person_ids=person_ids)
        )


def _stored(store: Store) -> dict[int, date | None]:
    with store.read() as conn:
        return dict(conn.execute(sa.select(people.c.id, people.c.last_contact_on)).all())  # type: ignore[arg-type]


def test_an_interaction_sets_the_latest_date_and_an_older_one_does_not_move_it_back(
    network: Network, store: Store
) -> None:
    ana, ben, cy = _add(network, "Ana", "Ben", "Cy")
    _log(network, date(2026, 3, 1), ana, ben)
    _log(network, date(2026, 1, 5), ana)
    assert _stored(store) == {ana: date(2026, 3, 1), ben: date(2026, 3, 1), cy: None}


def test_merging_keeps_the_latest_of_both(network: Network, store: Store) -> None:
    ana, ana_twin = _add(network, "Ana", "Ana")
    _log(network, date(2026, 2, 1), ana)
    _log(network, date(2026, 4, 1), ana_twin)
    with network.writing() as unit:
        unit.interactions.move_person(ana_twin, ana)
    assert _stored(store)[ana] == date(2026, 4, 1)


def test_sorting_by_last_contact_reads_the_stored_date(network: Network, store: Store) -> None:
    ana, ben, cy = _add(network, "Ana", "Ben", "Cy")
    _log(network, date(2026, 5, 1), ana)
    _log(network, date(2026, 1, 1), ben)
    with network.reading() as unit:
        repo = unit.people
        assert repo.find_ids(order="last_contact") == [cy, ben, ana]
        assert repo.find_ids(order="recent") == [ana, ben, cy]
        assert repo.last_contacts() == {ana: date(2026, 5, 1), ben: date(2026, 1, 1)}


def test_the_migration_fills_the_date_from_existing_interactions(tmp_path: Path) -> None:
    from alembic import command

    from orchardist.store.migrate import alembic_config
    from orchardist.store.spaces import create_space

    store = Store(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = alembic_config(store)
    command.upgrade(config, "0001")
    with store.write() as conn:
        space = create_space(conn, "Alice")
        person_id = conn.execute(
            sa.text(
                "INSERT INTO people (space_id, display_name, given_name, family_name, pronouns, linkedin_url,"
                " linkedin_key, title, location, tier, interests, can_help_with, could_use_help_with,"
                " how_met, where_met, dates, notes, sources, search_text, sort_key, created_at, updated_at)"
                " VALUES (:s, 'Ana', 'Ana', '', '', '', '', '', '', 'casual', '[]', '[]', '[]', '', '', '[]',"
                " '', '{}', 'ana', 'ana', :now, :now) RETURNING id"
            ),
            {"s": space.id, "now": "2026-01-01 00:00:00"},
        ).scalar_one()
        interaction_id = conn.execute(
            sa.text(
                "INSERT INTO interactions (space_id, on_date, channel, direction, kind, summary, notes,"
                " created_at) VALUES (:s, '2026-06-02', 'other', 'social', 'coffee', 'x', '', :now)"
                " RETURNING id"
            ),
            {"s": space.id, "now": "2026-01-01 00:00:00"},
        ).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO interaction_people (interaction_id, person_id, space_id, on_date)"
                " VALUES (:i, :p, :s, '2026-06-02')"
            ),
            {"i": interaction_id, "p": person_id, "s": space.id},
        )
    command.upgrade(config, "head")
    with store.read() as conn:
        assert conn.execute(sa.select(people.c.last_contact_on)).scalar_one() == date(2026, 6, 2)
    command.downgrade(config, "0001")
    with store.read() as conn:
        assert "last_contact_on" not in {c["name"] for c in sa.inspect(conn).get_columns("people")}
    store.dispose()
