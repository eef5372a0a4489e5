"""Reconnections in Progress: a contact that takes someone off the reconnect list is kept (the
``reconnections`` table), and a first contact with someone whose relationship started long ago (the day
LinkedIn says you connected) counts as one. The weekly figures are counted again under these rules, with
this revision's own copy of them (``orchardist.domain.progress.tally_by_week`` on the day of this
revision: later code may change).

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None

FIGURES = ("reconnections", "gives", "asks", "mutual", "social", "thank_yous", "new_people", "tended")
DIRECTIONS = {"gave": 1, "asked": 2, "mutual": 3, "social": 4}
RECONNECT_AFTER_DAYS = 90
CONNECTED = "connected"  # the date label LinkedIn's "Connected On" is kept under


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _connected(dates: Any) -> date | None:
    """The full date under the "connected" label of a person's stored dates, if any."""
    if not dates or CONNECTED not in str(dates):
        return None
    try:
        items = dates if isinstance(dates, list) else json.loads(str(dates))
        for item in items:
            if item.get("label") == CONNECTED:
                return date.fromisoformat(str(item.get("date", "")))
    except (ValueError, TypeError, AttributeError):
        return None
    return None


def _counted(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every space's weeks, counted as Progress counts them: each person's contacts in date order."""
    added: dict[int, tuple[int, date, date]] = {}
    for person_id, space_id, created, dates in conn.execute(
        sa.text("SELECT id, space_id, created_at, dates FROM people")
    ):
        joined = _day(created)
        connected = _connected(dates)
        added[person_id] = (space_id, joined, min(joined, connected) if connected else joined)
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
    for person_id, (space_id, joined, started) in added.items():
        weeks[space_id, _monday(joined)][6] += 1
        before: date | None = None
        seen: set[date] = set()
        for on, direction, kind in sorted(history.get(person_id, ()), key=lambda contact: contact[0]):
            monday = _monday(on)
            row = weeks[space_id, monday]
            since = before if before is not None else started
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
        if any(row)
    ]


def upgrade() -> None:
    op.create_table(
        "reconnections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.UniqueConstraint("space_id", "person_id", "on_date", name="uq_reconnections_day"),
    )
    conn = op.get_bind()
    figures = sa.table(
        "weekly_figures",
        sa.column("space_id", sa.Integer),
        sa.column("week_start", sa.Date),
        *(sa.column(name, sa.Integer) for name in FIGURES),
    )
    rows = _counted(conn)
    conn.execute(figures.delete())
    for start in range(0, len(rows), 5_000):
        conn.execute(figures.insert(), rows[start : start + 5_000])


def downgrade() -> None:
    op.drop_table("reconnections")
