"""Orchardist's own full backup: everything a network holds, as JSON.

Restoring a backup gives back exactly what was saved: every field of every person and interaction, the
offers, the organisations, the reconnect list, snoozes, dismissals, new jobs, the introductions the
user brokers and the settings (never a
secret nor the private feed's token), each with the id it had and, for people, interactions and
offers, when it was added. People are written with keys such as ``"p12"`` (from their id) that
interactions, ``met_through`` and the records of people refer to. The output holds no time of its own
making, so the same network always gives the same bytes. ``version`` names the layout: a reader
refuses versions it does not know rather than guess, and reads every earlier one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from orchardist.domain.discretion import OVERRIDE_WORDS, override_word
from orchardist.domain.fields import FIELDS, FieldSpec, Kind, as_json, value_of, with_values
from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.domain.messages import InputRefused
from orchardist.domain.people import PERSON_FIELDS, NamedDate, Person, Tier, clean_uid, with_sources
from orchardist.formats import json_backup_growth as growth
from orchardist.formats import json_backup_records as records
from orchardist.formats.base import (
    FormatError,
    NetworkSnapshot,
    ParsedInteraction,
    ParsedPerson,
    ParseResult,
)
from orchardist.formats.json_backup_reading import (
    choice,
    day,
    fields_of,
    listed,
    load,
    missing,
    moment,
    partial_date,
    record_id,
    refuse,
    shown,
    text,
    texts,
    typed,
)
from orchardist.formats.json_backup_records import person_key, when
from orchardist.formats.json_backup_self import read_self, self_object
from orchardist.formats.messages import (
    EMPTY_KEY,
    EXPECTED_DAYS,
    EXPECTED_KEY,
    EXPECTED_OBJECT,
    EXPECTED_TRUE_OR_FALSE,
    INTERACTION_WITHOUT_PEOPLE,
    KEY_REUSED,
    LISTED_TWICE,
    NO_SUCH_KEY,
    NOT_A_BACKUP,
    UNKNOWN_VERSION,
)

__all__ = ["FORMAT_NAME", "READABLE_VERSIONS", "VERSION", "export", "parse", "person_key", "sniff"]

FORMAT_NAME = "orchardist-backup"
# Version 2 added the offers and the settings; version 3 the ids and times of what was stored, the
# organisations, the reconnect list, snoozes, dismissals and new jobs; version 4 the message templates;
# version 5 each person's UID (the stable identity of their vCards); version 6 the user's professional
# self (``presence``: profiles, pitch, practice log, calling card), the job leads, groups and events
# (and whom the user met at each), the introductions the user brokers, and the reconnections (the
# contacts that took people off the reconnect list). Versions 1 to 4 still restore, their people each
# given a new UID; versions 1 to 5 have none of what 6 added.
VERSION = 6
READABLE_VERSIONS = (1, 2, 3, 4, 5, 6)
_MARKER = FORMAT_NAME.encode()
_HEAD = 64 * 1024
_FORMAT_PAIR = re.compile(rb'"format"\s*:\s*"orchardist-backup"')


def _person_keys() -> tuple[str, ...]:
    """The keys of a person object, in the order they are written: the built-in fields, then the custom
    ones of ``orchardist.domain.fields``."""
    return (
        "key",
        "id",
        "uid",
        "created_at",
        *(("met_through" if name == "met_through_id" else name) for name in PERSON_FIELDS),
        *_custom_names(),
        "sources",
    )


def _custom_names() -> tuple[str, ...]:
    return tuple(name for name, spec in FIELDS.items() if spec.custom)


_INTERACTION_KEYS = ("id", "created_at", "date", "direction", "channel", "kind", "summary", "notes", "people")
_TOP_KEYS = (
    "format",
    "version",
    "people",
    "interactions",
    "organisations",
    "offers",
    "templates",
    *records.RECORD_LISTS,
    "presence",
    *growth.GROWTH_LISTS,
    "introductions",
    "settings",
)


# Export ----------------------------------------------------------------------------------------


def _person_object(person: Person, known: set[int], snapshot: NetworkSnapshot) -> dict[str, object]:
    assert person.id is not None
    if person.met_through_id is not None and person.met_through_id not in known:
        raise ValueError(
            f"person {person.id} was met through person {person.met_through_id}, who is not exported"
        )
    sources = {name: list(person.sources[name]) for name in _ordered_fields(person.sources)}
    return {
        "key": person_key(person.id),
        "id": person.id,
        "uid": person.uid,
        "created_at": when(snapshot.people_added.get(person.id)),
        "display_name": person.display_name,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "pronouns": person.pronouns,
        "emails": list(person.emails),
        "phones": list(person.phones),
        "urls": list(person.urls),
        "linkedin_url": person.linkedin_url,
        "organisation": person.organisation,
        "title": person.title,
        "location": person.location,
        "tags": list(person.tags),
        "tier": person.tier.value,
        "every_days": person.every_days,
        "interests": list(person.interests),
        "can_help_with": list(person.can_help_with),
        "could_use_help_with": list(person.could_use_help_with),
        "how_met": person.how_met,
        "where_met": person.where_met,
        "met_through": None if person.met_through_id is None else person_key(person.met_through_id),
        "birthday": None if person.birthday is None else person.birthday.isoformat(),
        "dates": [{"label": named.label, "date": named.date.isoformat()} for named in person.dates],
        "notes": person.notes,
        **_discretion(person),
        **{name: as_json(FIELDS[name], value_of(person, name)) for name in _custom_names()},
        "sources": sources,
    }


def _discretion(person: Person) -> dict[str, object]:
    """The user's discretion marks on a person, written only when set (a redacted export has none)."""
    marks: dict[str, object] = {}
    if person.knows_search:
        marks["knows_search"] = True
    if person.coworker_override is not None:
        marks["coworker_override"] = override_word(person.coworker_override)
    return marks


def _override(text: str) -> bool | None:
    if text not in OVERRIDE_WORDS:
        raise ValueError(text)
    return OVERRIDE_WORDS[text]


def _ordered_fields(sources: Mapping[str, object]) -> list[str]:
    return [name for name in PERSON_FIELDS if name in sources] + sorted(set(sources) - set(PERSON_FIELDS))


def _interaction_object(
    interaction: Interaction, known: set[int], snapshot: NetworkSnapshot
) -> dict[str, object]:
    unknown = [person_id for person_id in interaction.person_ids if person_id not in known]
    if unknown:
        raise ValueError(
            f"an interaction on {interaction.on} is with person {unknown[0]}, who is not exported"
        )
    return {
        "id": interaction.id,
        "created_at": None
        if interaction.id is None
        else when(snapshot.interactions_logged.get(interaction.id)),
        "date": interaction.on.isoformat(),
        "direction": interaction.direction.value,
        "channel": interaction.channel.value,
        "kind": interaction.kind,
        "summary": interaction.summary,
        "notes": interaction.notes,
        "people": [person_key(person_id) for person_id in interaction.person_ids],
    }


def export(snapshot: NetworkSnapshot) -> bytes:
    """The whole snapshot as UTF-8 JSON, each list in the order given.

    Every person needs an id, and every person an interaction, a record or ``met_through`` names must
    be in the snapshot: a backup that cannot be restored is refused with ValueError.
    """
    known: set[int] = set()
    for person in snapshot.people:
        if person.id is None:
            raise ValueError(
                f"cannot back up {person.display_name!r}: only stored people (with ids) are exported"
            )
        if person.id in known:
            raise ValueError(f"two people share the id {person.id}")
        known.add(person.id)
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": VERSION,
        "people": [_person_object(person, known, snapshot) for person in snapshot.people],
        "interactions": [
            _interaction_object(interaction, known, snapshot) for interaction in snapshot.interactions
        ],
        "organisations": records.organisation_objects(snapshot.organisations),
        "offers": records.offer_objects(snapshot.offers),
        "templates": records.template_objects(snapshot.templates),
        **records.record_objects(snapshot, known),
        "presence": self_object(snapshot.professional),
        "leads": growth.lead_objects(snapshot.leads, known),
        "groups": growth.group_objects(snapshot.groups),
        "events": growth.event_objects(snapshot.events, known),
        "introductions": records.introduction_objects(snapshot.introductions, known),
        "settings": dict(sorted(snapshot.settings.items())),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# Import ----------------------------------------------------------------------------------------


def sniff(data: bytes) -> bool:
    """Whether ``data`` is an Orchardist backup, judged from its start without parsing it all."""
    head = data[:_HEAD].removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"{") and _MARKER in head and _FORMAT_PAIR.search(head) is not None


def _custom_value(spec: FieldSpec, found: Mapping[str, object], path: str) -> object:
    """A custom field's value (text, notes, a list of texts, or a date), checked like the others."""
    if spec.is_list:
        return texts(found, spec.name, path)
    if spec.kind is Kind.DATE:
        value = found[spec.name]
        return None if value is None else partial_date(value, f"{path}.{spec.name}")
    return text(found, spec.name, path)


def _sources(value: object, path: str) -> dict[str, tuple[str, ...]]:
    found = fields_of(value, path, (*PERSON_FIELDS, *_custom_names()))
    return {name: texts(found, name, path) for name in found}


def _person(value: object, path: str, source: str) -> ParsedPerson:
    found = fields_of(value, path, _person_keys())
    key = text(found, "key", path, required=True)
    if not key:
        raise refuse(f"{path}.key", EMPTY_KEY())
    every_days = None
    if found.get("every_days") is not None:
        # Its range is the Person's own rule (wording.RHYTHM_DAYS), refused below naming this path.
        every_days = typed(found["every_days"], int, f"{path}.every_days", EXPECTED_DAYS)
    met_through = found.get("met_through")
    dates = []
    for index, named in enumerate(listed(found, "dates", f"{path}.dates")):
        where = f"{path}.dates[{index}]"
        entry = fields_of(named, where, ("label", "date"))
        if "date" not in entry:
            raise missing(where, "date")
        dates.append(
            NamedDate(label=text(entry, "label", where), date=partial_date(entry["date"], f"{where}.date"))
        )
    try:
        person = _checked_person(found, path, every_days, dates)
    except FormatError:
        raise
    except InputRefused as refused:  # a value the Person itself refuses, named where it is in the file
        raise refuse(f"{path}.{refused.field}" if refused.field else path, refused.message) from None
    custom = {name: _custom_value(FIELDS[name], found, path) for name in _custom_names() if name in found}
    if custom:
        person = with_values(person, custom)
    if "sources" in found:
        person = replace(person, sources=_sources(found["sources"], f"{path}.sources"))
    else:
        person = with_sources(person, source)
    return ParsedPerson(
        person=person,
        key=key,
        met_through_key=None
        if met_through is None
        else typed(met_through, str, f"{path}.met_through", EXPECTED_KEY),
        created_at=moment(found, "created_at", path),
    )


def _checked_person(
    found: Mapping[str, object], path: str, every_days: int | None, dates: list[NamedDate]
) -> Person:
    birthday = found.get("birthday")
    return Person(
        id=record_id(found, path),
        uid=clean_uid(text(found, "uid", path)),
        display_name=text(found, "display_name", path, required=True),
        given_name=text(found, "given_name", path),
        family_name=text(found, "family_name", path),
        pronouns=text(found, "pronouns", path),
        emails=texts(found, "emails", path),
        phones=texts(found, "phones", path),
        urls=texts(found, "urls", path),
        linkedin_url=text(found, "linkedin_url", path),
        organisation=text(found, "organisation", path),
        title=text(found, "title", path),
        location=text(found, "location", path),
        tags=texts(found, "tags", path),
        interests=texts(found, "interests", path),
        can_help_with=texts(found, "can_help_with", path),
        could_use_help_with=texts(found, "could_use_help_with", path),
        how_met=text(found, "how_met", path),
        where_met=text(found, "where_met", path),
        notes=text(found, "notes", path),
        tier=choice(found, "tier", path, Tier, Tier.CASUAL),
        every_days=every_days,
        birthday=None if birthday is None else partial_date(birthday, f"{path}.birthday"),
        dates=tuple(dates),
        knows_search=typed(
            found.get("knows_search", False), bool, f"{path}.knows_search", EXPECTED_TRUE_OR_FALSE
        ),
        coworker_override=choice(found, "coworker_override", path, _override, None),
    )


def _interaction(value: object, path: str, keys: set[str]) -> ParsedInteraction:
    found = fields_of(value, path, _INTERACTION_KEYS)
    if "direction" not in found:
        raise missing(path, "direction")
    person_keys = texts(found, "people", path)
    if not person_keys:
        raise refuse(f"{path}.people", INTERACTION_WITHOUT_PEOPLE())
    for index, key in enumerate(person_keys):
        if key not in keys:
            raise refuse(f"{path}.people[{index}]", NO_SUCH_KEY(key=shown(key)))
        if key in person_keys[:index]:
            raise refuse(f"{path}.people[{index}]", LISTED_TWICE(key=shown(key)))
    interaction = Interaction(
        on=day(found, "date", path),
        direction=choice(found, "direction", path, Direction, Direction.SOCIAL),
        channel=choice(found, "channel", path, Channel, Channel.OTHER),
        kind=text(found, "kind", path, required=True),
        summary=text(found, "summary", path),
        notes=text(found, "notes", path),
        person_ids=(),
        id=record_id(found, path),
    )
    return ParsedInteraction(
        interaction=interaction, person_keys=person_keys, created_at=moment(found, "created_at", path)
    )


def _people(document: Mapping[str, object], source: str) -> list[ParsedPerson]:
    if "people" not in document:
        raise missing("backup", "people")
    people = [
        _person(value, f"people[{index}]", source)
        for index, value in enumerate(listed(document, "people", "people"))
    ]
    keys: set[str] = set()
    for index, parsed in enumerate(people):
        assert parsed.key is not None
        if parsed.key in keys:
            raise refuse(f"people[{index}].key", KEY_REUSED(key=shown(parsed.key)))
        keys.add(parsed.key)
    for index, parsed in enumerate(people):
        if parsed.met_through_key is not None and parsed.met_through_key not in keys:
            raise refuse(f"people[{index}].met_through", NO_SUCH_KEY(key=shown(parsed.met_through_key)))
    return people


def parse(data: bytes, source: str) -> ParseResult:
    """Read a backup; people, interactions and records come back linked by the people's keys, each
    with the id it had when the backup says (stored under it when it is free).

    Sources are kept as the backup recorded them; a person written without ``sources`` gets
    ``source`` for each field it fills.
    """
    document = fields_of(load(data), "backup", _TOP_KEYS)
    if document.get("format") != FORMAT_NAME:
        raise refuse("format", NOT_A_BACKUP(found=shown(document.get("format"))))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version not in READABLE_VERSIONS:
        raise refuse("version", UNKNOWN_VERSION(latest=VERSION, found=shown(version)))
    people = _people(document, source)
    keys = {parsed.key for parsed in people if parsed.key is not None}
    return ParseResult(
        format="json",
        people=people,
        interactions=[
            _interaction(value, f"interactions[{index}]", keys)
            for index, value in enumerate(listed(document, "interactions", "interactions"))
        ],
        organisations=[
            records.organisation(value, f"organisations[{index}]")
            for index, value in enumerate(listed(document, "organisations", "organisations"))
        ],
        offers=[
            records.offer(value, f"offers[{index}]")
            for index, value in enumerate(listed(document, "offers", "offers"))
        ],
        templates=[
            records.template(value, f"templates[{index}]")
            for index, value in enumerate(listed(document, "templates", "templates"))
        ],
        reconnect=records.reconnect(document, keys),
        snoozes=records.snoozes(document, keys),
        dismissals=records.dismissals(document, keys),
        job_changes=records.job_changes(document, keys),
        professional=read_self(document),
        leads=growth.leads(document, keys),
        groups=growth.groups(document),
        events=growth.events(document, keys),
        introductions=records.introductions(document, keys),
        reconnections=records.reconnections(document, keys),
        # Each setting is checked where it is restored, against what the settings allow.
        settings=typed(document.get("settings", {}), dict, "settings", EXPECTED_OBJECT),
    )
