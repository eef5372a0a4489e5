"""A client's side of sharing: what they share with each counsellor (and the history of it), who read
what and when, and the notes their counsellors wrote about their meetings."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from orchardist.domain.accounts import SHARING_GROUPS, AccessRecord, Account, CounsellorNote, Grant, Role, now
from orchardist.services import account_refusals as refused
from orchardist.services.accounts import checked_groups
from orchardist.services.errors import NotFound
from orchardist.services.server import Server


@dataclass(frozen=True, slots=True)
class CounsellorSharing:
    counsellor_id: int
    name: str
    email: str
    grant: Grant


@dataclass(frozen=True, slots=True)
class SharingOverview:
    counsellors: list[CounsellorSharing]
    history: list[tuple[datetime, str, frozenset[str]]]
    reads: list[AccessRecord]
    notes: list[CounsellorNote]
    groups: tuple[tuple[str, str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        """The client's sharing history, as the Sharing page's download gives it."""
        return {
            "format": "orchardist-sharing",
            "version": 1,
            "counsellors": [
                {"name": item.name, "email": item.email, "shares": sorted(item.grant.groups)}
                for item in self.counsellors
            ],
            "grants": [
                {"at": at.isoformat(), "counsellor": who, "shares": sorted(groups)}
                for at, who, groups in self.history
            ],
            "reads": [
                {
                    "at": read.at.isoformat(),
                    "counsellor": read.counsellor,
                    "group": read.group,
                    "page": read.page,
                }
                for read in self.reads
            ],
            "counsellor_notes": [
                {"on": note.on.isoformat(), "counsellor": note.counsellor, "text": note.text}
                for note in self.notes
            ],
        }


def _client(account: Account) -> None:
    if account.role is not Role.CLIENT:
        raise NotFound(refused.NO_SUCH_COUNSELLOR())


def sharing_overview(server: Server, client: Account, *, reads: int = 500) -> SharingOverview:
    _client(client)
    with server.reading() as unit:
        counsellors = unit.consent.counsellors_of(client.id)
        grants = {c.id: unit.consent.grant_of(client.id, c.id) for c in counsellors}
        return SharingOverview(
            counsellors=[
                CounsellorSharing(c.id, c.name or c.email, c.email, grants[c.id]) for c in counsellors
            ],
            history=unit.consent.history(client.id),
            reads=unit.consent.reads_of(client.id, limit=reads),
            notes=unit.consent.notes_about(client.id),
            groups=tuple((group.code, group.label, group.holds) for group in SHARING_GROUPS),
        )


def set_sharing(server: Server, client: Account, counsellor_id: int, groups: Collection[str]) -> Grant:
    """Share exactly ``groups`` with the counsellor from now on (an empty set withdraws everything)."""
    _client(client)
    chosen = checked_groups(groups)
    with server.writing() as unit:
        if not unit.consent.in_caseload(counsellor_id, client.id):
            raise NotFound(refused.NO_SUCH_COUNSELLOR())
        if unit.consent.grant_of(client.id, counsellor_id).groups != chosen:
            unit.consent.grant(client.id, counsellor_id, chosen, now())
        return unit.consent.grant_of(client.id, counsellor_id)
