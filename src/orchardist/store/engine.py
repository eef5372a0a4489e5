"""Opening the store: SQLite in the user's data directory by default, PostgreSQL by URL."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, RootTransaction

from orchardist.store.bulk import watch_copies
from orchardist.store.failures import StoreError, is_locked, unavailable
from orchardist.store.location import keep_private, resolve_url
from orchardist.store.unit import Unit

if TYPE_CHECKING:
    from orchardist.store.server_unit import ServerUnit

__all__ = ["BUSY_TIMEOUT_MS", "Store", "StoreError", "resolve_url"]

BUSY_TIMEOUT_MS = 10_000
# How long a write waits in all for another program's write lock, SQLite's own wait included.
WRITE_WAIT_SECONDS = 30.0
_WRITE = "orchardist_write"
# The spaces a transaction may see on PostgreSQL: their ids, or "*" for every one.
Spaces = str | tuple[int, ...]
EVERY_SPACE = "*"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event, not the driver, decide how each transaction begins.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # The busy timeout first: setting the journal mode may have to wait for another connection.
    for pragma in (
        f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA secure_delete=ON",
    ):
        cursor.execute(pragma)
    cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    # Writers take the write lock up front so two writers never deadlock upgrading a read lock.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


class Store:
    """A database opened for Orchardist: ``read()`` and ``write()`` give transactions."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = sa.make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            database = self.url.database or ""
            # A "file:" URI (read-only, shared cache...) names a store someone set up by hand: leave it be.
            if database and database != ":memory:" and not database.startswith("file:"):
                keep_private(Path(database))
            self.engine: Engine = sa.create_engine(self.url, echo=echo)
            event.listen(self.engine, "connect", _on_sqlite_connect)
            event.listen(self.engine, "begin", _on_sqlite_begin)
        else:
            self.engine = sa.create_engine(self.url, echo=echo, pool_pre_ping=True)
            watch_copies(self.engine)
        # Counts the write transactions made through this store: figures kept in memory (Progress) are
        # valid while it and the database's newest ids stay the same.
        self.generation = 0

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for PostgreSQL and in-memory stores."""
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        # A "file:" URI (opened read-only, say) names the file after its scheme.
        return Path(self.url.database.removeprefix("file:"))

    def describe(self) -> str:
        """Where the data lives, without any password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)

    def _allow(self, conn: Connection, spaces: Spaces) -> None:
        # PostgreSQL's row-level security (store/row_security.py) shows this transaction those spaces only.
        if not self.is_sqlite:
            from orchardist.store.row_security import allow

            allow(conn, spaces)

    @contextmanager
    def read(self, spaces: Spaces = EVERY_SPACE) -> Iterator[Connection]:
        """A read transaction on ``spaces`` (every space by default: the store's own work, never a
        request's). A failure of the database itself is a ``StoreUnavailable``."""
        try:
            with self.engine.connect() as conn, conn.begin():
                self._allow(conn, spaces)
                yield conn
        except sa.exc.DBAPIError as error:
            raise unavailable(error, self.describe()) from error

    @contextmanager
    def write(self, spaces: Spaces = EVERY_SPACE) -> Iterator[Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite) on ``spaces``; all or nothing.

        While another program holds the write lock, beginning is tried again with a growing pause for up
        to ``WRITE_WAIT_SECONDS`` in all; once it has begun, the transaction holds the lock to its end.
        A failure of the database itself is a ``StoreUnavailable``, and nothing was changed.
        """
        started = time.monotonic()
        try:
            conn, transaction = self._begin_writing(started)
            try:
                with transaction:
                    self._allow(conn, spaces)
                    yield conn
            finally:
                conn.close()
        except sa.exc.DBAPIError as error:
            raise unavailable(error, self.describe(), waited=time.monotonic() - started) from error
        finally:
            self.generation += 1

    def _begin_writing(self, started: float) -> tuple[Connection, RootTransaction]:
        """A connection and its write transaction, begun (SQLite: holding the write lock)."""
        pause = 0.05
        while True:
            conn = self.engine.connect().execution_options(**{_WRITE: True})
            try:
                return conn, conn.begin()
            except sa.exc.OperationalError as error:
                conn.close()
                waited = time.monotonic() - started
                if not is_locked(error) or waited + pause > WRITE_WAIT_SECONDS:
                    raise
                time.sleep(pause + random.uniform(0, pause))
                pause = min(pause * 2, 1.0)

    @property
    def key(self) -> str:
        """Which database this is, without any password."""
        return self.url.render_as_string(hide_password=True)

    def full(self) -> Store:
        """This store (a ``LiteStore`` gives the SQLAlchemy store of its file)."""
        return self

    @contextmanager
    def reading(self, space_id: int) -> Iterator[Unit]:
        """A read transaction on one space. On SQLite, the reads the lite repositories make are made in
        plain SQL on the transaction's own ``sqlite3`` connection (``orchardist.store.lite``), without
        SQLAlchemy's execution; every other read through SQLAlchemy, in the same transaction."""
        with self.read((space_id,)) as conn:
            if not self.is_sqlite:
                yield Unit(conn, space_id)
                return
            from orchardist.store.lite.unit import LiteUnit

            raw = conn.connection.dbapi_connection
            yield cast(Unit, LiteUnit(raw, space_id, lambda: Unit(conn, space_id)))  # type: ignore[arg-type]

    @contextmanager
    def writing(self, space_id: int) -> Iterator[Unit]:
        """A write transaction on one space: all of it is stored, or none of it."""
        with self.write((space_id,)) as conn:
            yield Unit(conn, space_id)

    @contextmanager
    def exclusive(self, name: str) -> Iterator[bool]:
        """Whether this process holds the lock ``name`` for the block: on PostgreSQL an advisory lock
        held by one connection for the whole block (another process, or a worker of the same server,
        gets False meanwhile); an SQLite store has one process serving it, which always gets it."""
        if self.is_sqlite:
            yield True
            return
        with self.engine.connect() as conn:
            held = bool(
                conn.exec_driver_sql("SELECT pg_try_advisory_lock(hashtext(%(n)s))", {"n": name}).scalar()
            )
            conn.commit()
            try:
                yield held
            finally:
                if held:
                    conn.exec_driver_sql("SELECT pg_advisory_unlock(hashtext(%(n)s))", {"n": name})
                    conn.commit()

    @contextmanager
    def server_reading(self) -> Iterator[ServerUnit]:
        """A read transaction of the agency server, seeing no network until it opens one."""
        from orchardist.store.server_unit import ServerUnit

        with self.read(()) as conn:
            yield ServerUnit(conn, row_security=not self.is_sqlite)

    @contextmanager
    def server_writing(self) -> Iterator[ServerUnit]:
        """A write transaction of the agency server, seeing no network until it opens one."""
        from orchardist.store.server_unit import ServerUnit

        with self.write(()) as conn:
            yield ServerUnit(conn, row_security=not self.is_sqlite)

    def dispose(self) -> None:
        self.engine.dispose()
