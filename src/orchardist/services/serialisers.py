"""People and interactions as JSON: the shapes the CLI's ``--json`` prints and the API answers with."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from operator import attrgetter
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

_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
"""``json.dumps(value, ensure_ascii=False)``, text for text, from one encoder rather than a new one a call
(a value here holds no cycle to look for)."""


class _Table:
    """The field table read once for a whole list: the keys of a person's id, UID and built-in fields,
    one ``attrgetter`` for all their values, where the lists of texts are and the fields whose values
    need converting, and the custom fields with their empty values. (A plain class: a named tuple's
    would cost every command that loads this module a millisecond to make.)"""

    __slots__ = ("keys", "read", "lists", "converted", "custom")

    def __init__(
        self,
        keys: list[str],
        read: Callable[[Person], tuple[Any, ...]],
        lists: list[int],
        converted: list[tuple[int, FieldSpec]],
        custom: list[tuple[FieldSpec, Any]],
    ) -> None:
        self.keys = keys
        self.read = read
        self.lists = lists
        self.converted = converted
        self.custom = custom


def _table(order: Sequence[str] = ()) -> _Table | None:
    """The table, or None when a custom field is declared among the built-in ones (then each person is
    written field by field, in the table's order). With ``order``, the built-in fields named in it come
    in its order, before the others."""
    specs = list(FIELDS.values())
    own = [spec for spec in specs if not spec.custom]
    if any(spec.custom for spec in specs[: len(own)]):
        return None
    if order:
        place = {key: at for at, key in enumerate(order)}
        own.sort(key=lambda spec: place.get(spec.key, len(place)))
    first = ("id", "uid")
    return _Table(
        keys=[*first, *(spec.key for spec in own)],
        read=attrgetter(*first, *(spec.name for spec in own)),
        lists=[at for at, spec in enumerate(own, len(first)) if spec.kind in TEXT_LISTS],
        converted=[
            (at, spec) for at, spec in enumerate(own, len(first)) if spec.kind not in PLAIN_KINDS | TEXT_LISTS
        ],
        custom=[(spec, empty(spec)) for spec in specs if spec.custom],
    )


def _fields(table: _Table, listing: PersonListing, *, lists: bool) -> dict[str, Any]:
    """``listing_to_dict`` up to the co-worker flags (the sources and the last contact left out), its
    lists of texts as lists, or with ``lists`` false as the person's own tuples (the same JSON)."""
    person = listing.person
    values = list(table.read(person))
    if lists:
        for at in table.lists:
            if values[at] is not None:
                values[at] = list(values[at])
    for at, spec in table.converted:
        values[at] = as_json(spec, values[at])
    item = dict(zip(table.keys, values, strict=True))
    for spec, default in table.custom:
        item[spec.key] = as_json(spec, person.extra.get(spec.name, default))
    item["coworker"] = listing.coworker.certain
    item["coworker_maybe"] = listing.coworker.maybe
    return item


def listings_to_dicts(listings: Iterable[PersonListing], order: Sequence[str] = ()) -> list[dict[str, Any]]:
    """``listing_to_dict`` of each, the same keys in the same order, with the field table read once for
    the whole list: every stored field of a person read in one ``attrgetter`` call, and only the values
    that are not JSON already (lists, the tier, dates, the override) converted (a page of 50 people
    is 1,300 field values). With ``order``, the stored fields named in it come in its order (the API
    model's), before any other stored field."""
    table = _table(order)
    if table is None:
        return [listing_to_dict(listing) for listing in listings]
    found = []
    for listing in listings:
        item = _fields(table, listing, lists=True)
        item["sources"] = {name: list(labels) for name, labels in listing.person.sources.items()}
        item["last_contact"] = listing.last_contact.isoformat() if listing.last_contact else None
        found.append(item)
    return found


def listings_to_json(listings: Iterable[PersonListing]) -> list[str]:
    """Each listing as ``json.dumps(listing_to_dict(listing), ensure_ascii=False)`` writes it, text for
    text, with fewer objects made on the way (``people list --json`` writes thousands): the person's
    own tuples are encoded as they are, and their sources (a few shapes shared by everyone imported
    from the same files) encoded once a shape and put in place after the other keys."""
    table = _table()
    if table is None:
        return [_ENCODE(listing_to_dict(listing)) for listing in listings]
    sources: dict[Any, str] = {}
    found = []
    for listing in listings:
        head = _ENCODE(_fields(table, listing, lists=False))  # "{…}": "id" is always there
        # A date's ISO form is digits and dashes: JSON as it is, between quotes.
        last = f'"{listing.last_contact.isoformat()}"' if listing.last_contact else "null"
        found.append(f'{head[:-1]}, "sources": {_sources(listing.person, sources)}, "last_contact": {last}}}')
    return found


def _sources(person: Person, seen: dict[Any, str]) -> str:
    """The person's sources as JSON, from ``seen`` when another person's were the same."""
    try:
        shape = tuple(person.sources.items())
        text = seen.get(shape)
    except TypeError:  # a list among the labels, which cannot be a key
        return _ENCODE(person.sources)
    if text is None:
        text = seen[shape] = _ENCODE(person.sources)
    return text


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
    they were met at, the leads they told of, what to know before an ask of them and the other records
    that are probably them."""
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
        "warnings": [{"detail": str(message), **message.to_dict()} for message in overview.warnings],
        "likely_duplicates": [
            {
                "id": item.person.id,
                "name": item.person.display_name,
                "score": round(item.score, 3),
                "reasons": [str(reason) for reason in item.reasons],
            }
            for item in overview.likely_duplicates
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
