"""Copies of an SQLite store taken with SQLite's online backup, checked before they are trusted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from orchardist.store import files, messages
from orchardist.store.engine import Store
from orchardist.store.failures import StoreError


def check_integrity(path: Path) -> None:
    """Raise StoreError unless ``path`` is an SQLite database that passes ``integrity_check``."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise StoreError(messages.NOT_SQLITE(file=str(path)))
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            has_people = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'people'"
            ).fetchone()[0]
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError) as error:
        raise StoreError(messages.UNREADABLE(file=str(path), reason=str(error))) from error
    if rows != [("ok",)]:
        problems = "; ".join(str(row[0]) for row in rows[:5])
        raise StoreError(messages.FAILED_CHECK(file=str(path), problems=problems))
    if not has_people:
        raise StoreError(messages.NOT_A_STORE(file=str(path)))


def backup_sqlite(store: Store, target: Path) -> None:
    """Write a consistent copy of the store to ``target`` while it stays in use, then check it.

    The copy is private (``0600``) and written whole: it is made under a temporary name beside
    ``target`` and renamed over it once checked, so a full disk or a failed check leaves nothing
    behind and an earlier file at ``target`` as it was.
    """
    source = store.sqlite_path
    if source is None:
        raise StoreError(messages.NEEDS_SQLITE())
    with files.replacing(target) as partial:
        src = sqlite3.connect(source)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A backup is one self-contained file, not a WAL pair.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        try:
            check_integrity(partial)
        except StoreError as error:
            raise StoreError(error.message.with_values(file=str(target))) from error


def restore_sqlite(store: Store, backup: Path) -> None:
    """Replace the store's content with ``backup`` (checked first), in one SQLite backup step."""
    target = store.sqlite_path
    if target is None:
        raise StoreError(messages.NEEDS_SQLITE())
    check_integrity(backup)
    store.dispose()
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        dst.execute("PRAGMA busy_timeout=10000")
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    check_integrity(target)
