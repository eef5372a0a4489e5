"""People read through the standard library: a page of the list, a person."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from orchardist.domain.messages import NotFound
from orchardist.domain.people import Person
from orchardist.domain.queries import Order, Query, Text
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.store.lite.filters import where
from orchardist.store.lite.pages import search_page, searches
from orchardist.store.lite.unit import LiteRepository, chunks, marks
from orchardist.store.person_rows import CHILD_TABLES, LOADED_COLUMNS, person_from

_ORDERS = {
    "name": "people.sort_key, people.id",
    # Never contacted first, then the longest since the last contact; or the latest first.
    "last_contact": "people.last_contact_on ASC NULLS FIRST, people.sort_key, people.id",
    "recent": "people.last_contact_on DESC NULLS LAST, people.sort_key, people.id",
}
_PEOPLE = (
    "SELECT " + ", ".join(f"people.{name}" for name in LOADED_COLUMNS) + ", organisations.name,"
    " people.last_contact_on FROM people"
    " LEFT OUTER JOIN organisations ON organisations.id = people.organisation_id"
    " WHERE people.space_id = ? AND people.id IN ({})"
)


class LitePeople(LiteRepository):
    """People in one space, as ``PeopleRepository`` reads them."""

    name = "people"

    def get(self, person_id: int) -> Person | None:
        return self.get_many([person_id]).get(person_id)

    def require(self, person_id: int) -> Person:
        person = self.get(person_id)
        if person is None:
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        return person

    def get_many(self, ids: Sequence[int]) -> dict[int, Person]:
        """The people with these ids that exist in this space, by id."""
        return self.get_many_with_last_contacts(ids)[0]

    def get_many_with_last_contacts(self, ids: Sequence[int]) -> tuple[dict[int, Person], dict[int, date]]:
        """``get_many`` and ``last_contacts`` of the same people, read together (a page of a list)."""
        loaded: dict[int, Person] = {}
        last: dict[int, date] = {}
        for chunk in chunks(list(dict.fromkeys(ids))):
            loaded.update(self._load(chunk, last))
        return loaded, last

    def _load(self, ids: Sequence[int], last: dict[int, date]) -> dict[int, Person]:
        """The people with these ids, by id; the date of each one's last contact put in ``last``."""
        rows = self.conn.execute(_PEOPLE.format(marks(len(ids))), (self.space_id, *ids)).fetchall()
        if not rows:
            return {}
        children: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for field_name, table, column in CHILD_TABLES:
            # "+ 0" keeps SQLite off the (space, key) index, as the SQLAlchemy repository does.
            statement = (
                f"SELECT person_id, {column} FROM {table} WHERE space_id + 0 = ?"
                f" AND person_id IN ({marks(len(ids))}) ORDER BY person_id, position"
            )
            for person_id, value in self.conn.execute(statement, (self.space_id, *ids)):
                children[person_id][field_name].append(value)
        found = {}
        for row in rows:
            values = dict(zip(LOADED_COLUMNS, row, strict=False))
            found[row[0]] = person_from(values, row[-2], children.get(row[0], {}))
            if row[-1] is not None:
                last[row[0]] = date.fromisoformat(row[-1])
        return found

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
        condition, values = where(query, self.space_id)
        statement = f"SELECT people.id FROM people WHERE {condition} ORDER BY {_ORDERS[order]}"
        if limit is not None:
            statement += " LIMIT ?"
            values.append(limit)
        if offset:
            statement += " OFFSET ?" if limit is not None else " LIMIT -1 OFFSET ?"
            values.append(offset)
        return [person_id for (person_id,) in self.conn.execute(statement, values)]

    def find_page(
        self, query: Query | None, *, limit: int, offset: int = 0, order: Order = "name"
    ) -> tuple[list[int], int]:
        """The ids of one page of the people matching ``query`` (as ``find_ids``), and how many match in
        all; a search reads its matches once for both, counting them with a window."""
        if not searches(query):
            return self.find_ids(query, limit=limit, offset=offset, order=order), self.count(query)
        if isinstance(query, Text) and order == "name":
            found = search_page(self.conn, self.space_id, query, limit=limit, offset=offset)
            if found is not None:
                return found
        condition, values = where(query, self.space_id)
        statement = (
            f"SELECT people.id, count(*) OVER () FROM people WHERE {condition}"
            f" ORDER BY {_ORDERS[order]} LIMIT ? OFFSET ?"
        )
        rows = self.conn.execute(statement, (*values, limit, offset)).fetchall()
        if rows:
            return [person_id for person_id, _total in rows], int(rows[0][1])
        # Past the last page the window has no row to count on.
        return [], self.count(query) if offset else 0

    def count(self, query: Query | None = None) -> int:
        condition, values = where(query, self.space_id)
        (number,) = self.conn.execute(f"SELECT count(*) FROM people WHERE {condition}", values).fetchone()
        return int(number)

    def exists(self, person_id: int) -> bool:
        statement = "SELECT id FROM people WHERE id = ? AND space_id = ?"
        return self.conn.execute(statement, (person_id, self.space_id)).fetchone() is not None

    def last_contacts(self, ids: Sequence[int] | None = None) -> dict[int, date]:
        """The date of the latest interaction with each person (only those with one)."""
        statement = (
            "SELECT id, last_contact_on FROM people WHERE space_id = ? AND last_contact_on IS NOT NULL"
        )
        if ids is None:
            rows = self.conn.execute(statement, (self.space_id,)).fetchall()
        else:
            rows = []
            for chunk in chunks(list(ids)):
                chunk_statement = f"{statement} AND id IN ({marks(len(chunk))})"
                rows += self.conn.execute(chunk_statement, (self.space_id, *chunk)).fetchall()
        return {person_id: date.fromisoformat(on) for person_id, on in rows}
