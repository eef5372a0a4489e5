"""Inserting many rows at once, quickly on both databases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection


def insert_rows(conn: Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``.

    Each value goes through its column type's bind processor, then the rows go to ``insert_values``
    as tuples: SQLAlchemy's general per-row parameter handling costs more than the database's insert
    itself at 30,000 rows.
    """
    if not rows:
        return
    names = list(rows[0])
    processors = [table.c[name].type.bind_processor(conn.dialect) for name in names]
    pairs = list(zip(names, processors, strict=True))
    values = [
        tuple(row[name] if process is None else process(row[name]) for name, process in pairs) for row in rows
    ]
    insert_values(conn, table, names, values)


def insert_values(
    conn: Connection, table: sa.Table, names: Sequence[str], values: Sequence[Sequence[Any]]
) -> None:
    """Insert rows given as tuples of values for the columns ``names``, each already in the form the
    database driver takes (``stored_value``; JSON columns as their text).

    SQLite: the driver's ``executemany``. PostgreSQL: one ``COPY … FROM STDIN`` through psycopg, in
    the caller's transaction, several times faster than a multi-row ``INSERT``.
    """
    if not values:
        return
    columns = ", ".join(f'"{name}"' for name in names)
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in names)
        conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', list(values))
        return
    driver = conn.connection.driver_connection
    assert driver is not None  # the connection is open: the caller's transaction holds it
    with driver.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in values:
            copy.write_row(row)


def stored_value(conn: Connection, column: sa.Column[Any], value: Any) -> Any:
    """``value`` as ``column``'s type hands it to the driver (a time as SQLite's text, say): for a value
    that many rows share, worked out once."""
    process = column.type.bind_processor(conn.dialect)
    if process is not None:
        return process(value)
    if conn.dialect.name == "sqlite" and isinstance(value, datetime):
        return value.isoformat(" ")  # what the sqlite3 module's own adapter writes for each row
    return value
