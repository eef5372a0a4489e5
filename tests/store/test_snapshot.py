"""A new SQLite store is made from the schema the migrations build: the same tables, indexes, triggers and
rows as Alembic leaves, without loading Alembic (nor is it loaded to open a store already up to date)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from orchardist.store import snapshot
from orchardist.store.engine import Store
from orchardist.store.failures import StoreError
from orchardist.store.location import HEAD
from orchardist.store.migrate import head_revision, open_store, upgrade


def _everything(path: Path) -> dict[str, Any]:
    """What the file holds: every schema entry, and every table's rows (the search index's own too)."""
    conn = sqlite3.connect(path)
    try:
        entries = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())
        rows = {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for _kind, name, _table, sql in entries
            if _kind == "table" and not (sql or "").startswith("CREATE VIRTUAL")
        }
        pragmas = {
            name: conn.execute(f"PRAGMA {name}").fetchone()
            for name in ("user_version", "application_id", "page_size", "auto_vacuum", "encoding")
        }
    finally:
        conn.close()
    return {"entries": entries, "rows": rows, "pragmas": pragmas}


def _migrated_by_alembic(path: Path) -> None:
    store = Store(f"sqlite:///{path}")
    try:
        upgrade(store)
    finally:
        store.dispose()


def test_a_new_store_holds_what_the_migrations_build(tmp_path: Path) -> None:
    by_alembic, by_schema = tmp_path / "alembic.sqlite3", tmp_path / "schema.sqlite3"
    _migrated_by_alembic(by_alembic)
    open_store(str(by_schema)).dispose()
    made, migrated = _everything(by_schema), _everything(by_alembic)
    assert made["entries"] == migrated["entries"], (
        "the new-store schema is out of date: run .venv/bin/python -m orchardist.store.snapshot"
    )
    assert made == migrated
    assert made["rows"]["alembic_version"] == [(HEAD,)]


def test_the_schema_file_is_what_the_migrations_write(tmp_path: Path) -> None:
    path = tmp_path / "alembic.sqlite3"
    _migrated_by_alembic(path)
    conn = sqlite3.connect(path)
    try:
        written = snapshot.schema_of(conn)
    finally:
        conn.close()
    assert snapshot.schema_script() == written, "run .venv/bin/python -m orchardist.store.snapshot"
    assert f"INSERT INTO \"alembic_version\" VALUES ('{HEAD}');" in written
    store = Store(f"sqlite:///{path}")
    assert head_revision(store) == HEAD
    store.dispose()


@pytest.mark.parametrize("made_before", [False, True], ids=["a new store", "an up-to-date store"])
def test_a_store_is_made_or_opened_without_loading_alembic(tmp_path: Path, made_before: bool) -> None:
    path = tmp_path / "orchardist.sqlite3"
    if made_before:
        open_store(str(path)).dispose()
    code = (
        "import sys; from orchardist.store.migrate import open_store\n"
        f"open_store({str(path)!r}).dispose()\n"
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert path.is_file()


def test_a_store_that_cannot_be_made_is_not_left_half_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "schema_script", lambda: "CREATE TABLE spaces (id INTEGER);\nNOT SQL;")
    with pytest.raises(StoreError) as raised:
        open_store(str(tmp_path / "broken.sqlite3"))
    assert "broken.sqlite3" in str(raised.value)
    # Nothing where the store would be, and no temporary file beside it.
    assert list(tmp_path.iterdir()) == []
