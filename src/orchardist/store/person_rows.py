"""A person as a row of the ``people`` table and back: JSON columns, NUL characters."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from orchardist.domain.fields import FIELDS, as_json, from_json
from orchardist.domain.people import PERSON_FIELDS, NamedDate, PartialDate, Person, Tier


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
