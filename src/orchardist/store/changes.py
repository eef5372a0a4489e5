"""Whether an SQLite file may have changed since the last look, without a transaction of the store's.

SQLite's ``PRAGMA data_version`` answers, on one connection, a number that moves whenever any other
connection (of this process or another program: ``orchardist passcode set`` while the server runs) has
committed a change to the file since the connection last asked. A value read once can so be kept while
the number stays put. The watch has a connection of its own that never writes, and asks without waiting
for any lock (``busy_timeout`` 0): when SQLite is busy, or the file cannot be read, it says it does not
know, and the caller reads the value the usual way.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from pathlib import Path

Mark = tuple[int, int]
"""The file's identity (its inode) and SQLite's change number on the watch's connection to it."""


class ChangeWatch:
    """``mark()``: a value that stays the same while nothing has been committed to the file."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._inode = 0
        self._lock = threading.Lock()

    def mark(self) -> Mark | None:
        """The file's mark now, or None when it cannot be known without waiting.

        A file put in the place of the one watched (renamed over it) has another inode: the watch then
        opens it, and the mark moves with the inode even if the new connection's number is the same.
        """
        with self._lock:
            try:
                inode = self._path.stat().st_ino
                if self._conn is None or inode != self._inode:
                    self._open(inode)
                assert self._conn is not None
                row = self._conn.execute("PRAGMA data_version").fetchone()
            except (OSError, sqlite3.Error):
                return None
        return (self._inode, int(row[0])) if row else None

    def _open(self, inode: int) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        conn = sqlite3.connect(
            f"{self._path.resolve().as_uri()}?mode=ro",
            uri=True,
            check_same_thread=False,
            isolation_level=None,
        )
        # Closed with the watch; kept until then, as its numbers are its own.
        weakref.finalize(self, conn.close)
        conn.execute("PRAGMA busy_timeout=0")
        self._conn, self._inode = conn, inode
