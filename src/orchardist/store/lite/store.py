"""An SQLite file read through the standard library: transactions, and SQLAlchemy only when needed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from orchardist.store.failures import unavailable
from orchardist.store.location import HEAD, keep_private, resolve_url, sqlite_file

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from orchardist.store.engine import Store
    from orchardist.store.unit import Unit

BUSY_TIMEOUT_MS = 10_000


def open_lite(db: str | None) -> tuple[LiteStore, int] | None:
    """The store named by ``db`` and its first space, read through the standard library; None when it
    is not an SQLite file already up to date with a space (then it is opened the usual way, which
    creates, migrates or fills it in)."""
    url = resolve_url(db)
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    keep_private(path)
    store = LiteStore(url, path)
    try:
        with store.read() as conn:
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            space = conn.execute("SELECT id FROM spaces ORDER BY id LIMIT 1").fetchone()
    except Exception:  # no such table, not a database, locked: the usual way says what is wrong
        store.dispose()
        return None
    if version is None or version[0] != HEAD or space is None:
        store.dispose()
        return None
    return store, int(space[0])


class LiteStore:
    """An SQLite store read through ``sqlite3``; writes, and reads no lite repository answers, go
    through the SQLAlchemy ``Store`` of the same file, made the first time one is needed."""

    is_sqlite = True

    def __init__(self, url: str, path: Path) -> None:
        self.key = url
        self.sqlite_path: Path | None = path
        self._conn: sqlite3.Connection | None = None
        self._full: Store | None = None
        self._wrapper: Engine | None = None

    def describe(self) -> str:
        return str(self.sqlite_path)

    @property
    def generation(self) -> int:
        return 0 if self._full is None else self._full.generation

    def full(self) -> Store:
        """The SQLAlchemy store of the same file (importing SQLAlchemy)."""
        if self._full is None:
            from orchardist.store.engine import Store

            self._full = Store(self.key)
        return self._full

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(self.describe(), isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._conn = conn
        return self._conn

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction. A failure of the database itself is a ``StoreUnavailable``."""
        try:
            conn = self._connection()
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                # A reader that stopped early (``people list | head``) may end after the store was closed.
                if self._conn is conn and conn.in_transaction:
                    conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            raise unavailable(error, self.describe()) from error

    @contextmanager
    def reading(self, space_id: int) -> Iterator[Unit]:
        from orchardist.store.lite.unit import LiteUnit

        with self.read() as conn:
            wrapped: list[Connection] = []

            def full() -> Unit:
                from orchardist.store.unit import Unit

                wrapped.append(self.sqlalchemy_connection())
                return Unit(wrapped[0], space_id)

            try:
                yield cast("Unit", LiteUnit(conn, space_id, full))
            finally:
                for connection in wrapped:
                    connection.close()

    @contextmanager
    def writing(self, space_id: int) -> Iterator[Unit]:
        with self.full().writing(space_id) as unit:
            yield unit

    def sqlalchemy_connection(self) -> Connection:
        """An SQLAlchemy connection over this store's ``sqlite3`` connection, inside the transaction it
        has begun: what a lite unit hands to the repositories it does not stand in for. Closing it ends
        that transaction."""
        if self._wrapper is None:
            import sqlalchemy as sa
            from sqlalchemy.pool import StaticPool

            conn = self._connection()
            self._wrapper = sa.create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
        return self._wrapper.connect()

    def dispose(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._full is not None:
            self._full.dispose()
