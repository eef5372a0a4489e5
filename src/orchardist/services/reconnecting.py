"""The reconnect list: the people the user means to get back in touch with, and who could go on it.

After an import, most of a network was never contacted through Orchardist: a LinkedIn connection from 2010
would first be due years from now. The inventory lists those people, the oldest connections first (the day
LinkedIn says they connected, or else the day they were added), so the user picks the 10 to 20 to start
with; Today then suggests each a first message that asks for nothing, and a contact logged with them takes
them off the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.store.tending_rows import connected_on
from orchardist.store.unit import Unit

MOST_AT_ONCE = 200  # people put on the list in one go, and shown in one page of the inventory


@dataclass(frozen=True, slots=True)
class OnReconnectList:
    """Someone on the reconnect list since ``since``; ``added`` when this call put them there."""

    person_id: int
    since: date
    added: bool


@dataclass(frozen=True, slots=True)
class Listed:
    """Someone on the reconnect list, by name."""

    person_id: int
    name: str
    since: date

    def to_dict(self) -> dict[str, Any]:
        return {"person_id": self.person_id, "name": self.name, "since": self.since.isoformat()}


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone never contacted and not on the list: who they are, and since when they are connected."""

    person_id: int
    name: str
    organisation: str
    title: str
    connected_on: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "organisation": self.organisation,
            "title": self.title,
            "connected_on": self.connected_on.isoformat() if self.connected_on else None,
        }


@dataclass(frozen=True, slots=True)
class Inventory:
    """A page of the people who could go on the reconnect list, how many there are in all, and who is
    on it already."""

    candidates: list[Candidate]
    total: int
    offset: int
    listed: list[Listed]

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "offset": self.offset,
            "candidates": [candidate.to_dict() for candidate in self.candidates],
            "listed": [entry.to_dict() for entry in self.listed],
        }


def _listed_in(unit: Unit) -> list[Listed]:
    since = unit.tending.reconnect_since()
    people = unit.people.get_many(sorted(since))
    return sorted(
        (
            Listed(person_id, people[person_id].display_name, day)
            for person_id, day in since.items()
            if person_id in people
        ),
        key=lambda entry: (entry.since, entry.name.casefold(), entry.person_id),
    )


def reconnect_list(network: Network) -> list[Listed]:
    """Who is on the reconnect list, by name, earliest first."""
    with network.reading() as unit:
        return _listed_in(unit)


def inventory(network: Network, *, limit: int = 20, offset: int = 0) -> Inventory:
    """A page of the people never contacted and not on the list, the oldest connections first (by the
    day LinkedIn says they connected, else the day they were added), with who is on the list already."""
    if not 1 <= limit <= MOST_AT_ONCE:
        raise InputRefused(refusals.PAGE_SIZE(most=MOST_AT_ONCE), field="limit")
    if offset < 0:
        raise InputRefused(refusals.PAGE_START(), field="offset")
    with network.reading() as unit:
        found = unit.tending.never_contacted()
        found.sort(key=lambda row: _started(row[1], row[2]) + (row[0],))
        page = [person_id for person_id, _dates, _added in found[offset : offset + limit]]
        people = unit.people.get_many(page)
        candidates = [
            Candidate(
                person_id,
                people[person_id].display_name,
                people[person_id].organisation,
                people[person_id].title,
                connected_on(dates),
            )
            for person_id, dates, _added in found[offset : offset + limit]
            if person_id in people
        ]
        return Inventory(candidates, len(found), offset, _listed_in(unit))


def _started(dates: str, added: datetime) -> tuple[date, int]:
    connected = connected_on(dates)
    return (connected, 0) if connected is not None else (added.date(), 1)


def start_reconnecting(network: Network, person_ids: Sequence[int], *, on: date | None = None) -> int:
    """Put these people on the reconnect list (from ``on``, today by default); returns how many went on
    it (the others were on it already). All or nothing: an id not in this network adds no one."""
    wanted = list(dict.fromkeys(person_ids))
    if not wanted:
        raise InputRefused(refusals.CHOOSE_PEOPLE(), field="person_ids")
    if len(wanted) > MOST_AT_ONCE:
        raise InputRefused(refusals.TOO_MANY_CHOSEN(most=MOST_AT_ONCE), field="person_ids")
    with network.writing() as unit:
        found = unit.people.get_many(wanted)
        missing = [person_id for person_id in wanted if person_id not in found]
        if missing:
            raise NotFound(NO_SUCH_PERSON(id=", ".join(str(person_id) for person_id in missing)))
        day = on or date.today()
        return sum(unit.tending.add_to_reconnect(person_id, day) for person_id in wanted)


def add_to_reconnect(network: Network, person_id: int, *, on: date | None = None) -> OnReconnectList:
    """Put someone on the reconnect list (from ``on``); already on it changes nothing."""
    with network.writing() as unit:
        if not unit.people.exists(person_id):
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        added = unit.tending.add_to_reconnect(person_id, on or date.today())
        return OnReconnectList(person_id, unit.tending.reconnect_since()[person_id], added)


def remove_from_reconnect(network: Network, person_id: int) -> bool:
    """Take someone off the reconnect list; False when they were not on it."""
    with network.writing() as unit:
        if not unit.people.exists(person_id):
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        return unit.tending.remove_from_reconnect(person_id)
