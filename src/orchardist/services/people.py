"""The people in a network: finding, adding, changing, tagging and deleting them, and one person's page.

Each function is one thing a user does, in one transaction, returning what every adapter shows: the
People page, ``orchardist people …`` and ``/api/v1/people`` render the same views.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from orchardist.domain.discretion import NOT_FLAGGED, CoworkerFlag, Workplace
from orchardist.domain.fields import FIELDS, is_filled, value_of, with_values
from orchardist.domain.groups import MetAt
from orchardist.domain.interactions import Interaction
from orchardist.domain.introductions import Introduction
from orchardist.domain.leads import Lead
from orchardist.domain.matching import fold
from orchardist.domain.messages import Message
from orchardist.domain.offers import AskWarning
from orchardist.domain.people import Person
from orchardist.domain.queries import Everyone, Order, Query
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.discretion import about_me_in, coworker_warning, flag_of, flags_in
from orchardist.services.errors import NotFound
from orchardist.services.network import Network
from orchardist.services.person_input import MANUAL, PersonError, checked, coerce_field, typed_in
from orchardist.services.views import PersonListing
from orchardist.store.unit import Unit

if TYPE_CHECKING:
    from orchardist.services.duplicates import LikelyDuplicate
    from orchardist.services.tending import Standing

__all__ = [
    "MANUAL",
    "NameCount",
    "PeopleBrowse",
    "PersonError",
    "PersonListing",
    "PersonCard",
    "PersonOverview",
    "add_person",
    "add_person_listing",
    "browse_people",
    "count_people",
    "delete_person",
    "edit_person",
    "get_person",
    "list_people",
    "person_card",
    "person_overview",
    "tag_people",
]

MAX_TAG_LENGTH = 200  # the width of the stored tag column
ORGANISATION_CHOICES = 200


@dataclass(frozen=True, slots=True)
class NameCount:
    """A tag or an organisation, with how many people carry it (for filter choices)."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class PeopleBrowse:
    """One page of people matching a filter, and what a page of them needs around it.

    ``total`` is how many match (None when not asked); ``anyone`` whether the network holds anyone at
    all (so an empty result can say "no one matches" rather than "no one yet"); ``tags`` and
    ``organisations`` are the filter's choices, when asked.
    """

    people: list[PersonListing]
    total: int | None = None
    anyone: bool = True
    tags: list[NameCount] | None = None
    organisations: list[NameCount] | None = None


@dataclass(frozen=True, slots=True)
class PersonOverview:
    """Everything about one person: the Person page, ``people show`` and ``GET /api/v1/people/{id}``."""

    person: Person
    last_contact: date | None
    timeline: list[Interaction]
    introducer: Person | None
    likely_duplicates: list[LikelyDuplicate]
    ask_warning: AskWarning | None
    standing: Standing
    coworker: CoworkerFlag = NOT_FLAGGED
    # In discreet mode, what to say before an ask of someone who could carry word of the search.
    discretion_warning: Message | None = None
    # The events the user met them at, newest first, and the leads they told of.
    met_at: tuple[MetAt, ...] = ()
    leads: tuple[Lead, ...] = ()
    # The introductions the user brokers that they are in, newest first.
    introductions: list[Introduction] = field(default_factory=list)

    @property
    def warnings(self) -> tuple[Message, ...]:
        """What to know before an ask of them, as ``people show`` and the API say it: in discreet mode, that
        they could carry word of the search; then that the user has only asked of them so far."""
        said = [self.discretion_warning] if self.discretion_warning is not None else []
        if self.ask_warning is not None:
            said.append(self.ask_warning.message)
        return tuple(said)


def browse_people(
    network: Network,
    query: Query | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    order: Order = "name",
    count: bool = False,
    choices: bool = False,
) -> PeopleBrowse:
    """People matching ``query`` in ``order``, with their last contact; with ``count``, how many match
    in all and whether anyone is in the network; with ``choices``, the tags and organisations in use."""
    query = query or Everyone()
    with network.reading() as unit:
        total: int | None = None
        if count and limit is not None:
            ids, total = unit.people.find_page(query, limit=limit, offset=offset, order=order)
            loaded, last = unit.people.get_many_with_last_contacts(ids)
            found = [loaded[person_id] for person_id in ids if person_id in loaded]
        else:
            found = unit.people.find(query, limit=limit, offset=offset, order=order)
            total = unit.people.count(query) if count else None
            last = unit.people.last_contacts([person.id for person in found if person.id is not None])
        # Asked only when nothing matched a filter: tells "no one yet" from "no one matches".
        anyone = bool(total) or (count and not isinstance(query, Everyone) and unit.people.count() > 0)
        flags = flags_in(unit, found)
        tags = [NameCount(*item) for item in unit.people.tags_in_use()] if choices else None
        organisations = (
            [NameCount(*item) for item in unit.people.organisations_in_use(ORGANISATION_CHOICES)]
            if choices
            else None
        )
    return PeopleBrowse(
        people=[
            PersonListing(person, last.get(person.id or 0), flags.get(person.id or 0, NOT_FLAGGED))
            for person in found
        ],
        total=total,
        anyone=anyone or not count,
        tags=tags,
        organisations=organisations,
    )


def list_people(
    network: Network,
    query: Query | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    order: Order = "name",
) -> list[PersonListing]:
    """People matching ``query`` with their last contact date (``browse_people`` without the extras)."""
    return browse_people(network, query, limit=limit, offset=offset, order=order).people


def count_people(network: Network, query: Query | None = None) -> int:
    """How many people match ``query`` (everyone by default)."""
    with network.reading() as unit:
        return unit.people.count(query)


def get_person(network: Network, person_id: int) -> Person | None:
    """The person with this id in the network, or None."""
    with network.reading() as unit:
        return unit.people.get(person_id)


@dataclass(frozen=True, slots=True)
class PersonCard:
    """A person and who introduced them: what the edit form needs, without the rest of their page."""

    person: Person
    introducer: Person | None


def person_card(network: Network, person_id: int) -> PersonCard:
    """A person and who introduced them; NotFound when they are not in this network."""
    with network.reading() as unit:
        person = unit.people.get(person_id)
        if person is None:
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        introducer = unit.people.get(person.met_through_id) if person.met_through_id else None
    return PersonCard(person, introducer)


def person_overview(network: Network, person_id: int, *, on: date | None = None) -> PersonOverview:
    """Everything the Person page shows about someone; NotFound when they are not in this network."""
    with network.reading() as unit:
        return overview_in(unit, person_id, on=on)


def overview_in(unit: Unit, person_id: int, *, on: date | None = None) -> PersonOverview:
    """``person_overview`` within a transaction already open (logging from the page reads it after)."""
    # What only a person's page needs, loaded when one is shown (a list of people starts faster).
    from orchardist.services.duplicates import likely_duplicates_in
    from orchardist.services.offers import ask_warning_in
    from orchardist.services.tending import standing_in

    person = unit.people.get(person_id)
    if person is None:
        raise NotFound(NO_SUCH_PERSON(id=person_id))
    timeline = unit.interactions.for_person(person_id)
    about = about_me_in(unit)
    coworker = flag_of(Workplace.of(about), person)
    return PersonOverview(
        person=person,
        last_contact=timeline[0].on if timeline else None,
        timeline=timeline,
        introducer=unit.people.get(person.met_through_id) if person.met_through_id else None,
        likely_duplicates=likely_duplicates_in(unit, person),
        ask_warning=ask_warning_in(unit, person_id),
        standing=standing_in(unit, person_id, on=on),
        coworker=coworker,
        discretion_warning=coworker_warning(coworker, person) if about.discreet else None,
        met_at=tuple(unit.groups.met_at(person_id)),
        leads=tuple(unit.leads.from_person(person_id)),
        introductions=unit.introductions.of_person(person_id),
    )


def add_person(network: Network, person: Person) -> Person:
    """Store a person typed in by the user; every field they filled is sourced "manual"."""
    return add_person_listing(network, person).person


def add_person_listing(network: Network, person: Person) -> PersonListing:
    """``add_person``, returning the person as a list shows them (with their co-worker flag)."""
    person = checked(replace(person, id=None))
    person = typed_in(person, [name for name in FIELDS if is_filled(person, name)])
    with network.writing() as unit:
        _check_introducer(unit, person)
        added = unit.people.add(person)
        return PersonListing(added, None, flags_in(unit, [added])[added.id or 0])


def edit_person(network: Network, person_id: int, changes: Mapping[str, Any]) -> PersonListing:
    """Change some fields of a person; each changed field is then sourced "manual". Nothing given, or
    nothing different, changes nothing."""
    values = {name: coerce_field(name, value) for name, value in changes.items()}
    with network.writing() as unit:
        current = unit.people.get(person_id)
        if current is None:
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        updated = checked(with_values(current, values))
        changed = [name for name in values if value_of(updated, name) != value_of(current, name)]
        if changed:
            updated = typed_in(updated, changed)
            _check_introducer(unit, updated)
            unit.people.update(updated)
            current = unit.people.require(person_id)
        last = unit.people.last_contacts([person_id]).get(person_id)
        return PersonListing(current, last, flags_in(unit, [current])[person_id])


def delete_person(network: Network, person_id: int) -> Person:
    """Delete a person for real, with their contact points and search index entries; returns who it
    was. NotFound when they are not in this network."""
    with network.writing() as unit:
        person = unit.people.get(person_id)
        if person is None or not unit.people.delete(person_id):
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        return person


def tag_people(network: Network, person_ids: Sequence[int], tag: str) -> int:
    """Add ``tag`` to each of these people; returns how many gained it (the others already had it).

    All or nothing: an empty tag or an id that is not in this network changes no one.
    """
    tag = tag.strip()
    if not tag:
        raise PersonError(refusals.TAG_EMPTY(), field="tag")
    if len(tag) > MAX_TAG_LENGTH:
        raise PersonError(refusals.TAG_TOO_LONG(limit=MAX_TAG_LENGTH), field="tag")
    wanted = list(dict.fromkeys(person_ids))
    if not wanted:
        raise PersonError(refusals.CHOOSE_PEOPLE(), field="ids")
    with network.writing() as unit:
        found = unit.people.get_many(wanted)
        missing = [person_id for person_id in wanted if person_id not in found]
        if missing:
            raise NotFound(NO_SUCH_PERSON(id=", ".join(str(person_id) for person_id in missing)))
        changed = [
            typed_in(replace(person, tags=(*person.tags, tag)), ["tags"])
            for person in (found[person_id] for person_id in wanted)
            if fold(tag) not in {fold(existing) for existing in person.tags}
        ]
        unit.people.update_many(changed)
    return len(changed)


def _check_introducer(unit: Unit, person: Person) -> None:
    if person.met_through_id is not None and not unit.people.exists(person.met_through_id):
        raise PersonError(NO_SUCH_PERSON(id=person.met_through_id), field="met_through_id")
