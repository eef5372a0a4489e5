"""What Progress reads: the kept weekly figures (``orchardist.store.figures``), never the contacts.

The weeks asked for and the overall ledger are a few rows of the figures kept as people and contacts
are written; the latest give is the end of the interactions' (space, date, …, direction) index.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.interactions import Direction
from orchardist.domain.progress import Ledger, Tally
from orchardist.store.figures import WeeklyFigures, added_day
from orchardist.store.tables import interactions, people


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


class ProgressRepository:
    """What Progress reads in one space: the weeks' figures, the overall ledger, who was added when."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id
        self.figures = WeeklyFigures(conn, space_id)

    def weeks(self, first: date, last: date) -> dict[date, Tally]:
        """The kept figures of the weeks starting from ``first`` to ``last`` (Mondays); a week with
        nothing in it is not kept."""
        return self.figures.weeks(first, last)

    def added_between(self, first: date, last: date) -> dict[int, date]:
        """Everyone added from ``first`` to ``last`` (both included), with the day."""
        rows = self.conn.execute(
            sa.select(people.c.id, sa.type_coerce(people.c.created_at, sa.String)).where(
                people.c.space_id == self.space_id,
                people.c.created_at >= _start_of(first),
                people.c.created_at < _start_of(last + timedelta(days=1)),
            )
        )
        return {person_id: added_day(created) for person_id, created in rows}

    def ledger(self) -> Ledger:
        """The network's give/ask ledger: every week's kept figures added up, and the latest give."""
        totals = self.figures.totals()
        # max(on_date) of the gives, read backwards from the end of the (space, date, …, direction)
        # index: it stops at the latest give instead of aggregating every interaction of the space.
        last_give = self.conn.execute(
            sa.select(sa.type_coerce(interactions.c.on_date, sa.String))
            .where(interactions.c.space_id == self.space_id, interactions.c.direction == Direction.GAVE.value)
            .order_by(interactions.c.on_date.desc())
            .limit(1)
        ).scalar()
        return Ledger(
            gave=totals.gives,
            asked=totals.asks,
            mutual=totals.mutual,
            social=totals.social,
            last_give=(last_give if isinstance(last_give, date) else date.fromisoformat(last_give))
            if last_give is not None
            else None,
        )
