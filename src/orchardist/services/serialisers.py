"""People and interactions as JSON: the shapes the CLI's ``--json`` prints and the API answers with."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from orchardist.domain.discretion import CoworkerFlag
from orchardist.domain.fields import FIELDS, FieldSpec, Kind, as_json, empty, value_of
from orchardist.domain.interactions import Interaction
from orchardist.domain.people import Person

if TYPE_CHECKING:
    from orchardist.services.discretion import AboutMeOverview, Flagged
    from orchardist.services.people import PersonOverview
    from orchardist.services.views import PersonListing

WORKED_OUT = ("coworker", "coworker_maybe")
"""Keys of a person's JSON that Orchardist works out rather than stores (no field sets them)."""


def person_to_dict(person: Person, last_contact: date | None, *, coworker: CoworkerFlag) -> dict[str, Any]:
    """The JSON shape of a person used by the CLI and the API: the id, the UID their vCards carry, every
    field of ``orchardist.domain.fields`` under its key, whether they are a co-worker (for sure, or maybe:
    an organisation that looks like the employer's), where each field came from, and the last contact."""
    return {
        "id": person.id,
        "uid": person.uid,
        **{spec.key: as_json(spec, value_of(person, spec.name)) for spec in FIELDS.values()},
        "coworker": coworker.certain,
        "coworker_maybe": coworker.maybe,
        "sources": {name: list(labels) for name, labels in person.sources.items()},
        "last_contact": last_contact.isoformat() if last_contact else None,
    }


def listing_to_dict(listing: PersonListing) -> dict[str, Any]:
    """A person as a list shows them, as JSON (``person_to_dict``)."""
    return person_to_dict(listing.person, listing.last_contact, coworker=listing.coworker)


# Kinds whose JSON is the value itself, and lists of texts (as_json's own cases, read without it).
PLAIN_KINDS = frozenset({Kind.TEXT, Kind.NOTES, Kind.DAYS, Kind.PERSON, Kind.FLAG})
TEXT_LISTS = frozenset({Kind.WORDS, Kind.EMAILS, Kind.PHONES, Kind.URLS})


def _reader(spec: FieldSpec) -> Callable[[Person], Any]:
    """How to read ``spec``'s value of a person as JSON, worked out once for a whole list."""
    if spec.custom:
        default = empty(spec)
        return lambda person: as_json(spec, person.extra.get(spec.name, default))
    name = spec.name
    if spec.kind in PLAIN_KINDS:
        return lambda person: getattr(person, name)
    if spec.kind in TEXT_LISTS:
        return lambda person: None if (value := getattr(person, name)) is None else list(value)
    return lambda person: as_json(spec, getattr(person, name))


def listings_to_dicts(listings: Iterable[PersonListing]) -> list[dict[str, Any]]:
    """``listing_to_dict`` of each, with the field table read once for the whole list rather than
    once a person (a page of 50 people is 1,300 field values)."""
    readers = [(spec.key, _reader(spec)) for spec in FIELDS.values()]
    return [
        {
            "id": listing.person.id,
            "uid": listing.person.uid,
            **{key: read(listing.person) for key, read in readers},
            "coworker": listing.coworker.certain,
            "coworker_maybe": listing.coworker.maybe,
            "sources": {name: list(labels) for name, labels in listing.person.sources.items()},
            "last_contact": listing.last_contact.isoformat() if listing.last_contact else None,
        }
        for listing in listings
    ]


def interaction_to_dict(interaction: Interaction) -> dict[str, Any]:
    return {
        "id": interaction.id,
        "date": interaction.on.isoformat(),
        "direction": interaction.direction.value,
        "channel": interaction.channel.value,
        "kind": interaction.kind,
        "summary": interaction.summary,
        "notes": interaction.notes,
        "person_ids": list(interaction.person_ids),
    }


def overview_to_dict(overview: PersonOverview) -> dict[str, Any]:
    """A person's page as JSON (``people show --json`` and ``GET /api/v1/people/{id}``): the person,
    their give/ask ledger and next due day, who introduced them, and every interaction, newest first."""
    introducer = overview.introducer
    return {
        **person_to_dict(overview.person, overview.last_contact, coworker=overview.coworker),
        "ledger": overview.standing.ledger,
        "next_due": overview.standing.next_due.isoformat() if overview.standing.next_due else None,
        "met_through": {"id": introducer.id, "name": introducer.display_name} if introducer else None,
        "interactions": [interaction_to_dict(item) for item in overview.timeline],
    }


def about_me_to_dict(overview: AboutMeOverview) -> dict[str, Any]:
    """About me as JSON (``me show --json`` and ``GET /api/v1/me``): what the user said, who is flagged
    as a co-worker (for sure, and maybe) and why, who knows of the search, and the warnings."""
    about = overview.about

    def flagged(item: Flagged) -> dict[str, Any]:
        return {
            "id": item.person_id,
            "name": item.name,
            "organisation": item.organisation,
            "because": item.flag.because.value,
        }

    return {
        "name": about.name,
        "employer": about.employer,
        "employer_aliases": list(about.employer_aliases),
        "work_domains": list(about.work_domains),
        "search_mode": about.search_mode.value,
        "coworkers": [flagged(item) for item in overview.coworkers],
        "coworkers_maybe": [flagged(item) for item in overview.maybe],
        "knows_search": [{"id": item.person_id, "name": item.name} for item in overview.confidants],
        "warnings": [{"detail": str(message), **message.to_dict()} for message in overview.warnings],
    }
