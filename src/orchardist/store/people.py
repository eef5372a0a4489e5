"""People in one space: rows in, domain ``Person`` objects out."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.matching import (
    email_key,
    fold,
    linkedin_key,
    name_key,
    name_org_key,
    organisation_key,
    phone_key,
)
from orchardist.domain.people import PERSON_FIELDS, NamedDate, PartialDate, Person, Tier
from orchardist.domain.queries import Everyone, Query
from orchardist.domain.search import search_text, sort_key
from orchardist.domain.tending import WORK_ANNIVERSARY_LABELS
from orchardist.store.bulk import insert_rows
from orchardist.store.queries import to_sql
from orchardist.store.tables import (
    interaction_people,
    interactions,
    organisations,
    people,
    person_emails,
    person_phones,
    person_tags,
    person_urls,
)

Order = Literal["name", "last_contact", "recent"]

_CONTACT_POINTS = (
    ("emails", person_emails, email_key),
    ("phones", person_phones, phone_key),
    ("urls", person_urls, lambda url: linkedin_key(url) or url.strip()),
)
# SQLite allows 32,766 bound parameters per statement; stay well under it for IN lists.
_CHUNK = 5_000


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _dates_to_json(dates: Sequence[NamedDate]) -> list[dict[str, str]]:
    return [{"label": item.label, "date": item.date.isoformat()} for item in dates]


# Columns that exist for the database's sake (search, sorting, matching, bookkeeping), not the Person.
# Columns the store keeps for its own queries (search, sorting, Today), not part of a Person.
_NOT_LOADED = frozenset(
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
def _dates_from_text(text: str) -> tuple[NamedDate, ...]:
    if text == "[]":
        return ()
    return tuple(
        NamedDate(label=item["label"], date=PartialDate.parse(item["date"])) for item in json.loads(text)
    )


@lru_cache(maxsize=4_096)
def _source_items_from_text(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if text == "{}":
        return ()
    return tuple((name, tuple(labels)) for name, labels in json.loads(text).items())


_TEXT_FIELDS = tuple(
    name
    for name in PERSON_FIELDS
    if name not in {"tier", "every_days", "met_through_id", "birthday", "dates"}
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


def allocate_ids(conn: Connection, table: sa.Table, count: int) -> list[int]:
    """Reserve ``count`` new ids for ``table`` so a bulk insert needs no RETURNING round trips.

    SQLite: the caller's write transaction (BEGIN IMMEDIATE) holds the only write lock, so the ids
    after the current maximum are free. PostgreSQL: drawn from the column's sequence.
    """
    if count == 0:
        return []
    if conn.dialect.name == "sqlite":
        start = conn.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).scalar_one() + 1
        return list(range(start, start + count))
    sequence = sa.func.pg_get_serial_sequence(table.name, "id")
    return list(
        conn.execute(
            sa.select(sa.func.nextval(sequence)).select_from(sa.func.generate_series(1, count))
        ).scalars()
    )


@dataclass(slots=True)
class MatchIndex:
    """What imports match against: keys to people, namesakes, and each person's profile and employer."""

    keys: dict[tuple[str, str], int] = field(default_factory=dict)
    names: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    profiles: dict[int, tuple[str, str]] = field(default_factory=dict)


class PeopleRepository:
    """Reads and writes the people of one space; every query is scoped to it."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    # -- writing -------------------------------------------------------------------------------

    def add(self, person: Person) -> Person:
        """Store a new person and return it with its id."""
        (person_id,) = self.add_many([person])
        return self.require(person_id)

    def add_many(self, new_people: Sequence[Person]) -> list[int]:
        """Store many new people in bulk; returns their ids in the same order."""
        if not new_people:
            return []
        now = datetime.now(UTC)
        new_people = [without_nul(person) for person in new_people]
        org_ids = self._organisation_ids(person.organisation for person in new_people)
        ids = allocate_ids(self.conn, people, len(new_people))
        rows = [self._row(person, org_ids, now, created=True) for person in new_people]
        for person_id, row in zip(ids, rows, strict=True):
            row["id"] = person_id
        insert_rows(self.conn, people, rows)
        if self.conn.dialect.name == "sqlite":
            self.conn.execute(
                sa.text(
                    "INSERT INTO people_fts(rowid, search_text) SELECT id, search_text FROM people "
                    "WHERE id BETWEEN :first AND :last"
                ),
                {"first": ids[0], "last": ids[-1]},
            )
        self._write_children(list(zip(ids, new_people, strict=True)))
        return ids

    def update(self, person: Person) -> None:
        """Replace everything stored about ``person`` (it must have an id in this space)."""
        self.update_many([person])

    def update_many(self, changed: Sequence[Person]) -> None:
        if not changed:
            return
        now = datetime.now(UTC)
        changed = [without_nul(person) for person in changed]
        org_ids = self._organisation_ids(person.organisation for person in changed)
        for person in changed:
            if person.id is None:
                raise ValueError("a person must have an id to be updated")
            row = self._row(person, org_ids, now, created=False)
            self.conn.execute(
                people.update()
                .where(people.c.id == person.id, people.c.space_id == self.space_id)
                .values(**row)
            )
        ids = [person.id for person in changed if person.id is not None]
        for table in (person_emails, person_phones, person_urls, person_tags):
            for chunk in _chunks(ids):
                self.conn.execute(
                    table.delete().where(table.c.space_id == self.space_id, table.c.person_id.in_(chunk))
                )
        self._write_children([(person.id, person) for person in changed if person.id is not None])

    def refresh_statistics(self) -> None:
        """Let the query planner see the table as it is after a bulk change (a large import)."""
        if self.conn.dialect.name == "sqlite":
            # Analyses only the tables whose statistics are out of date.
            self.conn.exec_driver_sql("PRAGMA optimize")
        else:
            for table in (
                "people",
                "person_emails",
                "person_phones",
                "person_urls",
                "person_tags",
                "organisations",
            ):
                self.conn.exec_driver_sql(f"ANALYZE {table}")

    def set_met_through(self, pairs: Sequence[tuple[int, int]]) -> None:
        """Record who introduced whom: ``(person_id, introduced_by_id)`` pairs, both in this space."""
        if not pairs:
            return
        introducer = people.alias("introducer")
        statement = (
            people.update()
            .where(people.c.id == sa.bindparam("person"), people.c.space_id == self.space_id)
            .where(
                sa.exists().where(
                    introducer.c.id == sa.bindparam("through"), introducer.c.space_id == self.space_id
                )
            )
            .values(met_through_id=sa.bindparam("through"))
        )
        self.conn.execute(statement, [{"person": person, "through": through} for person, through in pairs])

    def delete(self, person_id: int) -> bool:
        """Delete a person for real: their contact points, links and search index entries go too."""
        result = self.conn.execute(
            people.delete().where(people.c.id == person_id, people.c.space_id == self.space_id)
        )
        # Interactions that involved only this person are about nobody now.
        self.conn.execute(
            interactions.delete().where(
                interactions.c.space_id == self.space_id,
                ~sa.exists().where(interaction_people.c.interaction_id == interactions.c.id),
            )
        )
        if result.rowcount and self.conn.dialect.name == "sqlite":
            # Merge the FTS segments so the deleted words leave the index, not just get masked.
            self.conn.exec_driver_sql("INSERT INTO people_fts(people_fts) VALUES ('optimize')")
        return bool(result.rowcount)

    def _row(
        self, person: Person, org_ids: Mapping[str, int], now: datetime, *, created: bool
    ) -> dict[str, Any]:
        row: dict[str, Any] = {
            "space_id": self.space_id,
            "display_name": person.display_name,
            "given_name": person.given_name,
            "family_name": person.family_name,
            "pronouns": person.pronouns,
            "linkedin_url": person.linkedin_url,
            "linkedin_key": linkedin_key(person.linkedin_url),
            "organisation_id": org_ids.get(organisation_key(person.organisation)),
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
            "dates": _dates_to_json(person.dates),
            "has_work_date": any(
                item.label.strip().casefold() in WORK_ANNIVERSARY_LABELS for item in person.dates
            ),
            "notes": person.notes,
            "sources": person.sources,
            "search_text": search_text(person),
            "sort_key": sort_key(person),
            "updated_at": now,
        }
        if created:
            row["created_at"] = now
        return row

    def _write_children(self, pairs: Sequence[tuple[int, Person]]) -> None:
        for field_name, table, key_of in _CONTACT_POINTS:
            rows = [
                {
                    "space_id": self.space_id,
                    "person_id": person_id,
                    "position": position,
                    "value": value,
                    "key": key_of(value),
                }
                for person_id, person in pairs
                for position, value in enumerate(getattr(person, field_name))
            ]
            insert_rows(self.conn, table, rows)
        tag_rows = [
            {
                "space_id": self.space_id,
                "person_id": person_id,
                "position": position,
                "tag": tag,
                "key": fold(tag),
            }
            for person_id, person in pairs
            for position, tag in enumerate(person.tags)
        ]
        insert_rows(self.conn, person_tags, tag_rows)

    def _organisation_ids(self, names: Iterable[str]) -> dict[str, int]:
        """Ids of the organisations named, by folded name, creating the missing ones."""
        wanted: dict[str, str] = {}
        for name in names:
            key = organisation_key(name)
            if key and key not in wanted:
                wanted[key] = name.strip()
        if not wanted:
            return {}
        found: dict[str, int] = {}
        keys = list(wanted)
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            rows = self.conn.execute(
                sa.select(organisations.c.name_key, organisations.c.id).where(
                    organisations.c.space_id == self.space_id, organisations.c.name_key.in_(chunk)
                )
            )
            found.update((key, org_id) for key, org_id in rows)
        missing = [key for key in keys if key not in found]
        if missing:
            new_ids = allocate_ids(self.conn, organisations, len(missing))
            self.conn.execute(
                organisations.insert(),
                [
                    {
                        "id": org_id,
                        "space_id": self.space_id,
                        "name": wanted[key],
                        "name_key": key,
                        "aliases": [],
                        "domains": [],
                    }
                    for org_id, key in zip(new_ids, missing, strict=True)
                ],
            )
            found.update(zip(missing, new_ids, strict=True))
        return found

    # -- reading -------------------------------------------------------------------------------

    def get(self, person_id: int) -> Person | None:
        return self.get_many([person_id]).get(person_id)

    def require(self, person_id: int) -> Person:
        person = self.get(person_id)
        if person is None:
            raise LookupError(f"no person with id {person_id}")
        return person

    def get_many(self, ids: Sequence[int]) -> dict[int, Person]:
        """The people with these ids that exist in this space, by id."""
        wanted = list(dict.fromkeys(ids))
        if len(wanted) > _CHUNK:
            # An import matching most of a large network: one pass over the space beats many IN lists.
            keep = set(wanted)
            return {
                person_id: person for person_id, person in self._load(None, None).items() if person_id in keep
            }
        loaded: dict[int, Person] = {}
        for chunk in _chunks(wanted):
            loaded.update(self._load(people.c.id.in_(chunk), chunk))
        return loaded

    def all(self) -> list[Person]:
        """Every person in the space, sorted by name."""
        return sorted(self._load(None, None).values(), key=lambda p: (sort_key(p), p.id or 0))

    def find(
        self, query: Query | None = None, *, limit: int | None = None, offset: int = 0, order: Order = "name"
    ) -> list[Person]:
        """People matching ``query`` in the given order (``last_contact``: longest since first)."""
        ids = self.find_ids(query, limit=limit, offset=offset, order=order)
        loaded = self.get_many(ids)
        return [loaded[person_id] for person_id in ids if person_id in loaded]

    def find_ids(
        self, query: Query | None = None, *, limit: int | None = None, offset: int = 0, order: Order = "name"
    ) -> list[int]:
        statement = sa.select(people.c.id).where(self._where(query))
        if order == "name":
            statement = statement.order_by(people.c.sort_key, people.c.id)
        else:
            last = people.c.last_contact_on
            # Never contacted first, then the longest since the last contact; or the latest first.
            by_date = last.asc().nulls_first() if order == "last_contact" else last.desc().nulls_last()
            statement = statement.order_by(by_date, people.c.sort_key, people.c.id)
        if limit is not None:
            statement = statement.limit(limit)
        if offset:
            statement = statement.offset(offset)
        return list(self.conn.execute(statement).scalars())

    def count(self, query: Query | None = None) -> int:
        return int(self.conn.execute(sa.select(sa.func.count()).where(self._where(query))).scalar_one())

    def exists(self, person_id: int) -> bool:
        return (
            self.conn.execute(
                sa.select(people.c.id).where(people.c.id == person_id, people.c.space_id == self.space_id)
            ).first()
            is not None
        )

    def last_contacts(self, ids: Sequence[int] | None = None) -> dict[int, date]:
        """The date of the latest interaction with each person (only those with one)."""
        statement = sa.select(people.c.id, people.c.last_contact_on).where(
            people.c.space_id == self.space_id, people.c.last_contact_on.is_not(None)
        )
        if ids is None:
            return {person_id: on for person_id, on in self.conn.execute(statement)}
        found: dict[int, date] = {}
        for chunk in _chunks(list(ids)):
            rows = self.conn.execute(statement.where(people.c.id.in_(chunk)))
            found.update((person_id, on) for person_id, on in rows)
        return found

    def match_index(self) -> MatchIndex:
        """Everything an import matches against, read once so 30,000 rows cost look-ups, not queries.

        Where two people share a key the lower id wins, so matching is deterministic.
        """
        index = MatchIndex()

        def put(kind: str, key: str, person_id: int) -> None:
            if key and (kind, key) not in index.keys:
                index.keys[(kind, key)] = person_id

        linked = self.conn.execute(
            sa.select(people.c.id, people.c.linkedin_key)
            .where(people.c.space_id == self.space_id, people.c.linkedin_key != "")
            .order_by(people.c.id)
        )
        for person_id, key in linked:
            put("linkedin", key, person_id)
        for kind, table in (("linkedin", person_urls), ("email", person_emails), ("phone", person_phones)):
            rows = self.conn.execute(
                sa.select(table.c.person_id, table.c.key)
                .where(table.c.space_id == self.space_id)
                .order_by(table.c.person_id)
            )
            for person_id, key in rows:
                if kind == "linkedin" and not key.startswith("linkedin.com/"):
                    continue
                if kind == "phone" and len(key) < 7:
                    continue
                put(kind, key, person_id)
        named = self.conn.execute(
            sa.select(
                people.c.id,
                people.c.given_name,
                people.c.family_name,
                people.c.display_name,
                people.c.linkedin_key,
                organisations.c.name,
            )
            .outerjoin(organisations, organisations.c.id == people.c.organisation_id)
            .where(people.c.space_id == self.space_id)
            .order_by(people.c.id)
        )
        for person_id, given, family, display, profile, org in named:
            person = Person(
                display_name=display, given_name=given, family_name=family, organisation=org or ""
            )
            put("name_org", name_org_key(person), person_id)
            index.names[name_key(person)].append(person_id)
            index.profiles[person_id] = (profile, fold(org or ""))
        return index

    def _where(self, query: Query | None) -> sa.ColumnElement[bool]:
        scope = people.c.space_id == self.space_id
        if query is None or isinstance(query, Everyone):
            return scope
        return sa.and_(scope, to_sql(query, self.conn.dialect.name, self.space_id))

    def _load(self, condition: sa.ColumnElement[bool] | None, ids: Sequence[int] | None) -> dict[int, Person]:
        where = people.c.space_id == self.space_id
        if condition is not None:
            where = sa.and_(where, condition)
        columns = [
            sa.type_coerce(column, sa.Text).label(column.name)
            if column.name in ("dates", "sources")
            else column
            for column in people.columns
            if column.name not in _NOT_LOADED
        ]
        rows = self.conn.execute(
            sa.select(*columns, organisations.c.name.label("organisation_name"))
            .outerjoin(organisations, organisations.c.id == people.c.organisation_id)
            .where(where)
        ).mappings()
        base = {row["id"]: row for row in rows.all()}
        if not base:
            return {}
        children: dict[str, dict[int, list[str]]] = {}
        for field_name, table, _key in (*_CONTACT_POINTS, ("tags", person_tags, None)):
            value_column = table.c.tag if table is person_tags else table.c.value
            statement = sa.select(table.c.person_id, value_column)
            if ids is None:
                statement = statement.where(table.c.space_id == self.space_id)
            else:
                # By person: "+ 0" keeps SQLite from scanning the whole space through its (space, key)
                # index when it has no statistics yet.
                statement = statement.where(table.c.space_id + 0 == self.space_id, table.c.person_id.in_(ids))
            grouped: dict[int, list[str]] = defaultdict(list)
            for person_id, value in self.conn.execute(
                statement.order_by(table.c.person_id, table.c.position)
            ).all():
                grouped[person_id].append(value)
            children[field_name] = grouped
        return {
            person_id: Person(
                id=person_id,
                display_name=row["display_name"],
                given_name=row["given_name"],
                family_name=row["family_name"],
                pronouns=row["pronouns"],
                emails=tuple(children["emails"].get(person_id, ())),
                phones=tuple(children["phones"].get(person_id, ())),
                urls=tuple(children["urls"].get(person_id, ())),
                linkedin_url=row["linkedin_url"],
                organisation=row["organisation_name"] or "",
                title=row["title"],
                location=row["location"],
                tags=tuple(children["tags"].get(person_id, ())),
                tier=Tier(row["tier"]),
                every_days=row["every_days"],
                interests=tuple(row["interests"]),
                can_help_with=tuple(row["can_help_with"]),
                could_use_help_with=tuple(row["could_use_help_with"]),
                how_met=row["how_met"],
                where_met=row["where_met"],
                met_through_id=row["met_through_id"],
                birthday=PartialDate.parse(row["birthday"]) if row["birthday"] else None,
                dates=_dates_from_text(row["dates"]),
                notes=row["notes"],
                sources=dict(_source_items_from_text(row["sources"])),
            )
            for person_id, row in base.items()
        }
