"""Importing a file: parse it in a sandbox, match people already known, then store it all or nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from orchardist.domain.interactions import contact_key
from orchardist.domain.leads import Lead
from orchardist.domain.matching import STRONG_KINDS, fold, linkedin_key, match_keys
from orchardist.domain.merging import merge_incoming
from orchardist.domain.messages import Message
from orchardist.domain.people import Person
from orchardist.domain.records import PersonRecord, Reconnection
from orchardist.formats.base import FormatError, ParsedPerson, ParseResult, Skipped
from orchardist.services import refusals
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.store.matching import MatchIndex
from orchardist.store.people import prepared_values
from orchardist.store.person_rows import PersonValues
from orchardist.store.unit import Unit

MAX_FILE_BYTES = 100 * 1024 * 1024
_BATCH = 2_000
# After adding this many people the planner's idea of the tables is stale enough to mislead it.
_REFRESH_STATISTICS_FROM = 1_000

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` while an import runs."""


class ImportRefused(InputRefused):
    """The file was refused: nothing was stored. Says which file, why and where (``error``)."""

    def __init__(self, file: str, error: FormatError) -> None:
        super().__init__(refusals.FILE_REFUSED(file=file, reason=error.located()))
        self.file = file
        self.error = error

    @property
    def where(self) -> Message:
        """Why the file was refused, after where in it when known: "line 4, field 'Email': …"."""
        return self.error.located()

    def __reduce__(self) -> tuple[object, ...]:
        return (ImportRefused, (self.file, self.error))


@dataclass(frozen=True, slots=True)
class JobChange:
    person_id: int
    name: str
    old_organisation: str
    old_title: str
    new_organisation: str
    new_title: str


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One record of the file and what importing does with it: ``add`` a new person, ``update`` someone
    already here with new details, ``merge`` into someone already here (or another record of the
    file) changing nothing, or ``skip`` it (``line`` and ``reason`` say where and why)."""

    outcome: str
    name: str = ""
    person_id: int | None = None  # the person already here it goes into
    existing: str = ""  # their name, when it differs from the record's
    line: int | None = None
    reason: Message | None = None


OUTCOMES = ("add", "update", "merge", "skip")


@dataclass(slots=True)
class ImportReport:
    """What an import did (or, for a preview, would do)."""

    file: str
    format: str
    added: int = 0
    merged: int = 0
    updated: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    interactions: int = 0
    job_changes: list[JobChange] = field(default_factory=list)
    # Each record and its outcome, in file order: for a preview (a dry run) only.
    rows: list[PreviewRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "format": self.format,
            "added": self.added,
            "merged": self.merged,
            "skipped": [
                {"line": item.line, "reason": str(item.reason), "code": item.reason.code}
                for item in self.skipped
            ],
            "updated": self.updated,
            "interactions": self.interactions,
            "job_changes": len(self.job_changes),
            "file": self.file,
        }


@dataclass(slots=True)
class _Plan:
    new: list[Person] = field(default_factory=list)
    new_keys: list[str | None] = field(default_factory=list)
    # Each new person's own columns when worked out ahead (None: not, or merged since).
    new_values: list[PersonValues | None] = field(default_factory=list)
    # When each new person was added, when a backup says (else now).
    new_added: list[datetime | None] = field(default_factory=list)
    updates: dict[int, Person] = field(default_factory=dict)
    originals: dict[int, Person] = field(default_factory=dict)
    key_to_existing: dict[str, int] = field(default_factory=dict)
    # Introductions named in the file, by the key of the introducer: for people already stored (by
    # id) and for new people (by their position in ``new``).
    introduced_existing: list[tuple[int, str]] = field(default_factory=list)
    introduced_new: list[tuple[int, str]] = field(default_factory=list)
    # Positions of the file's interactions already stored (importing the same backup twice).
    repeated: set[int] = field(default_factory=set)


def read_import_file(path: Path) -> bytes:
    """Read a file to import, refusing what is too big before reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRefused(
                str(path),
                FormatError(
                    refusals.FILE_TOO_BIG(
                        size=f"{size / 1024 / 1024:,.0f}", limit=MAX_FILE_BYTES // 1024 // 1024
                    )
                ),
            )
        return path.read_bytes()
    except OSError as error:
        raise ImportRefused(
            str(path), FormatError(refusals.CANNOT_READ_FILE(reason=str(error.strerror)))
        ) from error


def parse_upload(
    data: bytes, name: str, fmt: str = "auto", *, ahead: WorkedOutAhead | None = None
) -> ParseResult:
    """Parse file content in the sandbox; raise ImportRefused when the file is refused.

    With ``ahead``, what importing needs of each person is worked out while the child still reads."""
    from orchardist.formats.sandbox import parse_in_sandbox

    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused(name, FormatError(refusals.UPLOAD_TOO_BIG(limit=MAX_FILE_BYTES // 1024 // 1024)))
    label = Path(name).name or "upload"
    try:
        return parse_in_sandbox(data, label, fmt, on_people=ahead)
    except FormatError as error:
        raise ImportRefused(name, error) from error


class WorkedOutAhead:
    """What importing needs of each person read, worked out in this process while the sandbox's child
    reads on (the two run on two processors): the keys that match them, and their own columns should
    they be new (search words and sort key among them). Called with the people in file order, each
    once (``parse_in_sandbox``'s ``on_people``)."""

    def __init__(self) -> None:
        self.keys: list[list[tuple[str, str]]] = []
        self.values: list[PersonValues] = []
        self._dates_seen: dict[int, tuple[str, bool]] = {}

    def __call__(self, people: list[ParsedPerson]) -> None:
        dates_seen = self._dates_seen
        for item in people:
            person = item.person
            self.keys.append(match_keys(person))
            self.values.append(prepared_values(person, dates_seen))

    def fits(self, result: ParseResult) -> bool:
        """Whether these are the people of ``result``, one for one."""
        return len(self.keys) == len(result.people)


def _source_label(result: ParseResult, name: str) -> str:
    return f"{result.format}:{Path(name).name}"


def _contradicts(kind: str, person: Person, theirs: tuple[str, str]) -> bool:
    """Whether a weak match is contradicted: different LinkedIn profiles, or (bare name) employers."""
    if kind in STRONG_KINDS:
        return False
    profile, org = linkedin_key(person.linkedin_url), fold(person.organisation)
    their_profile, their_org = theirs
    if profile and their_profile and profile != their_profile:
        return True
    return kind == "name" and bool(org and their_org and org != their_org)


def _match(
    keys: list[tuple[str, str]],
    index: Mapping[tuple[str, str], int],
    profiles: Mapping[int, tuple[str, str]],
    person: Person,
) -> int | None:
    """The first record ``keys`` lead to that the records do not contradict."""
    for kind, key in keys:
        found = index.get((kind, key))
        if found is not None and not _contradicts(kind, person, profiles.get(found, ("", ""))):
            return found
    return None


def _match_existing(
    parsed: list[ParsedPerson], all_keys: list[list[tuple[str, str]]], index: MatchIndex
) -> dict[int, int]:
    """Which existing person each parsed record is (by position), where there is one.

    A bare name is the last resort: each record matched that way takes the next namesake not yet
    taken in this import, so a file of two "Li Na" with nothing else re-imports onto the same two.
    """
    matched: dict[int, int] = {}
    by_name: list[tuple[int, str]] = []
    for position, (item, keys) in enumerate(zip(parsed, all_keys, strict=True)):
        found = _match([key for key in keys if key[0] != "name"], index.keys, index.profiles, item.person)
        if found is not None:
            matched[position] = found
        elif keys and keys[-1][0] == "name":
            by_name.append((position, keys[-1][1]))
    taken = set(matched.values())
    for position, name in by_name:
        for candidate in index.names.get(name, ()):
            person = parsed[position].person
            if candidate not in taken and not _contradicts(
                "name", person, index.profiles.get(candidate, ("", ""))
            ):
                matched[position] = candidate
                taken.add(candidate)
                break
    return matched


def _plan(
    unit: Unit,
    result: ParseResult,
    progress: Progress | None,
    ahead: WorkedOutAhead | None,
    *,
    preview: bool,
) -> tuple[_Plan, ImportReport]:
    """What importing ``result`` does; ``preview``: with a row of the report for each record."""
    report = ImportReport(file="", format=result.format, skipped=list(result.skipped))
    plan = _Plan()
    index = unit.matching.match_index()
    repo = unit.people
    # People repeated within this file are found through ``pending`` (by position in plan.new); a bare
    # name never joins two rows of one file, which lists different people who share a name.
    pending: dict[tuple[str, str], int] = {}
    pending_profiles: dict[int, tuple[str, str]] = {}
    if ahead is None or not ahead.fits(result):
        ahead = None
    all_keys = ahead.keys if ahead else [match_keys(item.person) for item in result.people]
    matched_ids = _match_existing(result.people, all_keys, index)
    existing_people = repo.get_many(sorted(set(matched_ids.values())))
    total = len(result.people)
    new_uids: set[str] = set()
    for position, parsed in enumerate(result.people):
        incoming = parsed.person if parsed.person.id is None else replace(parsed.person, id=None)
        keys = all_keys[position]
        existing_id = matched_ids.get(position)
        if existing_id is not None and existing_id in existing_people:
            current = plan.updates.get(existing_id, existing_people[existing_id])
            merged, changed = merge_incoming(current, incoming)
            plan.originals.setdefault(existing_id, existing_people[existing_id])
            if changed:
                plan.updates[existing_id] = merged
            report.merged += 1
            if preview:
                known = existing_people[existing_id].display_name
                report.rows.append(
                    PreviewRow(
                        "update" if changed else "merge",
                        incoming.display_name,
                        existing_id,
                        known if known != incoming.display_name else "",
                    )
                )
            if parsed.key:
                plan.key_to_existing[parsed.key] = existing_id
            if parsed.met_through_key:
                plan.introduced_existing.append((existing_id, parsed.met_through_key))
        else:
            # Records of a backup are distinct people by definition; other files repeat people.
            file_keys = [key for key in keys if key[0] != "name"]
            twin = None if parsed.key else _match(file_keys, pending, pending_profiles, incoming)
            if twin is not None:
                merged, _changed = merge_incoming(plan.new[twin], incoming)
                plan.new[twin] = merged
                plan.new_values[twin] = None
                report.merged += 1
                if preview:
                    into = merged.display_name if merged.display_name != incoming.display_name else ""
                    report.rows.append(PreviewRow("merge", incoming.display_name, None, into))
                # The merged record's keys, and the UID of the card merged into it: a later card
                # with that UID is the same person too.
                for key in (*match_keys(merged), *([("uid", incoming.uid)] if incoming.uid else [])):
                    if key[0] != "name":
                        pending.setdefault(key, twin)
            else:
                for key in file_keys:
                    pending.setdefault(key, len(plan.new))
                pending_profiles[len(plan.new)] = (
                    linkedin_key(incoming.linkedin_url),
                    fold(incoming.organisation),
                )
                # A card's UID is kept, once: a file naming one UID for two people it does not
                # join (a backup's records) leaves the second to get a UID of its own.
                if incoming.uid in new_uids:  # (no UID at all, as in most files, needs no copy)
                    incoming = replace(incoming, uid="")
                elif incoming.uid:
                    new_uids.add(incoming.uid)
                # A backup's id is kept where it is free.
                kept_id = parsed.person.id
                plan.new.append(incoming if kept_id is None else replace(incoming, id=kept_id))
                plan.new_keys.append(parsed.key)
                # (A UID and an id are not among a person's own columns.)
                plan.new_values.append(ahead.values[position] if ahead else None)
                plan.new_added.append(parsed.created_at)
                report.added += 1
                if preview:
                    report.rows.append(PreviewRow("add", incoming.display_name))
            if parsed.met_through_key:
                position_in_new = twin if twin is not None else len(plan.new) - 1
                plan.introduced_new.append((position_in_new, parsed.met_through_key))
        if progress and (position + 1) % _BATCH == 0:
            progress("matching", position + 1, total)
    if preview:
        report.rows.extend(PreviewRow("skip", line=item.line, reason=item.reason) for item in result.skipped)
    report.updated = len(plan.updates)
    for person_id, updated in plan.updates.items():
        before = plan.originals[person_id]
        if (updated.organisation, updated.title) != (before.organisation, before.title) and (
            before.organisation or before.title
        ):
            report.job_changes.append(
                JobChange(
                    person_id=person_id,
                    name=updated.display_name,
                    old_organisation=before.organisation,
                    old_title=before.title,
                    new_organisation=updated.organisation,
                    new_title=updated.title,
                )
            )
    plan.repeated = _already_logged(unit, result, plan.key_to_existing)
    report.interactions = len(result.interactions) - len(plan.repeated)
    return plan, report


def _already_logged(unit: Unit, result: ParseResult, key_to_existing: Mapping[str, int]) -> set[int]:
    """Positions of the file's interactions that are stored already: only an interaction whose people
    are all stored can be, and each stored one answers for one in the file."""
    candidates = {}
    for position, item in enumerate(result.interactions):
        if item.person_keys and all(key in key_to_existing for key in item.person_keys):
            person_ids = tuple(key_to_existing[key] for key in item.person_keys)
            candidates[position] = replace(item.interaction, person_ids=person_ids)
    if not candidates:
        return set()
    stored = Counter(
        contact_key(interaction)
        for interaction in unit.interactions.on_days({item.on for item in candidates.values()})
    )
    repeated = set()
    for position, interaction in candidates.items():
        key = contact_key(interaction)
        if stored[key]:
            stored[key] -= 1
            repeated.add(position)
    return repeated


def _apply(
    unit: Unit,
    plan: _Plan,
    report: ImportReport,
    result: ParseResult,
    source: str,
    progress: Progress | None,
) -> None:
    repo = unit.people
    # A backup's organisations first, so the people who work there are linked to them by name.
    unit.records.add_organisations(result.organisations)
    new_ids: list[int] = []
    total = len(plan.new)
    for start in range(0, total, _BATCH):
        batch = slice(start, start + _BATCH)
        new_ids.extend(
            repo.add_many(
                plan.new[batch],
                keep_ids=True,
                added=plan.new_added[batch],
                worked_out=plan.new_values[batch],
            )
        )
        if progress:
            progress("storing", min(start + _BATCH, total), total)
    repo.update_many(list(plan.updates.values()))
    repo.record_job_changes(date.today(), source, report.job_changes)
    key_to_id = dict(plan.key_to_existing)
    key_to_id.update((key, person_id) for key, person_id in zip(plan.new_keys, new_ids, strict=True) if key)
    introductions = [
        (person_id, key_to_id[key])
        for person_id, key in (
            *plan.introduced_existing,
            *((new_ids[position], key) for position, key in plan.introduced_new),
        )
        if key in key_to_id and key_to_id[key] != person_id
    ]
    repo.set_met_through(introductions)
    if len(plan.new) >= _REFRESH_STATISTICS_FROM:
        repo.refresh_statistics()
    kept = [
        item
        for position, item in enumerate(result.interactions)
        if position not in plan.repeated and any(key in key_to_id for key in item.person_keys)
    ]
    unit.interactions.add_many(
        [
            replace(
                item.interaction,
                person_ids=tuple(key_to_id[key] for key in item.person_keys if key in key_to_id),
            )
            for item in kept
        ],
        keep_ids=True,
        logged=[item.created_at for item in kept],
    )
    _store_records(unit, result, key_to_id)


def _store_records(unit: Unit, result: ParseResult, key_to_id: Mapping[str, int]) -> None:
    """What a backup holds besides people and interactions, but its settings: the offers, the message
    templates (one the network has in that language already stays as it is), the professional self
    (profiles on platforms the network has none on, parts of the pitch not written, practices not
    logged, the card when none was chosen), and the
    records of the people it names (reconnect list, snoozes, dismissals, new jobs) and the introductions
    between them, each added unless
    the network has it already."""
    unit.offers.add_missing(result.offers)
    unit.templates.add_missing(result.templates)
    found = result.professional
    unit.presence.add_missing(found.profiles, dict(found.pitch), found.practice, found.card)
    linked: list[PersonRecord] = [
        replace(item.record, person_id=key_to_id[item.person_key])
        for items in (
            result.reconnect,
            result.snoozes,
            result.dismissals,
            result.job_changes,
            result.reconnections,
        )
        for item in items
        if item.person_key in key_to_id
    ]
    unit.records.add_records(linked)
    if any(isinstance(record, Reconnection) for record in linked):
        # The weekly figures were counted as the interactions were stored: count again with the
        # contacts that took people off the reconnect list.
        unit.progress.figures.rebuild()
    known = unit.introductions.pairs()
    introductions = []
    for item in result.introductions:
        if item.a_key in key_to_id and item.b_key in key_to_id:
            a_id, b_id = key_to_id[item.a_key], key_to_id[item.b_key]
            pair = (min(a_id, b_id), max(a_id, b_id))
            if a_id != b_id and pair not in known:  # a backup imported again adds none twice
                known.add(pair)
                introductions.append(replace(item.introduction, a_id=a_id, b_id=b_id))
    unit.introductions.add_many(introductions)
    _store_growth(unit, result, key_to_id)


def _store_growth(unit: Unit, result: ParseResult, key_to_id: Mapping[str, int]) -> None:
    """A backup's leads, groups and events, linked to the people it names; one the network has already
    (the same words, day and source; a group of the same name; an event of the same name and day) is
    passed over, so importing a backup twice adds them once."""

    def lead_key(lead: Lead) -> tuple[object, ...]:
        return (fold(lead.organisation), fold(lead.role), lead.heard_on, lead.source_person_id)

    stored_leads = {lead_key(lead) for lead in unit.leads.all()}
    new_leads = []
    for parsed in result.leads:
        source = key_to_id.get(parsed.source_key) if parsed.source_key is not None else None
        lead = replace(parsed.lead, source_person_id=source)
        if lead_key(lead) not in stored_leads:
            stored_leads.add(lead_key(lead))
            new_leads.append(lead)
    unit.leads.restore(new_leads)
    held_groups = {fold(group.name): group.id for group in unit.groups.groups()}
    new_groups = [group for group in result.groups if fold(group.name) not in held_groups]
    # An event of a group already held points at it; one of a new group at the new row (restore maps it).
    by_backup_id = {
        group.id: held_groups[fold(group.name)] for group in result.groups if fold(group.name) in held_groups
    }
    held_events = {(fold(view.name), view.on) for view in unit.groups.events()}
    new_events = []
    for item in result.events:
        event = item.event
        if (fold(event.name), event.on) in held_events:
            continue
        held_events.add((fold(event.name), event.on))
        met = tuple(key_to_id[key] for key in item.met_keys if key in key_to_id)
        new_events.append(replace(event, met=met))
    unit.groups.restore(new_groups, new_events, held=by_backup_id)


def import_parsed(
    network: Network,
    result: ParseResult,
    name: str,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    ahead: WorkedOutAhead | None = None,
) -> ImportReport:
    """Match and store what was parsed from file ``name`` in one transaction (or only plan it)."""
    with network.reading() if dry_run else network.writing() as unit:
        return import_into(unit, result, name, dry_run=dry_run, progress=progress, ahead=ahead)


def import_into(
    unit: Unit,
    result: ParseResult,
    name: str,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    ahead: WorkedOutAhead | None = None,
) -> ImportReport:
    """``import_parsed`` inside a transaction the caller holds (a restore clears and imports in one)."""
    source = _source_label(result, name)
    plan, report = _plan(unit, result, progress, ahead, preview=dry_run)
    report.file = name
    if not dry_run:
        _apply(unit, plan, report, result, source, progress)
    return report


def import_file(
    network: Network,
    path: Path,
    *,
    fmt: str = "auto",
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a file: refused whole (ImportRefused, nothing stored) or stored in one transaction."""
    ahead = WorkedOutAhead()
    result = parse_upload(read_import_file(path), str(path), fmt, ahead=ahead)  # the bytes go once parsed
    return import_parsed(network, result, str(path), dry_run=dry_run, progress=progress, ahead=ahead)
