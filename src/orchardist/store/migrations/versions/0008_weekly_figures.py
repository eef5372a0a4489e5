"""Each week's Progress figures, kept as people and interactions are written (derived data).

Progress counted every contact of its weeks on its first view after a change (356 ms on SQLite and
693 ms on PostgreSQL at 30,000 people); it now reads a row a week. The table is filled here from the
stored interactions, with this revision's own copy of the counting rules
(``orchardist.domain.progress.tally_by_week`` on the day of this revision: later code may change).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

FIGURES = ("reconnections", "gives", "asks", "mutual", "social", "thank_yous", "new_people", "tended")
DIRECTIONS = {"gave": 1, "asked": 2, "mutual": 3, "social": 4}
RECONNECT_AFTER_DAYS = 90


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _counted(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every space's weeks, counted as Progress counts them: each person's contacts in date order."""
    added = {
        person_id: (space_id, _day(created))
        for person_id, space_id, created in conn.execute(
            sa.text("SELECT id, space_id, created_at FROM people")
        )
    }
    history: dict[int, list[tuple[date, str, str]]] = defaultdict(list)
    for person_id, on, direction, kind in conn.execute(
        sa.text(
            "SELECT link.person_id, contact.on_date, contact.direction, contact.kind"
            " FROM interaction_people AS link JOIN interactions AS contact"
            " ON contact.id = link.interaction_id"
        )
    ):
        history[person_id].append((_day(on), direction, kind))
    weeks: dict[tuple[int, date], list[int]] = defaultdict(lambda: [0] * len(FIGURES))
    for person_id, (space_id, joined) in added.items():
        weeks[space_id, _monday(joined)][6] += 1
        before: date | None = None
        seen: set[date] = set()
        for on, direction, kind in sorted(history.get(person_id, ()), key=lambda contact: contact[0]):
            monday = _monday(on)
            row = weeks[space_id, monday]
            since = before if before is not None else joined
            if (on - since).days >= RECONNECT_AFTER_DAYS:
                row[0] += 1
            before = on
            if direction in DIRECTIONS:
                row[DIRECTIONS[direction]] += 1
            if kind == "thank_you":
                row[5] += 1
            seen.add(monday)
        for monday in seen:
            weeks[space_id, monday][7] += 1
    return [
        {"space_id": space_id, "week_start": monday, **dict(zip(FIGURES, row, strict=True))}
        for (space_id, monday), row in weeks.items()
    ]


def upgrade() -> None:
    table = op.create_table(
        "weekly_figures",
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("week_start", sa.Date, nullable=False),
        *(sa.Column(name, sa.Integer, nullable=False, server_default="0") for name in FIGURES),
        sa.PrimaryKeyConstraint("space_id", "week_start", name="pk_weekly_figures"),
    )
    rows = _counted(op.get_bind())
    for start in range(0, len(rows), 5_000):
        op.bulk_insert(table, rows[start : start + 5_000])


def downgrade() -> None:
    op.drop_table("weekly_figures")
