"""A JSON backup keeps ids: a restore into an empty store stores every row under the id it had, and the
ids the database gives later never collide with them; where another row holds an id (a restore beside
another network, an import into a network that has people), the row is renumbered and what names it
follows."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.offers import OfferKind
from orchardist.domain.people import Person, Tier
from orchardist.domain.queries import Text
from orchardist.domain.records import JobChange, Organisation
from orchardist.services.exporting import export_network, restore
from orchardist.services.importing import import_file
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.offers import add_offer, remove_offer
from orchardist.services.people import add_person, delete_person, list_people
from orchardist.services.tending import snooze
from tests.store_strategies import PlannedNetwork, store

_WHEN = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)


def _planned() -> PlannedNetwork:
    people = [
        Person(display_name="Ana Silva", organisation="Acme", title="Analyst", tier=Tier.INNER),
        Person(display_name="Ben Roy", organisation="Northwind", every_days=45),
        Person(display_name="Chloé Martin", emails=("chloe@mail.example",), tags=("mentor",)),
        Person(display_name="Dev Patel", organisation="ACME"),
    ]
    return PlannedNetwork(
        people=people,
        added=[_WHEN, None, _WHEN, None],
        introductions=[(1, 0), (3, 2)],
        interactions=[
            (Interaction(date(2026, 3, 1), Direction.GAVE, "coffee", "Shared a lead", ()), [0, 1], _WHEN),
            (Interaction(date(2026, 3, 2), Direction.ASKED, "call", "Advice", ()), [2], None),
            (Interaction(date(2026, 3, 3), Direction.MUTUAL, "meeting", "Trio", ()), [0, 2, 3], None),
        ],
        organisations=[Organisation("Acme", aliases=("Acme Inc.",), domains=("acme.example",))],
        offers=[(OfferKind.SKILL, "Reviewing résumés")],
        reconnect=[(2, date(2026, 1, 5))],
        snoozes=[(1, date(2026, 4, 1))],
        dismissals=[(0, "overdue", date(2026, 2, 1))],
        job_changes=[(3, JobChange(0, date(2026, 2, 2), "Initech", "Dev", "Acme", "Lead", "linkedin:c.csv"))],
        settings={"inner_days": 21},
    )


def _stored(network: Network) -> PlannedNetwork:
    """The planned network stored after rows since deleted, so its ids start at 3, as the ids of a
    network that has lost people and offers do."""
    gone = []
    for name in ("Gone One", "Gone Two"):
        person = add_person(network, Person(display_name=name))
        log_interaction(network, [person.id or 0], direction=Direction.GAVE, kind="call", summary="x")
        gone.append((person.id or 0, add_offer(network, "skill", f"Offer of {name}").id))
        snooze(network, person.id or 0, date(2030, 1, 1))
    planned = _planned()
    store(network, planned)
    for person_id, offer_id in gone:
        delete_person(network, person_id)
        remove_offer(network, offer_id)
    return planned


def _backup(network: Network, tmp_path: Path, name: str = "backup.json") -> Path:
    path = tmp_path / name
    path.write_bytes(export_network(network, "json"))
    return path


def _ids(backup: bytes) -> dict[str, list[Any]]:
    document = json.loads(backup)
    return {name: [row["id"] for row in document[name]] for name in _LISTS}


_LISTS = (
    "people",
    "interactions",
    "organisations",
    "offers",
    "reconnect",
    "snoozes",
    "dismissals",
    "job_changes",
)


def _by_name(backup: bytes) -> dict[str, Any]:
    """A backup with every id left out and each person named by their name instead of their key."""
    document = json.loads(backup)
    names = {person["key"]: person["display_name"] for person in document["people"]}

    def named(value: Any) -> Any:
        return names.get(value, value) if isinstance(value, str) else value

    found: dict[str, Any] = {}
    for name in _LISTS:
        rows = []
        for row in document[name]:
            row = {field: value for field, value in row.items() if field not in ("id", "key")}
            for field in ("person", "met_through"):
                if field in row:
                    row[field] = named(row[field])
            if "people" in row:
                row["people"] = sorted(named(key) for key in row["people"])
            rows.append(row)
        found[name] = sorted(rows, key=lambda row: json.dumps(row, sort_keys=True))
    return found


def test_a_restore_into_an_empty_store_keeps_every_id(
    network: Network, new_network: Callable[[], Network], tmp_path: Path
) -> None:
    _stored(network)
    backup = _backup(network, tmp_path)
    ids = _ids(backup.read_bytes())
    assert all(min(ids[name]) == 3 for name in ("people", "interactions", "offers", "snoozes"))
    empty = new_network()
    restore(empty, backup)
    assert export_network(empty, "json") == backup.read_bytes()
    # Found by search under the ids kept (SQLite's full-text index follows ids that do not run on).
    assert [item.person.display_name for item in list_people(empty, Text("chloe"))] == ["Chloé Martin"]
    assert [item.person.display_name for item in list_people(empty, Text("Dev"))] == ["Dev Patel"]
    # What is added afterwards gets ids past those kept, on PostgreSQL too (its sequences moved on).
    for index in range(6):
        person = add_person(empty, Person(display_name=f"New {index}", organisation=f"Org {index}"))
        log_interaction(empty, [person.id or 0], direction=Direction.GAVE, kind="call", summary="New")
        add_offer(empty, "information", f"New offer {index}")
        snooze(empty, person.id or 0, date(2031, 1, 1))
    after = _ids(export_network(empty, "json"))
    for name in ("people", "interactions", "organisations", "offers", "snoozes"):
        assert len(set(after[name])) == len(after[name])
        assert min(set(after[name]) - set(ids[name])) > max(ids[name]), name


def test_a_restore_beside_another_network_renumbers_what_collides(
    network: Network, other_network: Network, tmp_path: Path
) -> None:
    _stored(network)
    backup = _backup(network, tmp_path)
    restore(other_network, backup)  # the same store: every id is Alice's already
    copied = export_network(other_network, "json")
    assert set(_ids(copied)["people"]).isdisjoint(_ids(backup.read_bytes())["people"])
    assert _by_name(copied) == _by_name(backup.read_bytes())
    assert export_network(network, "json") == backup.read_bytes()  # Alice's network is untouched


def test_an_imported_backup_keeps_free_ids_renumbers_the_others_and_adds_nothing_twice(
    network: Network, new_network: Callable[[], Network], tmp_path: Path
) -> None:
    _stored(network)
    backup = _backup(network, tmp_path)
    mine = new_network()
    for name in ("Xavier Zed", "Yara Zed", "Zoe Zed"):  # holds ids 1 to 3; the backup's people have 3 to 6
        add_person(mine, Person(display_name=name))
    report = import_file(mine, backup)
    assert (report.added, report.interactions) == (4, 3)
    merged = export_network(mine, "json")
    people = {person["display_name"]: person["id"] for person in json.loads(merged)["people"]}
    original = {person["display_name"]: person["id"] for person in json.loads(backup.read_bytes())["people"]}
    assert [people[name] for name in original if original[name] > 3] == [
        id for id in original.values() if id > 3
    ]
    assert all(people[name] > 6 for name in original if original[name] <= 3)
    theirs = _by_name(merged)
    for name in ("people", "interactions"):
        theirs[name] = [row for row in theirs[name] if "Zed" not in json.dumps(row)]
    assert theirs == _by_name(backup.read_bytes())
    again = import_file(mine, backup)
    assert (again.added, again.merged, again.interactions) == (0, 4, 0)
    assert _by_name(export_network(mine, "json")) == _by_name(merged)
