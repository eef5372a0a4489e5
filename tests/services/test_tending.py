"""Today from a stored network, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from orchardist.domain.interactions import Direction
from orchardist.domain.people import PartialDate, Person, Tier
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.tending import today

ON = date.today()


def test_today_ranks_owed_actions_occasions_and_the_overdue(network: Network, other_network: Network) -> None:
    mentor = add_person(network, Person(display_name="Ana Silva", tier=Tier.INNER))
    friend = add_person(
        network, Person(display_name="Ben Okafor", birthday=PartialDate(month=ON.month, day=ON.day))
    )
    quiet = add_person(network, Person(display_name="Cy Roy", tier=Tier.INNER))
    taker = add_person(network, Person(display_name="Di Chen", tier=Tier.INNER))
    add_person(other_network, Person(display_name="Someone Else", tier=Tier.INNER))
    log_interaction(
        network, [mentor.id or 0], direction=Direction.ASKED, kind="coffee", summary="Advice", on=ON
    )
    log_interaction(
        network,
        [quiet.id or 0],
        direction=Direction.SOCIAL,
        kind="call",
        summary="x",
        on=ON - timedelta(days=70),
    )
    log_interaction(
        network,
        [taker.id or 0],
        direction=Direction.ASKED,
        kind="message",
        summary="y",
        on=ON - timedelta(days=40),
    )
    entries = today(network, ON)
    assert [(entry.item.name, entry.item.reason.value) for entry in entries] == [
        ("Ana Silva", "thank_you_owed"),
        ("Ben Okafor", "occasion"),
        ("Cy Roy", "overdue"),
        ("Di Chen", "give_before_ask"),
    ]
    first = entries[0].to_dict()
    assert first["person_id"] == mentor.id and first["due"] == (ON + timedelta(days=2)).isoformat()
    assert first["why"] and first["action"]
    assert friend.id is not None
    log_interaction(
        network, [mentor.id or 0], direction=Direction.GAVE, kind="thank you", summary="Thanks", on=ON
    )
    assert "Ana Silva" not in [entry.item.name for entry in today(network, ON)]
    assert [entry.item.name for entry in today(other_network, ON)] == []
