"""The demo network: which people are the demo's, counted the way every full page asks."""

from __future__ import annotations

from dataclasses import replace

from orchardist.domain.people import Person, with_sources
from orchardist.services.demo import (
    DEMO_SOURCE,
    DEMO_TAG,
    count_demo,
    demo_people,
    is_demo,
    load_demo,
    remove_demo,
    welcome,
)
from orchardist.services.network import Network
from orchardist.services.people import add_person, list_people


def _counted_by_hand(network: Network) -> int:
    return sum(1 for item in list_people(network) if DEMO_TAG in item.person.tags and is_demo(item.person))


def test_the_count_is_the_demo_people_and_only_them(network: Network, other_network: Network) -> None:
    assert count_demo(network) == 0
    load_demo(network)
    load_demo(other_network)
    # Lookalikes that are not the demo's: a real person tagged "Demo", a name from a source spelt
    # otherwise or only starting with "demo", the demo's source on another field only.
    add_person(network, Person(display_name="Real Person", tags=("Demo",)))
    add_person(network, with_sources(Person(display_name="Capital", tags=("demo",)), "Demo"))
    add_person(network, with_sources(Person(display_name="Longer", tags=("demo",)), "demo2"))
    add_person(network, with_sources(Person(display_name="Quoted", tags=("demo",)), 'demo"'))
    other_field = with_sources(Person(display_name="Other field", tags=("demo",)), "linkedin")
    add_person(network, replace(other_field, sources={**other_field.sources, "notes": (DEMO_SOURCE,)}))
    # The demo's person with a second source behind the first still counts.
    first, *_rest = demo_people()
    add_person(network, replace(first, sources={**first.sources, "display_name": (DEMO_SOURCE, "linkedin")}))
    assert count_demo(network) == _counted_by_hand(network) == len(demo_people()) + 1
    assert welcome(network).demo == count_demo(network)
    assert count_demo(other_network) == len(demo_people())


def test_loading_if_absent_and_removing_find_the_same_people(network: Network) -> None:
    own = add_person(network, Person(display_name="Ada Lovelace", tags=("demo",)))
    assert load_demo(network, if_absent=True) == len(demo_people())
    assert load_demo(network, if_absent=True) == 0
    assert remove_demo(network) == len(demo_people())
    assert count_demo(network) == 0
    assert [item.person.id for item in list_people(network)] == [own.id]
