"""What a counsellor's caseload reads of many clients' networks at once: a few statements for all of
them, not a few for each (the caseload of 40 is a page a counsellor opens all day).

Called only by ``services/caseload.py`` after the spaces were opened for the transaction (the consent
door), so row-level security already limits what these statements can see.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.progress import Tally
from orchardist.store.tables import interactions, settings, weekly_figures
from orchardist.store.tables import spaces as spaces_table

_NAMES = Tally._fields


class CaseloadReads:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def weeks(self, spaces: Collection[int], first: date, last: date) -> dict[int, dict[date, Tally]]:
        """Each space's kept weekly figures from ``first`` to ``last`` (Mondays)."""
        found: dict[int, dict[date, Tally]] = {space: {} for space in spaces}
        if not spaces:
            return found
        rows = self.conn.execute(
            sa.select(
                weekly_figures.c.space_id, weekly_figures.c.week_start, *(weekly_figures.c[n] for n in _NAMES)
            ).where(
                weekly_figures.c.space_id.in_(list(spaces)),
                weekly_figures.c.week_start >= first,
                weekly_figures.c.week_start <= last,
            )
        )
        for row in rows:
            found[row[0]][row[1]] = Tally(*row[2:])
        return found

    def totals(self, spaces: Collection[int]) -> dict[int, Tally]:
        """Each space's figures added up over every week (its give/ask ledger)."""
        found = {space: Tally() for space in spaces}
        if not spaces:
            return found
        rows = self.conn.execute(
            sa.select(
                weekly_figures.c.space_id,
                *(sa.func.coalesce(sa.func.sum(weekly_figures.c[n]), 0) for n in _NAMES),
            )
            .where(weekly_figures.c.space_id.in_(list(spaces)))
            .group_by(weekly_figures.c.space_id)
        )
        for row in rows:
            found[row[0]] = Tally(*(int(value) for value in row[1:]))
        return found

    def setting(self, spaces: Collection[int], key: str) -> dict[int, object]:
        """Each space's stored value of one setting (absent where it keeps the default)."""
        if not spaces:
            return {}
        import json

        rows = self.conn.execute(
            sa.select(settings.c.space_id, settings.c.value).where(
                settings.c.space_id.in_(list(spaces)), settings.c.key == key
            )
        )
        return {space: json.loads(value) for space, value in rows}

    def last_contacts(self, spaces: Collection[int]) -> dict[int, date]:
        """Each space's latest contact day (spaces with none are absent): one index probe a space."""
        if not spaces:
            return {}
        latest = (
            sa.select(interactions.c.on_date)
            .where(interactions.c.space_id == spaces_table.c.id)
            .order_by(interactions.c.on_date.desc())
            .limit(1)
            .correlate(spaces_table)
            .scalar_subquery()
        )
        rows = self.conn.execute(
            sa.select(spaces_table.c.id, latest).where(spaces_table.c.id.in_(list(spaces)))
        )
        return {row[0]: row[1] for row in rows if row[1] is not None}
