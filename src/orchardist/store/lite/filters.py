"""Domain filters (``orchardist.domain.queries``) as SQL for SQLite, on the ``people`` table: the same
conditions ``store/queries.py`` builds with SQLAlchemy."""

from __future__ import annotations

from typing import Any

from orchardist.domain.matching import organisation_key, tag_key
from orchardist.domain.queries import All, AnyOf, AtOrganisation, Everyone, HasTag, InTier, Query, Text


def fts_match(terms: list[str]) -> str:
    """SQLite's FTS5 expression for a search's terms: each one a prefix ("dan" finds "Daniel"); terms
    are letters and digits only. The SQLAlchemy store's search uses it too (``store/queries.py``)."""
    return " ".join(f'"{term}"*' for term in terms)


def where(query: Query | None, space_id: int) -> tuple[str, list[Any]]:
    """The condition on ``people`` for ``query`` within ``space_id``, and its values."""
    values: list[Any] = [space_id]
    if query is None or isinstance(query, Everyone):
        return "people.space_id = ?", values
    condition = _sql(query, space_id, values)
    return f"people.space_id = ? AND {condition}", values


def _sql(query: Query, space_id: int, values: list[Any]) -> str:
    if isinstance(query, Everyone):
        return "1 = 1"
    if isinstance(query, Text):
        if not query.terms:
            return "1 = 1"
        values.append(fts_match(query.terms))
        return "people.id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?)"
    if isinstance(query, HasTag):
        values += [space_id, tag_key(query.tag)]
        return (
            "EXISTS (SELECT 1 FROM person_tags WHERE person_tags.person_id = people.id"
            " AND person_tags.space_id = ? AND person_tags.key = ?)"
        )
    if isinstance(query, InTier):
        values.append(query.tier.value)
        return "people.tier = ?"
    if isinstance(query, AtOrganisation):
        values += [space_id, organisation_key(query.name)]
        return (
            "people.organisation_id IN (SELECT organisations.id FROM organisations"
            " WHERE organisations.space_id = ? AND organisations.name_key = ?)"
        )
    if isinstance(query, All):
        if not query.parts:
            return "1 = 1"
        return "(" + " AND ".join(_sql(part, space_id, values) for part in query.parts) + ")"
    if isinstance(query, AnyOf):
        if not query.parts:
            return "0 = 1"
        return "(" + " OR ".join(_sql(part, space_id, values) for part in query.parts) + ")"
    raise TypeError(f"no SQL for {type(query).__name__}")
