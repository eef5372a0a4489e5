"""Leads, and the events people were met at, read through the standard library."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from orchardist.domain.groups import MetAt
from orchardist.domain.leads import Known, Lead, LeadStatus
from orchardist.store.lite.unit import LiteRepository, chunks, marks
from orchardist.store.rows import as_date, as_moment

LEAD_COLUMNS = (
    "id",
    "organisation",
    "role",
    "heard_where",
    "heard_on",
    "source_person_id",
    "via_lead_id",
    "status",
    "notes",
    "next_step",
    "next_step_on",
    "created_at",
    "updated_at",
)
_SELECT = f"SELECT {', '.join(LEAD_COLUMNS)} FROM leads"


def _lead(row: tuple[object, ...]) -> Lead:
    values = dict(zip(LEAD_COLUMNS, row, strict=True))
    return Lead(
        id=values["id"],  # type: ignore[arg-type]
        organisation=str(values["organisation"]),
        role=str(values["role"]),
        heard_where=str(values["heard_where"]),
        heard_on=None if values["heard_on"] is None else as_date(str(values["heard_on"])),
        source_person_id=values["source_person_id"],  # type: ignore[arg-type]
        via_lead_id=values["via_lead_id"],  # type: ignore[arg-type]
        status=LeadStatus(str(values["status"])),
        notes=str(values["notes"]),
        next_step=str(values["next_step"]),
        next_step_on=None if values["next_step_on"] is None else as_date(str(values["next_step_on"])),
        created_at=as_moment(str(values["created_at"])),
        updated_at=as_moment(str(values["updated_at"])),
    )


class LiteLeads(LiteRepository):
    """What Today and a person's page read of leads, as ``LeadsRepository`` reads it."""

    name = "leads"

    def from_person(self, person_id: int) -> list[Lead]:
        """The leads someone told the user of, newest first."""
        statement = f"{_SELECT} WHERE space_id = ? AND source_person_id = ? ORDER BY id DESC"
        return [_lead(row) for row in self.conn.execute(statement, (self.space_id, person_id))]

    def steps_due(self, until: date) -> list[Lead]:
        """The open leads whose next step is due on ``until`` or before, earliest first."""
        statement = (
            f"{_SELECT} WHERE space_id = ? AND next_step_on <= ? AND status != ? ORDER BY next_step_on, id"
        )
        rows = self.conn.execute(statement, (self.space_id, until.isoformat(), LeadStatus.CLOSED.value))
        return [_lead(row) for row in rows]

    def known(self, person_ids: Iterable[int]) -> dict[int, Known]:
        """The name and introducer of each of these people in the space."""
        wanted = sorted(set(person_ids))
        found: dict[int, Known] = {}
        for chunk in chunks(wanted):
            statement = (
                "SELECT id, display_name, met_through_id FROM people"
                f" WHERE space_id = ? AND id IN ({marks(len(chunk))})"
            )
            for person_id, name, through in self.conn.execute(statement, (self.space_id, *chunk)):
                found[person_id] = Known(name, through)
        return found


class LiteGroups(LiteRepository):
    """What Today and a person's page read of events, as ``GroupsRepository`` reads it."""

    name = "groups"

    def met_at(self, person_id: int) -> list[MetAt]:
        """The events someone was met at, newest first."""
        statement = (
            "SELECT events.id, events.name, events.on_date, network_groups.name FROM event_people"
            " JOIN events ON events.id = event_people.event_id"
            " LEFT OUTER JOIN network_groups ON network_groups.id = events.group_id"
            " WHERE event_people.space_id = ? AND event_people.person_id = ?"
            " ORDER BY events.on_date DESC, events.id DESC"
        )
        rows = self.conn.execute(statement, (self.space_id, person_id))
        return [MetAt(event_id, name, as_date(on), group or "") for event_id, name, on, group in rows]

    def follow_ups(self, since: date, until: date) -> list[tuple[int, str, date, int, str, date | None]]:
        """(event id, event name, its day, person id, their name, their last contact) for everyone met at
        an event held from ``since`` to ``until``, earliest event first."""
        statement = (
            "SELECT events.id, events.name, events.on_date, people.id, people.display_name,"
            " people.last_contact_on FROM events"
            " JOIN event_people ON event_people.event_id = events.id"
            " JOIN people ON people.id = event_people.person_id"
            " WHERE events.space_id = ? AND events.on_date BETWEEN ? AND ?"
            " ORDER BY events.on_date, events.id, people.id"
        )
        rows = self.conn.execute(statement, (self.space_id, since.isoformat(), until.isoformat()))
        return [
            (event_id, name, as_date(on), person_id, person, None if last is None else as_date(last))
            for event_id, name, on, person_id, person, last in rows
        ]
