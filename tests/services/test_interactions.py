"""Reading interactions across the network, newest first, a page at a time."""

from __future__ import annotations

from datetime import date

from orchardist.domain.interactions import Channel, Direction
from orchardist.domain.people import Person
from orchardist.services.interactions import count_interactions, log_interaction, recent_interactions
from orchardist.services.network import Network
from orchardist.services.people import add_person


def _person(network: Network, name: str) -> int:
    person = add_person(network, Person(display_name=name))
    assert person.id is not None
    return person.id


def test_recent_interactions_are_newest_first_with_everyone_in_them(network: Network) -> None:
    ana, bo = _person(network, "Ana Silva"), _person(network, "Bo Chen")
    old = log_interaction(
        network, [ana], direction=Direction.GAVE, kind="coffee", summary="Old", on=date(2024, 1, 5)
    )
    both = log_interaction(
        network,
        [bo, ana],
        direction=Direction.MUTUAL,
        kind="event",
        summary="Meetup",
        on=date(2024, 3, 1),
        channel=Channel.EVENT,
        notes="Both came",
    )
    same_day = log_interaction(
        network, [bo], direction=Direction.ASKED, kind="call", summary="Later", on=date(2024, 3, 1)
    )
    found = recent_interactions(network).interactions
    assert [item.id for item in found] == [same_day.id, both.id, old.id]
    assert (found[1].summary, found[1].channel, found[1].notes) == ("Meetup", Channel.EVENT, "Both came")
    assert sorted(found[1].person_ids) == sorted([ana, bo])
    assert count_interactions(network) == 3
    assert [item.id for item in recent_interactions(network, limit=1, offset=1).interactions] == [both.id]
    assert recent_interactions(network, limit=5, offset=3).interactions == []


def test_recent_interactions_stay_in_their_network(network: Network, other_network: Network) -> None:
    mine = _person(network, "Ana Silva")
    theirs = _person(other_network, "Dan Park")
    log_interaction(network, [mine], direction=Direction.GAVE, kind="coffee", summary="Mine")
    log_interaction(other_network, [theirs], direction=Direction.GAVE, kind="coffee", summary="Theirs")
    assert [item.summary for item in recent_interactions(network).interactions] == ["Mine"]
    assert count_interactions(network) == count_interactions(other_network) == 1
