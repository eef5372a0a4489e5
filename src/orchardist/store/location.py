"""Where the store is, and which schema it must have: answered without importing SQLAlchemy, so a
command that only reads an SQLite file (``orchardist.store.lite``) starts in a blink."""

from __future__ import annotations

import os
from pathlib import Path

# The newest revision in migrations/versions (a test keeps the two equal). Knowing it here lets a
# store that is up to date open without importing Alembic, or SQLAlchemy for a read.
HEAD = "0017"


def default_sqlite_path() -> Path:
    """``orchardist.sqlite3`` in the platform's user data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("orchardist", appauthor=False)) / "orchardist.sqlite3"


def resolve_url(db: str | None) -> str:
    """Turn ``--db`` / ``ORCHARDIST_DB`` (a path or a URL) into an SQLAlchemy URL."""
    value = db or os.environ.get("ORCHARDIST_DB") or ""
    if not value:
        return f"sqlite:///{default_sqlite_path()}"
    if "://" in value:
        if value.startswith(("postgresql://", "postgres://")):
            # psycopg 3 is the driver Orchardist ships with.
            return "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The SQLite file a ``resolve_url`` URL names, or None for PostgreSQL, an in-memory store and a
    ``file:`` URI (a store someone set up by hand, opened as its URI says)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    database = url.removeprefix(prefix)
    if not database or database == ":memory:" or database.startswith("file:") or "?" in database:
        return None
    return Path(database)


def keep_private(database: Path) -> None:
    """The store's folder ``0700`` (created so, or tightened when it is Orchardist's own data folder)
    and the store's files ``0600``: the network is for its owner's eyes only."""
    from orchardist.store.files import private_folder, private_store_files

    # Only a file of the default name can be the default store (which asks where the data folder is).
    own = database.name == "orchardist.sqlite3" and database == default_sqlite_path()
    private_folder(database.parent, tighten=own)
    private_store_files(database)
