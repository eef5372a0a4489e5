"""A new SQLite store made from the schema the migrations build, without loading Alembic.

Every migration from the first, run on an empty file, builds the same schema; ``sqlite_schema.sql`` is
that schema written out once (its tables, indexes and triggers as SQLite holds them, and the rows the
migrations leave, the revision among them). A new SQLite store is made by running it, in one
transaction, through the standard library: no Alembic (some 12 MB of a process's memory and a tenth of a
second that a process making its store would keep paying for). A store of an earlier revision, and any
PostgreSQL database, are still brought up to date by Alembic.

A test makes a store both ways and compares them, table by table and row by row; after a new migration,
write the file again::

    .venv/bin/python -m orchardist.store.snapshot
"""

from __future__ import annotations

import sqlite3
import tempfile
from importlib import resources
from pathlib import Path

SCHEMA_FILE = "sqlite_schema.sql"
_HEADER = (
    "-- A new Orchardist SQLite store, as its migrations build it (orchardist.store.snapshot).\n"
    "-- Written by: python -m orchardist.store.snapshot. Do not edit by hand.\n"
)


def schema_script() -> str:
    """The statements that make a new store, as shipped with the package."""
    return resources.files("orchardist.store").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def create_from_schema(path: Path) -> None:
    """Make the store at ``path`` (an empty file) from the schema, in one transaction. The file stays in
    SQLite's rollback-journal mode, one self-contained file to move into place; the store goes to WAL when
    it is opened."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.executescript(f"BEGIN;\n{schema_script()}\nCOMMIT;")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def schema_of(conn: sqlite3.Connection) -> str:
    """The statements that make a store like the one ``conn`` holds: each table, then each index and
    trigger, in the order SQLite holds them, then each table's rows. A virtual table's own shadow tables
    and rows are made by creating it, and SQLite makes its automatic indexes itself."""
    entries = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY rowid").fetchall()
    virtual = [name for kind, name, sql in entries if kind == "table" and sql.startswith("CREATE VIRTUAL")]

    def shadow(kind: str, name: str) -> bool:
        return kind == "table" and any(name.startswith(f"{table}_") for table in virtual)

    statements: list[str] = []
    for wanted in ("table", "index", "trigger", "view"):
        statements += [
            f"{sql};"
            for kind, name, sql in entries
            if kind == wanted and sql is not None and not shadow(kind, name)
        ]
    for kind, name, _sql in entries:
        if kind != "table" or shadow(kind, name) or name in virtual or name.startswith("sqlite_"):
            continue
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
        # Each value as an SQL literal, written by SQLite itself.
        literals = " || ', ' || ".join(f'quote("{column}")' for column in columns)
        for (values,) in conn.execute(f'SELECT {literals} FROM "{name}" ORDER BY rowid'):
            statements.append(f'INSERT INTO "{name}" VALUES ({values});')
    return _HEADER + "\n".join(statements) + "\n"


def main() -> None:
    """Migrate an empty file with Alembic and write its schema to ``sqlite_schema.sql``."""
    from orchardist.store.engine import Store
    from orchardist.store.migrate import upgrade

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "new.sqlite3"
        store = Store(f"sqlite:///{path}")
        try:
            upgrade(store)
        finally:
            store.dispose()
        conn = sqlite3.connect(path)
        try:
            text = schema_of(conn)
        finally:
            conn.close()
    target = Path(__file__).with_name(SCHEMA_FILE)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
