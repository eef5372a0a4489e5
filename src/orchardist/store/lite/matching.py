"""Who shares a key with someone, read through the standard library (apart from the people it lists, so a
list of people does not load the row helpers matching needs)."""

from __future__ import annotations

from orchardist.domain.people import Person
from orchardist.domain.queries import Text
from orchardist.store.lite.filters import where
from orchardist.store.lite.unit import LiteRepository, marks
from orchardist.store.rows import sharing_keys


class LiteMatching(LiteRepository):
    """Who shares a key with someone, as ``MatchingRepository`` finds them."""

    name = "matching"

    def sharing_with(self, person: Person, *, limit: int) -> set[int]:
        """The people who share an e-mail, a phone, a web address, a LinkedIn profile or a word of the
        family name with ``person`` (at most ``limit`` of each), the person included."""
        found: set[int] = set()
        keys = sharing_keys(person)
        for table, wanted in keys.by_table:
            if wanted:
                statement = (
                    f"SELECT person_id FROM {table} WHERE space_id = ?"
                    f" AND key IN ({marks(len(wanted))}) LIMIT ?"
                )
                rows = self.conn.execute(statement, (self.space_id, *sorted(wanted), limit))
                found.update(row[0] for row in rows)
        if keys.linkedin:
            statement = (
                f"SELECT id FROM people WHERE space_id = ? AND linkedin_key IN ({marks(len(keys.linkedin))})"
                " LIMIT ?"
            )
            found.update(
                row[0] for row in self.conn.execute(statement, (self.space_id, *keys.linkedin, limit))
            )
        if keys.family:
            condition, values = where(Text(keys.family), self.space_id)
            statement = f"SELECT people.id FROM people WHERE {condition} LIMIT ?"
            found.update(row[0] for row in self.conn.execute(statement, (*values, limit)))
        return found
