"""A page of a search alone, by name, and how many match, on SQLite, in plain SQL: what both the lite
and the SQLAlchemy people repositories answer ``find_page`` with for such a search.

In a store that holds one space (the local app), the search index counts its own matches, which are then
all in the space, and a search that matches many people walks the name index in order, keeping the
matches, until the page is full, rather than looking up every match and sorting them all
(``way_to_page``)."""

from __future__ import annotations

import sqlite3
from typing import Literal

from orchardist.domain.queries import All, Query, Text
from orchardist.store.lite.filters import fts_match

LOOKUP_COST = 10
"""A match looked up in ``people`` (its row read at random for its sort key) costs about as much as ten
entries of the name index walked in order: at 100,000 people, 1.8 µs against 0.17 µs."""
WALK_MARGIN = 2
"""A page is first looked for among the first names in order: as many as ``WALK_MARGIN`` times where the
page's last match would be if the matches were spread evenly through the names."""

Way = Literal["walk", "walk_within", "look_up"]


def way_to_page(total: int, people: int, wanted: int) -> tuple[Way, int]:
    """How to find the first ``wanted`` of ``total`` matches among ``people`` in name order, and how many
    names to walk for ``walk_within``.

    Walking the name index until the page is full costs little when the matches are spread through the
    names (a title's word), and up to every name when they come together late in the order (a
    surname beginning with T); looking up each match costs the same wherever they are. So: every name
    is walked when that costs no more than looking up every match; otherwise, when walking the names
    where the page would be if the matches were spread evenly costs under half the look-ups, those are
    walked first, and the matches looked up only when the page is not full within them (at worst
    one and a half times the look-ups alone)."""
    if total * LOOKUP_COST >= people:
        return "walk", people
    within = WALK_MARGIN * wanted * people // total
    # At most half the look-ups' cost spent on a walk that may not fill the page.
    if 2 * within < total * LOOKUP_COST:
        return "walk_within", within
    return "look_up", 0


_LAST_ID = "SELECT max(id) FROM people"
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
# The first :within names in order (from the name index alone), and the matches among them.
_BY_WALK_WITHIN = (
    "SELECT id FROM (SELECT id, sort_key FROM people INDEXED BY ix_people_space_sort WHERE space_id = :space"
    f" ORDER BY sort_key, id LIMIT :within) WHERE id IN {_MATCHES} ORDER BY sort_key, id"
    " LIMIT :limit OFFSET :offset"
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
    # The store holds this space only: its people are at most as many as the highest id.
    (people,) = conn.execute(_LAST_ID).fetchone()
    way, within = way_to_page(total, people, offset + limit)
    if way == "walk_within":
        page = [person_id for (person_id,) in conn.execute(_BY_WALK_WITHIN, {**values, "within": within})]
        # Full (or holding the last match): the names walked hold every match up to the page's end.
        if len(page) == min(limit, total - offset):
            return page, total
    statement = _BY_WALK if way == "walk" else _BY_LOOKUP
    return [person_id for (person_id,) in conn.execute(statement, values)], total


def searches(query: Query | None) -> bool:
    """Whether every person ``query`` matches must match a text search (which narrows the list)."""
    if isinstance(query, Text):
        return bool(query.terms)
    if isinstance(query, All):
        return any(searches(part) for part in query.parts)
    return False
