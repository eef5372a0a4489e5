"""Every person has a UID that never changes: given when they are added, kept through edits, merges,
backups and restores, carried by every vCard, and matched first when a card comes back, so a card
edited in another address book and imported again updates the same person."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from orchardist.domain.people import Person
from orchardist.formats import registry
from orchardist.services.duplicates import merge
from orchardist.services.exporting import export_network, restore, write_export_folder
from orchardist.services.importing import import_parsed
from orchardist.services.network import Network
from orchardist.services.people import add_person, edit_person
from tests.exports import vcard


def _people(network: Network) -> list[Person]:
    with network.reading() as unit:
        return unit.people.all()


def _import(network: Network, data: bytes, name: str = "cards.vcf") -> tuple[int, int, int]:
    report = import_parsed(network, registry.parse(data, name), name)
    return report.added, report.merged, report.updated


def _two(network: Network) -> tuple[Person, Person]:
    ada = add_person(
        network, Person("Ada Lovelace", given_name="Ada", family_name="Lovelace", emails=("ada@x.example",))
    )
    bo = add_person(
        network, Person("Bo Chen", given_name="Bo", family_name="Chen", phones=("+1 555 010 2345",))
    )
    return ada, bo


def test_each_person_added_gets_a_uuid_that_edits_keep(network: Network) -> None:
    ada, bo = _two(network)
    assert str(uuid.UUID(ada.uid)) == ada.uid and ada.uid != bo.uid
    edit_person(network, ada.id or 0, {"title": "Analyst", "display_name": "Ada King"})
    assert {person.id: person.uid for person in _people(network)} == {ada.id: ada.uid, bo.id: bo.uid}


def test_the_person_kept_by_a_merge_keeps_their_uid(network: Network) -> None:
    ada, bo = _two(network)
    merged = merge(network, bo.id or 0, ada.id or 0).person
    assert merged.uid == bo.uid
    assert [person.uid for person in _people(network)] == [bo.uid]


def test_every_export_carries_the_uid_and_importing_it_back_adds_and_changes_nobody(
    network: Network, tmp_path: Path
) -> None:
    ada, bo = _two(network)
    backup = export_network(network, "json")
    for version in ("3.0", "4.0"):
        exported = export_network(network, "vcard", version=version)
        assert exported.count(b"\r\nUID:") + exported.count(b"\r\nUID;") == 2
        assert exported.count(b"\r\nREV:") == 2
        assert _import(network, exported) == (0, 2, 0)
    write_export_folder(network, "vdir", tmp_path / "cards", version="4.0")
    for card in (tmp_path / "cards").glob("*.vcf"):
        assert _import(network, card.read_bytes(), card.name) == (0, 1, 0)
    assert export_network(network, "json") == backup


def test_a_card_edited_in_another_address_book_updates_the_same_person(
    network: Network, tmp_path: Path
) -> None:
    first = vcard({"FN": "Ada Lovelace", "N": "Lovelace;Ada;;;", "EMAIL": "ada@x.example"}, {"FN": "Bo Chen"})
    assert _import(network, first, "phone.vcf") == (2, 0, 0)
    ada = next(person for person in _people(network) if person.display_name == "Ada Lovelace")
    write_export_folder(network, "vdir", tmp_path / "cards", version="4.0")
    card = (tmp_path / "cards" / f"{ada.uid}.vcf").read_text(encoding="utf-8")
    # Edited elsewhere: a new address instead of the old one, a title, even a new name; only the UID
    # still says who this is.
    card = card.replace("EMAIL:ada@x.example", "EMAIL:countess@y.example")
    card = card.replace("FN:Ada Lovelace", "FN:Augusta Ada King\r\nTITLE:Countess")
    card = card.replace("N:Lovelace;Ada;;;", "N:King;Augusta;;;")
    assert _import(network, card.encode("utf-8")) == (0, 1, 1)
    after = {person.uid: person for person in _people(network)}
    assert len(after) == 2
    assert after[ada.uid].id == ada.id
    assert after[ada.uid].emails == ("ada@x.example", "countess@y.example")
    assert after[ada.uid].title == "Countess"
    # As with any import, the names stay as stored.
    assert after[ada.uid].display_name == "Ada Lovelace"


def test_what_the_user_typed_in_stays_when_their_card_comes_back_edited(
    network: Network, tmp_path: Path
) -> None:
    ada, _bo = _two(network)
    write_export_folder(network, "vdir", tmp_path / "cards")
    card = (tmp_path / "cards" / f"{ada.uid}.vcf").read_text(encoding="utf-8")
    card = card.replace("ada@x.example", "countess@y.example").replace(
        "END:VCARD", "TITLE:Countess\r\nEND:VCARD"
    )
    assert _import(network, card.encode("utf-8")) == (0, 1, 1)
    after = {person.uid: person for person in _people(network)}
    assert after[ada.uid].emails == ("ada@x.example",)  # typed in Orchardist: imports never overwrite it
    assert after[ada.uid].title == "Countess"


def test_a_new_person_keeps_the_uid_of_their_card(network: Network) -> None:
    cards = vcard(
        {"UID": "urn:uuid:6F1A2B3C-1111-4222-8333-444455556666", "FN": "Cy Dee"},
        {"UID": "ABC-123:ABPerson", "FN": "Eve Fox"},
        {"UID": "ABC-123:ABPerson", "FN": "Eve Fox", "EMAIL": "eve@x.example"},  # the same card twice
        {"FN": "No Uid"},
        # Another card of Eve's (by her address), then one with its UID only: all three are Eve.
        {"UID": "other-book-1", "FN": "E. Fox", "EMAIL": "eve@x.example"},
        {"UID": "other-book-1", "FN": "Evelyn"},
    )
    assert _import(network, cards) == (3, 3, 0)
    uids = {person.display_name: person.uid for person in _people(network)}
    assert uids["Cy Dee"] == "6f1a2b3c-1111-4222-8333-444455556666"
    assert uids["Eve Fox"] == "ABC-123:ABPerson"
    assert str(uuid.UUID(uids["No Uid"])) == uids["No Uid"]
    exported = export_network(network, "vcard", version="4.0")
    assert b"UID:urn:uuid:6f1a2b3c-1111-4222-8333-444455556666\r\n" in exported
    assert b"UID;VALUE=text:ABC-123:ABPerson\r\n" in exported


def test_a_backup_keeps_the_uids_and_an_older_one_restores_with_new_ones(
    network: Network, other_network: Network, tmp_path: Path
) -> None:
    ada, bo = _two(network)
    backup = export_network(network, "json")
    written = json.loads(backup)
    assert written["version"] == 6
    assert {person["uid"] for person in written["people"]} == {ada.uid, bo.uid}
    path = tmp_path / "backup.json"
    path.write_bytes(backup)
    restore(other_network, path)
    assert {person.display_name: person.uid for person in _people(other_network)} == {
        "Ada Lovelace": ada.uid,
        "Bo Chen": bo.uid,
    }
    # A backup from before UIDs (version 4): everyone restored gets one of their own.
    for person in written["people"]:
        del person["uid"]
    written["version"] = 4
    path.write_text(json.dumps(written))
    restore(other_network, path)
    uids = [person.uid for person in _people(other_network)]
    assert len(set(uids)) == 2 and not set(uids) & {ada.uid, bo.uid}


def test_one_uid_given_to_two_people_of_a_backup_is_kept_by_the_first(
    network: Network, tmp_path: Path
) -> None:
    _two(network)
    written = json.loads(export_network(network, "json"))
    written["people"][1]["uid"] = written["people"][0]["uid"]
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(written))
    restore(network, path)
    first, second = _people(network)
    assert first.uid == written["people"][0]["uid"] and second.uid not in ("", first.uid)
