"""The rows a backup carries besides people, interactions and offers, in one space: organisations, the
reconnect list and the reconnections, snoozes, dismissals and new jobs, and when each person and
interaction was added."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.matching import organisation_key
from orchardist.domain.records import (
    Dismissal,
    JobChange,
    Organisation,
    PersonRecord,
    Reconnect,
    Reconnection,
    Snooze,
    same_record,
)
from orchardist.store.ids import ids_for
from orchardist.store.tables import (
    dismissals,
    interactions,
    job_changes,
    organisations,
    people,
    reconnect_list,
    reconnections,
    snoozes,
)
from orchardist.store.times import from_store

_JOB_TEXTS = ("old_organisation", "old_title", "new_organisation", "new_title", "source")

# Each kind of record of a person: its table, and its values as a row and back (the id aside).
_KINDS: dict[type, tuple[sa.Table, Callable[[Any], dict[str, Any]], Callable[[Any], PersonRecord]]] = {
    Reconnect: (
        reconnect_list,
        lambda record: {"person_id": record.person_id, "since_on": record.since},
        lambda row: Reconnect(person_id=row.person_id, since=row.since_on, id=row.id),
    ),
    Snooze: (
        snoozes,
        lambda record: {"person_id": record.person_id, "until_on": record.until},
        lambda row: Snooze(person_id=row.person_id, until=row.until_on, id=row.id),
    ),
    Dismissal: (
        dismissals,
        lambda record: {"person_id": record.person_id, "reason": record.reason, "due_on": record.due},
        lambda row: Dismissal(person_id=row.person_id, reason=row.reason, due=row.due_on, id=row.id),
    ),
    Reconnection: (
        reconnections,
        lambda record: {"person_id": record.person_id, "on_date": record.on},
        lambda row: Reconnection(person_id=row.person_id, on=row.on_date, id=row.id),
    ),
    JobChange: (
        job_changes,
        lambda record: {
            "person_id": record.person_id,
            "seen_on": record.seen_on,
            **{name: getattr(record, name) for name in _JOB_TEXTS},
        },
        lambda row: JobChange(
            person_id=row.person_id,
            seen_on=row.seen_on,
            **{name: getattr(row, name) for name in _JOB_TEXTS},
            id=row.id,
        ),
    ),
}


class RecordsRepository:
    """Organisations and the records tending keeps of people, read whole for a backup and added from
    one; every query is scoped to the space."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    # -- reading -------------------------------------------------------------------------------

    def organisations(self) -> list[Organisation]:
        """The space's organisations, by id."""
        rows = self.conn.execute(
            sa.select(
                organisations.c.id, organisations.c.name, organisations.c.aliases, organisations.c.domains
            )
            .where(organisations.c.space_id == self.space_id)
            .order_by(organisations.c.id)
        )
        return [
            Organisation(name=row.name, aliases=tuple(row.aliases), domains=tuple(row.domains), id=row.id)
            for row in rows
        ]

    def _of_kind(self, kind: type) -> list[Any]:
        table, _row, record = _KINDS[kind]
        rows = self.conn.execute(
            sa.select(table).where(table.c.space_id == self.space_id).order_by(table.c.id)
        )
        return [record(row) for row in rows]

    def reconnect(self) -> list[Reconnect]:
        """The reconnect list, by id."""
        return self._of_kind(Reconnect)

    def snoozes(self) -> list[Snooze]:
        """Every snooze, past ones too, by id."""
        return self._of_kind(Snooze)

    def dismissals(self) -> list[Dismissal]:
        """Every dismissed Today item, by id."""
        return self._of_kind(Dismissal)

    def reconnections(self) -> list[Reconnection]:
        """Every contact that took someone off the reconnect list, by id."""
        return self._of_kind(Reconnection)

    def job_changes(self) -> list[JobChange]:
        """Every new job an import saw, by id."""
        return self._of_kind(JobChange)

    def people_added(self) -> dict[int, datetime]:
        """When each person was added, by id."""
        rows = self.conn.execute(
            sa.select(people.c.id, people.c.created_at).where(people.c.space_id == self.space_id)
        )
        return {person_id: from_store(created) for person_id, created in rows}

    def people_changed(self) -> dict[int, datetime]:
        """When each person's record last changed, by id (a vCard's REV)."""
        rows = self.conn.execute(
            sa.select(people.c.id, people.c.updated_at).where(people.c.space_id == self.space_id)
        )
        return {person_id: from_store(changed) for person_id, changed in rows}

    def interactions_logged(self) -> dict[int, datetime]:
        """When each interaction was logged, by id."""
        rows = self.conn.execute(
            sa.select(interactions.c.id, interactions.c.created_at).where(
                interactions.c.space_id == self.space_id
            )
        )
        return {interaction_id: from_store(created) for interaction_id, created in rows}

    # -- writing -------------------------------------------------------------------------------

    def add_organisations(self, found: Sequence[Organisation]) -> int:
        """Store organisations from a backup; returns how many were new.

        One whose name folds like one the space has (``organisation_key``) is that one: it gains the
        aliases and e-mail domains it lacked. The others keep their ids where no row holds them.
        """
        if not found:
            return 0
        stored = {organisation_key(organisation.name): organisation for organisation in self.organisations()}
        new: dict[str, Organisation] = {}
        for organisation in found:
            key = organisation_key(organisation.name)
            known = stored.get(key) or new.get(key)
            if known is None:
                new[key] = organisation
                continue
            merged = Organisation(
                name=known.name,
                aliases=tuple(dict.fromkeys((*known.aliases, *organisation.aliases))),
                domains=tuple(dict.fromkeys((*known.domains, *organisation.domains))),
                id=known.id,
            )
            if key in new:
                new[key] = merged
            elif merged != known:
                stored[key] = merged
                self.conn.execute(
                    organisations.update()
                    .where(organisations.c.space_id == self.space_id, organisations.c.id == known.id)
                    .values(aliases=merged.aliases, domains=merged.domains)
                )
        if new:
            ids = ids_for(self.conn, organisations, [organisation.id for organisation in new.values()])
            self.conn.execute(
                organisations.insert(),
                [
                    {
                        "id": organisation_id,
                        "space_id": self.space_id,
                        "name": organisation.name.strip(),
                        "name_key": key,
                        "aliases": organisation.aliases,
                        "domains": organisation.domains,
                    }
                    for organisation_id, (key, organisation) in zip(ids, new.items(), strict=True)
                ],
            )
        return len(new)

    def add_records(self, found: Sequence[PersonRecord]) -> int:
        """Store records of people of this space (from a backup); returns how many were added.

        One the space has already (``domain.records.same_record``) is passed over, each stored record
        answering for one in ``found``. Someone is on the reconnect list or snoozed once and an item is
        dismissed once (the tables hold no two alike), but the same new job may have been seen twice.
        The records added keep their ids where no row holds them.
        """
        added = 0
        for kind, (table, row_of, _record) in _KINDS.items():
            of_kind = [record for record in found if isinstance(record, kind)]
            if not of_kind:
                continue
            stored = Counter(same_record(record) for record in self._of_kind(kind))
            new = []
            once = kind is not JobChange  # the table holds one such record at most
            for record in of_kind:
                same = same_record(record)
                if stored[same]:
                    if not once:
                        stored[same] -= 1
                    continue
                new.append(record)
                if once:
                    stored[same] = 1
            if not new:
                continue
            ids = ids_for(self.conn, table, [record.id for record in new])
            self.conn.execute(
                table.insert(),
                [
                    {"id": record_id, "space_id": self.space_id, **row_of(record)}
                    for record_id, record in zip(ids, new, strict=True)
                ],
            )
            added += len(new)
        return added
