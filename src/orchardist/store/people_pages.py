"""A page of people in a list's order, and how many match in all, read in one statement when a search
narrows the list.

For a search, finding the people costs the same whether one page of them is kept or all are counted:
each match found in the search index is looked up in ``people`` (its space, its sort key). Counting
with a window over the same rows, ``count(*) OVER ()``, reads them once rather than twice. A list that
no search narrows keeps the page and the count apart: the page then comes in order from an index, and
stops at its last row.

On SQLite, a search alone, by name, in a store that holds one space (the local app) goes further
(``orchardist.store.lite.pages``).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.queries import Order
from orchardist.store.tables import people


def in_order(statement: sa.Select[Any], order: Order) -> sa.Select[Any]:
    """``statement`` on ``people`` in a list's order: by name; or never contacted first, then the longest
    since the last contact (``last_contact``); or the latest contact first (``recent``)."""
    if order == "name":
        return statement.order_by(people.c.sort_key, people.c.id)
    last = people.c.last_contact_on
    by_date = last.asc().nulls_first() if order == "last_contact" else last.desc().nulls_last()
    return statement.order_by(by_date, people.c.sort_key, people.c.id)


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
