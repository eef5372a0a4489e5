"""The reconnect inventory and list: who was never contacted, the oldest connections first; picking a few
puts them on Today; a contact logged with them takes them off the list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.people import NamedDate, PartialDate, Person
from orchardist.services import tending
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.reconnecting import (
    MOST_AT_ONCE,
    add_to_reconnect,
    connected_on,
    inventory,
    reconnect_list,
    start_reconnecting,
)


def _connected(network: Network, name: str, day: date | None, **fields: object) -> int:
    dates = (NamedDate("connected", PartialDate(month=day.month, day=day.day, year=day.year)),) if day else ()
    person = add_person(network, Person(display_name=name, dates=dates, **fields))  # type: ignore[arg-type]
    assert person.id is not None
    return person.id


@pytest.fixture
def imported(network: Network) -> dict[str, int]:
    return {
        "recent": _connected(network, "Rosa Recent", date(2024, 3, 1), organisation="Northwind"),
        "oldest": _connected(network, "Olga Oldest", date(2010, 5, 4), title="Engineer"),
        "middle": _connected(network, "Max Middle", date(2016, 1, 9)),
        "undated": _connected(network, "Uma Undated", None),
        "talked": _connected(network, "Tom Talked", date(2009, 1, 1)),
    }


def _talk(network: Network, person_id: int, on: date) -> None:
    log_interaction(
        network, [person_id], direction=Direction.SOCIAL, kind="message", summary="Catch-up", on=on
    )


def test_the_oldest_connections_come_first_and_the_contacted_never(
    today: date, network: Network, imported: dict[str, int]
) -> None:
    _talk(network, imported["talked"], today)
    found = inventory(network)
    assert [c.name for c in found.candidates] == ["Olga Oldest", "Max Middle", "Rosa Recent", "Uma Undated"]
    assert found.total == 4 and found.listed == []
    assert found.candidates[0].connected_on == date(2010, 5, 4) and found.candidates[0].title == "Engineer"
    assert found.candidates[-1].connected_on is None
    second = inventory(network, limit=2, offset=2)
    assert [c.name for c in second.candidates] == ["Rosa Recent", "Uma Undated"] and second.total == 4
    for refused in (lambda: inventory(network, limit=0), lambda: inventory(network, offset=-1)):
        with pytest.raises(InputRefused):
            refused()


def test_picking_a_few_puts_them_on_today_with_no_contact_yet(
    network: Network, imported: dict[str, int]
) -> None:
    assert tending.today(network) == []  # a fresh import owes nothing and nobody is due yet
    picked = [imported["oldest"], imported["middle"]]
    assert start_reconnecting(network, picked) == 2
    assert start_reconnecting(network, [*picked, imported["recent"]]) == 1  # two were on it already
    entries = tending.today(network)
    assert {entry.item.name for entry in entries} == {"Olga Oldest", "Max Middle", "Rosa Recent"}
    assert {entry.item.reason.value for entry in entries} == {"reconnect"}
    assert {entry.why for entry in entries} == {"On your reconnect list; no contact logged yet."}
    found = inventory(network)
    assert [c.name for c in found.candidates] == ["Tom Talked", "Uma Undated"]
    assert [entry.name for entry in found.listed] == ["Max Middle", "Olga Oldest", "Rosa Recent"]


def test_picking_is_all_or_nothing(
    network: Network, other_network: Network, imported: dict[str, int]
) -> None:
    stranger = add_person(other_network, Person(display_name="Bob")).id or 0
    with pytest.raises(NotFound, match=str(stranger)):
        start_reconnecting(network, [imported["oldest"], stranger])
    with pytest.raises(InputRefused):
        start_reconnecting(network, [])
    with pytest.raises(InputRefused):
        start_reconnecting(network, list(range(1, MOST_AT_ONCE + 2)))
    assert reconnect_list(network) == []


def test_a_contact_takes_them_off_the_list_but_not_one_from_before(
    today: date, network: Network, imported: dict[str, int]
) -> None:
    oldest, middle = imported["oldest"], imported["middle"]
    add_to_reconnect(network, oldest, on=today - timedelta(days=10))
    add_to_reconnect(network, middle, on=today - timedelta(days=10))
    _talk(network, middle, on=today - timedelta(days=30))  # history, logged late: still to reconnect
    _talk(network, oldest, today)
    assert [entry.name for entry in reconnect_list(network)] == ["Max Middle"]
    assert [entry.item.name for entry in tending.today(network)] == ["Max Middle"]
    assert "days since your last contact" in tending.today(network)[0].why


def test_the_connected_day_is_read_from_the_stored_dates() -> None:
    assert connected_on('[{"label":"connected","date":"2014-04-20"}]') == date(2014, 4, 20)
    assert connected_on('[{"label":"connected","date":"--04-20"}]') is None
    assert connected_on('[{"label":"anniversary","date":"2014-04-20"}]') is None
    assert connected_on("[]") is None
