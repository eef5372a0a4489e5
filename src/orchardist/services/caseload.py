"""A counsellor's side of the server: the caseload, a client's file, notes about meetings, the monthly
report. Every read of a client's network goes through one door, ``_open``: the client must be in the
counsellor's caseload (else NotFound, as for a client that does not exist), only the groups the client
shares right now are read (read in the same transaction, so a withdrawal holds from the next request),
the database is told to show that network only (row-level security on PostgreSQL), and each group read
is written to the access log the client sees, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from orchardist.domain.accounts import Account, CounsellorNote, Grant, Role, now
from orchardist.domain.messages import Message
from orchardist.domain.progress import Tally, WeekCounts, goal_met, week_counts, week_starts
from orchardist.services import account_refusals as refused
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.progress import Progress, progress_in
from orchardist.services.server import Server
from orchardist.services.settings import tending_from
from orchardist.store.server_unit import ServerUnit
from orchardist.store.unit import Unit

QUIET_DAYS = 14
CHART_WEEKS = 12
NOTE_LONGEST = 5000
SHOWN_PEOPLE = 200
SHOWN_CONTACTS = 50


def _counsellor(account: Account) -> None:
    if account.role is not Role.COUNSELLOR:
        raise NotFound(refused.NO_SUCH_CLIENT())


def _open(
    unit: ServerUnit, counsellor: Account, client_id: int, wanted: Collection[str], page: str
) -> tuple[Account, Grant, Unit | None]:
    """The one door to a client's network for a counsellor: the client, what they share now, and their
    network's repositories when any of ``wanted`` is shared (each of those reads logged)."""
    _counsellor(counsellor)
    client = unit.accounts.get(client_id)
    if (
        client is None
        or client.role is not Role.CLIENT
        or not unit.consent.in_caseload(counsellor.id, client_id)
    ):
        raise NotFound(refused.NO_SUCH_CLIENT())
    grant = unit.consent.grant_of(client_id, counsellor.id)
    reading = [group for group in wanted if grant.allows(group)]
    if not reading or client.space_id is None:
        return client, grant, None
    unit.open_spaces([client.space_id])
    unit.consent.log_reads(client_id, counsellor.id, reading, page, now())
    return client, grant, unit.space(client.space_id)


def _streak(weeks: Sequence[WeekCounts], goal: int) -> int:
    """Weeks in a row meeting the goal, up to this week (this week counts once it is met)."""
    if goal <= 0:
        return 0
    counted = list(weeks)
    if counted and not goal_met(counted[-1].tended, goal):
        counted = counted[:-1]
    streak = 0
    for week in reversed(counted):
        if not goal_met(week.tended, goal):
            break
        streak += 1
    return streak


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    """One client, with None where a group is not shared."""

    client_id: int
    name: str
    email: str
    set_up: bool
    shared: frozenset[str]
    tended: int | None = None
    goal: int | None = None
    streak: int | None = None
    gave: int | None = None
    asked: int | None = None
    last_activity: date | None = None
    flags: tuple[str, ...] = ()

    @property
    def balance(self) -> int | None:
        return None if self.gave is None or self.asked is None else self.gave - self.asked

    def to_dict(self) -> dict[str, Any]:
        return {
            "client_id": self.client_id,
            "name": self.name,
            "set_up": self.set_up,
            "shared": sorted(self.shared),
            "tended": self.tended,
            "goal": self.goal,
            "streak": self.streak,
            "gave": self.gave,
            "asked": self.asked,
            "balance": self.balance,
            "last_activity": self.last_activity.isoformat() if self.last_activity else None,
            "flags": list(self.flags),
        }


FLAG_QUIET = "quiet"
FLAG_ASKS_ONLY = "asks_without_gives"


@dataclass(frozen=True, slots=True)
class Caseload:
    on: date
    rows: list[CaseloadRow]


def _weekly_goal(stored: object) -> int:
    """A client's weekly goal as stored (the default where none is, or what is stored is unusable)."""
    try:
        return tending_from({} if stored is None else {"weekly_goal": stored}).weekly_goal
    except InputRefused:
        return tending_from({}).weekly_goal


def _row(client: Account, grant: Grant, figures: _Figures | None, on: date) -> CaseloadRow:
    values: dict[str, Any] = {}
    flags: list[str] = []
    if figures is not None and grant.allows("progress"):
        weeks, goal, totals = figures.weeks, figures.goal, figures.totals
        values.update(
            tended=weeks[-1].tended,
            goal=goal,
            streak=_streak(weeks, goal),
            gave=totals.gives,
            asked=totals.asks,
        )
        recent = weeks[-4:]
        if sum(week.asks for week in recent) and not sum(week.gives for week in recent):
            flags.append(FLAG_ASKS_ONLY)
    if figures is not None and grant.allows("activity"):
        last = figures.last_contact
        values["last_activity"] = last
        if last is None or (on - last).days >= QUIET_DAYS:
            flags.append(FLAG_QUIET)
    return CaseloadRow(
        client_id=client.id,
        name=client.name or client.email,
        email=client.email,
        set_up=client.space_id is not None,
        shared=grant.groups,
        flags=tuple(flags),
        **values,
    )


@dataclass(frozen=True, slots=True)
class _Figures:
    weeks: list[WeekCounts]
    goal: int
    totals: Tally
    last_contact: date | None


def caseload(server: Server, counsellor: Account, on: date | None = None) -> Caseload:
    """Every client of the counsellor with this week against their goal, the streak, the balance, the
    last activity and the flags: each from a group the client shares, "not shared" (None) otherwise.
    All clients are read together: a few statements for the whole caseload."""
    _counsellor(counsellor)
    on = on or date.today()
    starts = week_starts(on, CHART_WEEKS)
    with server.writing() as unit:
        clients = unit.consent.clients_of(counsellor.id)
        grants = unit.consent.grants_to(counsellor.id, [client.id for client in clients])
        readable = {
            client.id: client.space_id
            for client in clients
            if client.space_id is not None and grants[client.id].groups & {"progress", "activity"}
        }
        spaces = [space for space in readable.values() if space is not None]
        unit.open_spaces(spaces)
        kept = unit.caseload.weeks(spaces, starts[0], starts[-1])
        totals = unit.caseload.totals(spaces)
        goals = unit.caseload.setting(spaces, "weekly_goal")
        last = unit.caseload.last_contacts(spaces)
        rows = []
        reads: list[tuple[int, int, str, str]] = []
        for client in clients:
            space_id = readable.get(client.id)
            figures = None
            if space_id is not None:
                figures = _Figures(
                    weeks=[week_counts(start, kept[space_id].get(start, Tally())) for start in starts],
                    goal=_weekly_goal(goals.get(space_id)),
                    totals=totals[space_id],
                    last_contact=last.get(space_id),
                )
                reads.extend(
                    (client.id, counsellor.id, group, "caseload")
                    for group in ("progress", "activity")
                    if grants[client.id].allows(group)
                )
            rows.append(_row(client, grants[client.id], figures, on))
        unit.consent.log_many(reads, now())
    return Caseload(on=on, rows=rows)


@dataclass(frozen=True, slots=True)
class SharedContact:
    on: date
    kind: str
    direction: str
    channel: str
    # Only with "people" shared: who; only with "notes": the summary.
    names: tuple[str, ...] = ()
    summary: str = ""


@dataclass(frozen=True, slots=True)
class SharedPerson:
    name: str
    organisation: str
    tier: str
    notes: str = ""


@dataclass(frozen=True, slots=True)
class SharedLead:
    organisation: str
    role: str
    status: str
    next_step: str
    next_step_on: date | None
    # Only with "people" shared: who told the client; only with "notes": their notes.
    source: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class SharedPresence:
    """The client's profiles (platform, headline, title, employer), the consistency findings' messages and
    the 30-second pitch as it would be said."""

    profiles: list[tuple[str, str, str, str]]
    findings: list[Message]
    pitch: str


@dataclass(frozen=True, slots=True)
class ClientFile:
    """A client's file as one counsellor may see it now; a group not shared is None."""

    client_id: int
    name: str
    shared: frozenset[str]
    progress: Progress | None
    contacts: list[SharedContact] | None
    people: list[SharedPerson] | None
    people_total: int | None
    notes: list[CounsellorNote] = field(default_factory=list)
    leads: list[SharedLead] | None = None
    presence: SharedPresence | None = None


def _contacts(space: Unit, grant: Grant, limit: int) -> list[SharedContact]:
    recent = space.interactions.recent(limit=limit)
    names: dict[int, str] = {}
    if grant.allows("people"):
        everyone = {person_id for contact in recent for person_id in contact.person_ids}
        names = {pid: person.display_name for pid, person in space.people.get_many(sorted(everyone)).items()}
    return [
        SharedContact(
            on=contact.on,
            kind=contact.kind,
            direction=contact.direction.value,
            channel=contact.channel.value,
            names=tuple(names[pid] for pid in contact.person_ids if pid in names),
            summary=contact.summary if grant.allows("notes") else "",
        )
        for contact in recent
    ]


def _people(space: Unit, grant: Grant) -> tuple[list[SharedPerson], int]:
    ids, total = space.people.find_page(None, limit=SHOWN_PEOPLE)
    found = space.people.get_many(ids)
    return [
        SharedPerson(
            name=person.display_name,
            organisation=person.organisation,
            tier=person.tier.value,
            notes=person.notes if grant.allows("notes") else "",
        )
        for person in (found[pid] for pid in ids if pid in found)
    ], total


def _leads(space: Unit, grant: Grant) -> list[SharedLead]:
    found = space.leads.all()
    names = (
        space.leads.known(lead.source_person_id for lead in found if lead.source_person_id)
        if grant.allows("people")
        else {}
    )
    return [
        SharedLead(
            organisation=lead.organisation,
            role=lead.role,
            status=lead.status.value,
            next_step=lead.next_step,
            next_step_on=lead.next_step_on,
            source=names[lead.source_person_id].name if lead.source_person_id in names else "",
            notes=lead.notes if grant.allows("notes") else "",
        )
        for lead in found
    ]


def _presence(space: Unit, on: date) -> SharedPresence:
    from orchardist.services.pitch import view_in
    from orchardist.services.presence import overview_in

    seen = overview_in(space, on)
    pitch = view_in(space)
    short = pitch.versions.get(30)
    return SharedPresence(
        profiles=[(p.label or p.platform, p.headline, p.title, p.employer) for p in seen.profiles],
        findings=[finding.message for finding in seen.findings],
        pitch=" ".join(text for _code, text in short.parts) if short else "",
    )


def client_file(server: Server, counsellor: Account, client_id: int, on: date | None = None) -> ClientFile:
    """The client's file: the 12 weeks of Progress, recent contacts (what activity, people and notes
    allow of them), the people (with people shared), and the counsellor's own notes."""
    on = on or date.today()
    wanted = ("progress", "activity", "people", "notes", "leads", "presence")
    with server.writing() as unit:
        client, grant, space = _open(unit, counsellor, client_id, wanted, "client")
        leads = _leads(space, grant) if space and grant.allows("leads") else None
        presence = _presence(space, on) if space and grant.allows("presence") else None
        seen = progress_in(space, on, CHART_WEEKS) if space and grant.allows("progress") else None
        contacts = _contacts(space, grant, SHOWN_CONTACTS) if space and grant.allows("activity") else None
        people, total = _people(space, grant) if space and grant.allows("people") else (None, None)
        notes = unit.consent.notes_about(client.id, counsellor.id)
    return ClientFile(
        client_id=client.id,
        name=client.name or client.email,
        shared=grant.groups,
        progress=seen,
        contacts=contacts,
        people=people,
        people_total=total,
        notes=notes,
        leads=leads,
        presence=presence,
    )


def add_note(server: Server, counsellor: Account, client_id: int, on: date, text: str) -> int:
    """A note about a meeting with the client; the client reads it on their Sharing page."""
    words = text.strip()
    if not words:
        raise InputRefused(refused.NOTE_EMPTY(), field="text")
    if len(words) > NOTE_LONGEST:
        raise InputRefused(refused.NOTE_TOO_LONG(most=NOTE_LONGEST), field="text")
    with server.writing() as unit:
        client, _grant, _space = _open(unit, counsellor, client_id, (), "notes")
        return unit.consent.add_note(client.id, counsellor.id, on, words, now())


def month_of(value: str) -> date:
    """The first day of the month ``YYYY-MM``; InputRefused if it is not one."""
    try:
        year, month = (int(part) for part in value.strip().split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError):
        raise InputRefused(refused.NOT_A_MONTH(value=value), field="month") from None


@dataclass(frozen=True, slots=True)
class Report:
    """A month's progress report for a meeting: only what the client shares."""

    client: str
    counsellor: str
    month: date
    shared: frozenset[str]
    weeks: list[WeekCounts] | None
    goal: int | None
    gave: int | None
    asked: int | None
    contacts_by_kind: dict[str, int] | None
    notes: list[CounsellorNote]


def report(server: Server, counsellor: Account, client_id: int, month: date) -> Report:
    """The month's weeks (those starting in it), the balance, the contacts by kind and the notes."""
    first = month
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    with server.writing() as unit:
        client, grant, space = _open(unit, counsellor, client_id, ("progress", "activity"), "report")
        weeks = goal = gave = asked = None
        by_kind: dict[str, int] | None = None
        if space is not None and grant.allows("progress"):
            seen = progress_in(space, following - timedelta(days=1), 6)
            weeks = [week for week in seen.weeks if first <= week.start < following]
            goal, gave, asked = seen.goal, seen.ledger.gave, seen.ledger.asked
        if space is not None and grant.allows("activity"):
            by_kind = {}
            days = [first + timedelta(days=n) for n in range((following - first).days)]
            for contact in space.interactions.on_days(days):
                by_kind[contact.kind] = by_kind.get(contact.kind, 0) + 1
        notes = [
            note
            for note in unit.consent.notes_about(client.id, counsellor.id)
            if first <= note.on < following
        ]
    return Report(
        client=client.name or client.email,
        counsellor=counsellor.name or counsellor.email,
        month=month,
        shared=grant.groups,
        weeks=weeks,
        goal=goal,
        gave=gave,
        asked=asked,
        contacts_by_kind=by_kind,
        notes=notes,
    )
