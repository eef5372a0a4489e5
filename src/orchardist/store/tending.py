"""What Today reads, in a handful of set-wise queries (never one per person)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.interactions import Direction
from orchardist.domain.people import PartialDate, Tier
from orchardist.domain.tending import FOLLOW_UP_WINDOW, JOB_CHANGE_WINDOW, Contact, Tended
from orchardist.store.tables import interaction_people, interactions, job_changes, people


def _birthday(text: str | None) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


def _dates(raw: str | None) -> tuple[tuple[str, PartialDate], ...]:
    found: list[tuple[str, PartialDate]] = []
    for item in json.loads(raw or "[]"):
        try:
            found.append((str(item["label"]), PartialDate.parse(str(item["date"]))))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(found)


def tended_people(conn: Connection, space_id: int, on: date) -> list[Tended]:
    """Everyone in the space with what tending needs: rhythm, last contact, occasions, give/ask counts."""
    ledger: dict[int, dict[str, int]] = defaultdict(dict)
    counts = conn.execute(
        sa.select(interaction_people.c.person_id, interactions.c.direction, sa.func.count())
        .join(interactions, interactions.c.id == interaction_people.c.interaction_id)
        .where(interaction_people.c.space_id == space_id)
        .group_by(interaction_people.c.person_id, interactions.c.direction)
    )
    for person_id, direction, number in counts:
        ledger[person_id][direction] = number
    moves: dict[int, tuple[date, str]] = {}
    for person_id, seen_on, organisation in conn.execute(
        sa.select(job_changes.c.person_id, job_changes.c.seen_on, job_changes.c.new_organisation)
        .where(job_changes.c.space_id == space_id, job_changes.c.seen_on >= on - JOB_CHANGE_WINDOW)
        .order_by(job_changes.c.seen_on)
    ):
        moves[person_id] = (seen_on, organisation)
    rows = conn.execute(
        sa.select(
            people.c.id,
            people.c.display_name,
            people.c.tier,
            people.c.every_days,
            people.c.created_at,
            people.c.last_contact_on,
            people.c.birthday,
            sa.type_coerce(people.c.dates, sa.Text).label("dates"),
        ).where(people.c.space_id == space_id)
    )
    tended = []
    for row in rows:
        counted = ledger.get(row.id, {})
        move = moves.get(row.id)
        tended.append(
            Tended(
                person_id=row.id,
                name=row.display_name,
                tier=Tier(row.tier),
                every_days=row.every_days,
                added_on=row.created_at.date(),
                last_contact=row.last_contact_on,
                birthday=_birthday(row.birthday),
                dates=_dates(row.dates),
                gave=counted.get(Direction.GAVE.value, 0),
                asked=counted.get(Direction.ASKED.value, 0),
                mutual=counted.get(Direction.MUTUAL.value, 0),
                new_job_seen_on=move[0] if move else None,
                new_organisation=move[1] if move else "",
            )
        )
    return tended


def recent_contacts(conn: Connection, space_id: int, on: date) -> list[Contact]:
    """The contacts recent enough to leave a thank-you or a follow-up owed."""
    rows = conn.execute(
        sa.select(
            interaction_people.c.person_id,
            interaction_people.c.on_date,
            interactions.c.direction,
            interactions.c.kind,
        )
        .join(interactions, interactions.c.id == interaction_people.c.interaction_id)
        .where(
            # Through the interactions' (space, date) index: only the last weeks are read.
            interactions.c.space_id == space_id,
            interactions.c.on_date >= on - FOLLOW_UP_WINDOW,
            interactions.c.on_date <= on + timedelta(days=1),
        )
    )
    return [Contact(row.person_id, row.on_date, Direction(row.direction), row.kind) for row in rows]
