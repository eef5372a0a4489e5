"""Turn domain filters (``orchardist.domain.queries``) into SQL for SQLite or PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa

from orchardist.domain.matching import organisation_key, tag_key
from orchardist.domain.queries import All, AnyOf, AtOrganisation, Everyone, HasTag, InTier, Query, Text
from orchardist.store.lite.filters import fts_match
from orchardist.store.tables import organisations, people, person_tags


def _text(query: Text, dialect: str) -> sa.ColumnElement[bool]:
    terms = query.terms
    if not terms:
        return sa.true()
    if dialect == "sqlite":
        matching = sa.text("SELECT rowid FROM people_fts WHERE people_fts MATCH :match").bindparams(
            match=fts_match(terms)
        )
        return people.c.id.in_(matching.columns(sa.column("rowid", sa.Integer)))
    # PostgreSQL: the stored tsvector column the migration adds beside search_text (GIN-indexed).
    tsquery = " & ".join(f"{term}:*" for term in terms)
    return sa.literal_column("people.search_vector").bool_op("@@")(
        sa.func.to_tsquery(sa.literal_column("'simple'"), tsquery)
    )


def to_sql(query: Query, dialect: str, space_id: int) -> sa.ColumnElement[bool]:
    """The WHERE clause for ``query`` on the ``people`` table, within ``space_id``."""
    if isinstance(query, Everyone):
        return sa.true()
    if isinstance(query, Text):
        return _text(query, dialect)
    if isinstance(query, HasTag):
        return sa.exists().where(
            person_tags.c.person_id == people.c.id,
            person_tags.c.space_id == space_id,
            person_tags.c.key == tag_key(query.tag),
        )
    if isinstance(query, InTier):
        return people.c.tier == query.tier.value
    if isinstance(query, AtOrganisation):
        return people.c.organisation_id.in_(
            sa.select(organisations.c.id).where(
                organisations.c.space_id == space_id, organisations.c.name_key == organisation_key(query.name)
            )
        )
    if isinstance(query, All):
        return sa.and_(*(to_sql(part, dialect, space_id) for part in query.parts))
    if isinstance(query, AnyOf):
        return sa.or_(*(to_sql(part, dialect, space_id) for part in query.parts))
    raise TypeError(f"no SQL for {type(query).__name__}")
