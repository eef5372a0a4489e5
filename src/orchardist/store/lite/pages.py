"""A page of a search alone, by name, and how many match, on SQLite, in plain SQL: what both the lite
and the SQLAlchemy people repositories answer ``find_page`` with for such a search.

In a store that holds one space (the local app), the search index counts its own matches, which are then
all in the space, and a search that matches many people walks the name index in order, keeping the
matches, until the page is full, rather than looking up every match and sorting them all."""

from __future__ import annotations

import sqlite3

from orchardist.domain.queries import All, Query, Text
from orchardist.store.lite.filters import fts_match

SCAN_FROM = 1_000
"""Matches from which a search's page is found by walking the name index: looking up each match costs
more (its row is read at random) than walking the index, narrow and in order, until the page is full.
At 30,000 people a search for a title's word (4,800 matches) takes 0.9 ms rather than 9 ms, and even a
walk that finds its matches only at the end of the index takes under 3 ms."""

_ALONE = (
    "SELECT NOT (EXISTS (SELECT 1 FROM people WHERE space_id < :space) "
    "OR EXISTS (SELECT 1 FROM people WHERE space_id > :space))"
)
_FTS_COUNT = "SELECT count(*) FROM people_fts WHERE people_fts MATCH :match"
_MATCHES = "(SELECT rowid FROM people_fts WHERE people_fts MATCH :match)"
_BY_LOOKUP = (
    f"SELECT id FROM people WHERE space_id = :space AND id IN {_MATCHES} "
    "ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
)
# "+ id": the matches are not looked up one by one; the name index (space, sort key, id) is walked.
_BY_WALK = (
    f"SELECT id FROM people INDEXED BY ix_people_space_sort WHERE space_id = :space AND +id IN {_MATCHES} "
    "ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
)


def search_page(
    conn: sqlite3.Connection, space_id: int, query: Text, *, limit: int, offset: int
) -> tuple[list[int], int] | None:
    """The ids of a page of ``query``'s matches by name, and how many match in all; None when the store
    holds other spaces too (their people are in the same search index; the caller then counts the
    space's own).

    The search index (``people_fts``) is kept with ``people`` in every write transaction, so in a store
    of one space its count of matches is the space's."""
    (alone,) = conn.execute(_ALONE, {"space": space_id}).fetchone()
    if not alone:
        return None
    match = fts_match(query.terms)
    (total,) = conn.execute(_FTS_COUNT, {"match": match}).fetchone()
    if total == 0 or offset >= total:
        return [], total
    values = {"space": space_id, "match": match, "limit": limit, "offset": offset}
    statement = _BY_WALK if total >= SCAN_FROM else _BY_LOOKUP
    return [person_id for (person_id,) in conn.execute(statement, values)], total


def searches(query: Query | None) -> bool:
    """Whether every person ``query`` matches must match a text search (which narrows the list)."""
    if isinstance(query, Text):
        return bool(query.terms)
    if isinstance(query, All):
        return any(searches(part) for part in query.parts)
    return False
