"""The network being worked on: one space in one store, and the one door every use case goes through.

A use case opens exactly one transaction on the network, ``reading()`` or ``writing()``, and does all
its work through the ``Unit`` it gets (``orchardist.store.unit``): a repository per kind of row, scoped
to the space. Adapters (the CLI, the pages, the API) never see the store: they hold a ``Network`` and
call use cases with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orchardist.store.changes import ChangeWatch
    from orchardist.store.engine import Store
    from orchardist.store.lite.store import LiteStore
    from orchardist.store.unit import Unit


class Network:
    """One space in one store; every use case names the network it works on."""

    __slots__ = ("_store", "space_id")

    def __init__(self, store: Store | LiteStore, space_id: int) -> None:
        self._store = store
        self.space_id = space_id

    def __repr__(self) -> str:
        return f"Network(space_id={self.space_id})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Network) and (self._store, self.space_id) == (other._store, other.space_id)

    def __hash__(self) -> int:
        return hash((id(self._store), self.space_id))

    @contextmanager
    def reading(self) -> Iterator[Unit]:
        """A read transaction on this network."""
        with self._store.reading(self.space_id) as unit:
            yield unit

    @contextmanager
    def writing(self) -> Iterator[Unit]:
        """A write transaction on this network: all of it is stored, or none of it."""
        with self._store.writing(self.space_id) as unit:
            yield unit

    @property
    def key(self) -> str:
        """Which network this is, across calls and processes (without any password): for figures kept
        in memory and for an upload previewed on one network and imported on the same one."""
        return f"{self._store.key}#{self.space_id}"

    @property
    def generation(self) -> int:
        """How many write transactions this process has made on the store: figures kept in memory
        are out of date once it moves."""
        return self._store.generation

    @property
    def on_sqlite_file(self) -> bool:
        """Whether the data lives in one SQLite file (backed up as a copy of that file)."""
        return self._store.sqlite_path is not None

    @property
    def reads_in_process(self) -> bool:
        """Whether reads are answered inside this process: an SQLite store, with no database server to
        wait on, where a reader never waits for a writer (WAL). A short read then need not be handed to
        a worker thread."""
        return self._store.is_sqlite

    def change_watch(self) -> ChangeWatch | None:
        """A watch telling whether anything was committed to the store since a value was read from it,
        without a transaction (``store/changes.py``); None when there is none (PostgreSQL, in memory)."""
        from orchardist.store.changes import ChangeWatch

        path = self._store.sqlite_path
        return ChangeWatch(path) if path is not None else None

    @property
    def revision(self) -> str:
        """The schema revision this version of Orchardist brings every store to."""
        from orchardist.store.location import HEAD

        return HEAD

    def describe(self) -> str:
        """Where the data lives, without any password: a file's path or a database's address."""
        return self._store.describe()

    def in_space(self, space_id: int) -> Network:
        """Another space of the same store (a private feed names its own)."""
        return Network(self._store, space_id)

    def copy_file_to(self, target: Path) -> None:
        """Write a checked copy of the SQLite file to ``target`` while the app runs (StoreError if not)."""
        from orchardist.store.backup import backup_sqlite

        backup_sqlite(self._store.full(), target)

    def replace_file_with(self, source: Path) -> None:
        """Replace the SQLite file with the checked copy ``source``; the current file is kept beside
        it as ``…before-restore…`` first (StoreError, nothing changed, if the copy is refused)."""
        from orchardist.store.backup import backup_sqlite, check_integrity, restore_sqlite
        from orchardist.store.figures import rebuild_every_space
        from orchardist.store.migrate import upgrade

        store = self._store.full()
        path = store.sqlite_path
        assert path is not None, "an SQLite restore needs an SQLite store"
        check_integrity(source)
        if path.exists():
            backup_sqlite(store, path.with_name(path.stem + ".before-restore" + path.suffix))
        restore_sqlite(store, source)
        # A copy made by an earlier version is brought up to date, and the figures derived from the
        # interactions are counted again from what was restored.
        upgrade(store)
        with store.write() as conn:
            rebuild_every_space(conn)

    def close(self) -> None:
        """Release the store's connections."""
        self._store.dispose()


def open_network(db: str | None = None, *, space_id: int | None = None, reads_only: bool = False) -> Network:
    """Open the store (migrating it) and the given space, or the local default space.

    ``reads_only``: the caller means to read (a command such as ``today``); an SQLite file already up to
    date is then read through the standard library, without loading SQLAlchemy (``store/lite``). A
    write still works, through SQLAlchemy.
    """
    if reads_only and space_id is None:
        from orchardist.store.lite.store import open_lite

        opened = open_lite(db)
        if opened is not None:
            return Network(*opened)
    from orchardist.domain.messages import NotFound
    from orchardist.store.messages import NO_SUCH_SPACE
    from orchardist.store.migrate import open_store
    from orchardist.store.spaces import DEFAULT_SPACE_NAME, create_space, first_space, get_space

    store = open_store(db)
    if space_id is not None:
        with store.read() as conn:
            if get_space(conn, space_id) is None:
                raise NotFound(NO_SUCH_SPACE(id=space_id))
        return Network(store, space_id)
    with store.read() as conn:
        space = first_space(conn)
    if space is None:
        with store.write() as conn:
            space = first_space(conn) or create_space(conn, DEFAULT_SPACE_NAME)
    return Network(store, space.id)
