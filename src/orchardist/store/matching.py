"""What an import and the duplicate finder look people up by: matching keys to people, in one space."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.matching import fold, name_key, name_org_key
from orchardist.domain.people import Person
from orchardist.domain.queries import Text
from orchardist.store.queries import to_sql
from orchardist.store.rows import sharing_keys
from orchardist.store.tables import organisations, people, person_emails, person_phones, person_urls


@dataclass(slots=True)
class MatchIndex:
    """What imports match against: keys to people, namesakes, and each person's profile and employer."""

    keys: dict[tuple[str, str], int] = field(default_factory=dict)
    names: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    profiles: dict[int, tuple[str, str]] = field(default_factory=dict)


class MatchingRepository:
    """Looks people of one space up by what identifies them: matching keys, namesakes, shared contacts."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def version(self) -> tuple[object, ...]:
        """How many people there are, the newest id and the latest change: equal values mean the people
        are as they were (whole-network comparisons are kept until it moves)."""
        return tuple(
            self.conn.execute(
                sa.select(sa.func.count(), sa.func.max(people.c.id), sa.func.max(people.c.updated_at)).where(
                    people.c.space_id == self.space_id
                )
            ).one()
        )

    def sharing_with(self, person: Person, *, limit: int) -> set[int]:
        """The people who share an e-mail, a phone, a web address, a LinkedIn profile or a word of the
        family name with ``person`` (at most ``limit`` of each), the person included."""
        found: set[int] = set()
        keys = sharing_keys(person)
        tables = {"person_emails": person_emails, "person_phones": person_phones, "person_urls": person_urls}
        for name, wanted in keys.by_table:
            if wanted:
                table = tables[name]
                found.update(
                    self.conn.execute(
                        sa.select(table.c.person_id)
                        .where(table.c.space_id == self.space_id, table.c.key.in_(sorted(wanted)))
                        .limit(limit)
                    ).scalars()
                )
        if keys.linkedin:
            found.update(
                self.conn.execute(
                    sa.select(people.c.id)
                    .where(people.c.space_id == self.space_id, people.c.linkedin_key.in_(keys.linkedin))
                    .limit(limit)
                ).scalars()
            )
        if keys.family:
            found.update(
                self.conn.execute(
                    sa.select(people.c.id)
                    .where(
                        people.c.space_id == self.space_id,
                        to_sql(Text(keys.family), self.conn.dialect.name, self.space_id),
                    )
                    .limit(limit)
                ).scalars()
            )
        return found

    def match_index(self) -> MatchIndex:
        """Everything an import matches against, read once so 30,000 rows cost look-ups, not queries.

        Where two people share a key the lower id wins, so matching is deterministic.
        """
        index = MatchIndex()

        def put(kind: str, key: str, person_id: int) -> None:
            if key and (kind, key) not in index.keys:
                index.keys[(kind, key)] = person_id

        for person_id, uid in self.conn.execute(
            sa.select(people.c.id, people.c.uid).where(people.c.space_id == self.space_id)
        ):
            put("uid", uid, person_id)
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
