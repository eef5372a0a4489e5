"""The change watch moves whenever anything is committed to the SQLite file, by any connection."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from orchardist.store.changes import ChangeWatch


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "watched.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
    return path


def test_the_mark_stays_while_nothing_is_committed_and_moves_after_a_commit(tmp_path: Path) -> None:
    path = _file(tmp_path)
    watch = ChangeWatch(path)
    first = watch.mark()
    assert first is not None and watch.mark() == first
    with sqlite3.connect(path) as conn:
        conn.execute("SELECT * FROM settings").fetchall()
    assert watch.mark() == first, "a read is no change"
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO settings VALUES ('a', '1')")
    second = watch.mark()
    assert second is not None and second != first
    assert watch.mark() == second


def test_a_commit_by_another_program_moves_it(tmp_path: Path) -> None:
    path = _file(tmp_path)
    watch = ChangeWatch(path)
    first = watch.mark()
    change = (
        f"import sqlite3; c = sqlite3.connect({str(path)!r}); "
        "c.execute(\"INSERT INTO settings VALUES ('b', '2')\"); c.commit()"
    )
    subprocess.run([sys.executable, "-c", change], check=True)
    assert watch.mark() not in (None, first)


def test_a_file_it_cannot_read_gives_no_mark(tmp_path: Path) -> None:
    assert ChangeWatch(tmp_path / "missing.sqlite3").mark() is None
    assert not (tmp_path / "missing.sqlite3").exists(), "the watch never makes a file"
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert ChangeWatch(garbage).mark() is None


def test_a_write_in_progress_does_not_hold_it_up(tmp_path: Path) -> None:
    path = _file(tmp_path)
    watch = ChangeWatch(path)
    first = watch.mark()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO settings VALUES ('c', '3')")
    assert watch.mark() == first, "nothing is committed yet"
    writer.execute("COMMIT")
    writer.close()
    assert watch.mark() != first


def test_a_file_renamed_over_the_one_watched_moves_it(tmp_path: Path) -> None:
    path = _file(tmp_path)
    watch = ChangeWatch(path)
    first = watch.mark()
    (tmp_path / "elsewhere").mkdir()
    _file(tmp_path / "elsewhere").replace(path)  # a file with the same change number as the first had
    assert watch.mark() not in (None, first)
    path.unlink()
    assert watch.mark() is None
