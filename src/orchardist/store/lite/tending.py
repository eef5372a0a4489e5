"""What Today reads, through the standard library: the same set-wise statements as ``store/tending.py``."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime
from typing import Any

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Tier
from orchardist.domain.rhythm import TendingSettings
from orchardist.domain.tending import JOB_CHANGE_WINDOW, Contact, Tended
from orchardist.store.lite.unit import LiteRepository, chunks, marks
from orchardist.store.rows import as_date
from orchardist.store.tending_rows import (
    EVERY_BIRTHDAY,
    TENDED_COLUMNS,
    TIERS,
    candidate_values,
    contacts_from_rows,
    stored_moment,
    tended_from,
)

_TENDED = "SELECT " + ", ".join(TENDED_COLUMNS) + " FROM people WHERE space_id = ?"
_CONTACTS = (
    "SELECT interaction_people.person_id, interactions.on_date, interactions.direction, interactions.kind"
    " FROM interaction_people JOIN interactions ON interactions.id = interaction_people.interaction_id"
)


@functools.cache
def _candidates(birthdays: str | None, holiday: bool, month_days: int) -> str:
    """Today's candidates, each part read from the front of its own index (``store/tending.py``'s
    statement, in SQLite's words); ``month_days``: how many birthdays the window holds."""
    parts = []
    for tier in TIERS:
        of_tier = f"space_id = :space AND tier = '{tier.value}' AND every_days IS NULL"
        parts += [
            f"SELECT id FROM people WHERE {of_tier} AND last_contact_on <= :{tier.value}_contact"
            " ORDER BY last_contact_on, created_at, id LIMIT :wanted",
            f"SELECT id FROM people WHERE {of_tier} AND last_contact_on IS NULL"
            f" AND created_at < :{tier.value}_added ORDER BY created_at, id LIMIT :wanted",
        ]
    conditions = ["every_days IS NOT NULL"]
    if birthdays is not None:
        known = "birthday IS NOT NULL"
        if birthdays == EVERY_BIRTHDAY:
            conditions.append(known)
        else:
            listed = ", ".join(f":birthday_{index}" for index in range(month_days)) or "NULL"
            conditions.append(f"{known} AND substr(birthday, length(birthday) - 4, 5) IN ({listed})")
        conditions.append("has_work_date IS 1")
    if holiday:
        conditions.append(f"tier IN ('{Tier.INNER.value}', '{Tier.ACTIVE.value}')")
    parts += [f"SELECT id FROM people WHERE space_id = :space AND {condition}" for condition in conditions]
    return " UNION ALL ".join(f"SELECT id FROM ({part})" for part in parts)


class LiteTending(LiteRepository):
    """What Today reads for one space, as ``TendingRepository`` reads it."""

    name = "tending"

    def _job_moves(self, on: date) -> dict[int, tuple[date, str]]:
        statement = (
            "SELECT person_id, seen_on, new_organisation FROM job_changes"
            " WHERE space_id = ? AND seen_on >= ? ORDER BY seen_on"
        )
        moves: dict[int, tuple[date, str]] = {}
        since = (on - JOB_CHANGE_WINDOW).isoformat()
        for person_id, seen_on, organisation in self.conn.execute(statement, (self.space_id, since)):
            moves[person_id] = (as_date(seen_on), organisation)
        return moves

    def one(self, person_id: int, on: date) -> Tended | None:
        """What tending needs to know about one person, or None when they are not in this space."""
        row = self.conn.execute(f"{_TENDED} AND id = ?", (self.space_id, person_id)).fetchone()
        return None if row is None else tended_from(row, self._job_moves(on), None)

    def today_candidates(
        self,
        on: date,
        settings: TendingSettings,
        *,
        wanted: int,
        also: Iterable[int] = (),
        reconnect: Mapping[int, date] | None = None,
        occasions: tuple[date, date] | None = None,
    ) -> list[Tended]:
        """The only people Today can name (``TendingRepository.today_candidates``)."""
        moves = self._job_moves(on)
        ids: set[int] = set(also) | set(moves) | set(reconnect or {})
        values, birthdays, holiday = candidate_values(self.space_id, on, settings, wanted, occasions)
        bound: dict[str, Any] = {}
        for key, value in values.items():
            if key == "birthdays":
                bound.update((f"birthday_{index}", day) for index, day in enumerate(value))
            elif isinstance(value, datetime):
                bound[key] = stored_moment(value)
            elif isinstance(value, date):
                bound[key] = value.isoformat()
            else:
                bound[key] = value
        statement = _candidates(birthdays, holiday, len(values.get("birthdays", ())))
        ids.update(person_id for (person_id,) in self.conn.execute(statement, bound))
        found: list[Tended] = []
        for chunk in chunks(sorted(ids)):
            rows = self.conn.execute(f"{_TENDED} AND id IN ({marks(len(chunk))})", (self.space_id, *chunk))
            found.extend(tended_from(row, moves, reconnect) for row in rows)
        return found

    def contacts_between(
        self, first: date, last: date, *, kinds: Collection[str] | None = None
    ) -> list[Contact]:
        """Every contact from ``first`` to ``last``, both included; only those of ``kinds`` when given."""
        statement = f"{_CONTACTS} WHERE interactions.space_id = ? AND interactions.on_date >= ?"
        statement += " AND interactions.on_date <= ?"
        values: list[Any] = [self.space_id, first.isoformat(), last.isoformat()]
        if kinds is not None:
            statement += f" AND interactions.kind IN ({marks(len(kinds))})"
            values += sorted(kinds)
        return contacts_from_rows(self.conn.execute(statement, values).fetchall())

    def contacts_of(
        self, person_ids: Collection[int], first: date, last: date, *, kinds: Collection[str]
    ) -> list[Contact]:
        """The contacts of ``kinds`` with ``person_ids`` from ``first`` to ``last``, both included."""
        found: list[Contact] = []
        for chunk in chunks(sorted(person_ids)):
            statement = (
                f"{_CONTACTS} WHERE interaction_people.space_id = ?"
                f" AND interaction_people.person_id IN ({marks(len(chunk))})"
                " AND interaction_people.on_date >= ? AND interaction_people.on_date <= ?"
                f" AND interactions.kind IN ({marks(len(kinds))})"
            )
            values = (self.space_id, *chunk, first.isoformat(), last.isoformat(), *sorted(kinds))
            found.extend(contacts_from_rows(self.conn.execute(statement, values).fetchall()))
        return found

    def snoozed_until(self, on: date) -> dict[int, date]:
        """People snoozed through ``on`` or later, with the last day of their snooze."""
        statement = "SELECT person_id, until_on FROM snoozes WHERE space_id = ? AND until_on >= ?"
        rows = self.conn.execute(statement, (self.space_id, on.isoformat()))
        return {person_id: as_date(until) for person_id, until in rows}

    def snooze_of(self, person_id: int, on: date) -> date | None:
        """The last day of the person's snooze when it lasts through ``on``."""
        statement = "SELECT until_on FROM snoozes WHERE space_id = ? AND person_id = ? AND until_on >= ?"
        row = self.conn.execute(statement, (self.space_id, person_id, on.isoformat())).fetchone()
        return as_date(row[0]) if row else None

    def dismissed_of(self, person_id: int) -> frozenset[tuple[str, date]]:
        """The person's dismissed items, as (reason, due day)."""
        statement = "SELECT reason, due_on FROM dismissals WHERE space_id = ? AND person_id = ?"
        rows = self.conn.execute(statement, (self.space_id, person_id))
        return frozenset((reason, as_date(due)) for reason, due in rows)

    def dismissed(self) -> frozenset[tuple[int, str, date]]:
        statement = "SELECT person_id, reason, due_on FROM dismissals WHERE space_id = ?"
        rows = self.conn.execute(statement, (self.space_id,))
        return frozenset((person_id, reason, as_date(due)) for person_id, reason, due in rows)

    def reconnect_since(self) -> dict[int, date]:
        statement = "SELECT person_id, since_on FROM reconnect_list WHERE space_id = ?"
        rows = self.conn.execute(statement, (self.space_id,))
        return {person_id: as_date(since) for person_id, since in rows}

    def ledger_of(self, person_id: int) -> dict[str, int]:
        """How many of a person's interactions gave, asked, were mutual or social."""
        counts = {direction.value: 0 for direction in Direction}
        statement = (
            "SELECT interactions.direction, count(*) FROM interactions"
            " JOIN interaction_people ON interaction_people.interaction_id = interactions.id"
            " WHERE interaction_people.space_id = ? AND interaction_people.person_id = ?"
            " GROUP BY interactions.direction"
        )
        counts.update(dict(self.conn.execute(statement, (self.space_id, person_id)).fetchall()))
        return counts
