"""People and interactions as JSON: the shapes the CLI's ``--json`` prints and the API answers with."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from orchardist.domain.discretion import CoworkerFlag
from orchardist.domain.fields import FIELDS, Kind, as_json, empty, value_of
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


def listings_to_dicts(listings: Iterable[PersonListing], order: Sequence[str] = ()) -> list[dict[str, Any]]:
    """``listing_to_dict`` of each, the same keys in the same order, with the field table read once for
    the whole list: every stored field of a person read in one ``attrgetter`` call, and only the values
    that are not JSON already (lists, the tier, dates, the override) converted (a page of 50 people
    is 1,300 field values). With ``order``, the stored fields named in it come in its order (the API
    model's), before any other stored field."""
    specs = list(FIELDS.values())
    own = [spec for spec in specs if not spec.custom]
    if any(spec.custom for spec in specs[: len(own)]):
        # A custom field declared among the built-in ones: keep the table's order, one field at a time.
        return [listing_to_dict(listing) for listing in listings]
    if order:
        place = {key: at for at, key in enumerate(order)}
        own.sort(key=lambda spec: place.get(spec.key, len(place)))
    keys = [spec.key for spec in own]
    read = attrgetter(*(spec.name for spec in own))
    lists = [at for at, spec in enumerate(own) if spec.kind in TEXT_LISTS]
    converted = [(at, spec) for at, spec in enumerate(own) if spec.kind not in PLAIN_KINDS | TEXT_LISTS]
    custom = [(spec, empty(spec)) for spec in specs if spec.custom]
    found = []
    for listing in listings:
        person = listing.person
        values = list(read(person))
        for at in lists:
            if values[at] is not None:
                values[at] = list(values[at])
        for at, spec in converted:
            values[at] = as_json(spec, values[at])
        item: dict[str, Any] = {"id": person.id, "uid": person.uid}
        item.update(zip(keys, values, strict=True))
        for spec, default in custom:
            item[spec.key] = as_json(spec, person.extra.get(spec.name, default))
        flag = listing.coworker
        item["coworker"] = flag.certain
        item["coworker_maybe"] = flag.maybe
        item["sources"] = {name: list(labels) for name, labels in person.sources.items()}
        item["last_contact"] = listing.last_contact.isoformat() if listing.last_contact else None
        found.append(item)
    return found


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
    their give/ask ledger and next due day, who introduced them, every interaction (newest first), the events
    they were met at and the leads they told of."""
    introducer = overview.introducer
    return {
        **person_to_dict(overview.person, overview.last_contact, coworker=overview.coworker),
        "ledger": overview.standing.ledger,
        "next_due": overview.standing.next_due.isoformat() if overview.standing.next_due else None,
        "today": overview.standing.today.value,
        "snoozed_until": overview.standing.snoozed_until.isoformat()
        if overview.standing.snoozed_until
        else None,
        "met_through": {"id": introducer.id, "name": introducer.display_name} if introducer else None,
        "interactions": [interaction_to_dict(item) for item in overview.timeline],
        "met_at": [
            {
                "event_id": met.event_id,
                "name": met.name,
                "date": met.on.isoformat(),
                "group_name": met.group_name,
            }
            for met in overview.met_at
        ],
        "leads": [
            {"id": lead.id, "organisation": lead.organisation, "role": lead.role, "status": lead.status.value}
            for lead in overview.leads
        ],
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
