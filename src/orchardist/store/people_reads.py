"""The statements that read people, made once and run with the space and the ids as parameters:
building and checking a statement on every call cost more than SQLite took to answer it."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from orchardist.store.person_rows import JSON_COLUMNS, LOADED_COLUMNS
from orchardist.store.tables import (
    organisations,
    people,
    person_emails,
    person_phones,
    person_tags,
    person_urls,
)

# The columns a Person is read from; JSON ones as their stored text, decoded by ``person_rows``.
LOADED = tuple(
    sa.type_coerce(people.c[name], sa.Text).label(name) if name in JSON_COLUMNS else people.c[name]
    for name in LOADED_COLUMNS
)


# Reading people: statements made once, run with the space and the ids as parameters.
_ROWS = sa.select(
    *LOADED, organisations.c.name.label("organisation_name"), people.c.last_contact_on
).outerjoin(organisations, organisations.c.id == people.c.organisation_id)
ROW_NAMES = (*(column.name for column in LOADED), "organisation_name", "last_contact_on")
"""The names of the columns ``ROWS_…`` give, in order: their rows are read as plain tuples (SQLAlchemy's
row mappings cost more than SQLite took to answer)."""
ROWS_OF_SPACE = _ROWS.where(people.c.space_id == sa.bindparam("space"))
ROWS_BY_ID = _ROWS.where(
    people.c.space_id == sa.bindparam("space"), people.c.id.in_(sa.bindparam("ids", expanding=True))
)
LAST_OF_SPACE = sa.select(people.c.id, people.c.last_contact_on).where(
    people.c.space_id == sa.bindparam("space"), people.c.last_contact_on.is_not(None)
)
LAST_BY_ID = LAST_OF_SPACE.where(people.c.id.in_(sa.bindparam("ids", expanding=True)))
CHILDREN = {"emails": person_emails, "phones": person_phones, "urls": person_urls, "tags": person_tags}


def _children(by_id: bool) -> sa.CompoundSelect[Any]:
    """Each person's e-mails, phones, addresses and tags, as (field, person, value) in their order."""
    parts = []
    for name, table in CHILDREN.items():
        value = table.c.tag if table is person_tags else table.c.value
        part = sa.select(
            sa.literal_column(f"'{name}'").label("field"), table.c.person_id, value, table.c.position
        )
        if by_id:
            # By person: "+ 0" keeps SQLite from scanning the whole space through its (space, key)
            # index when it has no statistics yet.
            part = part.where(
                table.c.space_id + 0 == sa.bindparam("space"),
                table.c.person_id.in_(sa.bindparam("ids", expanding=True)),
            )
        else:
            part = part.where(table.c.space_id == sa.bindparam("space"))
        parts.append(part)
    return sa.union_all(*parts).order_by(sa.text("1, 2, 4"))


CHILDREN_OF_SPACE = _children(by_id=False)
CHILDREN_BY_ID = _children(by_id=True)
