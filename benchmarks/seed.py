"""Storing generated interactions in bulk, the way the store keeps them (last-contact dates and the weekly
figures included)."""

from __future__ import annotations

from datetime import UTC, datetime

from orchardist.services.network import Network, open_network
from orchardist.store.bulk import insert_rows
from orchardist.store.engine import Store
from orchardist.store.figures import WeeklyFigures
from orchardist.store.ids import allocate_ids
from orchardist.store.interactions import InteractionsRepository
from orchardist.store.migrate import open_store
from orchardist.store.people import PeopleRepository
from orchardist.store.tables import interaction_people, interactions


def open_benchmark(db: str) -> tuple[Store, Network]:
    """The store named by ``db`` (for bulk loading and database upkeep) and its network (for the use
    cases being measured)."""
    network = open_network(db)
    return open_store(db, migrate=False), network


def person_ids(store: Store, network: Network) -> list[int]:
    """Every person's id, by name."""
    with store.read() as conn:
        return PeopleRepository(conn, network.space_id).find_ids()


def store_interactions(store: Store, network: Network, rows: list[dict[str, object]]) -> None:
    """Insert ``rows`` (from ``generate.interaction_rows``) in one transaction."""
    now = datetime.now(UTC)
    with store.write() as conn:
        new_ids = allocate_ids(conn, interactions, len(rows))
        insert_rows(
            conn,
            interactions,
            [
                {
                    "id": i,
                    "space_id": network.space_id,
                    "on_date": row["on"],
                    "channel": "other",
                    "direction": row["direction"],
                    "kind": row["kind"],
                    "summary": "benchmark",
                    "notes": "",
                    "created_at": now,
                }
                for i, row in zip(new_ids, rows, strict=True)
            ],
        )
        insert_rows(
            conn,
            interaction_people,
            [
                {
                    "interaction_id": i,
                    "person_id": row["person_id"],
                    "space_id": network.space_id,
                    "on_date": row["on"],
                }
                for i, row in zip(new_ids, rows, strict=True)
            ],
        )
        person_ids = sorted({int(row["person_id"]) for row in rows})  # type: ignore[call-overload]
        InteractionsRepository(conn, network.space_id).refresh_last_contact(person_ids)
        # Written around the repositories, so the figures derived from the interactions are counted again.
        WeeklyFigures(conn, network.space_id).rebuild()
