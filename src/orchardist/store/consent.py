"""What clients share with counsellors: caseloads, the history of grants, the access log, and the
counsellors' notes about meetings."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.accounts import AccessRecord, Account, CounsellorNote, Grant
from orchardist.store.account_tables import access_log, accounts, caseloads, counsellor_notes, sharing_grants
from orchardist.store.accounts import _ACCOUNT_COLUMNS, account_from, aware


def _groups(text: str) -> frozenset[str]:
    return frozenset(part for part in text.split(",") if part)


class ConsentRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # Caseloads.
    def add_to_caseload(self, counsellor_id: int, client_id: int, at: datetime) -> None:
        if not self.in_caseload(counsellor_id, client_id):
            self.conn.execute(
                caseloads.insert().values(counsellor_id=counsellor_id, client_id=client_id, created_at=at)
            )

    def in_caseload(self, counsellor_id: int, client_id: int) -> bool:
        return (
            self.conn.execute(
                sa.select(caseloads.c.client_id).where(
                    caseloads.c.counsellor_id == counsellor_id, caseloads.c.client_id == client_id
                )
            ).first()
            is not None
        )

    def clients_of(self, counsellor_id: int) -> list[Account]:
        rows = self.conn.execute(
            sa.select(*_ACCOUNT_COLUMNS)
            .join(caseloads, caseloads.c.client_id == accounts.c.id)
            .where(caseloads.c.counsellor_id == counsellor_id)
            .order_by(accounts.c.name, accounts.c.id)
        )
        return [account_from(row) for row in rows]

    def counsellors_of(self, client_id: int) -> list[Account]:
        rows = self.conn.execute(
            sa.select(*_ACCOUNT_COLUMNS)
            .join(caseloads, caseloads.c.counsellor_id == accounts.c.id)
            .where(caseloads.c.client_id == client_id)
            .order_by(accounts.c.name, accounts.c.id)
        )
        return [account_from(row) for row in rows]

    def caseload_sizes(self, counsellor_ids: Collection[int]) -> dict[int, int]:
        rows = self.conn.execute(
            sa.select(caseloads.c.counsellor_id, sa.func.count())
            .where(caseloads.c.counsellor_id.in_(list(counsellor_ids)))
            .group_by(caseloads.c.counsellor_id)
        )
        return {row[0]: int(row[1]) for row in rows}

    # Grants: every change kept, the newest in force.
    def grant(self, client_id: int, counsellor_id: int, groups: Collection[str], at: datetime) -> None:
        self.conn.execute(
            sharing_grants.insert().values(
                client_id=client_id, counsellor_id=counsellor_id, groups=",".join(sorted(groups)), at=at
            )
        )

    def grant_of(self, client_id: int, counsellor_id: int) -> Grant:
        row = self.conn.execute(
            sa.select(sharing_grants.c.groups, sharing_grants.c.at)
            .where(sharing_grants.c.client_id == client_id, sharing_grants.c.counsellor_id == counsellor_id)
            .order_by(sharing_grants.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return Grant(client_id, counsellor_id, frozenset(), None)
        return Grant(client_id, counsellor_id, _groups(row.groups), aware(row.at))

    def grants_to(self, counsellor_id: int, client_ids: Collection[int]) -> dict[int, Grant]:
        """The grant in force from each of ``client_ids`` to the counsellor."""
        newest = (
            sa.select(sa.func.max(sharing_grants.c.id))
            .where(
                sharing_grants.c.counsellor_id == counsellor_id,
                sharing_grants.c.client_id.in_(list(client_ids)),
            )
            .group_by(sharing_grants.c.client_id)
        )
        rows = self.conn.execute(
            sa.select(sharing_grants.c.client_id, sharing_grants.c.groups, sharing_grants.c.at).where(
                sharing_grants.c.id.in_(newest)
            )
        )
        found = {
            row.client_id: Grant(row.client_id, counsellor_id, _groups(row.groups), aware(row.at))
            for row in rows
        }
        return {
            client: found.get(client, Grant(client, counsellor_id, frozenset(), None))
            for client in client_ids
        }

    def history(self, client_id: int) -> list[tuple[datetime, str, frozenset[str]]]:
        """Every change of what the client shares, oldest first: when, with whom, what."""
        rows = self.conn.execute(
            sa.select(sharing_grants.c.at, accounts.c.name, accounts.c.email, sharing_grants.c.groups)
            .join(accounts, accounts.c.id == sharing_grants.c.counsellor_id)
            .where(sharing_grants.c.client_id == client_id)
            .order_by(sharing_grants.c.id)
        )
        return [(aware(row.at), row.name or row.email, _groups(row.groups)) for row in rows]

    # The access log.
    def log_reads(
        self, client_id: int, counsellor_id: int, groups: Sequence[str], page: str, at: datetime
    ) -> None:
        if groups:
            self.conn.execute(
                access_log.insert(),
                [
                    {
                        "client_id": client_id,
                        "counsellor_id": counsellor_id,
                        "group_code": group,
                        "page": page,
                        "at": at,
                    }
                    for group in groups
                ],
            )

    def log_many(self, reads: Sequence[tuple[int, int, str, str]], at: datetime) -> None:
        """(client, counsellor, group, page) reads, all at ``at``."""
        if reads:
            self.conn.execute(
                access_log.insert(),
                [
                    {
                        "client_id": client,
                        "counsellor_id": counsellor,
                        "group_code": group,
                        "page": page,
                        "at": at,
                    }
                    for client, counsellor, group, page in reads
                ],
            )

    def reads_of(self, client_id: int, *, limit: int = 500) -> list[AccessRecord]:
        rows = self.conn.execute(
            sa.select(
                access_log.c.at, accounts.c.name, accounts.c.email, access_log.c.group_code, access_log.c.page
            )
            .join(accounts, accounts.c.id == access_log.c.counsellor_id)
            .where(access_log.c.client_id == client_id)
            .order_by(access_log.c.id.desc())
            .limit(limit)
        )
        return [AccessRecord(aware(row.at), row.name or row.email, row.group_code, row.page) for row in rows]

    # The counsellors' notes.
    def add_note(self, client_id: int, counsellor_id: int, on: date, text: str, at: datetime) -> int:
        return int(
            self.conn.execute(
                counsellor_notes.insert()
                .values(
                    client_id=client_id, counsellor_id=counsellor_id, on_date=on, text=text, created_at=at
                )
                .returning(counsellor_notes.c.id)
            ).scalar_one()
        )

    def notes_about(self, client_id: int, counsellor_id: int | None = None) -> list[CounsellorNote]:
        query = (
            sa.select(
                counsellor_notes.c.id,
                accounts.c.name,
                accounts.c.email,
                counsellor_notes.c.on_date,
                counsellor_notes.c.text,
            )
            .join(accounts, accounts.c.id == counsellor_notes.c.counsellor_id)
            .where(counsellor_notes.c.client_id == client_id)
            .order_by(counsellor_notes.c.on_date.desc(), counsellor_notes.c.id.desc())
        )
        if counsellor_id is not None:
            query = query.where(counsellor_notes.c.counsellor_id == counsellor_id)
        return [
            CounsellorNote(row.id, row.name or row.email, row.on_date, row.text)
            for row in self.conn.execute(query)
        ]
