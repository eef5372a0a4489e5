"""The groups of one space, the events the user attended and whom they met there."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.groups import Event, Group, GroupKind, MetAt
from orchardist.store.ids import ids_for
from orchardist.store.rows import as_date
from orchardist.store.tables import event_people, events, network_groups, people

_GROUP = (
    network_groups.c.id,
    network_groups.c.name,
    network_groups.c.kind,
    network_groups.c.joined_on,
    network_groups.c.notes,
)
_EVENT = (
    events.c.id,
    events.c.name,
    events.c.on_date,
    events.c.place,
    events.c.group_id,
    events.c.notes,
)


def _group(row: Any) -> Group:
    return Group(
        id=row.id,
        name=row.name,
        kind=GroupKind(row.kind),
        joined_on=row.joined_on,
        notes=row.notes,
    )


class GroupsRepository:
    """Groups, events and the people met at them, in one space."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    # Groups --------------------------------------------------------------------------------------

    def add_group(self, group: Group) -> Group:
        row = self.conn.execute(
            sa.insert(network_groups)
            .values(
                space_id=self.space_id,
                name=group.name,
                kind=group.kind.value,
                joined_on=group.joined_on,
                notes=group.notes,
                created_at=datetime.now(UTC),
            )
            .returning(*_GROUP)
        ).one()
        return _group(row)

    def groups(self) -> list[Group]:
        """Every group, by name."""
        rows = self.conn.execute(
            sa.select(*_GROUP)
            .where(network_groups.c.space_id == self.space_id)
            .order_by(network_groups.c.name, network_groups.c.id)
        )
        return [_group(row) for row in rows]

    def group(self, group_id: int) -> Group | None:
        row = self.conn.execute(
            sa.select(*_GROUP).where(
                network_groups.c.space_id == self.space_id, network_groups.c.id == group_id
            )
        ).first()
        return None if row is None else _group(row)

    # Events --------------------------------------------------------------------------------------

    def add_event(self, event: Event) -> Event:
        row = self.conn.execute(
            sa.insert(events)
            .values(
                space_id=self.space_id,
                name=event.name,
                on_date=event.on,
                place=event.place,
                group_id=event.group_id,
                notes=event.notes,
                created_at=datetime.now(UTC),
            )
            .returning(events.c.id)
        ).one()
        self._meet(row.id, event.met)
        return Event(
            id=row.id,
            name=event.name,
            on=event.on,
            place=event.place,
            group_id=event.group_id,
            notes=event.notes,
            met=event.met,
        )

    def _meet(self, event_id: int, person_ids: Sequence[int]) -> None:
        if person_ids:
            self.conn.execute(
                sa.insert(event_people),
                [
                    {"event_id": event_id, "person_id": person_id, "space_id": self.space_id}
                    for person_id in dict.fromkeys(person_ids)
                ],
            )

    def events(self, group_id: int | None = None) -> list[Event]:
        """Every event (or a group's), newest first, with the people met there."""
        statement = sa.select(*_EVENT).where(events.c.space_id == self.space_id)
        if group_id is not None:
            statement = statement.where(events.c.group_id == group_id)
        rows = self.conn.execute(statement.order_by(events.c.on_date.desc(), events.c.id.desc())).all()
        met: dict[int, list[int]] = defaultdict(list)
        if rows:
            pairs = self.conn.execute(
                sa.select(event_people.c.event_id, event_people.c.person_id)
                .where(event_people.c.space_id == self.space_id)
                .order_by(event_people.c.event_id, event_people.c.person_id)
            )
            for event_id, person_id in pairs:
                met[event_id].append(person_id)
        return [
            Event(
                id=row.id,
                name=row.name,
                on=as_date(row.on_date),
                place=row.place,
                group_id=row.group_id,
                notes=row.notes,
                met=tuple(met[row.id]),
            )
            for row in rows
        ]

    def met_at(self, person_id: int) -> list[MetAt]:
        """The events someone was met at, newest first."""
        rows = self.conn.execute(
            sa.select(events.c.id, events.c.name, events.c.on_date, network_groups.c.name.label("group"))
            .select_from(
                event_people.join(events, events.c.id == event_people.c.event_id).outerjoin(
                    network_groups, network_groups.c.id == events.c.group_id
                )
            )
            .where(event_people.c.space_id == self.space_id, event_people.c.person_id == person_id)
            .order_by(events.c.on_date.desc(), events.c.id.desc())
        )
        return [MetAt(row.id, row.name, as_date(row.on_date), row.group or "") for row in rows]

    def follow_ups(self, since: date, until: date) -> list[tuple[int, str, date, int, str, date | None]]:
        """(event id, event name, its day, person id, their name, their last contact) for everyone met at
        an event held from ``since`` to ``until``, earliest event first."""
        rows = self.conn.execute(
            sa.select(
                events.c.id,
                events.c.name,
                events.c.on_date,
                people.c.id.label("person_id"),
                people.c.display_name,
                people.c.last_contact_on,
            )
            .select_from(
                events.join(event_people, event_people.c.event_id == events.c.id).join(
                    people, people.c.id == event_people.c.person_id
                )
            )
            .where(events.c.space_id == self.space_id, events.c.on_date.between(since, until))
            .order_by(events.c.on_date, events.c.id, people.c.id)
        )
        return [
            (
                row.id,
                row.name,
                as_date(row.on_date),
                row.person_id,
                row.display_name,
                None if row.last_contact_on is None else as_date(row.last_contact_on),
            )
            for row in rows
        ]

    def move_person(self, from_id: int, to_id: int) -> None:
        """Whoever was met as ``from_id`` was met as ``to_id`` (merging two records)."""
        both = sa.select(event_people.c.event_id).where(
            event_people.c.space_id == self.space_id, event_people.c.person_id == to_id
        )
        self.conn.execute(
            sa.delete(event_people).where(
                event_people.c.space_id == self.space_id,
                event_people.c.person_id == from_id,
                event_people.c.event_id.in_(both),
            )
        )
        self.conn.execute(
            sa.update(event_people)
            .where(event_people.c.space_id == self.space_id, event_people.c.person_id == from_id)
            .values(person_id=to_id)
        )

    # Backups -------------------------------------------------------------------------------------

    def delete_all(self) -> None:
        """Delete every group and event of the space (a restore replaces them)."""
        self.conn.execute(sa.delete(events).where(events.c.space_id == self.space_id))
        self.conn.execute(sa.delete(network_groups).where(network_groups.c.space_id == self.space_id))

    def restore(
        self,
        groups: Sequence[Group],
        found: Sequence[Event],
        *,
        held: Mapping[int | None, int | None] | None = None,
    ) -> None:
        """Store groups and events from a backup, keeping their ids where free; an event's ``group_id``
        is the backup's id of its group (``held`` maps those the space has already to their rows), and
        ``met`` the stored ids of the people."""
        now = datetime.now(UTC)
        group_ids = ids_for(self.conn, network_groups, [group.id for group in groups])
        stored: dict[int | None, int | None] = dict(held or {})
        stored.update({group.id: new for group, new in zip(groups, group_ids, strict=True)})
        if groups:
            self.conn.execute(
                sa.insert(network_groups),
                [
                    {
                        "id": new,
                        "space_id": self.space_id,
                        "name": group.name,
                        "kind": group.kind.value,
                        "joined_on": group.joined_on,
                        "notes": group.notes,
                        "created_at": now,
                    }
                    for group, new in zip(groups, group_ids, strict=True)
                ],
            )
        if not found:
            return
        event_ids = ids_for(self.conn, events, [event.id for event in found])
        self.conn.execute(
            sa.insert(events),
            [
                {
                    "id": new,
                    "space_id": self.space_id,
                    "group_id": stored.get(event.group_id) if event.group_id is not None else None,
                    "name": event.name,
                    "on_date": event.on,
                    "place": event.place,
                    "notes": event.notes,
                    "created_at": now,
                }
                for event, new in zip(found, event_ids, strict=True)
            ],
        )
        for event, new in zip(found, event_ids, strict=True):
            self._meet(new, event.met)
