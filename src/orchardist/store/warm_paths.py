"""What "who do I know at X" reads: organisations' names, who works or worked where, and introductions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.warm_paths import Contactable
from orchardist.store.rows import as_date
from orchardist.store.tables import job_changes, organisations, people

_CONTACTABLE = (
    people.c.id,
    people.c.display_name,
    people.c.tier,
    people.c.last_contact_on,
    people.c.gave_count,
    people.c.asked_count,
    people.c.mutual_count,
    people.c.organisation_id,
    people.c.met_through_id,
)
_CHUNK = 5_000


def _contactable(row: Any, names: dict[int, str]) -> Contactable:
    return Contactable(
        person_id=row.id,
        name=row.display_name,
        tier=row.tier,
        last_contact=None if row.last_contact_on is None else as_date(row.last_contact_on),
        gave=row.gave_count,
        asked=row.asked_count,
        mutual=row.mutual_count,
        organisation=names.get(row.organisation_id, "") if row.organisation_id is not None else "",
    )


class WarmPathsRepository:
    """Reads for warm paths in one space."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def organisations(self) -> list[tuple[int, str, tuple[str, ...]]]:
        """Each organisation's id, name and other names."""
        rows = self.conn.execute(
            sa.select(organisations.c.id, organisations.c.name, organisations.c.aliases).where(
                organisations.c.space_id == self.space_id
            )
        )
        return [(row.id, row.name, tuple(row.aliases)) for row in rows]

    def past_positions(self) -> list[tuple[int, str]]:
        """(person id, organisation) for each job someone left, as imports saw them."""
        rows = self.conn.execute(
            sa.select(job_changes.c.person_id, job_changes.c.old_organisation).where(
                job_changes.c.space_id == self.space_id, job_changes.c.old_organisation != ""
            )
        )
        return [(row.person_id, row.old_organisation) for row in rows]

    def working_at(self, organisation_ids: Iterable[int]) -> list[tuple[Contactable, int | None]]:
        """Everyone at these organisations now, each with who introduced them."""
        return self._read(people.c.organisation_id, organisation_ids)

    def people(self, person_ids: Iterable[int]) -> list[tuple[Contactable, int | None]]:
        """These people, each with who introduced them."""
        return self._read(people.c.id, person_ids)

    def introduced_by(self, person_ids: Iterable[int]) -> list[tuple[Contactable, int | None]]:
        """The people these people introduced to the user, each with their introducer."""
        return self._read(people.c.met_through_id, person_ids)

    def _read(self, column: Any, values: Iterable[int]) -> list[tuple[Contactable, int | None]]:
        wanted = sorted(set(values))
        found: list[tuple[Contactable, int | None]] = []
        rows: list[Any] = []
        for start in range(0, len(wanted), _CHUNK):
            rows.extend(
                self.conn.execute(
                    sa.select(*_CONTACTABLE).where(
                        people.c.space_id == self.space_id, column.in_(wanted[start : start + _CHUNK])
                    )
                )
            )
        names = self._organisation_names({row.organisation_id for row in rows} - {None})
        for row in rows:
            found.append((_contactable(row, names), row.met_through_id))
        return found

    def _organisation_names(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = self.conn.execute(
            sa.select(organisations.c.id, organisations.c.name).where(
                organisations.c.space_id == self.space_id, organisations.c.id.in_(sorted(ids))
            )
        )
        return {row.id: row.name for row in rows}
