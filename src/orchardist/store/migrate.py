"""Bring a store's schema up to date with Alembic, backing up an SQLite file first."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from orchardist.store.engine import Store

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(store: Store) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["store"] = store
    return config


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(store: Store) -> str | None:
    return ScriptDirectory.from_config(alembic_config(store)).get_current_head()


def backup_before_migration(store: Store, revision: str) -> Path | None:
    """Copy an existing SQLite file aside before its schema changes; returns the copy's path."""
    path = store.sqlite_path
    if path is None or not path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.before-{revision}.{stamp}{path.suffix}")
    from orchardist.store.backup import backup_sqlite

    backup_sqlite(store, target)
    return target


def upgrade(store: Store) -> None:
    """Apply every pending migration."""
    current = current_revision(store)
    head = head_revision(store)
    if current == head:
        return
    if current is not None:
        backup_before_migration(store, current)
    command.upgrade(alembic_config(store), "head")
