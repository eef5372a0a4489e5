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
from orchardist.store.failures import StoreError


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
    # The same people, history and ids, down to when each was added.
    assert export_network(fresh, "json") == path.read_bytes()


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


def test_a_json_backup_restores_the_offers_and_settings_but_no_secret(
    network: Network, other_network: Network, tmp_path: Path
) -> None:
    from orchardist.services.offers import add_offer, list_offers
    from orchardist.services.settings import current, update

    add_offer(network, "skill", "Reviewing résumés")
    add_offer(network, "introduction", "Hiring managers at Northwind")
    update(
        network, {"inner_days": 21, "holidays": ["christmas"], "smtp_password": "secret", "weekly_goal": 2}
    )
    backup = tmp_path / "orchardist-backup.json"
    backup.write_bytes(export_network(network, "json"))
    assert b"secret" not in backup.read_bytes()
    update(other_network, {"casual_days": 100, "smtp_password": "kept"})
    add_offer(other_network, "information", "Replaced by the backup")
    assert restore(other_network, backup) == "json"
    assert [(offer.kind.value, offer.text) for offer in list_offers(other_network)] == [
        ("skill", "Reviewing résumés"),
        ("introduction", "Hiring managers at Northwind"),
    ]
    assert [offer.created_at for offer in list_offers(other_network)] == [
        o.created_at for o in list_offers(network)
    ]
    values = current(other_network)
    assert (values["inner_days"], values["holidays"], values["weekly_goal"]) == (21, ["christmas"], 2)
    assert values["casual_days"] == 180  # not in the backup: back to the default
    assert values["smtp_password"] == "kept"  # a secret never travels in a backup


def test_a_backup_with_a_wrong_setting_changes_nothing(network: Network, tmp_path: Path) -> None:
    from orchardist.services.errors import InputRefused
    from orchardist.services.people import count_people
    from orchardist.services.settings import current

    add_person(network, Person(display_name="Ana Silva"))
    document = json.loads(export_network(network, "json"))
    document["settings"] = {"inner_days": 0}
    backup = tmp_path / "bad.json"
    backup.write_text(json.dumps(document), encoding="utf-8")
    add_person(network, Person(display_name="Ben Roy"))
    with pytest.raises(InputRefused, match="inner_days"):
        restore(network, backup)
    assert count_people(network) == 2 and current(network)["inner_days"] == 30
