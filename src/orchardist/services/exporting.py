"""Exports and backups: the whole network out in open formats, and back in."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from orchardist.domain.card import ProfessionalSelf
from orchardist.domain.redaction import redact_interaction, redact_person
from orchardist.formats import registry
from orchardist.formats.base import NetworkSnapshot
from orchardist.services import refusals
from orchardist.services.discretion import ABOUT_ME
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.services.settings import backed_up, restored, values_in
from orchardist.store.files import write_file
from orchardist.store.folders import FolderWritten, write_folder

SQLITE_MAGIC = b"SQLite format 3\x00"
# What a backup's file name says it holds; any other name gets the store's own kind of backup.
SQLITE_SUFFIXES = frozenset({".sqlite3", ".sqlite", ".db"})
JSON_SUFFIXES = frozenset({".json"})


def snapshot(network: Network, *, complete: bool = True, redact: bool = False) -> NetworkSnapshot:
    """Everyone in the network and every interaction, read in one transaction; ``complete``, all the
    rest a backup carries too (organisations, the records of people, when each row was added).

    ``redact`` leaves out what is private to the user (``orchardist.domain.redaction``): every note,
    every discretion mark, About me (the employer and the job search), the message templates and the
    professional self (profiles, pitch, practice log, card)."""
    with network.reading() as unit:
        found = NetworkSnapshot(
            people=unit.people.all(),
            interactions=unit.interactions.all(),
            offers=unit.offers.all(),
            settings=backed_up(unit.settings.read()),
            templates=unit.templates.all(),
            professional=ProfessionalSelf(
                profiles=tuple(unit.presence.profiles()),
                pitch=tuple(unit.presence.pitch().items()),
                practice=tuple(unit.presence.practice()),
                card=unit.presence.card(),
            ),
            people_changed=unit.records.people_changed(),
        )
        if complete:
            records = unit.records
            found = replace(
                found,
                organisations=records.organisations(),
                reconnect=records.reconnect(),
                snoozes=records.snoozes(),
                dismissals=records.dismissals(),
                job_changes=records.job_changes(),
                leads=unit.leads.all()[::-1],
                groups=unit.groups.groups(),
                events=unit.groups.events()[::-1],
                introductions=unit.introductions.all()[::-1],
                reconnections=records.reconnections(),
                people_added=records.people_added(),
                interactions_logged=records.interactions_logged(),
            )
    if not redact:
        return found
    return replace(
        found,
        people=[redact_person(person) for person in found.people],
        interactions=[redact_interaction(interaction) for interaction in found.interactions],
        settings={name: value for name, value in found.settings.items() if name not in ABOUT_ME},
        # The user's own words may tell of the search; a redacted backup has the built-in ones only.
        templates=[],
        # So may their profiles (the employer, "open to work"), their pitch and their card.
        professional=ProfessionalSelf(),
        # Job leads are the search itself; groups and events keep their names, not the user's notes.
        leads=[],
        groups=[replace(group, notes="") for group in found.groups],
        events=[replace(event, notes="") for event in found.events],
        introductions=[replace(item, why="", outcome="") for item in found.introductions],
    )


@dataclass(frozen=True, slots=True)
class ExportFile:
    """An export ready to download: its bytes, media type and neutral file name (never a person's
    name or an employer)."""

    content: bytes
    media_type: str
    file_name: str


def export_network(network: Network, fmt: str, *, redact: bool = False, version: str | None = None) -> bytes:
    """The network in export format ``fmt`` (one of ``registry.downloads()``) and ``version`` (its
    default when None), redacted if asked."""
    written = registry.exporter(fmt)
    written.version(version)  # a version not written is refused before anything is read
    return registry.export(fmt, snapshot(network, complete=written.exact, redact=redact), version)


def write_export(
    network: Network, fmt: str, target: Path, *, redact: bool = False, version: str | None = None
) -> int:
    """Write the network in format ``fmt`` to ``target``, private (``0600``) and whole: a full disk
    leaves an earlier file there as it was (StoreError says why). Returns the bytes written."""
    data = export_network(network, fmt, redact=redact, version=version)
    write_file(target, data)
    return len(data)


def write_export_folder(
    network: Network, fmt: str, folder: Path, *, redact: bool = False, version: str | None = None
) -> FolderWritten:
    """Write the network into ``folder`` in folder format ``fmt`` (a vdir: one ``<UID>.vcf`` per
    person), each file private and whole; the files an earlier export wrote there for people deleted
    since are removed, and no other file is touched (``store/folders.py``)."""
    written = registry.exporter(fmt)
    written.version(version)
    files = registry.export_folder(fmt, snapshot(network, complete=False, redact=redact), version)
    return write_folder(folder, files)


def export_file(
    network: Network, fmt: str, *, redact: bool = False, version: str | None = None
) -> ExportFile:
    """The network as a file to download in format ``fmt`` and ``version``, redacted if asked;
    FormatError for a format not written as one file or a version not written. Its name is the
    format's neutral one either way, with today's date."""
    written = registry.exporter(fmt)
    written.version(version)
    content = registry.export(fmt, snapshot(network, complete=written.exact, redact=redact), version)
    return ExportFile(content, written.media_type, written.file_name_on(date.today()))


def backup_kind(network: Network, target: Path) -> str:
    """What a backup to ``target`` is written as: what its name says (``.json`` a JSON backup,
    ``.sqlite3``, ``.sqlite`` or ``.db`` an SQLite copy), else an SQLite copy of an SQLite store and a
    JSON backup of any other. InputRefused for an SQLite name on a store that is not an SQLite file."""
    suffix = target.suffix.casefold()
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in SQLITE_SUFFIXES and not network.on_sqlite_file:
        raise InputRefused(refusals.SQLITE_NAME_FOR_JSON(file=str(target)))
    return "sqlite" if network.on_sqlite_file else "json"


def backup(network: Network, target: Path) -> str:
    """Write a backup: an SQLite copy of an SQLite store, a JSON backup of PostgreSQL or of any store
    to a file named ``.json`` (``backup_kind``).

    Returns the kind written ("sqlite" or "json"). A copy that fails its check is refused (Refused
    says why) and nothing is left at ``target``; so is a name that says another kind than the one
    written.
    """
    kind = backup_kind(network, target)
    if kind == "sqlite":
        network.copy_file_to(target)
    else:
        write_file(target, export_network(network, "json"))
    return kind


def restore(network: Network, source: Path) -> str:
    """Replace the network with a backup: an SQLite copy (SQLite stores) or a JSON backup (any store).

    The current data is kept aside first (SQLite) or replaced in one transaction (JSON), so a
    failed restore leaves the store as it was. A JSON backup gives back everything it holds, each row
    under the id it had where no other network's row holds it (so exactly, into an empty store).
    """
    try:
        with source.open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        raise InputRefused(refusals.CANNOT_READ(file=str(source), reason=str(error.strerror))) from error
    if head == SQLITE_MAGIC:
        if not network.on_sqlite_file:
            raise InputRefused(refusals.SQLITE_INTO_SQLITE())
        network.replace_file_with(source)
        return "sqlite"
    from orchardist.services.importing import import_into, parse_upload, read_import_file

    result = parse_upload(read_import_file(source), str(source), "json")
    with network.writing() as unit:
        settings_now = restored(values_in(unit), result.settings)  # checked before anything is replaced
        unit.introductions.delete_all()
        unit.people.delete_everyone()
        unit.offers.delete_all()
        unit.templates.delete_all()
        unit.presence.delete_all()
        unit.leads.delete_all()
        unit.groups.delete_all()
        # Into a network emptied, everything is new: each row keeps its id where no other network's
        # row holds it, and rows that name it follow it.
        import_into(unit, result, str(source))
        unit.settings.write(settings_now)
    return "json"
