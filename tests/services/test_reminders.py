"""Reminders from a stored network: neutral by default, the feed token, on both databases."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services import tending
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.reminders import (
    calendar,
    feed_token,
    network_of_feed,
    new_feed,
    reminder_days,
    revoke_feed,
)
from orchardist.services.settings import update


def _network(network: Network, today: date) -> None:
    ana = add_person(
        network, Person(display_name="Ana Silva", organisation="Northwind Bank", tier=Tier.INNER)
    )
    ben = add_person(network, Person(display_name="Ben Roy", tier=Tier.INNER))
    log_interaction(network, [ana.id or 0], direction=Direction.ASKED, kind="coffee", summary="CV", on=today)
    log_interaction(
        network,
        [ben.id or 0],
        direction=Direction.SOCIAL,
        kind="message",
        summary="x",
        on=today - timedelta(days=20),
    )


def _events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_the_first_day_is_todays_list_and_later_days_what_they_add(today: date, network: Network) -> None:
    _network(network, today)
    days = reminder_days(network, today, 28)
    assert [item.name for item in days[0].items] == [
        entry.item.name for entry in tending.today(network, today)
    ]
    # Ben's 30 days come round; Ana's follow-up waits behind her open thank-you (one item a person).
    assert [(day.day, [item.name for item in day.items]) for day in days[1:]] == [
        (today + timedelta(days=10), ["Ben Roy"])
    ]


def test_entries_are_neutral_unless_names_are_turned_on(
    today: date, network: Network, other_network: Network
) -> None:
    _network(network, today)
    add_person(other_network, Person(display_name="Someone Else", tier=Tier.INNER))
    neutral = calendar(network, today)
    assert b"Ana" not in neutral and b"Northwind" not in neutral and b"Silva" not in neutral
    first = _events(neutral)[0]
    assert str(first["summary"]) == "Orchardist: reach out to 1 person"
    assert "Thank-you owed: 1" in str(first["description"])
    update(network, {"reminder_names": True})
    named = calendar(network, today)
    assert "Ana Silva" in str(_events(named)[0]["description"])
    assert b"Someone Else" not in named
    assert b"Ana" not in calendar(network, today, names=False)


def test_the_feed_token_is_private_new_and_revocable(network: Network, other_network: Network) -> None:
    assert feed_token(network) is None
    token = new_feed(network, "fr_CA")
    assert len(token) >= 40 and feed_token(network) == token
    found = network_of_feed(network, token)
    assert found is not None and found.space_id == network.space_id
    assert network_of_feed(network, token[:-1]) is None
    assert network_of_feed(network, "") is None
    other = new_feed(other_network)
    replaced = new_feed(network)
    assert network_of_feed(network, token) is None
    assert network_of_feed(network, replaced) is not None
    revoke_feed(network)
    assert network_of_feed(network, replaced) is None and feed_token(network) is None
    still = network_of_feed(network, other)
    assert still is not None and still.space_id == other_network.space_id
