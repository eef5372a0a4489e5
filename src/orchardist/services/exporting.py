"""Exports and backups: the whole network out in open formats, and back in."""

from __future__ import annotations

from pathlib import Path

from orchardist.formats import registry
from orchardist.formats.base import NetworkSnapshot
from orchardist.services.network import Network
from orchardist.store.engine import StoreError
from orchardist.store.interactions import InteractionsRepository
from orchardist.store.people import PeopleRepository

SQLITE_MAGIC = b"SQLite format 3\x00"


def snapshot(network: Network) -> NetworkSnapshot:
    """Everyone in the network and every interaction, read in one transaction."""
    from orchardist.services.settings import backed_up
    from orchardist.store.offers import list_offers
    from orchardist.store.settings import read_settings

    with network.store.read() as conn:
        return NetworkSnapshot(
            people=PeopleRepository(conn, network.space_id).all(),
            interactions=InteractionsRepository(conn, network.space_id).all(),
            offers=list_offers(conn, network.space_id),
            settings=backed_up(read_settings(conn, network.space_id)),
        )


def export_network(network: Network, fmt: str) -> bytes:
    """The network in export format ``fmt`` (vcard, csv or json)."""
    return registry.export(fmt, snapshot(network))


def export_filename(fmt: str) -> str:
    """A neutral file name for an export: never a person's name or an employer."""
    return registry.EXPORT_FILES[fmt][1]


def backup(network: Network, target: Path) -> str:
    """Write a backup: an SQLite copy for an SQLite store, a JSON backup for PostgreSQL.

    Returns the kind written ("sqlite" or "json").
    """
    from orchardist.store.backup import backup_sqlite

    if network.store.sqlite_path is not None:
        backup_sqlite(network.store, target)
        return "sqlite"
    target.write_bytes(export_network(network, "json"))
    return "json"


def restore(network: Network, source: Path) -> str:
    """Replace the network with a backup: an SQLite copy (SQLite stores) or a JSON backup (any store).

    The current data is kept aside first (SQLite) or replaced in one transaction (JSON), so a
    failed restore leaves the store as it was.
    """
    from orchardist.store.backup import backup_sqlite, restore_sqlite

    try:
        with source.open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        raise StoreError(f"cannot read {source}: {error.strerror}") from error
    if head == SQLITE_MAGIC:
        path = network.store.sqlite_path
        if path is None:
            raise StoreError(
                "an SQLite backup restores into an SQLite store; use a JSON backup for PostgreSQL"
            )
        if path.exists():
            backup_sqlite(network.store, path.with_name(path.stem + ".before-restore" + path.suffix))
        restore_sqlite(network.store, source)
        return "sqlite"
    from orchardist.services.importing import import_into, parse_upload, read_import_file
    from orchardist.services.settings import restored
    from orchardist.store.offers import restore_offers
    from orchardist.store.settings import write_settings
    from orchardist.store.tables import interactions, organisations, people

    result = parse_upload(read_import_file(source), str(source), "json")
    settings_now = restored(network, result.settings)  # checked before anything is replaced
    with network.store.write() as conn:
        # Deleting the space's people cascades to their contact points, links and job changes.
        for table in (interactions, people, organisations):
            conn.execute(table.delete().where(table.c.space_id == network.space_id))
        import_into(conn, network, result, str(source))
        restore_offers(conn, network.space_id, result.offers)
        write_settings(conn, network.space_id, settings_now)
    return "json"
