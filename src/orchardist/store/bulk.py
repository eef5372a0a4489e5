"""Inserting many rows at once, quickly on both databases.

On PostgreSQL the rows go in by ``COPY``, which runs on in a thread of its own while the caller goes on
with other work (an import reads and matches its next people meanwhile): the server's work on the rows
(its indexes, the search column) then overlaps the caller's. The connection is never used by two threads
at once: its next statement, commit or rollback first waits for every ``COPY`` it has running, in the
order they were made (``finish_copies``, called by the listeners ``watch_copies`` sets on the engine).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

_COPYING = "orchardist.copying"


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
    database driver takes (``stored_value``; JSON columns as their text). ``values`` must not change
    afterwards: on PostgreSQL they may still be being written when this returns.

    SQLite: the driver's ``executemany``. PostgreSQL: one ``COPY … FROM STDIN`` through psycopg, in
    the caller's transaction, several times faster than a multi-row ``INSERT`` (which it is where
    row-level security applies: ``under_row_security``); it runs on in a thread of its own, after those
    the connection has running, until the connection's next statement.
    """
    if not values:
        return
    columns = ", ".join(f'"{name}"' for name in names)
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in names)
        conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', list(values))
        return
    guarded = under_row_security(conn, table)
    driver = conn.connection.driver_connection
    assert driver is not None  # the connection is open: the caller's transaction holds it
    if guarded:
        marks = ", ".join("%s" for _ in names)
        statement = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
    else:
        statement = f'COPY "{table.name}" ({columns}) FROM STDIN'
    before: _Copying | None = conn.info.get(_COPYING)
    failed = before.failed if before is not None else []

    def copy() -> None:
        if before is not None:
            before.thread.join()
        if failed:  # an earlier COPY failed: the transaction is lost, and says so at the next statement
            return
        try:
            with driver.cursor() as cursor:
                if guarded:
                    cursor.executemany(statement, values)
                    return
                with cursor.copy(statement) as writing:
                    for row in values:
                        writing.write_row(row)
        except BaseException as error:  # handed to the caller's thread, which raises it
            failed.append((statement, error))

    thread = threading.Thread(target=copy, name="orchardist-copy", daemon=True)
    conn.info[_COPYING] = _Copying(thread, failed)
    thread.start()


def under_row_security(conn: Connection, table: sa.Table) -> bool:
    """Whether row-level security applies to ``table`` for the connection's role (the agency server's
    app role, or an owner under ``FORCE ROW LEVEL SECURITY``): PostgreSQL refuses ``COPY`` into such a
    table, so its rows go in by a multi-row ``INSERT`` (psycopg's ``executemany``, pipelined), each checked
    by the policy. Asked once per table and connection (its role does not change)."""
    known: dict[str, bool] = conn.info.setdefault(_GUARDED, {})
    if table.name not in known:
        active = conn.exec_driver_sql("SELECT row_security_active(%(table)s)", {"table": table.name})
        known[table.name] = bool(active.scalar_one())
    return known[table.name]


_GUARDED = "orchardist.row_security"


@dataclass
class _Copying:
    """The last ``COPY`` started on a connection (it waits for the one before it) and the failure of
    any of them: the statement and the driver's error."""

    thread: threading.Thread
    failed: list[tuple[str, BaseException]] = field(default_factory=list)


def finish_copies(conn: Connection, *, raising: bool = True) -> None:
    """Wait for every ``COPY`` running on ``conn``; raise the first one's failure, as SQLAlchemy raises
    the driver's errors (a ``DBAPIError``), unless ``raising`` is false (the transaction is being rolled
    back anyway)."""
    copying: _Copying | None = conn.info.pop(_COPYING, None)
    if copying is None:
        return
    copying.thread.join()
    if copying.failed and raising:
        statement, error = copying.failed[0]
        dbapi = conn.dialect.loaded_dbapi
        if isinstance(error, dbapi.Error):
            raise sa.exc.DBAPIError.instance(statement, None, error, dbapi.Error) from error
        raise error


def watch_copies(engine: Engine) -> None:
    """Make each connection of ``engine`` wait for its running ``COPY``s before it runs a statement,
    commits or rolls back."""

    def before_statement(conn: Connection, *_args: Any) -> None:
        finish_copies(conn)

    def before_commit(conn: Connection) -> None:
        finish_copies(conn)

    def before_rollback(conn: Connection) -> None:
        finish_copies(conn, raising=False)

    def before_reset(dbapi_connection: Any, connection_record: Any, reset_state: Any) -> None:
        # A connection going back to the pool without its transaction's end (one dropped unclosed):
        # its COPYs are waited for before the pool rolls it back, and what they failed on is dropped
        # with the transaction rather than raised in the next one.
        copying: _Copying | None = connection_record.info.pop(_COPYING, None)
        if copying is not None:
            copying.thread.join()

    sa.event.listen(engine, "before_cursor_execute", before_statement)
    sa.event.listen(engine, "commit", before_commit)
    sa.event.listen(engine, "rollback", before_rollback)
    sa.event.listen(engine.pool, "reset", before_reset)


def stored_value(conn: Connection, column: sa.Column[Any], value: Any) -> Any:
    """``value`` as ``column``'s type hands it to the driver (a time as SQLite's text, say): for a value
    that many rows share, worked out once."""
    process = column.type.bind_processor(conn.dialect)
    if process is not None:
        return process(value)
    if conn.dialect.name == "sqlite" and isinstance(value, datetime):
        return value.isoformat(" ")  # what the sqlite3 module's own adapter writes for each row
    return value
