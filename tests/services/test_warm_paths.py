"""Who do I know at X, on hand-made networks: the right people on top, for the stated reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.domain.records import JobChange
from orchardist.services.errors import InputRefused
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.warm_paths import path_to_dict, who_knows

ON = date(2026, 12, 7)


def _add(network: Network, name: str, organisation: str = "", **values: object) -> int:
    person = add_person(network, Person(display_name=name, organisation=organisation, **values))  # type: ignore[arg-type]
    assert person.id is not None
    return person.id


def _contact(
    network: Network, person_id: int, days_ago: int, direction: Direction = Direction.SOCIAL
) -> None:
    log_interaction(
        network,
        [person_id],
        direction=direction,
        kind="coffee",
        summary="x",
        on=ON - timedelta(days=days_ago),
    )


def _left(network: Network, person_id: int, organisation: str) -> None:
    with network.writing() as unit:
        unit.people.record_job_changes(
            ON - timedelta(days=200),
            "Connections.csv",
            [JobChange(person_id, ON, organisation, "Analyst", "Elsewhere", "Lead", "Connections.csv")],
        )


def test_spellings_of_one_organisation_meet_and_the_warmest_ranks_first(network: Network) -> None:
    cold = _add(network, "Carl Cold", "IBM", tier=Tier.DORMANT)
    warm = _add(network, "Wanda Warm", "IBM Canada Ltd.", tier=Tier.INNER)
    dotted = _add(network, "Dot Period", "I.B.M.", tier=Tier.CASUAL)
    _add(network, "Someone Else", "IBEX Corp", tier=Tier.INNER)
    _contact(network, warm, 3, Direction.GAVE)
    _contact(network, dotted, 40)

    found = who_knows(network, "ibm", on=ON)

    assert [path.person.person_id for path in found] == [warm, dotted, cold]
    listed = path_to_dict(found[0])
    assert listed["name"] == "Wanda Warm"
    assert listed["why"] == "works at IBM Canada Ltd."
    assert listed["path"] == "You → Wanda Warm (IBM Canada Ltd.)"
    assert listed["relation"] == "works_there"


def test_people_who_worked_there_before_are_found_through_the_jobs_imports_saw(network: Network) -> None:
    now = _add(network, "Nora Now", "Desjardins", tier=Tier.CASUAL)
    before = _add(network, "Bea Before", "Shopify", tier=Tier.CASUAL)
    _left(network, before, "Desjardins Groupe")

    found = who_knows(network, "DESJARDINS", on=ON)

    assert [(path.person.person_id, path.relation.value) for path in found] == [
        (now, "works_there"),
        (before, "worked_there"),
    ]
    assert path_to_dict(found[1])["why"] == "worked at Desjardins Groupe before"


def test_a_warm_friend_linked_by_an_introduction_outranks_a_cold_contact_there(network: Network) -> None:
    insider = _add(network, "Ines Insider", "Northwind Traders Inc.", tier=Tier.DORMANT)
    # Fiona introduced the user to Ines: she knows her, and the user knows Fiona well.
    fiona = _add(network, "Fiona Friend", "Contoso", tier=Tier.INNER)
    with network.writing() as unit:
        unit.people.update(replace(unit.people.require(insider), met_through_id=fiona))
    # Ines introduced the user to Ivan, whom the user barely knows.
    ivan = _add(network, "Ivan Introduced", "Fabrikam", tier=Tier.CASUAL, met_through_id=insider)
    _contact(network, fiona, 2, Direction.GAVE)
    _contact(network, insider, 300, Direction.ASKED)  # a long-ago ask, nothing given back

    found = who_knows(network, "Northwind Traders", on=ON)

    assert [path.person.person_id for path in found] == [fiona, ivan, insider]
    first = path_to_dict(found[0])
    assert first["relation"] == "introduced_someone_there"
    assert first["path"] == "You → Fiona Friend → Ines Insider (Northwind Traders Inc.)"
    assert first["why"] == "introduced you to Ines Insider, who works at Northwind Traders Inc."
    assert path_to_dict(found[1])["why"] == (
        "was introduced to you by Ines Insider, who works at Northwind Traders Inc."
    )


def test_each_person_is_listed_once_by_their_best_link(network: Network) -> None:
    both = _add(network, "Bo Both", "IBM", tier=Tier.ACTIVE)
    _left(network, both, "IBM")
    assert [(path.person.person_id, path.relation.value) for path in who_knows(network, "IBM", on=ON)] == [
        (both, "works_there")
    ]


def test_an_organisation_nobody_knows_gives_nobody_and_a_blank_one_is_refused(network: Network) -> None:
    _add(network, "Ana", "IBM")
    assert who_knows(network, "Initech", on=ON) == []
    with pytest.raises(InputRefused):
        who_knows(network, "  ")


def test_another_network_shows_nothing(network: Network, other_network: Network) -> None:
    _add(other_network, "Bob's contact", "IBM")
    assert who_knows(network, "IBM", on=ON) == []


def test_the_other_names_of_the_users_employer_count(network: Network) -> None:
    from orchardist.services.discretion import set_about_me

    ana = _add(network, "Ana Silva", "International Business Machines")
    set_about_me(network, {"employer": "International Business Machines", "employer_aliases": ["IBM"]})
    assert [path.person.person_id for path in who_knows(network, "I.B.M.", on=ON)] == [ana]
