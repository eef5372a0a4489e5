"""People in one space: rows in, domain ``Person`` objects out."""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.discretion import WorkTies
from orchardist.domain.matching import (
    CONTACT_KEY_LENGTH,
    bounded,
    email_key,
    linkedin_key,
    organisation_key,
    phone_key,
    tag_key,
)
from orchardist.domain.messages import NotFound
from orchardist.domain.people import Person, new_uids
from orchardist.domain.queries import Everyone, Order, Query, Text
from orchardist.domain.search import sort_key
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.store.bulk import insert_values, stored_value
from orchardist.store.figures import WeeklyFigures, added_day
from orchardist.store.ids import allocate_ids, ids_for
from orchardist.store.lite.pages import search_page, searches
from orchardist.store.people_pages import in_order, page_and_total
from orchardist.store.people_reads import (
    CHILDREN_BY_ID,
    CHILDREN_OF_SPACE,
    LAST_BY_ID,
    LAST_OF_SPACE,
    ROW_NAMES,
    ROWS_BY_ID,
    ROWS_OF_SPACE,
)
from orchardist.store.person_rows import (
    NEW_PERSON_COLUMNS,
    PersonValues,
    has_nul,
    new_person_values,
    person_from,
    person_row,
    person_values,
    without_nul,
)
from orchardist.store.queries import to_sql
from orchardist.store.tables import (
    interaction_people,
    interactions,
    job_changes,
    organisations,
    people,
    person_emails,
    person_phones,
    person_tags,
    person_urls,
)
from orchardist.store.times import to_store

_CONTACT_POINTS = (
    ("emails", person_emails, email_key),
    ("phones", person_phones, phone_key),
    ("urls", person_urls, lambda url: linkedin_key(url) or bounded(url.strip(), CONTACT_KEY_LENGTH)),
)
# The columns of people that a query's plan depends on (refresh_statistics).
_PLANNED_COLUMNS = (
    "id",
    "space_id",
    "sort_key",
    "last_contact_on",
    "tier",
    "created_at",
    "updated_at",
    "every_days",
    "birthday",
    "has_work_date",
    "linkedin_key",
    "organisation_id",
    "met_through_id",
    "knows_search",
    "coworker_override",
    "could_use_help_with",
    "sources",
    "search_vector",
)
# SQLite allows 32,766 bound parameters per statement; stay well under it for IN lists.
_CHUNK = 5_000


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


@functools.cache
def _tagged_from(dialect: str, columns: str) -> sa.Select[Any]:
    """People with a tag (``key``) whose name's sources start with ``needle``: their ids, or how many.

    Built once: every full page counts the demo's people. A case-sensitive search on both databases
    (SQLite's LIKE ignores case).
    """
    find = sa.func.instr if dialect == "sqlite" else sa.func.strpos
    tagged = sa.select(person_tags.c.person_id).where(
        person_tags.c.space_id == sa.bindparam("space"), person_tags.c.key == sa.bindparam("key")
    )
    condition = sa.and_(
        people.c.space_id == sa.bindparam("space"),
        people.c.id.in_(tagged),
        find(sa.type_coerce(people.c.sources, sa.Text), sa.bindparam("needle", type_=sa.Text)) > 0,
    )
    if columns == "count":
        return sa.select(sa.func.count()).select_from(people).where(condition)
    return sa.select(people.c.id).where(condition)


class JobMove(Protocol):
    """A new job an import saw: who, and the organisation and title before and after."""

    @property
    def person_id(self) -> int: ...
    @property
    def old_organisation(self) -> str: ...
    @property
    def old_title(self) -> str: ...
    @property
    def new_organisation(self) -> str: ...
    @property
    def new_title(self) -> str: ...


def prepared_values(person: Person, dates_seen: dict[int, tuple[str, bool]]) -> PersonValues:
    """A new person's own columns, worked out before they are added (``add_many``'s ``worked_out``):
    no database is read. ``dates_seen`` is kept by the caller across people (see ``person_values``)."""
    return person_values(without_nul(person) if has_nul(person) else person, dates_seen)


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

    def add_many(
        self,
        new_people: Sequence[Person],
        *,
        keep_ids: bool = False,
        added: Sequence[datetime | None] | None = None,
        worked_out: Sequence[PersonValues | None] | None = None,
    ) -> list[int]:
        """Store many new people in bulk; returns their ids in the same order.

        With ``keep_ids`` (a restore or a backup imported), a person's own ``id`` is kept when no row
        holds it; ``added`` gives when each was added (None: now); ``worked_out`` each one's own
        columns when already worked out (``prepared_values``; None: worked out here).
        """
        if not new_people:
            return []
        now = datetime.now(UTC)
        new_people = [without_nul(person) if has_nul(person) else person for person in new_people]
        named = dict.fromkeys(person.organisation for person in new_people)  # first spelling first
        org_ids = self._organisation_ids(named)
        org_of = {name: org_ids.get(organisation_key(name)) for name in named}
        if keep_ids:
            ids = ids_for(self.conn, people, [person.id for person in new_people])
        else:
            ids = allocate_ids(self.conn, people, len(new_people))
        created = None
        if added is not None and any(when is not None for when in added):
            created = [now if when is None else to_store(when) for when in added]
        # The weekly figures first: on PostgreSQL the rows below go in by COPYs that run on while the
        # caller works (``bulk.insert_values``) until the next statement, which here would be at once.
        figures = WeeklyFigures(self.conn, self.space_id)
        days = Counter(added_day(when) for when in created) if created else Counter({now.date(): len(ids)})
        for day, number in sorted(days.items()):
            figures.count_added(day, number)
        stored_now = stored_value(self.conn, people.c.created_at, now)
        space_id = self.space_id
        dates_seen: dict[int, tuple[str, bool]] = {}
        # A person's UID is given once, when they are added (unless a card or a backup brought one), and
        # never written again.
        fresh = iter(new_uids(sum(1 for person in new_people if not person.uid)))
        insert_values(
            self.conn,
            people,
            NEW_PERSON_COLUMNS,
            [
                new_person_values(
                    person,
                    person_id,
                    person.uid or next(fresh),
                    space_id,
                    org_of[person.organisation],
                    stored_now
                    if created is None
                    else stored_value(self.conn, people.c.created_at, created[at]),
                    stored_now,
                    dates_seen,
                    worked_out[at] if worked_out is not None else None,
                )
                for at, (person_id, person) in enumerate(zip(ids, new_people, strict=True))
            ],
        )
        if self.conn.dialect.name == "sqlite":
            self._index_for_search(ids)
        self._write_children(list(zip(ids, new_people, strict=True)))
        return ids

    def _index_for_search(self, ids: Sequence[int]) -> None:
        """Add new people to SQLite's full-text index: one range when their ids follow on, else by id."""
        insert = "INSERT INTO people_fts(rowid, search_text) SELECT id, search_text FROM people WHERE "
        if ids[-1] - ids[0] == len(ids) - 1 and list(ids) == list(range(ids[0], ids[-1] + 1)):
            self.conn.execute(
                sa.text(insert + "id BETWEEN :first AND :last"), {"first": ids[0], "last": ids[-1]}
            )
            return
        by_id = sa.text(insert + "id IN :ids").bindparams(sa.bindparam("ids", expanding=True))
        for chunk in _chunks(list(ids)):
            self.conn.execute(by_id, {"ids": list(chunk)})

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
            row = person_row(person, self.space_id, org_ids.get(organisation_key(person.organisation)), now)
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
            # Of people, the columns queries filter, sort, join or search on: the names, notes and other
            # texts are only ever shown, and their statistics were two thirds of the analysis's time.
            self.conn.exec_driver_sql(f"ANALYZE people ({', '.join(_PLANNED_COLUMNS)})")
            for table in (
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
        with WeeklyFigures(self.conn, self.space_id).tracking([person_id]):
            return self._delete(person_id)

    def _delete(self, person_id: int) -> bool:
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

    def _write_children(self, pairs: Sequence[tuple[int, Person]]) -> None:
        columns = ("space_id", "person_id", "position", "value", "key")
        for field_name, table, key_of in _CONTACT_POINTS:
            values = [
                (self.space_id, person_id, position, value, key_of(value))
                for person_id, person in pairs
                for position, value in enumerate(getattr(person, field_name))
            ]
            insert_values(self.conn, table, columns, values)
        tags = [
            (self.space_id, person_id, position, tag, tag_key(tag))
            for person_id, person in pairs
            for position, tag in enumerate(person.tags)
        ]
        insert_values(self.conn, person_tags, ("space_id", "person_id", "position", "tag", "key"), tags)

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

    def repoint_introductions(self, from_id: int, to_id: int) -> None:
        """Whoever ``from_id`` introduced was introduced by ``to_id`` (merging two records)."""
        self.conn.execute(
            people.update()
            .where(people.c.space_id == self.space_id, people.c.met_through_id == from_id)
            .values(met_through_id=to_id)
        )
        self.conn.execute(
            job_changes.update()
            .where(job_changes.c.space_id == self.space_id, job_changes.c.person_id == from_id)
            .values(person_id=to_id)
        )

    def record_job_changes(self, seen_on: date, source: str, changes: Sequence[JobMove]) -> None:
        """Remember the new jobs an import saw (Today congratulates them)."""
        if changes:
            self.conn.execute(
                job_changes.insert(),
                [
                    {
                        "space_id": self.space_id,
                        "person_id": change.person_id,
                        "seen_on": seen_on,
                        "old_organisation": change.old_organisation,
                        "old_title": change.old_title,
                        "new_organisation": change.new_organisation,
                        "new_title": change.new_title,
                        "source": source,
                    }
                    for change in changes
                ],
            )

    def delete_everyone(self) -> None:
        """Delete every person, interaction and organisation of the space (a restore replaces them).

        Deleting the people cascades to their contact points, links, job changes, snoozes and the rest.
        """
        for table in (interactions, people, organisations):
            self.conn.execute(table.delete().where(table.c.space_id == self.space_id))
        WeeklyFigures(self.conn, self.space_id).clear()

    # -- reading -------------------------------------------------------------------------------

    def get(self, person_id: int) -> Person | None:
        return self.get_many([person_id]).get(person_id)

    def require(self, person_id: int) -> Person:
        person = self.get(person_id)
        if person is None:
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        return person

    def get_many(self, ids: Sequence[int]) -> dict[int, Person]:
        """The people with these ids that exist in this space, by id."""
        wanted = list(dict.fromkeys(ids))
        if len(wanted) > _CHUNK:
            # An import matching most of a large network: one pass over the space beats many IN lists.
            keep = set(wanted)
            return {person_id: person for person_id, person in self._load(None).items() if person_id in keep}
        loaded: dict[int, Person] = {}
        for chunk in _chunks(wanted):
            loaded.update(self._load(chunk))
        return loaded

    def get_many_with_last_contacts(self, ids: Sequence[int]) -> tuple[dict[int, Person], dict[int, date]]:
        """``get_many`` and ``last_contacts`` of the same people, read together (a page of a list)."""
        loaded: dict[int, Person] = {}
        last: dict[int, date] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            loaded.update(self._load(chunk, last))
        return loaded, last

    def all(self) -> list[Person]:
        """Every person in the space, sorted by name."""
        return sorted(self._load(None).values(), key=lambda p: (sort_key(p), p.id or 0))

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
        statement = in_order(sa.select(people.c.id).where(self._where(query)), order)
        if limit is not None:
            statement = statement.limit(limit)
        if offset:
            statement = statement.offset(offset)
        return list(self.conn.execute(statement).scalars())

    def find_page(
        self, query: Query | None, *, limit: int, offset: int = 0, order: Order = "name"
    ) -> tuple[list[int], int]:
        """The ids of one page of the people matching ``query`` (as ``find_ids``), and how many match in
        all; a search reads its matches once for both (``orchardist.store.people_pages``)."""
        if not searches(query):
            return self.find_ids(query, limit=limit, offset=offset, order=order), self.count(query)
        if isinstance(query, Text) and order == "name" and self.conn.dialect.name == "sqlite":
            # The same plain SQL as the lite repository's, on this transaction's own connection.
            raw = self.conn.connection.dbapi_connection
            found = search_page(raw, self.space_id, query, limit=limit, offset=offset)  # type: ignore[arg-type]
            if found is not None:
                return found
        ids, total = page_and_total(self.conn, self._where(query), limit=limit, offset=offset, order=order)
        return ids, self.count(query) if total is None else total

    def count(self, query: Query | None = None) -> int:
        return int(self.conn.execute(sa.select(sa.func.count()).where(self._where(query))).scalar_one())

    def tags_in_use(self) -> list[tuple[str, int]]:
        """Every tag once (tags that differ only in case or accents are one), with how many carry it."""
        statement = (
            sa.select(sa.func.min(person_tags.c.tag), sa.func.count())
            .where(person_tags.c.space_id == self.space_id)
            .group_by(person_tags.c.key)
            .order_by(person_tags.c.key)
        )
        return [(name, count) for name, count in self.conn.execute(statement)]

    def organisations_in_use(self, limit: int) -> list[tuple[str, int]]:
        """The organisations people work at, with how many, the most common first."""
        own = sa.select(organisations.c.id).where(organisations.c.space_id == self.space_id)
        # Organisations belong to one space and so do the people who work there; counting through the
        # organisation index alone (no look-up of each person's row) keeps this at a few milliseconds.
        staff = (
            sa.select(people.c.organisation_id.label("organisation_id"), sa.func.count().label("people"))
            .where(people.c.organisation_id.in_(own))
            .group_by(people.c.organisation_id)
            .subquery()
        )
        statement = (
            sa.select(organisations.c.name, staff.c.people)
            .join(staff, staff.c.organisation_id == organisations.c.id)
            .order_by(staff.c.people.desc(), organisations.c.name_key)
            .limit(limit)
        )
        return [(name, number) for name, number in self.conn.execute(statement)]

    def ids_tagged(self, tag: str) -> list[int]:
        """The people tagged ``tag`` (case and accents ignored), through the tags' own index."""
        return list(
            self.conn.execute(
                sa.select(person_tags.c.person_id).where(
                    person_tags.c.space_id == self.space_id, person_tags.c.key == tag_key(tag)
                )
            ).scalars()
        )

    def _tagged_from(self, columns: str, tag: str, source: str) -> sa.engine.Result[Any]:
        # ``sources`` is compact JSON (JSONText): the name's sources are the list after this key, and a
        # quote inside any value is escaped, so only the key itself can match.
        needle = f'"display_name":{json.dumps([source], ensure_ascii=False)[:-1]}'
        values = {"space": self.space_id, "key": tag_key(tag), "needle": needle}
        return self.conn.execute(_tagged_from(self.conn.dialect.name, columns), values)

    def ids_tagged_from(self, tag: str, source: str) -> list[int]:
        """The people tagged ``tag`` (case and accents ignored) whose name came first from ``source``
        (as ``Person.sources`` reads), found through the tags' index: the cost follows how many carry
        the tag, never the network."""
        return list(self._tagged_from("ids", tag, source).scalars())

    def count_tagged_from(self, tag: str, source: str) -> int:
        """How many people ``ids_tagged_from`` finds, in one counting query."""
        return int(self._tagged_from("count", tag, source).scalar_one())

    def exists(self, person_id: int) -> bool:
        return (
            self.conn.execute(
                sa.select(people.c.id).where(people.c.id == person_id, people.c.space_id == self.space_id)
            ).first()
            is not None
        )

    def last_contacts(self, ids: Sequence[int] | None = None) -> dict[int, date]:
        """The date of the latest interaction with each person (only those with one)."""
        if ids is None:
            return {
                person_id: on for person_id, on in self.conn.execute(LAST_OF_SPACE, {"space": self.space_id})
            }
        found: dict[int, date] = {}
        for chunk in _chunks(list(ids)):
            rows = self.conn.execute(LAST_BY_ID, {"space": self.space_id, "ids": list(chunk)})
            found.update((person_id, on) for person_id, on in rows)
        return found

    def organisation_names(self) -> list[tuple[int, str]]:
        """Every organisation of the space, by id (the discretion guard compares each name once)."""
        statement = sa.select(organisations.c.id, organisations.c.name).where(
            organisations.c.space_id == self.space_id
        )
        return [(org_id, name) for org_id, name in self.conn.execute(statement)]

    def work_ties(self, organisation_ids: Sequence[int], domains: Sequence[str]) -> list[WorkTies]:
        """Everyone who could be a co-worker or is marked: at one of these organisations, with an
        e-mail at one of these domains or a sub-domain of one, or whom the user marked (a co-worker
        or not, or knowing of the search); by name. Their e-mails listed are those at the domains."""
        at_domain = sa.or_(
            sa.false(),
            *(
                cond
                for domain in domains
                for cond in (person_emails.c.key.like(f"%@{domain}"), person_emails.c.key.like(f"%.{domain}"))
            ),
        )
        emails_at_work = sa.select(person_emails.c.person_id, person_emails.c.value).where(
            person_emails.c.space_id == self.space_id, at_domain
        )
        work_emails: dict[int, list[str]] = defaultdict(list)
        if domains:
            for person_id, value in self.conn.execute(emails_at_work):
                work_emails[person_id].append(value)
        # Each way in through its own index (one OR over them all would read every row of the space).
        # The marks' condition is written as their partial index's (``tables.py``), so SQLite takes it.
        scope = people.c.space_id == self.space_id
        marked = sa.select(people.c.id).where(
            scope, sa.or_(people.c.knows_search.is_(True), people.c.coworker_override.is_not(None))
        )
        wanted = set(work_emails) | set(self.conn.execute(marked).scalars())
        for chunk in _chunks(list(organisation_ids)):
            wanted.update(
                self.conn.execute(
                    sa.select(people.c.id).where(scope, people.c.organisation_id.in_(chunk))
                ).scalars()
            )
        found: list[Any] = []
        columns = (
            people.c.id,
            people.c.display_name,
            organisations.c.name,
            people.c.knows_search,
            people.c.coworker_override,
        )
        for chunk in _chunks(sorted(wanted)):
            statement = (
                sa.select(people.c.sort_key, *columns)
                .outerjoin(organisations, organisations.c.id == people.c.organisation_id)
                .where(scope, people.c.id.in_(chunk))
            )
            found.extend(self.conn.execute(statement).all())
        found.sort(key=lambda row: (row[0], row[1]))
        return [
            WorkTies(
                person_id=person_id,
                name=name,
                organisation=organisation or "",
                emails=tuple(work_emails.get(person_id, ())),
                knows_search=bool(knows),
                coworker_override=None if override is None else bool(override),
            )
            for _key, person_id, name, organisation, knows, override in found
        ]

    def _where(self, query: Query | None) -> sa.ColumnElement[bool]:
        scope = people.c.space_id == self.space_id
        if query is None or isinstance(query, Everyone):
            return scope
        return sa.and_(scope, to_sql(query, self.conn.dialect.name, self.space_id))

    def _load(self, ids: Sequence[int] | None, last: dict[int, date] | None = None) -> dict[int, Person]:
        """The people with these ids in this space, or everyone in it (``ids`` None), by id; with
        ``last``, their last contacts are put in it too (read from the same rows)."""
        values: dict[str, Any] = {"space": self.space_id}
        if ids is not None:
            values["ids"] = list(ids)
        base: dict[int, dict[str, Any]] = {}
        for found in self.conn.execute(ROWS_OF_SPACE if ids is None else ROWS_BY_ID, values).all():
            row = dict(zip(ROW_NAMES, found, strict=True))
            base[row["id"]] = row
            if last is not None and row["last_contact_on"] is not None:
                last[row["id"]] = row["last_contact_on"]
        if not base:
            return {}
        children: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for field_name, person_id, value, _position in self.conn.execute(
            CHILDREN_OF_SPACE if ids is None else CHILDREN_BY_ID, values
        ):
            children[person_id][field_name].append(value)
        return {
            person_id: person_from(row, row["organisation_name"], children.get(person_id, {}))
            for person_id, row in base.items()
        }
