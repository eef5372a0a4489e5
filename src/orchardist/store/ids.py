"""Ids for new rows: drawn in bulk, or kept as a backup gave them when no other row holds them."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.store.bulk import under_row_security

_CHUNK = 5_000


def allocate_ids(conn: Connection, table: sa.Table, count: int) -> list[int]:
    """Reserve ``count`` new ids for ``table`` so a bulk insert needs no RETURNING round trips.

    SQLite: the caller's write transaction (BEGIN IMMEDIATE) holds the only write lock, so the ids
    after the current maximum are free. PostgreSQL: drawn from the column's sequence.
    """
    if count == 0:
        return []
    if conn.dialect.name == "sqlite":
        start = conn.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).scalar_one() + 1
        return list(range(start, start + count))
    sequence = sa.func.pg_get_serial_sequence(table.name, "id")
    # One array in one row, not a row per id: 30,000 rows fetched one by one cost more than drawing them.
    drawn = sa.func.array_agg(sa.func.nextval(sequence))
    return list(conn.execute(sa.select(drawn).select_from(sa.func.generate_series(1, count))).scalar_one())


def ids_for(conn: Connection, table: sa.Table, wanted: Sequence[int | None]) -> list[int]:
    """An id for each new row of ``table``: the one ``wanted`` when no row holds it (nor an earlier new
    row), else a new one (None always gets a new one).

    Rows of every space share a table's ids, so a restore keeps an id only where no other network uses
    it. On PostgreSQL the table's sequence is first moved past every id kept, so the ids it gives later
    (to these rows and any other) never collide with them. Where row-level security applies (the agency
    server's role) the other networks' rows are out of sight, so an id that looks free may be theirs:
    every row gets a new id there.
    """
    if conn.dialect.name != "sqlite" and under_row_security(conn, table):
        return allocate_ids(conn, table, len(wanted))
    asked = list(dict.fromkeys(value for value in wanted if value is not None))
    taken: set[int] = set()
    for start in range(0, len(asked), _CHUNK):
        chunk = asked[start : start + _CHUNK]
        taken.update(conn.execute(sa.select(table.c.id).where(table.c.id.in_(chunk))).scalars())
    kept: set[int] = set()
    ids: list[int | None] = []
    for value in wanted:
        if value is not None and value not in taken and value not in kept:
            kept.add(value)
            ids.append(value)
        else:
            ids.append(None)
    top = max(kept, default=0)
    if kept and conn.dialect.name != "sqlite":
        sequence = sa.func.pg_get_serial_sequence(table.name, "id")
        # nextval never goes back, so the sequence ends past both the ids kept and any it gave already.
        conn.execute(sa.select(sa.func.setval(sequence, sa.func.greatest(top, sa.func.nextval(sequence)))))
    fresh = iter(_fresh_ids(conn, table, ids.count(None), after=top))
    return [value if value is not None else next(fresh) for value in ids]


def _fresh_ids(conn: Connection, table: sa.Table, count: int, *, after: int) -> list[int]:
    if conn.dialect.name != "sqlite" or count == 0:
        return allocate_ids(conn, table, count)
    # The ids kept are not stored yet: start after them as well as after the stored ones.
    start = max(after, conn.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).scalar_one()) + 1
    return list(range(start, start + count))
