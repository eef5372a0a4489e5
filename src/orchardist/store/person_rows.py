"""A person as a row of the ``people`` table and back: JSON columns, NUL characters."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from orchardist.domain.fields import FIELDS, as_json, from_json
from orchardist.domain.people import PERSON_FIELDS, NamedDate, PartialDate, Person


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
