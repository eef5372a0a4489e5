"""A page of people in a list's order, and how many match in all, read in one statement when a search
narrows the list.

For a search, finding the people costs the same whether one page of them is kept or all are counted:
each match found in the search index is looked up in ``people`` (its space, its sort key). Counting
with a window over the same rows, ``count(*) OVER ()``, reads them once rather than twice. A list that
no search narrows keeps the page and the count apart: the page then comes in order from an index, and
stops at its last row.

On SQLite, a search alone, by name, in a store that holds one space (the local app) goes further
(``sqlite_search_page``): the search index counts its own matches, which are then all in the space, and
a search that matches many people walks the name index in order, keeping the matches, until the page is
full, rather than looking up every match and sorting them all.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.queries import All, Order, Query, Text
from orchardist.store.lite.filters import fts_match
from orchardist.store.tables import people

SCAN_FROM = 1_000
"""Matches from which a search's page is found by walking the name index: looking up each match costs
more (its row is read at random) than walking the index, narrow and in order, until the page is full.
At 30,000 people a search for a title's word (4,800 matches) takes 0.9 ms rather than 9 ms, and even a
walk that finds its matches only at the end of the index takes under 3 ms."""

_ALONE = sa.text(
    "SELECT NOT (EXISTS (SELECT 1 FROM people WHERE space_id < :space) "
    "OR EXISTS (SELECT 1 FROM people WHERE space_id > :space))"
)
_FTS_COUNT = sa.text("SELECT count(*) FROM people_fts WHERE people_fts MATCH :match")
_MATCHES = "(SELECT rowid FROM people_fts WHERE people_fts MATCH :match)"
_BY_LOOKUP = sa.text(
    f"SELECT id FROM people WHERE space_id = :space AND id IN {_MATCHES} "
    "ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
)
# "+ id": the matches are not looked up one by one; the name index (space, sort key, id) is walked.
_BY_WALK = sa.text(
    f"SELECT id FROM people INDEXED BY ix_people_space_sort WHERE space_id = :space AND +id IN {_MATCHES} "
    "ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
)


def in_order(statement: sa.Select[Any], order: Order) -> sa.Select[Any]:
    """``statement`` on ``people`` in a list's order: by name; or never contacted first, then the longest
    since the last contact (``last_contact``); or the latest contact first (``recent``)."""
    if order == "name":
        return statement.order_by(people.c.sort_key, people.c.id)
    last = people.c.last_contact_on
    by_date = last.asc().nulls_first() if order == "last_contact" else last.desc().nulls_last()
    return statement.order_by(by_date, people.c.sort_key, people.c.id)


def searches(query: Query | None) -> bool:
    """Whether every person ``query`` matches must match a text search (which narrows the list)."""
    if isinstance(query, Text):
        return bool(query.terms)
    if isinstance(query, All):
        return any(searches(part) for part in query.parts)
    return False


def page_and_total(
    conn: Connection, where: sa.ColumnElement[bool], *, limit: int, offset: int, order: Order
) -> tuple[list[int], int | None]:
    """The ids of the people ``where`` holds for, ``limit`` from ``offset`` in ``order``, and how many
    there are in all; None for the number when the page is empty past the first (it is then unknown)."""
    statement = in_order(sa.select(people.c.id, sa.func.count().over()).where(where), order).limit(limit)
    if offset:
        statement = statement.offset(offset)
    rows = conn.execute(statement).all()
    if rows:
        return [person_id for person_id, _total in rows], int(rows[0][1])
    return [], None if offset else 0


def sqlite_search_page(
    conn: Connection, space_id: int, query: Text, *, limit: int, offset: int
) -> tuple[list[int], int] | None:
    """A page of a search alone, by name, and how many match, on SQLite; None when the store holds other
    spaces too (their people are in the same search index: ``page_and_total`` then counts the space's).

    The search index (``people_fts``) is kept with ``people`` in every write transaction, so in a store of
    one space its count of matches is the space's."""
    if not conn.execute(_ALONE, {"space": space_id}).scalar():
        return None
    match = fts_match(query.terms)
    total = int(conn.execute(_FTS_COUNT, {"match": match}).scalar_one())
    if total == 0 or offset >= total:
        return [], total
    values = {"space": space_id, "match": match, "limit": limit, "offset": offset}
    statement = _BY_WALK if total >= SCAN_FROM else _BY_LOOKUP
    return list(conn.execute(statement, values).scalars()), total
