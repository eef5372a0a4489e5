"""A person as a row of the ``people`` table and back: JSON columns, NUL characters."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Any

from orchardist.domain.fields import FIELDS, as_json, from_json
from orchardist.domain.matching import linkedin_key
from orchardist.domain.people import (
    LIST_FIELDS,
    PERSON_FIELDS,
    WORK_ANNIVERSARY_LABELS,
    NamedDate,
    PartialDate,
    Person,
    Tier,
)
from orchardist.domain.search import search_text, sort_key


def dates_to_json(dates: Sequence[NamedDate]) -> list[dict[str, str]]:
    return [{"label": item.label, "date": item.date.isoformat()} for item in dates]


# Columns that exist for the database's sake (search, sorting, matching, bookkeeping), not the Person.
# Columns the store keeps for its own queries (search, sorting, Today), not part of a Person.
NOT_LOADED = frozenset(
    {
        "space_id",
        "search_text",
        "sort_key",
        "linkedin_key",
        "created_at",
        "updated_at",
        "last_contact_on",
        "gave_count",
        "asked_count",
        "mutual_count",
        "social_count",
        "has_work_date",
    }
)


# The columns of ``people`` a Person is made of (everything but ``NOT_LOADED``), in the table's order,
# and those kept as JSON text, which both readers hand to ``person_from`` as text.
LOADED_COLUMNS = (
    "id",
    "uid",
    "display_name",
    "given_name",
    "family_name",
    "pronouns",
    "linkedin_url",
    "organisation_id",
    "title",
    "location",
    "tier",
    "every_days",
    "interests",
    "can_help_with",
    "could_use_help_with",
    "how_met",
    "where_met",
    "met_through_id",
    "birthday",
    "dates",
    "notes",
    "sources",
    "extra",
    "knows_search",
    "coworker_override",
)
JSON_COLUMNS = frozenset({"interests", "can_help_with", "could_use_help_with", "dates", "sources", "extra"})
# The lists a person keeps in tables of their own, a row per item in order: field, table, value column.
CHILD_TABLES = (
    ("emails", "person_emails", "value"),
    ("phones", "person_phones", "value"),
    ("urls", "person_urls", "value"),
    ("tags", "person_tags", "tag"),
)


# People imported from one file share the same dates and sources texts, so decoding is cached;
# the cached values are immutable (tuples), and each person gets a dict of their own.
@lru_cache(maxsize=4_096)
def dates_from_text(text: str) -> tuple[NamedDate, ...]:
    if text == "[]":
        return ()
    return tuple(
        NamedDate(label=item["label"], date=PartialDate.parse(item["date"])) for item in json.loads(text)
    )


@lru_cache(maxsize=4_096)
def list_from_text(text: str) -> tuple[str, ...]:
    if text == "[]":
        return ()
    return tuple(json.loads(text))


@lru_cache(maxsize=4_096)
def source_items_from_text(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if text == "{}":
        return ()
    return tuple((name, tuple(labels)) for name, labels in json.loads(text).items())


_TEXT_FIELDS = tuple(
    name
    for name in PERSON_FIELDS
    if name
    not in {"tier", "every_days", "met_through_id", "birthday", "dates", "knows_search", "coworker_override"}
)


def without_nul(person: Person) -> Person:
    """``person`` with NUL characters removed from every text: PostgreSQL cannot store them, and
    both databases must keep the same thing."""
    changes: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(person, name)
        if isinstance(value, str):
            if "\x00" in value:
                changes[name] = value.replace("\x00", "")
        elif any("\x00" in item for item in value):
            changes[name] = tuple(item.replace("\x00", "") for item in value)
    return replace(person, **changes) if changes else person


def extra_to_json(extra: Mapping[str, Any]) -> dict[str, Any]:
    """A person's custom field values as JSON (a value of a field no longer declared is kept as is)."""
    return {name: as_json(FIELDS[name], value) if name in FIELDS else value for name, value in extra.items()}


def extra_from_text(text: str) -> dict[str, Any]:
    """The inverse of ``extra_to_json``, from the stored text."""
    if text == "{}":
        return {}
    return {
        name: from_json(FIELDS[name], value) if name in FIELDS else value
        for name, value in json.loads(text).items()
    }


def person_from(
    row: Mapping[Any, Any], organisation: str | None, children: Mapping[str, Sequence[str]]
) -> Person:
    """A Person from a row of ``LOADED_COLUMNS`` (JSON columns as their text), the name of their
    organisation and their lists kept in tables of their own (``CHILD_TABLES``' fields)."""
    return Person(
        id=row["id"],
        display_name=row["display_name"],
        given_name=row["given_name"],
        family_name=row["family_name"],
        pronouns=row["pronouns"],
        emails=tuple(children.get("emails", ())),
        phones=tuple(children.get("phones", ())),
        urls=tuple(children.get("urls", ())),
        linkedin_url=row["linkedin_url"],
        organisation=organisation or "",
        title=row["title"],
        location=row["location"],
        tags=tuple(children.get("tags", ())),
        tier=Tier(row["tier"]),
        every_days=row["every_days"],
        interests=list_from_text(row["interests"]),
        can_help_with=list_from_text(row["can_help_with"]),
        could_use_help_with=list_from_text(row["could_use_help_with"]),
        how_met=row["how_met"],
        where_met=row["where_met"],
        met_through_id=row["met_through_id"],
        birthday=PartialDate.parse(row["birthday"]) if row["birthday"] else None,
        dates=dates_from_text(row["dates"]),
        notes=row["notes"],
        knows_search=bool(row["knows_search"]),
        coworker_override=None if row["coworker_override"] is None else bool(row["coworker_override"]),
        sources=dict(source_items_from_text(row["sources"])),
        extra=extra_from_text(row["extra"]),
        uid=row["uid"],
    )


# -- new people as rows for a bulk insert ---------------------------------------------------------

_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def json_list(items: Sequence[Any]) -> str:
    """A list column's text, as ``JSONText`` writes it (most lists are empty: no encoder for those)."""
    return _JSON(list(items)) if items else "[]"


@lru_cache(maxsize=4_096)
def sources_text(items: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """The ``sources`` column's text, as ``JSONText`` writes it. Cached: the people of one file share a
    few shapes of sources (the fields filled, and the file they came from)."""
    return _JSON(dict(items)) if items else "{}"


@lru_cache(maxsize=4_096)
def dates_text(dates: tuple[NamedDate, ...]) -> str:
    """The ``dates`` column's text, as ``JSONText`` writes it; cached as the people of a file share
    dates (when they connected)."""
    return _JSON(dates_to_json(dates)) if dates else "[]"


def _sources_json(sources: Mapping[str, Sequence[str]]) -> str:
    try:
        return sources_text(tuple(sources.items()))
    except TypeError:  # a list among the labels, which cannot be a key of the cache
        return _JSON(dict(sources))


def _values_of(names: tuple[str, ...]) -> Callable[[Person], tuple[Any, ...]]:
    getter = attrgetter(*names)
    return lambda person: getter(person)


_TEXTS = tuple(name for name in _TEXT_FIELDS if name not in LIST_FIELDS)
_LISTS = tuple(name for name in _TEXT_FIELDS if name in LIST_FIELDS)
_texts_of = _values_of(_TEXTS)
_lists_of = _values_of(_LISTS)


def has_nul(person: Person) -> bool:
    """Whether any text of ``person`` holds a NUL character (``without_nul`` would change it): two
    joins a person instead of a look at each field."""
    if "\x00" in "".join(_texts_of(person)):
        return True
    return "\x00" in "".join(chain.from_iterable(_lists_of(person)))


# The columns of a new person's row that are the person's own, worked out from the Person alone (so
# an import can work them out ahead, while it still reads the file), in ``person_values``'s order.
PERSON_VALUE_COLUMNS = (
    "display_name",
    "given_name",
    "family_name",
    "pronouns",
    "linkedin_url",
    "linkedin_key",
    "title",
    "location",
    "tier",
    "every_days",
    "interests",
    "can_help_with",
    "could_use_help_with",
    "how_met",
    "where_met",
    "met_through_id",
    "birthday",
    "dates",
    "has_work_date",
    "notes",
    "knows_search",
    "coworker_override",
    "sources",
    "extra",
    "search_text",
    "sort_key",
)
# The columns ``new_person_values`` fills, in its order (the others take their defaults): those the
# store gives when it adds the person, then the person's own.
NEW_PERSON_COLUMNS = (
    "id",
    "uid",
    "space_id",
    "organisation_id",
    "created_at",
    "updated_at",
    *PERSON_VALUE_COLUMNS,
)


_TIER_CODES = {tier: tier.value for tier in Tier}

PersonValues = tuple[Any, ...]
"""A person's own columns (``PERSON_VALUE_COLUMNS``), as ``person_values`` works them out."""


def new_person_values(
    person: Person,
    person_id: int,
    uid: str,
    space_id: int,
    organisation_id: int | None,
    created: Any,
    updated: Any,
    dates_seen: dict[int, tuple[str, bool]],
    values: PersonValues | None = None,
) -> tuple[Any, ...]:
    """A new person's row as the values of ``NEW_PERSON_COLUMNS`` (``uid``: theirs, or a new one), JSON
    columns as their text and the times as given (already in the form the driver takes); the same row
    ``PeopleRepository`` writes through the column types when it updates someone (but the UID, which is
    never written again). ``values``: the person's own, when already worked out (``person_values``)."""
    own = values if values is not None else person_values(person, dates_seen)
    return (person_id, uid, space_id, organisation_id, created, updated, *own)


def person_values(person: Person, dates_seen: dict[int, tuple[str, bool]]) -> PersonValues:
    """The values of ``PERSON_VALUE_COLUMNS`` for ``person`` (its text already without NULs).

    ``dates_seen`` keeps the dates columns of each tuple of dates met, by identity: the people of a
    file share the very same tuples (when they connected), and the caller holds them all.
    """
    dates = person.dates
    if dates:
        dated = dates_seen.get(id(dates))
        if dated is None:
            dated = dates_seen[id(dates)] = (dates_text(dates), has_work_date(dates))
        dates_json, work_date = dated
    else:
        dates_json, work_date = "[]", False
    return (
        person.display_name,
        person.given_name,
        person.family_name,
        person.pronouns,
        person.linkedin_url,
        linkedin_key(person.linkedin_url),
        person.title,
        person.location,
        _TIER_CODES[person.tier],
        person.every_days,
        json_list(person.interests),
        json_list(person.can_help_with),
        json_list(person.could_use_help_with),
        person.how_met,
        person.where_met,
        person.met_through_id,
        person.birthday.isoformat() if person.birthday else None,
        dates_json,
        work_date,
        person.notes,
        person.knows_search,
        person.coworker_override,
        _sources_json(person.sources),
        _JSON(extra_to_json(person.extra)) if person.extra else "{}",
        search_text(person),
        sort_key(person),
    )


def has_work_date(dates: Sequence[NamedDate]) -> bool:
    """Whether one of ``dates`` is a work start (Today's work anniversaries read the flag)."""
    return any(item.label.strip().casefold() in WORK_ANNIVERSARY_LABELS for item in dates)


def person_row(person: Person, space_id: int, organisation_id: int | None, now: datetime) -> dict[str, Any]:
    """A person's row as the values an update writes through the column types (JSON columns as their
    values), ``now`` as when it changed."""
    return {
        "space_id": space_id,
        "display_name": person.display_name,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "pronouns": person.pronouns,
        "linkedin_url": person.linkedin_url,
        "linkedin_key": linkedin_key(person.linkedin_url),
        "organisation_id": organisation_id,
        "title": person.title,
        "location": person.location,
        "tier": person.tier.value,
        "every_days": person.every_days,
        # JSON writes tuples as arrays, so the lists go in as they are.
        "interests": person.interests,
        "can_help_with": person.can_help_with,
        "could_use_help_with": person.could_use_help_with,
        "how_met": person.how_met,
        "where_met": person.where_met,
        "met_through_id": person.met_through_id,
        "birthday": person.birthday.isoformat() if person.birthday else None,
        "dates": dates_to_json(person.dates),
        "has_work_date": has_work_date(person.dates),
        "notes": person.notes,
        "knows_search": person.knows_search,
        "coworker_override": person.coworker_override,
        "sources": person.sources,
        "extra": extra_to_json(person.extra),
        "search_text": search_text(person),
        "sort_key": sort_key(person),
        "updated_at": now,
    }
