"""The job leads of one space."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.leads import Known, Lead, LeadStatus
from orchardist.store.ids import ids_for
from orchardist.store.rows import as_date, as_moment
from orchardist.store.tables import leads, people
from orchardist.store.times import to_store

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
_COLUMNS = tuple(leads.c[name] for name in LEAD_COLUMNS)


def lead_from(row: Any) -> Lead:
    """A lead from a row of ``LEAD_COLUMNS`` (SQLAlchemy's values or SQLite's text)."""
    values = dict(zip(LEAD_COLUMNS, row, strict=True))
    return Lead(
        id=values["id"],
        organisation=values["organisation"],
        role=values["role"],
        heard_where=values["heard_where"],
        heard_on=None if values["heard_on"] is None else as_date(values["heard_on"]),
        source_person_id=values["source_person_id"],
        via_lead_id=values["via_lead_id"],
        status=LeadStatus(values["status"]),
        notes=values["notes"],
        next_step=values["next_step"],
        next_step_on=None if values["next_step_on"] is None else as_date(values["next_step_on"]),
        created_at=as_moment(values["created_at"]),
        updated_at=as_moment(values["updated_at"]),
    )


def _values(lead: Lead) -> dict[str, Any]:
    return {
        "organisation": lead.organisation,
        "role": lead.role,
        "heard_where": lead.heard_where,
        "heard_on": lead.heard_on,
        "source_person_id": lead.source_person_id,
        "via_lead_id": lead.via_lead_id,
        "status": lead.status.value,
        "notes": lead.notes,
        "next_step": lead.next_step,
        "next_step_on": lead.next_step_on,
    }


class LeadsRepository:
    """Job leads, and what their stories need of people, in one space."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def add(self, lead: Lead) -> Lead:
        now = datetime.now(UTC)
        row = self.conn.execute(
            sa.insert(leads)
            .values(space_id=self.space_id, created_at=now, updated_at=now, **_values(lead))
            .returning(*_COLUMNS)
        ).one()
        return lead_from(row)

    def update(self, lead: Lead) -> Lead | None:
        """Store every field of ``lead`` (by its id); None when the space has no such lead."""
        row = self.conn.execute(
            sa.update(leads)
            .where(leads.c.space_id == self.space_id, leads.c.id == lead.id)
            .values(updated_at=datetime.now(UTC), **_values(lead))
            .returning(*_COLUMNS)
        ).first()
        return None if row is None else lead_from(row)

    def get(self, lead_id: int) -> Lead | None:
        row = self.conn.execute(
            sa.select(*_COLUMNS).where(leads.c.space_id == self.space_id, leads.c.id == lead_id)
        ).first()
        return None if row is None else lead_from(row)

    def all(self) -> list[Lead]:
        """Every lead of the space, newest first."""
        rows = self.conn.execute(
            sa.select(*_COLUMNS).where(leads.c.space_id == self.space_id).order_by(leads.c.id.desc())
        )
        return [lead_from(row) for row in rows]

    def from_person(self, person_id: int) -> list[Lead]:
        """The leads someone told the user of, newest first."""
        rows = self.conn.execute(
            sa.select(*_COLUMNS)
            .where(leads.c.space_id == self.space_id, leads.c.source_person_id == person_id)
            .order_by(leads.c.id.desc())
        )
        return [lead_from(row) for row in rows]

    def steps_due(self, until: date) -> list[Lead]:
        """The open leads whose next step is due on ``until`` or before, earliest first."""
        rows = self.conn.execute(
            sa.select(*_COLUMNS)
            .where(
                leads.c.space_id == self.space_id,
                leads.c.next_step_on <= until,
                leads.c.status != LeadStatus.CLOSED.value,
            )
            .order_by(leads.c.next_step_on, leads.c.id)
        )
        return [lead_from(row) for row in rows]

    def known(self, person_ids: Iterable[int]) -> dict[int, Known]:
        """The name and introducer of each of these people in the space."""
        wanted = sorted(set(person_ids))
        if not wanted:
            return {}
        rows = self.conn.execute(
            sa.select(people.c.id, people.c.display_name, people.c.met_through_id).where(
                people.c.space_id == self.space_id, people.c.id.in_(wanted)
            )
        )
        return {row.id: Known(row.display_name, row.met_through_id) for row in rows}

    def move_person(self, from_id: int, to_id: int) -> None:
        """The leads ``from_id`` told of were told by ``to_id`` (merging two records)."""
        self.conn.execute(
            sa.update(leads)
            .where(leads.c.space_id == self.space_id, leads.c.source_person_id == from_id)
            .values(source_person_id=to_id)
        )

    def delete_all(self) -> None:
        """Delete every lead of the space (a restore replaces them)."""
        self.conn.execute(sa.delete(leads).where(leads.c.space_id == self.space_id))

    def restore(self, found: Sequence[Lead]) -> dict[int, int]:
        """Store leads from a backup, keeping their ids and times where free; their ``via_lead_id`` is
        the backup's id of the other lead. Returns each backup id's stored id."""
        if not found:
            return {}
        ids = ids_for(self.conn, leads, [lead.id or None for lead in found])
        stored = {lead.id: new for lead, new in zip(found, ids, strict=True) if lead.id is not None}
        now = datetime.now(UTC)
        self.conn.execute(
            sa.insert(leads),
            [
                {
                    **_values(lead),
                    "via_lead_id": None,
                    "id": new,
                    "space_id": self.space_id,
                    "created_at": to_store(lead.created_at or now),
                    "updated_at": to_store(lead.updated_at or lead.created_at or now),
                }
                for lead, new in zip(found, ids, strict=True)
            ],
        )
        for lead, new in zip(found, ids, strict=True):
            if lead.via_lead_id is not None and lead.via_lead_id in stored:
                self.conn.execute(
                    sa.update(leads)
                    .where(leads.c.space_id == self.space_id, leads.c.id == new)
                    .values(via_lead_id=stored[lead.via_lead_id])
                )
        return stored
