"""A small network for the browser tests: people a job seeker might know, one of them recorded twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from orchardist.domain.interactions import Channel, Direction
from orchardist.domain.people import PartialDate, Person, Tier
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person

# (first, last, url, email, company, position, connected on), as LinkedIn writes them.
LINKEDIN_ROWS = [
    (
        "Amira",
        "Haddad",
        "https://www.linkedin.com/in/amira-haddad-e2e",
        "",
        "Riverside Library",
        "Librarian",
        "03 Mar 2024",
    ),
    (
        "Dan",
        "Ocampo",
        "https://www.linkedin.com/in/dan-ocampo-e2e",
        "dan@ocampo.example",
        "Northwind Labs",
        "Staff Engineer",
        "14 Feb 2023",
    ),
    (
        "Juliana",
        "Reyes",
        "https://www.linkedin.com/in/juliana-reyes-e2e",
        "",
        "Carrefour Emploi",
        "Employment Counsellor",
        "01 Oct 2022",
    ),
]


@dataclass(frozen=True)
class Sample:
    """The ids of the people the tests open."""

    priya: int
    tom: int
    thomas: int


def _add(network: Network, person: Person) -> int:
    added = add_person(network, person)
    assert added.id is not None
    return added.id


def seed(network: Network) -> Sample:
    """Eight people, a timeline for Priya, and Tom Becker recorded twice (a likely duplicate pair)."""
    priya = _add(
        network,
        Person(
            display_name="Priya Raman",
            given_name="Priya",
            family_name="Raman",
            pronouns="she/her",
            organisation="Maple Health",
            title="Data Engineering Manager",
            location="Toronto, ON",
            emails=("priya.raman@example.org",),
            phones=("+1 416 555 0142",),
            linkedin_url="https://www.linkedin.com/in/priya-raman-e2e",
            tags=("former colleague", "data"),
            tier=Tier.INNER,
            interests=("cycling", "data quality"),
            can_help_with=("introductions in health tech",),
            how_met="worked together",
            where_met="Northwind Labs",
            birthday=PartialDate(month=4, day=12),
            notes="Prefers a short e-mail to a call.\nAsk about the cycling club.",
        ),
    )
    tom = _add(
        network,
        Person(
            display_name="Tom Becker",
            given_name="Tom",
            family_name="Becker",
            emails=("tom@northwind.example",),
            organisation="Northwind Labs",
        ),
    )
    thomas = _add(
        network,
        Person(
            display_name="Thomas Becker",
            given_name="Thomas",
            family_name="Becker",
            emails=("tom@northwind.example",),
            phones=("+1 514 555 0101",),
            title="Chief Technology Officer",
        ),
    )
    for name, organisation, title, tier in [
        ("Marc-André Tremblay", "Ville de Montréal", "Conseiller en emploi", Tier.ACTIVE),
        ("Grace Okafor, PMP", "Lakeshore Logistics", "Programme Manager", Tier.ACTIVE),
        ("Wei Chen", "Harbourfront Community Centre", "Volunteer Coordinator", Tier.CASUAL),
        ("Sofia Costa", "", "", Tier.CASUAL),
        ("Kwame Mensah", "Bluewater Credit Union", "Senior Business Analyst", Tier.DORMANT),
    ]:
        given, family = name.split(",")[0].split(" ", 1)
        _add(
            network,
            Person(
                display_name=name,
                given_name=given,
                family_name=family,
                organisation=organisation,
                title=title,
                tier=tier,
            ),
        )
    log_interaction(
        network,
        [priya],
        direction=Direction.GAVE,
        kind="introduction",
        summary="Introduced her to Wei at the community centre",
        on=date(2026, 1, 20),
        channel=Channel.EMAIL,
    )
    log_interaction(
        network,
        [priya],
        direction=Direction.MUTUAL,
        kind="coffee",
        summary="Coffee near her office; talked about the data team's plans",
        on=date(2026, 2, 3),
        channel=Channel.IN_PERSON,
        notes="She offered to read my résumé.",
    )
    return Sample(priya=priya, tom=tom, thomas=thomas)
