"""What Progress reads: the window's contacts and the few facts around them, never the whole history.

Each read is one set-wise query (the id lists in batches). The window's contacts are read by
``orchardist.store.tending.contacts_between``; here: the latest earlier contact of each person in them
through (person, date), the day people were added, and the ledger from the counts kept on each person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.interactions import Direction
from orchardist.domain.progress import Ledger
from orchardist.store.tables import interaction_people, interactions, people

BATCH = 5_000


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _added_day(value: datetime | str) -> date:
    """The day of a ``created_at``: SQLite keeps it as UTC text, read as such (faster than parsing)."""
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value.date()


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _batches(ids: Sequence[int]) -> list[list[int]]:
    ordered = sorted(ids)
    return [ordered[start : start + BATCH] for start in range(0, len(ordered), BATCH)]


@dataclass(frozen=True, slots=True)
class Around:
    """What a window needs about the people in it: their latest contact before it, and when added."""

    previous: dict[int, date]
    added: dict[int, date]


def newest_ids(conn: Connection) -> tuple[Any, ...]:
    """The newest person and interaction ids in the database (read from the primary keys' ends): a new
    contact or person, from any process, changes them."""
    newest = sa.select(
        sa.select(sa.func.max(people.c.id)).scalar_subquery(),
        sa.select(sa.func.max(interactions.c.id)).scalar_subquery(),
    )
    return tuple(conn.execute(newest).one())


class ProgressRepository:
    """What Progress counts in one space: people around a contact, who was added when, the overall ledger."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def people_around(self, person_ids: Sequence[int], before: date) -> Around:
        """For each of ``person_ids`` in the space: the day added, and the latest contact before ``before``.

        The latest contact is one look-up per person at the end of their slice of the (person, date) index,
        not an aggregate of everything each person ever did.
        """
        latest = (
            sa.select(sa.func.max(interaction_people.c.on_date))
            .where(interaction_people.c.person_id == people.c.id, interaction_people.c.on_date < before)
            .scalar_subquery()
        )
        previous: dict[int, date] = {}
        added: dict[int, date] = {}
        for batch in _batches(person_ids):
            rows = self.conn.execute(
                sa.select(
                    people.c.id,
                    sa.type_coerce(people.c.created_at, sa.String),
                    sa.type_coerce(latest, sa.String),
                ).where(people.c.space_id == self.space_id, people.c.id.in_(batch))
            )
            for person_id, created, day in rows:
                added[person_id] = _added_day(created)
                if day is not None:
                    previous[person_id] = _day(day)
        return Around(previous=previous, added=added)

    def added_between(self, first: date, last: date) -> dict[int, date]:
        """Everyone added from ``first`` to ``last`` (both included), with the day."""
        rows = self.conn.execute(
            sa.select(people.c.id, sa.type_coerce(people.c.created_at, sa.String)).where(
                people.c.space_id == self.space_id,
                people.c.created_at >= _start_of(first),
                people.c.created_at < _start_of(last + timedelta(days=1)),
            )
        )
        return {person_id: _added_day(created) for person_id, created in rows}

    def ledger(self) -> Ledger:
        """The network's give/ask ledger: the sums of each person's kept counts, and the latest give."""
        totals = self.conn.execute(
            sa.select(
                sa.func.coalesce(sa.func.sum(people.c.gave_count), 0),
                sa.func.coalesce(sa.func.sum(people.c.asked_count), 0),
                sa.func.coalesce(sa.func.sum(people.c.mutual_count), 0),
                sa.func.coalesce(sa.func.sum(people.c.social_count), 0),
            ).where(people.c.space_id == self.space_id)
        ).one()
        # max(on_date) of the gives, read backwards from the end of the (space, date, …, direction)
        # index: it stops at the latest give instead of aggregating every interaction of the space.
        last_give = self.conn.execute(
            sa.select(sa.type_coerce(interactions.c.on_date, sa.String))
            .where(interactions.c.space_id == self.space_id, interactions.c.direction == Direction.GAVE.value)
            .order_by(interactions.c.on_date.desc())
            .limit(1)
        ).scalar()
        return Ledger(
            gave=int(totals[0]),
            asked=int(totals[1]),
            mutual=int(totals[2]),
            social=int(totals[3]),
            last_give=_day(last_give) if last_give is not None else None,
        )
