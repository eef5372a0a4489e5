"""What an import does with what a file holds: each record matched to someone already known, joined to
an earlier record of the same file, or new; and the report of it all."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from orchardist.domain.interactions import contact_key
from orchardist.domain.matching import STRONG_KINDS, fold, linkedin_key, match_keys
from orchardist.domain.merging import merge_incoming
from orchardist.domain.messages import Message
from orchardist.domain.people import Person
from orchardist.formats.base import ParsedPerson, ParseResult, Skipped
from orchardist.store.matching import MatchIndex
from orchardist.store.person_rows import PersonValues
from orchardist.store.unit import Unit

BATCH = 2_000
"""How many records are matched, or people stored, between two calls of ``Progress``."""

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` while an import runs."""


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
class Plan:
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


_STORED = Person(display_name="(stored)")
"""Stands in ``plan.new`` for a new person stored and let go of (``Planner.let_go_of_stored``)."""


class Planner:
    """Plans an import record by record, in file order, fed in one go or batch by batch (``take``).

    People repeated within the file are found through ``pending`` (by position in ``plan.new``); a bare
    name never joins two rows of one file, which lists different people who share a name. ``stored``
    counts the new people already stored (an import storing as it reads, ``let_go_of_stored``): a
    record joined to one of them after that is noted in ``changed_after_storing``.
    """

    def __init__(self, report: ImportReport, *, preview: bool, progress: Progress | None, total: int) -> None:
        self.plan = Plan()
        self.report = report
        self.preview = preview
        self.progress = progress
        self.total = total
        self.done = 0
        self.stored = 0
        self.changed_after_storing: set[int] = set()
        self._read_stored: Callable[[int], Person] | None = None
        self._pending: dict[tuple[str, str], int] = {}
        self._profiles: dict[int, tuple[str, str]] = {}
        self._uids: set[str] = set()

    def take(
        self,
        records: list[ParsedPerson],
        keys: list[list[tuple[str, str]]],
        values: list[PersonValues] | None = None,
        matched_ids: Mapping[int, int] | None = None,
        existing_people: Mapping[int, Person] | None = None,
    ) -> None:
        """Plan ``records`` (the next of the file), with their ``match_keys``, their own columns when
        worked out (``values``), and who among the people already known each is (by position in
        ``records``) with those people."""
        for offset, parsed in enumerate(records):
            incoming = parsed.person if parsed.person.id is None else replace(parsed.person, id=None)
            existing_id = matched_ids.get(offset) if matched_ids else None
            if existing_id is not None and existing_people and existing_id in existing_people:
                self._update(parsed, incoming, existing_id, existing_people[existing_id])
            else:
                self._new_or_twin(parsed, incoming, keys[offset], values[offset] if values else None)
            position = self.done + offset
            if self.progress and (position + 1) % BATCH == 0:
                self.progress("matching", position + 1, self.total)
        self.done += len(records)

    def let_go_of_stored(self, read_stored: Callable[[int], Person]) -> None:
        """The new people planned so far are stored: keep only what tells them apart (their keys), and
        read one back (``read_stored(position in plan.new)``) should a later record join it."""
        plan = self.plan
        for at in range(self.stored, len(plan.new)):
            plan.new[at] = _STORED
            plan.new_values[at] = None
        self.stored = len(plan.new)
        self._read_stored = read_stored

    def _twin(self, at: int) -> Person:
        person = self.plan.new[at]
        if person is _STORED and self._read_stored is not None:
            return self._read_stored(at)
        return person

    def _update(self, parsed: ParsedPerson, incoming: Person, existing_id: int, known: Person) -> None:
        plan, report = self.plan, self.report
        current = plan.updates.get(existing_id, known)
        merged, changed = merge_incoming(current, incoming)
        plan.originals.setdefault(existing_id, known)
        if changed:
            plan.updates[existing_id] = merged
        report.merged += 1
        if self.preview:
            report.rows.append(
                PreviewRow(
                    "update" if changed else "merge",
                    incoming.display_name,
                    existing_id,
                    known.display_name if known.display_name != incoming.display_name else "",
                )
            )
        if parsed.key:
            plan.key_to_existing[parsed.key] = existing_id
        if parsed.met_through_key:
            plan.introduced_existing.append((existing_id, parsed.met_through_key))

    def _new_or_twin(
        self, parsed: ParsedPerson, incoming: Person, keys: list[tuple[str, str]], values: PersonValues | None
    ) -> None:
        plan, report, pending = self.plan, self.report, self._pending
        # Records of a backup are distinct people by definition; other files repeat people.
        file_keys = [key for key in keys if key[0] != "name"]
        twin = None if parsed.key else _match(file_keys, pending, self._profiles, incoming)
        if twin is not None:
            merged, _changed = merge_incoming(self._twin(twin), incoming)
            plan.new[twin] = merged
            plan.new_values[twin] = None
            if twin < self.stored:
                self.changed_after_storing.add(twin)
            report.merged += 1
            if self.preview:
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
            self._profiles[len(plan.new)] = (linkedin_key(incoming.linkedin_url), fold(incoming.organisation))
            # A card's UID is kept, once: a file naming one UID for two people it does not
            # join (a backup's records) leaves the second to get a UID of its own.
            if incoming.uid in self._uids:  # (no UID at all, as in most files, needs no copy)
                incoming = replace(incoming, uid="")
            elif incoming.uid:
                self._uids.add(incoming.uid)
            # A backup's id is kept where it is free.
            kept_id = parsed.person.id
            plan.new.append(incoming if kept_id is None else replace(incoming, id=kept_id))
            plan.new_keys.append(parsed.key)
            plan.new_values.append(values)  # (a UID and an id are not among a person's own columns)
            plan.new_added.append(parsed.created_at)
            report.added += 1
            if self.preview:
                report.rows.append(PreviewRow("add", incoming.display_name))
        if parsed.met_through_key:
            position_in_new = twin if twin is not None else len(plan.new) - 1
            plan.introduced_new.append((position_in_new, parsed.met_through_key))

    def finish(self, unit: Unit, result: ParseResult) -> None:
        """Once every record is planned: the skipped rows, the job changes, the interactions to add."""
        plan, report = self.plan, self.report
        if self.preview:
            report.rows.extend(
                PreviewRow("skip", line=item.line, reason=item.reason) for item in result.skipped
            )
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


def plan_import(
    unit: Unit,
    result: ParseResult,
    progress: Progress | None,
    keys: list[list[tuple[str, str]]] | None = None,
    values: list[PersonValues] | None = None,
    *,
    preview: bool,
) -> tuple[Plan, ImportReport]:
    """What importing ``result`` does, the whole file at once (``keys`` and ``values``: each record's,
    when worked out ahead); ``preview``: with a row of the report for each record."""
    report = ImportReport(file="", format=result.format, skipped=list(result.skipped))
    planner = Planner(report, preview=preview, progress=progress, total=len(result.people))
    index = unit.matching.match_index()
    all_keys = keys if keys is not None else [match_keys(item.person) for item in result.people]
    matched_ids = _match_existing(result.people, all_keys, index)
    existing_people = unit.people.get_many(sorted(set(matched_ids.values())))
    planner.take(result.people, all_keys, values, matched_ids, existing_people)
    planner.finish(unit, result)
    return planner.plan, report


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
