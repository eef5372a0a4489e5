"""A small demo network, clearly marked, that can be removed in one step.

Every demo person carries the tag ``demo`` and the source ``demo`` on each field, so removal
finds exactly them even after the user has edited one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.domain.people import PartialDate, Person, Tier, with_sources
from orchardist.services.network import Network

DEMO_SOURCE = "demo"
DEMO_TAG = "demo"

_PEOPLE: list[Person] = [
    Person(
        display_name="Priya Raman",
        given_name="Priya",
        family_name="Raman",
        pronouns="she/her",
        organisation="Maple Health",
        title="Data Engineering Manager",
        location="Toronto, ON",
        emails=("priya.raman@example.org",),
        linkedin_url="https://www.linkedin.com/in/priya-raman-demo",
        tags=("former colleague",),
        tier=Tier.INNER,
        interests=("cycling", "data quality"),
        can_help_with=("introductions in health tech",),
        how_met="worked together",
        where_met="Northwind Labs",
        birthday=PartialDate(month=4, day=12),
    ),
    Person(
        display_name="Marc-André Tremblay",
        given_name="Marc-André",
        family_name="Tremblay",
        pronouns="il/lui",
        organisation="Ville de Montréal",
        title="Conseiller en emploi",
        location="Montréal, QC",
        emails=("ma.tremblay@example.org",),
        tags=("counsellor",),
        tier=Tier.ACTIVE,
        can_help_with=("résumé review", "French-language interviews"),
        how_met="workshop",
        where_met="Carrefour jeunesse-emploi",
    ),
    Person(
        display_name="Grace Okafor, PMP",
        given_name="Grace",
        family_name="Okafor",
        organisation="Lakeshore Logistics",
        title="Programme Manager",
        location="Mississauga, ON",
        phones=("+1 416 555 0142",),
        tags=("mentor",),
        tier=Tier.ACTIVE,
        could_use_help_with=("finding a volunteer web designer",),
        interests=("mentoring", "jazz"),
        how_met="introduced at a networking breakfast",
    ),
    Person(
        display_name="Tom Becker",
        given_name="Tom",
        family_name="Becker",
        organisation="Northwind Labs",
        title="Senior Developer",
        emails=("tom.becker@example.com",),
        tags=("former colleague",),
        tier=Tier.CASUAL,
        interests=("open source",),
    ),
    Person(
        display_name="Lucía Fernández",
        given_name="Lucía",
        family_name="Fernández",
        pronouns="she/her",
        organisation="Bright Path Careers",
        title="Recruiter",
        location="Ottawa, ON",
        emails=("lucia@example.net",),
        tags=("recruiter",),
        tier=Tier.ACTIVE,
        how_met="chance encounter",
        where_met="bus stop on Bank Street",
        notes="Mentioned her team hires analysts every spring.",
    ),
    Person(
        display_name="Sam Whitefeather",
        given_name="Sam",
        family_name="Whitefeather",
        pronouns="they/them",
        organisation="Riverbend Library",
        title="Community Programs Lead",
        tier=Tier.CASUAL,
        can_help_with=("community events",),
        interests=("storytelling",),
    ),
    Person(
        display_name="Yuki Tanaka",
        given_name="Yuki",
        family_name="Tanaka",
        organisation="Cedar Analytics",
        title="Head of Analytics",
        linkedin_url="https://www.linkedin.com/in/yuki-tanaka-demo",
        tags=("target company",),
        tier=Tier.CASUAL,
        how_met="met through Priya",
    ),
    Person(
        display_name="Ahmed Haddad",
        given_name="Ahmed",
        family_name="Haddad",
        organisation="Haddad Bakery",
        title="Owner",
        location="Toronto, ON",
        tags=("neighbour",),
        tier=Tier.DORMANT,
        interests=("small business",),
    ),
]

# (days ago, person indexes, direction, kind, channel, summary)
_INTERACTIONS: list[tuple[int, tuple[int, ...], Direction, str, Channel, str]] = [
    (
        12,
        (0,),
        Direction.MUTUAL,
        "coffee",
        Channel.IN_PERSON,
        "Caught up on her new team; swapped book ideas",
    ),
    (40, (1,), Direction.ASKED, "advice", Channel.VIDEO, "Asked for advice on French interview phrasing"),
    (38, (1,), Direction.GAVE, "thank_you", Channel.EMAIL, "Thanked him for the interview tips"),
    (95, (2,), Direction.GAVE, "article", Channel.EMAIL, "Sent an article on volunteer web design"),
    (220, (3,), Direction.SOCIAL, "message", Channel.MESSAGE, "Congratulated him on the product launch"),
    (
        3,
        (4,),
        Direction.SOCIAL,
        "chance_encounter",
        Channel.IN_PERSON,
        "Chatted at the bus stop about analyst roles",
    ),
    (60, (0, 6), Direction.ASKED, "introduction", Channel.EMAIL, "Priya introduced me to Yuki"),
]


def demo_people() -> list[Person]:
    return [with_sources(replace(person, tags=(*person.tags, DEMO_TAG)), DEMO_SOURCE) for person in _PEOPLE]


def is_demo(person: Person) -> bool:
    return person.sources.get("display_name", ("",))[0] == DEMO_SOURCE


def count_demo(network: Network) -> int:
    """How many demo people are in the network (a real person tagged "demo" is not one).

    Every full page asks, so it is one counting query through the tags' index: its cost follows the
    people tagged "demo", not the size of the network.
    """
    with network.reading() as unit:
        return unit.people.count_tagged_from(DEMO_TAG, DEMO_SOURCE)


def load_demo(
    network: Network, today: date | None = None, *, if_empty: bool = False, if_absent: bool = False
) -> int:
    """Add the demo network; returns how many people were added. With ``if_empty``, only into a
    network with nobody yet; with ``if_absent``, only when the demo is not there already."""
    today = today or date.today()
    with network.writing() as unit:
        if if_empty and unit.people.count():
            return 0
        if if_absent and unit.people.count_tagged_from(DEMO_TAG, DEMO_SOURCE):
            return 0
        ids = unit.people.add_many(demo_people())
        yuki = unit.people.require(ids[6])
        unit.people.update(replace(yuki, met_through_id=ids[0]))
        unit.interactions.add_many(
            [
                Interaction(
                    on=today - timedelta(days=days_ago),
                    person_ids=tuple(ids[index] for index in indexes),
                    direction=direction,
                    kind=kind,
                    channel=channel,
                    summary=summary,
                )
                for days_ago, indexes, direction, kind, channel, summary in _INTERACTIONS
            ]
        )
    return len(ids)


def remove_demo(network: Network) -> int:
    """Delete every demo person (and so their interactions); returns how many."""
    with network.writing() as unit:
        demo_ids = unit.people.ids_tagged_from(DEMO_TAG, DEMO_SOURCE)
        for person_id in demo_ids:
            unit.people.delete(person_id)
    return len(demo_ids)


@dataclass(frozen=True, slots=True)
class Welcome:
    """What the welcome page needs: whether anyone is in the network yet, and how many are the demo."""

    people: int
    demo: int


def welcome(network: Network) -> Welcome:
    """How many people the network holds, and how many of them are the demo's."""
    with network.reading() as unit:
        return Welcome(people=unit.people.count(), demo=unit.people.count_tagged_from(DEMO_TAG, DEMO_SOURCE))
