"""Interactions in one space, with the people each involved."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.messages import NotFound
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.store.figures import WeeklyFigures
from orchardist.store.ids import ids_for
from orchardist.store.rows import interaction_from
from orchardist.store.tables import interaction_people, interactions, people, reconnections
from orchardist.store.times import to_store


class InteractionsRepository:
    """Reads and writes the interactions of one space."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def add(self, interaction: Interaction) -> Interaction:
        (interaction_id,) = self.add_many([interaction])
        return Interaction(
            id=interaction_id,
            on=interaction.on,
            direction=interaction.direction,
            kind=interaction.kind,
            summary=interaction.summary,
            person_ids=interaction.person_ids,
            channel=interaction.channel,
            notes=interaction.notes,
        )

    def add_many(
        self,
        new: Sequence[Interaction],
        *,
        keep_ids: bool = False,
        logged: Sequence[datetime | None] | None = None,
    ) -> list[int]:
        """Store interactions in bulk; every person involved must belong to this space.

        With ``keep_ids`` (a restore or a backup imported), an interaction's own ``id`` is kept when no
        row holds it; ``logged`` gives when each was logged (None: now).
        """
        if not new:
            return []
        involved = sorted({person_id for item in new for person_id in item.person_ids})
        known = set(
            self.conn.execute(
                sa.select(people.c.id).where(people.c.space_id == self.space_id, people.c.id.in_(involved))
            ).scalars()
        )
        unknown = [person_id for person_id in involved if person_id not in known]
        if unknown:
            raise NotFound(NO_SUCH_PERSON(id=unknown[0]))
        with WeeklyFigures(self.conn, self.space_id).tracking(involved):
            return self._insert(new, involved, keep_ids=keep_ids, logged=logged)

    def _insert(
        self,
        new: Sequence[Interaction],
        involved: list[int],
        *,
        keep_ids: bool,
        logged: Sequence[datetime | None] | None,
    ) -> list[int]:
        now = datetime.now(UTC)
        times = [now] * len(new) if logged is None else [now if at is None else to_store(at) for at in logged]
        rows = [
            {
                "space_id": self.space_id,
                "on_date": item.on,
                "channel": item.channel.value,
                "direction": item.direction.value,
                "kind": item.kind,
                "summary": item.summary,
                "notes": item.notes,
                "created_at": at,
            }
            for item, at in zip(new, times, strict=True)
        ]
        if keep_ids:
            ids = ids_for(self.conn, interactions, [item.id for item in new])
            for interaction_id, row in zip(ids, rows, strict=True):
                row["id"] = interaction_id
            self.conn.execute(interactions.insert(), rows)
        else:
            result = self.conn.execute(
                interactions.insert().returning(interactions.c.id, sort_by_parameter_order=True), rows
            )
            ids = [row[0] for row in result]
        links = [
            {
                "interaction_id": interaction_id,
                "person_id": person_id,
                "space_id": self.space_id,
                "on_date": item.on,
            }
            for interaction_id, item in zip(ids, new, strict=True)
            for person_id in dict.fromkeys(item.person_ids)
        ]
        if links:
            self.conn.execute(interaction_people.insert(), links)
        self.refresh_last_contact(involved)
        return ids

    def refresh_last_contact(self, person_ids: Sequence[int]) -> None:
        """Set each person's stored last-contact date and give/ask counts from their interactions.

        One grouped read and one batched update per chunk: predictable on both databases, where
        correlated subqueries can take minutes on PostgreSQL before its statistics are fresh.
        """
        wanted = sorted(set(person_ids))
        for start in range(0, len(wanted), 5_000):
            chunk = wanted[start : start + 5_000]
            summary: dict[int, dict[str, Any]] = {
                person_id: {"person": person_id, "last": None, **{f"n_{d.value}": 0 for d in Direction}}
                for person_id in chunk
            }
            rows = self.conn.execute(
                sa.select(
                    interaction_people.c.person_id,
                    interactions.c.direction,
                    sa.func.count(),
                    sa.func.max(interaction_people.c.on_date),
                )
                .join(interactions, interactions.c.id == interaction_people.c.interaction_id)
                .where(
                    interaction_people.c.space_id == self.space_id, interaction_people.c.person_id.in_(chunk)
                )
                .group_by(interaction_people.c.person_id, interactions.c.direction)
            )
            for person_id, direction, number, latest in rows:
                entry = summary[person_id]
                entry[f"n_{direction}"] = number
                if entry["last"] is None or latest > entry["last"]:
                    entry["last"] = latest
            self.conn.execute(
                people.update()
                .where(people.c.space_id == self.space_id, people.c.id == sa.bindparam("person"))
                .values(
                    last_contact_on=sa.bindparam("last"),
                    **{f"{d.value}_count": sa.bindparam(f"n_{d.value}") for d in Direction},
                ),
                list(summary.values()),
            )

    def for_person(self, person_id: int) -> list[Interaction]:
        """A person's interactions, newest first."""
        ids = self.conn.execute(
            sa.select(interaction_people.c.interaction_id)
            .where(
                interaction_people.c.space_id == self.space_id, interaction_people.c.person_id == person_id
            )
            .order_by(interaction_people.c.on_date.desc(), interaction_people.c.interaction_id.desc())
        ).scalars()
        return self._load(list(ids))

    def all(self) -> list[Interaction]:
        ids = self.conn.execute(
            sa.select(interactions.c.id)
            .where(interactions.c.space_id == self.space_id)
            .order_by(interactions.c.on_date, interactions.c.id)
        ).scalars()
        return self._load(list(ids))

    def on_days(self, days: Collection[date]) -> list[Interaction]:
        """Every interaction of the space dated on one of ``days``, oldest first."""
        wanted = sorted(set(days))
        ids: list[int] = []
        for start in range(0, len(wanted), 5_000):
            ids.extend(
                self.conn.execute(
                    sa.select(interactions.c.id)
                    .where(
                        interactions.c.space_id == self.space_id,
                        interactions.c.on_date.in_(wanted[start : start + 5_000]),
                    )
                    .order_by(interactions.c.on_date, interactions.c.id)
                ).scalars()
            )
        return self._load(ids)

    def recent(self, *, limit: int, offset: int = 0) -> list[Interaction]:
        """Interactions across the space, newest first (by date, then the latest logged)."""
        ids = self.conn.execute(
            sa.select(interactions.c.id)
            .where(interactions.c.space_id == self.space_id)
            .order_by(interactions.c.on_date.desc(), interactions.c.id.desc())
            .limit(limit)
            .offset(offset)
        ).scalars()
        return self._load(list(ids))

    def people_contacted(self, since: date, until: date) -> int:
        """How many people had a contact logged from ``since`` to ``until``, both included."""
        return int(
            self.conn.execute(
                sa.select(sa.func.count(sa.distinct(interaction_people.c.person_id)))
                .join(interactions, interactions.c.id == interaction_people.c.interaction_id)
                .where(
                    interactions.c.space_id == self.space_id,
                    interactions.c.on_date >= since,
                    interactions.c.on_date <= until,
                )
            ).scalar_one()
        )

    def count(self) -> int:
        return int(
            self.conn.execute(
                sa.select(sa.func.count()).where(interactions.c.space_id == self.space_id)
            ).scalar_one()
        )

    def move_person(self, from_id: int, to_id: int) -> None:
        """Re-attribute every interaction of ``from_id`` to ``to_id`` (used when merging people)."""
        with WeeklyFigures(self.conn, self.space_id).tracking([from_id, to_id]):
            self._move(from_id, to_id)

    def _move(self, from_id: int, to_id: int) -> None:
        already = set(
            self.conn.execute(
                sa.select(interaction_people.c.interaction_id).where(
                    interaction_people.c.space_id == self.space_id, interaction_people.c.person_id == to_id
                )
            ).scalars()
        )
        rows = self.conn.execute(
            sa.select(interaction_people.c.interaction_id, interaction_people.c.on_date).where(
                interaction_people.c.space_id == self.space_id, interaction_people.c.person_id == from_id
            )
        ).all()
        self.conn.execute(
            interaction_people.delete().where(
                interaction_people.c.space_id == self.space_id, interaction_people.c.person_id == from_id
            )
        )
        moved = [
            {
                "interaction_id": row.interaction_id,
                "person_id": to_id,
                "space_id": self.space_id,
                "on_date": row.on_date,
            }
            for row in rows
            if row.interaction_id not in already
        ]
        if moved:
            self.conn.execute(interaction_people.insert(), moved)
        # The contacts that took them off the reconnect list go with the contacts themselves.
        days_kept = set(
            self.conn.execute(
                sa.select(reconnections.c.on_date).where(
                    reconnections.c.space_id == self.space_id, reconnections.c.person_id == to_id
                )
            ).scalars()
        )
        theirs = reconnections.c.space_id == self.space_id, reconnections.c.person_id == from_id
        if days_kept:
            self.conn.execute(reconnections.delete().where(*theirs, reconnections.c.on_date.in_(days_kept)))
        self.conn.execute(reconnections.update().where(*theirs).values(person_id=to_id))
        self.refresh_last_contact([from_id, to_id])

    def _load(self, ids: list[int]) -> list[Interaction]:
        if not ids:
            return []
        found: dict[int, Interaction] = {}
        for start in range(0, len(ids), 5_000):
            chunk = ids[start : start + 5_000]
            involved: dict[int, list[int]] = defaultdict(list)
            for interaction_id, person_id in self.conn.execute(
                sa.select(interaction_people.c.interaction_id, interaction_people.c.person_id)
                .where(interaction_people.c.interaction_id.in_(chunk))
                .order_by(interaction_people.c.interaction_id, interaction_people.c.person_id)
            ):
                involved[interaction_id].append(person_id)
            # By primary key. Without statistics SQLite would take the (space, date) index, which
            # for one space means reading every interaction; "+ 0" keeps the space test off indexes.
            by_id = sa.select(interactions).where(
                interactions.c.space_id + 0 == self.space_id, interactions.c.id.in_(chunk)
            )
            for row in self.conn.execute(by_id).mappings():
                found[row["id"]] = interaction_from(row, tuple(involved[row["id"]]))
        return [found[interaction_id] for interaction_id in ids if interaction_id in found]
