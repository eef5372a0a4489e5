"""Groups and events on SQLite and PostgreSQL: whom the user met where, and the follow-up owed after."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.groups import Event, Group, GroupKind
from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.groups import (
    add_event,
    add_group,
    event_to_dict,
    group_to_dict,
    groups_overview,
    list_events,
    show_group,
)
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person, person_overview
from orchardist.services.tending import today

ON = date(2026, 12, 7)


def _add(network: Network, name: str) -> int:
    person = add_person(network, Person(display_name=name))
    assert person.id is not None
    return person.id


def test_an_event_remembers_whom_the_user_met_and_their_page_says_where(network: Network) -> None:
    chamber = add_group(network, Group(name="Laval Chamber of Commerce", kind=GroupKind.CHAMBER))
    assert chamber.id is not None and group_to_dict(chamber)["kind"] == "chamber_of_commerce"
    ana, ben = _add(network, "Ana"), _add(network, "Ben")
    event = add_event(
        network,
        Event(name="Breakfast talk", on=ON - timedelta(days=2), group_id=chamber.id, met=(ana, ben, ana)),
    )
    assert [name for _id, name in event.met] == ["Ana", "Ben"]
    listed = event_to_dict(event)
    assert listed["group_name"] == "Laval Chamber of Commerce" and listed["date"] == "2026-12-05"

    met = person_overview(network, ana).met_at
    assert [(item.name, item.group_name) for item in met] == [("Breakfast talk", "Laval Chamber of Commerce")]
    assert [view.event.name for view in show_group(network, chamber.id).events] == ["Breakfast talk"]
    assert [view.event.id for view in list_events(network)] == [event.event.id]
    assert groups_overview(network).groups == [chamber]


def test_a_follow_up_is_owed_after_an_event_until_a_contact_is_logged(network: Network) -> None:
    ana = _add(network, "Ana")
    add_event(network, Event(name="Python meetup", on=ON - timedelta(days=3), met=(ana,)))

    def owed(on: date) -> list[int]:
        return [
            entry.item.person_id for entry in today(network, on) if entry.item.reason == "event_follow_up"
        ]

    assert owed(ON - timedelta(days=3)) == []  # the day of the event itself
    assert owed(ON) == [ana]
    entry = next(entry for entry in today(network, ON) if entry.item.reason == "event_follow_up")
    assert "Python meetup" in entry.why
    assert owed(ON + timedelta(days=40)) == []  # the rhythm takes over
    log_interaction(
        network, [ana], direction=Direction.SOCIAL, kind="follow_up", summary="Nice meeting", on=ON
    )
    assert owed(ON) == []


def test_refusals(network: Network) -> None:
    with pytest.raises(InputRefused):
        add_group(network, Group(name=" "))
    with pytest.raises(InputRefused):
        add_group(network, Group(name="X", kind="club"))  # type: ignore[arg-type]
    with pytest.raises(InputRefused):
        add_event(network, Event(name="", on=ON))
    with pytest.raises(NotFound):
        add_event(network, Event(name="Gala", on=ON, met=(999,)))
    with pytest.raises(NotFound):
        add_event(network, Event(name="Gala", on=ON, group_id=999))


def test_another_network_sees_no_group_nor_event(network: Network, other_network: Network) -> None:
    group = add_group(network, Group(name="Alumni"))
    assert group.id is not None
    add_event(network, Event(name="Reunion", on=ON, group_id=group.id))
    with pytest.raises(NotFound):
        show_group(other_network, group.id)
    assert list_events(other_network) == []
