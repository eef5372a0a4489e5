"""Importing a file: parse it in a sandbox, match people already known, then store it all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from orchardist.domain.leads import Lead
from orchardist.domain.matching import fold, match_keys
from orchardist.domain.messages import Message
from orchardist.domain.records import PersonRecord, Reconnection
from orchardist.formats.base import FormatError, ParsedPerson, ParseResult
from orchardist.services import refusals
from orchardist.services.errors import InputRefused
from orchardist.services.import_plan import BATCH, Plan, Planner, plan_import
from orchardist.services.import_plan import OUTCOMES as OUTCOMES
from orchardist.services.import_plan import ImportReport as ImportReport
from orchardist.services.import_plan import JobChange as JobChange
from orchardist.services.import_plan import PreviewRow as PreviewRow
from orchardist.services.import_plan import Progress as Progress
from orchardist.services.network import Network
from orchardist.store.people import prepared_values
from orchardist.store.person_rows import PersonValues
from orchardist.store.unit import Unit

MAX_FILE_BYTES = 100 * 1024 * 1024
# After adding this many people the planner's idea of the tables is stale enough to mislead it.
_REFRESH_STATISTICS_FROM = 1_000


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
    data: bytes, name: str, fmt: str = "auto", *, on_people: PeopleAndWorkedOut | None = None
) -> ParseResult:
    """Parse file content in the sandbox; raise ImportRefused when the file is refused.

    ``on_people`` gets each batch of people the child hands over while it reads on, with their own
    columns and keys worked out there (``work_out``); the result then holds only the people read after
    the last batch (see ``parse_in_sandbox``)."""
    from orchardist.formats.sandbox import parse_in_sandbox

    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused(name, FormatError(refusals.UPLOAD_TOO_BIG(limit=MAX_FILE_BYTES // 1024 // 1024)))
    label = Path(name).name or "upload"
    try:
        if on_people is None:
            return parse_in_sandbox(data, label, fmt)
        return parse_in_sandbox(data, label, fmt, on_people=on_people, prepare=work_out)
    except FormatError as error:
        raise ImportRefused(name, error) from error


Keys = list[tuple[str, str]]
"""A person's ``match_keys``."""
PeopleAndWorkedOut = Callable[[list[ParsedPerson], list[Any] | None], None]
"""Takes a batch of people read and, when worked out already, what importing needs of each
(``work_out``)."""


def work_out(people: list[ParsedPerson]) -> list[tuple[PersonValues, Keys]]:
    """What importing needs of each of ``people``: their own columns should they be new
    (``prepared_values``) and the keys that match them. Worked out in the sandbox's child for each batch
    it hands over, on the processor the importing process is not using, since the child reads faster
    than the importing process stores."""
    return _worked_out(people, {})


def _worked_out(
    people: list[ParsedPerson], dates_seen: dict[int, tuple[str, bool]]
) -> list[tuple[PersonValues, Keys]]:
    return [(prepared_values(item.person, dates_seen), match_keys(item.person)) for item in people]


def values_and_keys(
    people: list[ParsedPerson],
    prepared: list[tuple[PersonValues, Keys]] | None,
    dates_seen: dict[int, tuple[str, bool]],
) -> tuple[list[PersonValues], list[Keys]]:
    """The own columns and keys of ``people``: those the sandbox's child worked out for them, else worked
    out here (``dates_seen``: the dates' texts met so far, kept from one batch to the next)."""
    if prepared is None or len(prepared) != len(people):
        prepared = _worked_out(people, dates_seen)
    return [values for values, _keys in prepared], [keys for _values, keys in prepared]


class WorkedOutAhead:
    """What importing needs of each person read, worked out in this process while the sandbox's child
    reads on (the two run on two processors): the keys that match them, and their own columns should
    they be new (search words and sort key among them). Called with the people in file order, each
    once: each batch handed over (``parse_in_sandbox``'s ``on_people``), then the rest."""

    def __init__(self) -> None:
        self.people: list[ParsedPerson] = []
        self.keys: list[Keys] = []
        self.values: list[PersonValues] = []
        self._dates_seen: dict[int, tuple[str, bool]] = {}

    def __call__(
        self, people: list[ParsedPerson], prepared: list[tuple[PersonValues, Keys]] | None = None
    ) -> None:
        values, keys = values_and_keys(people, prepared, self._dates_seen)
        self.people.extend(people)
        self.keys.extend(keys)
        self.values.extend(values)

    def fits(self, result: ParseResult) -> bool:
        """Whether these are the people of ``result``, one for one."""
        return len(self.keys) == len(result.people)


def _source_label(result: ParseResult, name: str) -> str:
    return f"{result.format}:{Path(name).name}"


def _apply(
    unit: Unit,
    plan: Plan,
    report: ImportReport,
    result: ParseResult,
    source: str,
    progress: Progress | None,
) -> None:
    # A backup's organisations first, so the people who work there are linked to them by name.
    unit.records.add_organisations(result.organisations)
    new_ids: list[int] = []
    total = len(plan.new)
    for start in range(0, total, BATCH):
        batch = slice(start, start + BATCH)
        new_ids.extend(
            unit.people.add_many(
                plan.new[batch],
                keep_ids=True,
                added=plan.new_added[batch],
                worked_out=plan.new_values[batch],
            )
        )
        if progress:
            progress("storing", min(start + BATCH, total), total)
    _link(unit, plan, report, result, source, new_ids)


def _link(
    unit: Unit, plan: Plan, report: ImportReport, result: ParseResult, source: str, new_ids: list[int]
) -> None:
    """Once the new people are stored (``new_ids``, in ``plan.new``'s order): the people updated and
    their new jobs, the introductions, the interactions and the rest of a backup."""
    repo = unit.people
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
    if result.offers:
        unit.offers.add_missing(result.offers)
    if result.templates:
        unit.templates.add_missing(result.templates)
    found = result.professional
    if found.profiles or found.pitch or found.practice or found.card is not None:
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
    if result.introductions:
        _store_introductions(unit, result, key_to_id)
    if result.leads:
        _store_leads(unit, result, key_to_id)
    if result.groups or result.events:
        _store_groups(unit, result, key_to_id)


def _store_introductions(unit: Unit, result: ParseResult, key_to_id: Mapping[str, int]) -> None:
    """A backup's introductions between the people it names; one the network has already is passed over."""
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


def _store_leads(unit: Unit, result: ParseResult, key_to_id: Mapping[str, int]) -> None:
    """A backup's leads, linked to the people it names; one the network has already (the same words, day
    and source) is passed over, so importing a backup twice adds it once."""

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


def _store_groups(unit: Unit, result: ParseResult, key_to_id: Mapping[str, int]) -> None:
    """A backup's groups and events, an event linked to the people met there; a group of the same name,
    or an event of the same name and day, that the network has already is passed over."""
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
    keys, values = (ahead.keys, ahead.values) if ahead is not None and ahead.fits(result) else (None, None)
    plan, report = plan_import(unit, result, progress, keys, values, preview=dry_run)
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
    data = read_import_file(path)
    if not dry_run:
        with network.writing() as unit:
            if not unit.people.count():
                return _import_as_read(unit, data, str(path), fmt, progress)
    ahead = WorkedOutAhead()
    result = parse_upload(data, str(path), fmt, on_people=ahead)
    del data  # the bytes go once parsed
    ahead(result.people)  # those read after the last batch
    result.people = ahead.people
    return import_parsed(network, result, str(path), dry_run=dry_run, progress=progress, ahead=ahead)


def _import_as_read(unit: Unit, data: bytes, name: str, fmt: str, progress: Progress | None) -> ImportReport:
    """Import into a network that has nobody yet, storing each batch of people the sandbox's child hands
    over while it reads the next (the two on two processors), in the caller's transaction: a file
    refused halfway leaves nothing stored. With nobody to match, each record is new or joins an earlier
    one of the file, as ``plan_import`` would have it; one joined after it was stored is written again."""
    report = ImportReport(file=name, format="")
    estimate = max(1, data.count(b"\n"))  # records, about, for the progress
    planner = Planner(report, preview=False, progress=progress, total=estimate)
    plan = planner.plan
    new_ids: list[int] = []
    dates_seen: dict[int, tuple[str, bool]] = {}

    def store(records: list[ParsedPerson], prepared: list[tuple[PersonValues, Keys]] | None = None) -> None:
        values, keys = values_and_keys(records, prepared, dates_seen)
        planner.take(records, keys, values)
        fresh = slice(planner.stored, len(plan.new))
        new_ids.extend(
            unit.people.add_many(
                plan.new[fresh], keep_ids=True, added=plan.new_added[fresh], worked_out=plan.new_values[fresh]
            )
        )
        planner.let_go_of_stored(lambda at: unit.people.require(new_ids[at]))
        if progress:
            progress("storing", planner.done, max(planner.done, estimate))

    result = parse_upload(data, name, fmt, on_people=store)
    report.format = result.format
    report.skipped = list(result.skipped)
    # A backup's organisations before its people (whom a backup hands over only now, all at once).
    unit.records.add_organisations(result.organisations)
    store(result.people)  # those read after the last batch
    planner.finish(unit, result)
    unit.people.update_many(
        [replace(plan.new[at], id=new_ids[at]) for at in sorted(planner.changed_after_storing)]
    )
    _link(unit, plan, report, result, _source_label(result, name), new_ids)
    if progress:
        progress("storing", planner.done, planner.done)
    return report
