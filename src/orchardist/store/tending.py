"""What Today reads, in a handful of set-wise queries (never one per person)."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Tier
from orchardist.domain.rhythm import TendingSettings
from orchardist.domain.tending import (
    FAVOUR_KINDS,
    FOLLOW_UP,
    FOLLOW_UP_WINDOW,
    JOB_CHANGE_WINDOW,
    MEETING_KINDS,
    THANK_YOU,
    Contact,
    Tended,
)
from orchardist.store.tables import (
    dismissals,
    interaction_people,
    interactions,
    job_changes,
    people,
    reconnect_list,
    reconnections,
    snoozes,
)
from orchardist.store.tending_rows import (
    EVERY_BIRTHDAY,
    TENDED_COLUMNS,
    TIERS,
    candidate_values,
    contacts_from_rows,
    tended_from,
)

# Dates read as text and decoded by ``tended_from``, as the standard library's reader gets them.
_COLUMNS = tuple(
    sa.type_coerce(people.c.dates, sa.Text).label("dates") if name == "dates" else people.c[name]
    for name in TENDED_COLUMNS
)


def _upsert(conn: Connection, table: sa.Table, keys: dict[str, object], values: dict[str, object]) -> None:
    """Insert a row, or update the one with the same keys (the same on both databases)."""
    condition = sa.and_(*(table.c[name] == value for name, value in keys.items()))
    if conn.execute(sa.update(table).where(condition).values(**values)).rowcount == 0:
        conn.execute(sa.insert(table).values(**keys, **values))


CONTACT_COLUMNS = sa.select(
    interaction_people.c.person_id,
    # Read as text on SQLite and parsed below: SQLAlchemy's per-row date parsing costs more than the
    # query on thousands of rows.
    sa.type_coerce(interactions.c.on_date, sa.String),
    interactions.c.direction,
    interactions.c.kind,
).join(interactions, interactions.c.id == interaction_people.c.interaction_id)


# The statements Today runs on every view are built once, with bound parameters: building and keying
# a statement costs SQLAlchemy more than SQLite takes to answer it.


@functools.cache
def _candidates(birthdays: str | None, holiday: bool) -> sa.CompoundSelect[int]:
    """The ids of Today's candidates, one statement of parts each read from the front of its own index
    (a part with an order and a limit is a subquery of its own, as SQLite asks).

    ``birthdays``: None to read no one for an occasion, ``EVERY_BIRTHDAY`` for every birthday, else
    those whose month and day are in the ``birthdays`` parameter; ``holiday``: the inner and active tiers.
    """
    in_space = people.c.space_id == sa.bindparam("space")
    parts: list[sa.Select[int]] = []
    for tier in TIERS:
        # People with a rhythm of their own are read below: here they would take the place of someone
        # due by the tier's rhythm.
        of_tier = sa.and_(in_space, people.c.tier == tier.value, people.c.every_days.is_(None))
        parts += [
            sa.select(people.c.id)
            .where(of_tier, people.c.last_contact_on <= sa.bindparam(f"{tier.value}_contact"))
            .order_by(people.c.last_contact_on, people.c.created_at, people.c.id)
            .limit(sa.bindparam("wanted")),
            sa.select(people.c.id)
            .where(
                of_tier,
                people.c.last_contact_on.is_(None),
                people.c.created_at < sa.bindparam(f"{tier.value}_added"),
            )
            .order_by(people.c.created_at, people.c.id)
            .limit(sa.bindparam("wanted")),
        ]
    conditions: list[sa.ColumnElement[bool]] = [people.c.every_days.is_not(None)]
    if birthdays is not None:
        # "Not null" first: the (space, birthday) index then skips everyone without a birthday. A
        # birthday is kept as YYYY-MM-DD or --MM-DD: its last five characters are the month and day.
        known = people.c.birthday.is_not(None)
        month_day = sa.func.substr(people.c.birthday, sa.func.length(people.c.birthday) - 4, 5)
        in_window = month_day.in_(sa.bindparam("birthdays", expanding=True))
        conditions += [known if birthdays == EVERY_BIRTHDAY else sa.and_(known, in_window)]
        conditions += [people.c.has_work_date.is_(True)]
    if holiday:
        conditions.append(people.c.tier.in_([Tier.INNER.value, Tier.ACTIVE.value]))
    parts += [sa.select(people.c.id).where(in_space, condition) for condition in conditions]
    return sa.union_all(*(sa.select(part.subquery().c.id) for part in parts))


_TENDED_BY_ID = sa.select(*_COLUMNS).where(
    people.c.space_id == sa.bindparam("space"), people.c.id.in_(sa.bindparam("ids", expanding=True))
)


@functools.cache
def _contacts_on_days(kinds: tuple[str, ...] | None) -> sa.Select[Any]:
    conditions = [
        interactions.c.space_id == sa.bindparam("space"),
        interactions.c.on_date >= sa.bindparam("first"),
        interactions.c.on_date <= sa.bindparam("last"),
    ]
    if kinds is not None:
        conditions.append(interactions.c.kind.in_(kinds))
    return CONTACT_COLUMNS.where(*conditions)


@functools.cache
def _contacts_of_people(kinds: tuple[str, ...]) -> sa.Select[Any]:
    return CONTACT_COLUMNS.where(
        interaction_people.c.space_id == sa.bindparam("space"),
        interaction_people.c.person_id.in_(sa.bindparam("ids", expanding=True)),
        interaction_people.c.on_date >= sa.bindparam("first"),
        interaction_people.c.on_date <= sa.bindparam("last"),
        interactions.c.kind.in_(kinds),
    )


class TendingRepository:
    """What Today reads and keeps for one space: candidates, recent contacts, snoozes, dismissals, the
    reconnect list and a person's ledger; set-wise queries, never one per person."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def _job_moves(self, on: date) -> dict[int, tuple[date, str]]:
        moves: dict[int, tuple[date, str]] = {}
        for person_id, seen_on, organisation in self.conn.execute(
            sa.select(job_changes.c.person_id, job_changes.c.seen_on, job_changes.c.new_organisation)
            .where(job_changes.c.space_id == self.space_id, job_changes.c.seen_on >= on - JOB_CHANGE_WINDOW)
            .order_by(job_changes.c.seen_on)
        ):
            moves[person_id] = (seen_on, organisation)
        return moves

    def tended_people(self, on: date, reconnect: Mapping[int, date] | None = None) -> list[Tended]:
        """Everyone in the space with what tending needs: rhythm, last contact, occasions, give/ask counts."""
        moves = self._job_moves(on)
        rows = self.conn.execute(sa.select(*_COLUMNS).where(people.c.space_id == self.space_id))
        return [tended_from(row, moves, reconnect) for row in rows]

    def one(self, person_id: int, on: date) -> Tended | None:
        """What tending needs to know about one person, or None when they are not in this space."""
        row = self.conn.execute(
            sa.select(*_COLUMNS).where(people.c.space_id == self.space_id, people.c.id == person_id)
        ).first()
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
        """The only people Today can name, read without touching the rest of the network.

        For each tier the ``wanted`` longest untended (by its rhythm, Today's order within a tier is the
        order of the last contact, or of the day added), everyone with a rhythm of their own, new jobs, the
        reconnect list and the ids in ``also`` (owed actions); and those who may have an occasion from the
        first to the last day of ``occasions`` (a birthday on one of those days, a work start date, and the
        inner and active tiers when a chosen holiday falls then). Without ``occasions``, none of those.
        """
        moves = self._job_moves(on)
        ids: set[int] = set(also) | set(moves) | set(reconnect or {})
        values, birthdays, holiday = candidate_values(self.space_id, on, settings, wanted, occasions)
        ids.update(self.conn.execute(_candidates(birthdays, holiday), values).scalars())
        wanted_ids = sorted(ids)
        found: list[Tended] = []
        for start in range(0, len(wanted_ids), 5_000):
            batch = {"space": self.space_id, "ids": wanted_ids[start : start + 5_000]}
            found.extend(
                tended_from(row, moves, reconnect) for row in self.conn.execute(_TENDED_BY_ID, batch)
            )
        return found

    def contacts_between(
        self, first: date, last: date, *, kinds: Collection[str] | None = None
    ) -> list[Contact]:
        """Every contact (one person in one interaction) from ``first`` to ``last``, both included; only
        those of ``kinds`` when given. Read through the interactions' (space, date, kind, direction) index."""
        statement = _contacts_on_days(None if kinds is None else tuple(sorted(kinds)))
        values = {"space": self.space_id, "first": first, "last": last}
        return contacts_from_rows(self.conn.execute(statement, values).all())

    def contacts_of(
        self, person_ids: Collection[int], first: date, last: date, *, kinds: Collection[str]
    ) -> list[Contact]:
        """The contacts of ``kinds`` with ``person_ids`` from ``first`` to ``last``, both included: read
        through each person's (person, date) index, however busy the rest of the network was."""
        found: list[Contact] = []
        wanted = sorted(person_ids)
        statement = _contacts_of_people(tuple(sorted(kinds)))
        for start in range(0, len(wanted), 5_000):
            values = {
                "space": self.space_id,
                "ids": wanted[start : start + 5_000],
                "first": first,
                "last": last,
            }
            found.extend(contacts_from_rows(self.conn.execute(statement, values).all()))
        return found

    def recent_contacts(self, on: date, *, until: date | None = None) -> list[Contact]:
        """The contacts recent enough to leave a thank-you or a follow-up owed on ``on`` (or any day up
        to ``until``): only the kinds that can leave something owed, or close it."""
        return self.contacts_between(
            on - FOLLOW_UP_WINDOW,
            (until or on) + timedelta(days=1),
            kinds=MEETING_KINDS | FAVOUR_KINDS | {THANK_YOU, FOLLOW_UP},
        )

    def snooze(self, person_id: int, until: date) -> None:
        _upsert(self.conn, snoozes, {"space_id": self.space_id, "person_id": person_id}, {"until_on": until})

    def snoozed_until(self, on: date) -> dict[int, date]:
        """People snoozed through ``on`` or later, with the last day of their snooze."""
        rows = self.conn.execute(
            sa.select(snoozes.c.person_id, snoozes.c.until_on).where(
                snoozes.c.space_id == self.space_id, snoozes.c.until_on >= on
            )
        )
        return {person_id: until for person_id, until in rows}

    def snooze_of(self, person_id: int, on: date) -> date | None:
        """The last day of the person's snooze when it lasts through ``on``."""
        until = self.conn.execute(
            sa.select(snoozes.c.until_on).where(
                snoozes.c.space_id == self.space_id,
                snoozes.c.person_id == person_id,
                snoozes.c.until_on >= on,
            )
        ).scalar()
        return until if isinstance(until, date) else None

    def end_snoozes(self, person_ids: Collection[int]) -> list[int]:
        """Forget these people's snoozes; returns those who had one."""
        wanted = sorted(set(person_ids))
        where = sa.and_(snoozes.c.space_id == self.space_id, snoozes.c.person_id.in_(wanted))
        had = sorted(self.conn.execute(sa.select(snoozes.c.person_id).where(where)).scalars())
        if had:
            self.conn.execute(sa.delete(snoozes).where(where))
        return had

    def undismiss(self, person_id: int, reason: str, due: date) -> bool:
        """Forget a dismissal; False when there was none."""
        keys = {"space_id": self.space_id, "person_id": person_id, "reason": reason, "due_on": due}
        result = self.conn.execute(
            sa.delete(dismissals).where(*(dismissals.c[name] == value for name, value in keys.items()))
        )
        return bool(result.rowcount)

    def dismissed_of(self, person_id: int) -> frozenset[tuple[str, date]]:
        """The person's dismissed items, as (reason, due day)."""
        rows = self.conn.execute(
            sa.select(dismissals.c.reason, dismissals.c.due_on).where(
                dismissals.c.space_id == self.space_id, dismissals.c.person_id == person_id
            )
        )
        return frozenset((reason, due) for reason, due in rows)

    def dismiss(self, person_id: int, reason: str, due: date) -> None:
        keys = {"space_id": self.space_id, "person_id": person_id, "reason": reason, "due_on": due}
        exists = self.conn.execute(
            sa.select(dismissals.c.id).where(*(dismissals.c[name] == value for name, value in keys.items()))
        ).first()
        if exists is None:
            self.conn.execute(sa.insert(dismissals).values(**keys))

    def dismissed(self) -> frozenset[tuple[int, str, date]]:
        rows = self.conn.execute(
            sa.select(dismissals.c.person_id, dismissals.c.reason, dismissals.c.due_on).where(
                dismissals.c.space_id == self.space_id
            )
        )
        return frozenset((person_id, reason, due) for person_id, reason, due in rows)

    def add_to_reconnect(self, person_id: int, since: date) -> bool:
        """Put someone on the reconnect list; False when they are on it already."""
        found = self.conn.execute(
            sa.select(reconnect_list.c.id).where(
                reconnect_list.c.space_id == self.space_id, reconnect_list.c.person_id == person_id
            )
        ).first()
        if found is not None:
            return False
        self.conn.execute(
            sa.insert(reconnect_list).values(space_id=self.space_id, person_id=person_id, since_on=since)
        )
        return True

    def remove_from_reconnect(self, person_id: int) -> bool:
        result = self.conn.execute(
            sa.delete(reconnect_list).where(
                reconnect_list.c.space_id == self.space_id, reconnect_list.c.person_id == person_id
            )
        )
        return bool(result.rowcount)

    def reconnected(self, person_ids: Collection[int], on: date) -> None:
        """Take these people off the reconnect list when they went on it by ``on`` (a contact that day
        reconnects them; one logged for a day before they went on it does not), and keep that the
        contact of ``on`` reconnected them (Progress counts it). Called before the contact is stored,
        so that the weekly figures count it with the contact."""
        if not person_ids:
            return
        where = sa.and_(
            reconnect_list.c.space_id == self.space_id,
            reconnect_list.c.person_id.in_(sorted(set(person_ids))),
            reconnect_list.c.since_on <= on,
        )
        listed = sorted(self.conn.execute(sa.select(reconnect_list.c.person_id).where(where)).scalars())
        if not listed:
            return
        kept = set(
            self.conn.execute(
                sa.select(reconnections.c.person_id).where(
                    reconnections.c.space_id == self.space_id,
                    reconnections.c.person_id.in_(listed),
                    reconnections.c.on_date == on,
                )
            ).scalars()
        )
        fresh = [person_id for person_id in listed if person_id not in kept]
        if fresh:
            self.conn.execute(
                sa.insert(reconnections),
                [{"space_id": self.space_id, "person_id": person_id, "on_date": on} for person_id in fresh],
            )
        self.conn.execute(sa.delete(reconnect_list).where(where))

    def never_contacted(self) -> list[tuple[int, str, datetime]]:
        """Everyone never contacted and not on the reconnect list: id, dates (JSON text), when added.
        Read through the (space, last contact) index, as the People list's "never contacted" sort is."""
        listed = sa.select(reconnect_list.c.person_id).where(reconnect_list.c.space_id == self.space_id)
        rows = self.conn.execute(
            sa.select(people.c.id, sa.type_coerce(people.c.dates, sa.Text), people.c.created_at).where(
                people.c.space_id == self.space_id,
                people.c.last_contact_on.is_(None),
                people.c.id.not_in(listed),
            )
        )
        return [(person_id, dates, added) for person_id, dates, added in rows]

    def reconnect_since(self) -> dict[int, date]:
        rows = self.conn.execute(
            sa.select(reconnect_list.c.person_id, reconnect_list.c.since_on).where(
                reconnect_list.c.space_id == self.space_id
            )
        )
        return {person_id: since for person_id, since in rows}

    def ledger_of(self, person_id: int) -> dict[str, int]:
        """How many of a person's interactions gave, asked, were mutual or social."""
        counts = {direction.value: 0 for direction in Direction}
        rows = self.conn.execute(
            sa.select(interactions.c.direction, sa.func.count())
            .join(interaction_people, interaction_people.c.interaction_id == interactions.c.id)
            .where(
                interaction_people.c.space_id == self.space_id, interaction_people.c.person_id == person_id
            )
            .group_by(interactions.c.direction)
        )
        counts.update({direction: number for direction, number in rows})
        return counts
