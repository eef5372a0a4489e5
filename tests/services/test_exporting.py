"""Exports re-import to the same people; backups restore exactly; bad backups change nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.people import PartialDate, Person, Tier
from orchardist.services.demo import load_demo, remove_demo
from orchardist.services.exporting import backup, export_network, restore
from orchardist.services.importing import ImportRefused, import_file
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network, open_network
from orchardist.services.people import add_person, count_people, list_people
from orchardist.store.engine import StoreError


def _fill(network: Network) -> None:
    load_demo(network, today=date(2026, 11, 22))
    person = add_person(
        network,
        Person(
            display_name="Zoë D’Arcy",
            given_name="Zoë",
            family_name="D’Arcy",
            birthday=PartialDate(2, 29),
            tier=Tier.INNER,
            every_days=14,
            notes='=HYPERLINK("x")\nsecond line',
        ),
    )
    log_interaction(
        network,
        [person.id or 0],
        direction=Direction.GAVE,
        kind="article",
        summary="Sent a link",
        on=date(2026, 11, 1),
    )


def test_vcard_export_reimports_to_the_same_people(network: Network, tmp_path: Path) -> None:
    _fill(network)
    path = tmp_path / "contacts.vcf"
    path.write_bytes(export_network(network, "vcard"))
    report = import_file(network, path)
    assert (report.added, report.merged, report.updated) == (0, count_people(network), 0)


def test_json_backup_restores_exactly_into_another_store(network: Network, tmp_path: Path) -> None:
    _fill(network)
    path = tmp_path / "backup.json"
    path.write_bytes(export_network(network, "json"))
    fresh = open_network(str(tmp_path / "fresh.sqlite3"))
    restore(fresh, path)
    # The same people and history; only the database ids behind the keys may differ.
    assert _canonical(export_network(fresh, "json")) == _canonical(path.read_bytes())


def _canonical(backup: bytes) -> object:
    """A JSON backup with each person key replaced by the person's position in the file."""
    data = json.loads(backup)
    position = {person["key"]: index for index, person in enumerate(data["people"])}
    for person in data["people"]:
        person["key"] = position[person["key"]]
        if person.get("met_through") is not None:
            person["met_through"] = position[person["met_through"]]
    for interaction in data["interactions"]:
        interaction["people"] = sorted(position[key] for key in interaction["people"])
        interaction.pop("key", None)
    return data


def test_sqlite_backup_and_restore(tmp_path: Path) -> None:
    network = open_network(str(tmp_path / "live.sqlite3"))
    _fill(network)
    saved = export_network(network, "json")
    copy = tmp_path / "copy.sqlite3"
    assert backup(network, copy) == "sqlite"
    assert sqlite3.connect(copy).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    remove_demo(network)
    assert export_network(network, "json") != saved
    assert restore(network, copy) == "sqlite"
    reopened = open_network(str(tmp_path / "live.sqlite3"))
    assert export_network(reopened, "json") == saved


@pytest.mark.parametrize(
    "content",
    [b"SQLite format 3\x00" + b"\x00" * 200, b'{"format": "orchardist-backup", "version": 99}', b"garbage"],
)
def test_a_bad_backup_is_refused_and_changes_nothing(tmp_path: Path, content: bytes) -> None:
    network = open_network(str(tmp_path / "live.sqlite3"))
    _fill(network)
    before = export_network(network, "json")
    bad = tmp_path / "bad.backup"
    bad.write_bytes(content)
    with pytest.raises((StoreError, ImportRefused)):
        restore(network, bad)
    assert export_network(open_network(str(tmp_path / "live.sqlite3")), "json") == before


def test_csv_export_neutralises_formulas(network: Network) -> None:
    _fill(network)
    text = export_network(network, "csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "\n=" not in text and ",=" not in text


def test_demo_is_marked_and_removable(network: Network) -> None:
    mine = add_person(network, Person(display_name="My Own Contact"))
    added = load_demo(network)
    assert added == count_people(network) - 1
    assert all("demo" in item.person.tags for item in list_people(network) if item.person.id != mine.id)
    assert remove_demo(network) == added
    assert [item.person.display_name for item in list_people(network)] == ["My Own Contact"]
