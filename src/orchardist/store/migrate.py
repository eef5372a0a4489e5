"""Bring a store's schema up to date with Alembic, backing up an SQLite file first."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from orchardist.store import files, messages
from orchardist.store.backup import backup_sqlite
from orchardist.store.engine import Store
from orchardist.store.failures import StoreError
from orchardist.store.location import HEAD, resolve_url

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(store: Store) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["store"] = store
    return config


def current_revision(store: Store) -> str | None:
    """The store's schema revision, or None for a new, empty database."""
    with store.engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def head_revision(store: Store) -> str | None:
    """The newest revision among the migration scripts (read with Alembic)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(store)).get_current_head()


def backup_before_migration(store: Store, revision: str) -> Path | None:
    """Copy an existing SQLite file aside before its schema changes; returns the copy's path."""
    path = store.sqlite_path
    if path is None or not path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.before-{revision}.{stamp}{path.suffix}")
    backup_sqlite(store, target)
    return target


def upgrade(store: Store) -> None:
    """Apply every pending migration."""
    current = current_revision(store)
    if current == HEAD:
        return
    from alembic import command

    if current is not None:
        backup_before_migration(store, current)
    command.upgrade(alembic_config(store), "head")


def create_sqlite(path: Path) -> None:
    """Make a new SQLite store at ``path``, at the newest revision, built beside it and moved into place
    whole: a full disk leaves no empty file where the store would be (StoreError says why). It is made
    from the schema the migrations build (``orchardist.store.snapshot``), without loading Alembic."""
    from orchardist.store.snapshot import create_from_schema

    with files.replacing(path, create_only=True) as building:
        create_from_schema(building)


def open_store(db: str | None = None, *, migrate: bool = True) -> Store:
    """Open the store named by ``db`` (or ``ORCHARDIST_DB``, or the default) and bring it up to date."""
    store = Store(resolve_url(db))
    if migrate:
        try:
            if store.sqlite_path is not None and not store.sqlite_path.exists():
                create_sqlite(store.sqlite_path)
            upgrade(store)
        except sa.exc.OperationalError as error:
            store.dispose()
            raise StoreError(messages.CANNOT_OPEN(where=store.describe(), reason=str(error.orig))) from error
    return store
