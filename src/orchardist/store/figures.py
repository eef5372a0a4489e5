"""Each week's Progress figures, kept as the people and interactions they count are written.

Derived data: the ``weekly_figures`` table holds, for each space and week, the sums of
``orchardist.domain.progress.tally_by_week`` over its people. A backup does not carry it; it is
rebuilt from the interactions (migration 0007, a restore, a large import). Every write that changes
what it counts keeps it up to date in the same transaction:

- people added: one more new person in the week they were added;
- contacts logged or moved (a merge), people deleted: the figures of the people concerned are counted
  from their whole history before and after, and the difference applied;
- contacts logged with many people at once (an import, a restore): the space's figures are counted
  again from everything;
- every person deleted (a restore): the space's figures go.

Progress then reads a dozen rows instead of counting every contact of its weeks.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.progress import Tally, tally_by_week, week_start
from orchardist.store.tables import interaction_people, people, reconnections, spaces, weekly_figures
from orchardist.store.tending import CONTACT_COLUMNS
from orchardist.store.tending_rows import connected_on, contacts_from_rows

# Counting the history of this many people costs about as much as counting the whole network again.
TRACK_AT_MOST = 1_000
_BATCH = 5_000
_NAMES = Tally._fields
_ZERO = Tally()


def added_day(value: datetime | str) -> date:
    """The UTC day of a ``created_at``: SQLite keeps it as UTC text (read as such, faster than parsing),
    PostgreSQL as a moment, whatever the session's time zone."""
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    return (value.astimezone(UTC) if value.tzinfo else value).date()


def _difference(after: Tally, before: Tally) -> Tally:
    return Tally(*(now - then for now, then in zip(after, before, strict=True)))


class WeeklyFigures:
    """The kept weekly figures of one space: reading them, and keeping them up to date."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    # -- reading -------------------------------------------------------------------------------

    def weeks(self, first: date, last: date) -> dict[date, Tally]:
        """The figures of the weeks starting from ``first`` to ``last`` (Mondays), where any are kept."""
        rows = self.conn.execute(
            sa.select(weekly_figures.c.week_start, *(weekly_figures.c[name] for name in _NAMES)).where(
                weekly_figures.c.space_id == self.space_id,
                weekly_figures.c.week_start >= first,
                weekly_figures.c.week_start <= last,
            )
        )
        return {row[0]: Tally(*row[1:]) for row in rows}

    def totals(self) -> Tally:
        """Every week's figures added up: the contacts ever logged, by direction (the ledger)."""
        row = self.conn.execute(
            sa.select(*(sa.func.coalesce(sa.func.sum(weekly_figures.c[name]), 0) for name in _NAMES)).where(
                weekly_figures.c.space_id == self.space_id
            )
        ).one()
        return Tally(*(int(value) for value in row))

    def counted(self, person_ids: Collection[int] | None = None) -> dict[date, Tally]:
        """The figures counted afresh from the stored history: of ``person_ids`` (those in the space),
        or of everyone."""
        if person_ids is None:
            added, started = self._added(None)
            return tally_by_week(self._contacts(None), added, started=started, listed=self._reconnected(None))
        wanted = sorted(set(person_ids))
        contacts = []
        added = {}
        started = {}
        listed: dict[int, frozenset[date]] = {}
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            contacts.extend(self._contacts(batch))
            added_now, started_now = self._added(batch)
            added.update(added_now)
            started.update(started_now)
            listed.update(self._reconnected(batch))
        return tally_by_week(contacts, added, started=started, listed=listed)

    def _contacts(self, batch: list[int] | None) -> list[Any]:
        condition = interaction_people.c.space_id == self.space_id
        if batch is not None:
            condition = sa.and_(condition, interaction_people.c.person_id.in_(batch))
        return contacts_from_rows(self.conn.execute(CONTACT_COLUMNS.where(condition)).all())

    def _added(self, batch: list[int] | None) -> tuple[dict[int, date], dict[int, date]]:
        """The day each person was added, and the day the relationship started where it is earlier
        (the day LinkedIn says you connected)."""
        condition = people.c.space_id == self.space_id
        if batch is not None:
            condition = sa.and_(condition, people.c.id.in_(batch))
        rows = self.conn.execute(
            sa.select(
                people.c.id,
                sa.type_coerce(people.c.created_at, sa.String),
                sa.type_coerce(people.c.dates, sa.Text),
            ).where(condition)
        )
        added: dict[int, date] = {}
        started: dict[int, date] = {}
        for person_id, created, dates in rows:
            added[person_id] = day = added_day(created)
            connected = connected_on(dates) if dates else None
            if connected is not None and connected < day:
                started[person_id] = connected
        return added, started

    def _reconnected(self, batch: list[int] | None) -> dict[int, frozenset[date]]:
        """The days a contact took each person off the reconnect list."""
        condition = reconnections.c.space_id == self.space_id
        if batch is not None:
            condition = sa.and_(condition, reconnections.c.person_id.in_(batch))
        found: dict[int, set[date]] = {}
        for person_id, on in self.conn.execute(
            sa.select(reconnections.c.person_id, reconnections.c.on_date).where(condition)
        ):
            found.setdefault(person_id, set()).add(on)
        return {person_id: frozenset(days) for person_id, days in found.items()}

    # -- keeping them up to date ---------------------------------------------------------------

    def _lock(self) -> None:
        """One writer of a space's figures at a time on PostgreSQL (SQLite writes one at a time
        anyway): the space's row is locked until the transaction ends. ``NO KEY UPDATE`` leaves other
        rows free to refer to the space meanwhile."""
        if self.conn.dialect.name != "sqlite":
            self.conn.execute(
                sa.select(spaces.c.id).where(spaces.c.id == self.space_id).with_for_update(key_share=True)
            )

    @contextmanager
    def tracking(self, person_ids: Collection[int]) -> Iterator[None]:
        """Keep the figures up to date across a change to the contacts or the existence of
        ``person_ids`` (and of no one else): their figures are counted before and after it, and the
        difference applied. Beyond ``TRACK_AT_MOST`` people, everything is counted again instead."""
        self._lock()
        if len(person_ids) > TRACK_AT_MOST:
            yield
            self.rebuild()
            return
        before = self.counted(person_ids)
        yield
        after = self.counted(person_ids)
        self._apply(
            {week: _difference(after.get(week, _ZERO), before.get(week, _ZERO)) for week in {*before, *after}}
        )

    def count_added(self, day: date, number: int) -> None:
        """``number`` people were added on ``day`` (none of them with a contact yet)."""
        if number:
            self._lock()
            self._apply({week_start(day): _ZERO._replace(new_people=number)})

    def rebuild(self) -> None:
        """Count the space's figures again from everything stored."""
        self._lock()
        self.clear()
        rows = [
            {"space_id": self.space_id, "week_start": week, **tally._asdict()}
            for week, tally in self.counted().items()
            if tally != _ZERO
        ]
        for start in range(0, len(rows), _BATCH):
            self.conn.execute(weekly_figures.insert(), rows[start : start + _BATCH])

    def clear(self) -> None:
        """Forget the space's figures (everyone in it is being deleted)."""
        self._lock()
        self.conn.execute(weekly_figures.delete().where(weekly_figures.c.space_id == self.space_id))

    def _apply(self, changes: Mapping[date, Tally]) -> None:
        """Add ``changes`` to the kept weeks; a week left with nothing is dropped, as a rebuild leaves it."""
        changed = {week: change for week, change in changes.items() if change != _ZERO}
        if not changed:
            return
        kept = self._kept(sorted(changed))
        for week, change in changed.items():
            now = Tally(*(then + more for then, more in zip(kept.get(week, _ZERO), change, strict=True)))
            where = sa.and_(weekly_figures.c.space_id == self.space_id, weekly_figures.c.week_start == week)
            if now == _ZERO:
                self.conn.execute(weekly_figures.delete().where(where))
            elif week in kept:
                self.conn.execute(weekly_figures.update().where(where).values(**now._asdict()))
            else:
                self.conn.execute(
                    weekly_figures.insert().values(space_id=self.space_id, week_start=week, **now._asdict())
                )

    def _kept(self, wanted: list[date]) -> dict[date, Tally]:
        found: dict[date, Tally] = {}
        for start in range(0, len(wanted), _BATCH):
            rows = self.conn.execute(
                sa.select(weekly_figures.c.week_start, *(weekly_figures.c[name] for name in _NAMES)).where(
                    weekly_figures.c.space_id == self.space_id,
                    weekly_figures.c.week_start.in_(wanted[start : start + _BATCH]),
                )
            )
            found.update({row[0]: Tally(*row[1:]) for row in rows})
        return found


def rebuild_every_space(conn: Connection) -> None:
    """Count every space's figures again (after a migration that adds them, or restoring a file)."""
    for space_id in conn.execute(sa.select(spaces.c.id).order_by(spaces.c.id)).scalars().all():
        WeeklyFigures(conn, space_id).rebuild()
