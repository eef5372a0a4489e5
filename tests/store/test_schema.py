"""The migrated schema, the SQLite settings, and how transactions begin."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from orchardist.store.engine import Store, resolve_url
from orchardist.store.migrate import HEAD, current_revision, head_revision, open_store
from orchardist.store.tables import metadata


def _ours(name: str | None, type_: str, *_args: object) -> bool:
    # The FTS5 table and its shadow tables, and PostgreSQL's search column and index, live outside the
    # metadata: each exists on one database only.
    return not (name or "").startswith(("people_fts", "ix_people_search", "search_vector", "alembic_version"))


# Alembic reads a descending index column on SQLite back as a plain column, so this one index is
# checked by hand there (test_the_recent_contact_index_is_descending_on_sqlite).
_DESCENDING = "ix_people_space_recent"


@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_migrations_build_exactly_the_declared_schema(store: Store) -> None:
    def ours(name: str | None, type_: str, *args: object) -> bool:
        return _ours(name, type_) and not (store.is_sqlite and name == _DESCENDING)

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": ours})
        assert compare_metadata(context, metadata) == []


def test_the_recent_contact_index_is_descending_on_sqlite(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "o.sqlite3"))
    with store.read() as conn:
        columns = conn.exec_driver_sql(f"PRAGMA index_xinfo({_DESCENDING})").all()
    store.dispose()
    # (seqno, cid, name, desc, collation, key): the key columns, in order, with their direction.
    assert [(row[2], row[3]) for row in columns if row[5]] == [
        ("space_id", 0),
        ("last_contact_on", 1),
        ("sort_key", 0),
    ]


def test_store_is_at_the_head_revision(store: Store) -> None:
    assert current_revision(store) == head_revision(store) == HEAD


def test_sqlite_settings(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "o.sqlite3"))
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.dispose()


def test_write_transactions_take_the_write_lock_at_once(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    store = open_store(str(path))
    other = sqlite3.connect(path, timeout=0.05, isolation_level=None)
    with store.write():
        # BEGIN IMMEDIATE holds the lock before any statement, so a second writer cannot start.
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    with store.read():
        other.execute("BEGIN IMMEDIATE")  # a reader does not block a writer
        other.execute("ROLLBACK")
    other.close()
    store.dispose()


def test_default_store_lives_in_the_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ORCHARDIST_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert resolve_url(None) == f"sqlite:///{tmp_path}/orchardist/orchardist.sqlite3"


def test_db_can_be_a_path_or_a_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ORCHARDIST_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_url(None) == f"sqlite:///{tmp_path}/env.sqlite3"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path}/x.db"


def test_a_new_migration_backs_up_the_sqlite_file_first(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    open_store(str(path)).dispose()
    # Pretend the store predates the current head: the next open must back it up, then migrate.
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'older'")
    conn.commit()
    conn.close()
    from orchardist.store import migrate

    store = Store(f"sqlite:///{path}")
    backup = migrate.backup_before_migration(store, "older")
    assert backup is not None and backup.exists()
    assert sqlite3.connect(backup).execute("SELECT version_num FROM alembic_version").fetchone() == ("older",)
    store.dispose()


def test_every_table_exists_including_the_search_index(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "o.sqlite3"))
    with store.read() as conn:
        names = set(sa.inspect(conn).get_table_names())
    assert {"people", "interactions", "people_fts", "person_emails", "job_changes"} <= names
    store.dispose()
