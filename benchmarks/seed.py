"""Storing generated interactions in bulk, the way the store keeps them (last-contact dates and the weekly
figures included)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from benchmarks.generate import linkedin_export
from orchardist.services.network import Network, open_network
from orchardist.store.bulk import insert_rows
from orchardist.store.engine import Store
from orchardist.store.figures import WeeklyFigures
from orchardist.store.ids import allocate_ids
from orchardist.store.interactions import InteractionsRepository
from orchardist.store.migrate import open_store
from orchardist.store.people import PeopleRepository
from orchardist.store.tables import interaction_people, interactions


def arguments(description: str | None, *, rows: int = 30_000) -> argparse.ArgumentParser:
    """The options every benchmark takes: ``--db sqlite|postgres`` and ``--rows`` (the people)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rows", type=int, default=rows)
    return parser


BENCH_DATABASE = "orchardist_bench"
"""The PostgreSQL database benchmarks use unless told another (one running beside another takes its own)."""


def store_url(kind: str, workdir: Path, *, database: str = BENCH_DATABASE) -> str:
    """A new, empty store of ``kind``: a file in ``workdir``, or the database ``database`` (dropped and
    made again) on the local PostgreSQL."""
    if kind == "sqlite":
        return str(workdir / "bench.sqlite3")
    if not database.replace("_", "").isalnum():
        raise ValueError(f"not a plain database name: {database!r}")
    admin = sa.create_engine(
        "postgresql+psycopg://postgres@127.0.0.1:5432/test", isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        conn.execute(sa.text(f"CREATE DATABASE {database}"))
    admin.dispose()
    return f"postgresql://postgres@127.0.0.1:5432/{database}"


def linkedin_store(
    kind: str, rows: int, workdir: Path, *, database: str = BENCH_DATABASE
) -> tuple[Store, Network, Path]:
    """A new, empty store of ``kind`` and a LinkedIn export of ``rows`` generated people beside it,
    not yet imported (a benchmark may time the import)."""
    export = workdir / "Connections.csv"
    export.write_bytes(linkedin_export(rows))
    store, network = open_benchmark(store_url(kind, workdir, database=database))
    return store, network, export


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
