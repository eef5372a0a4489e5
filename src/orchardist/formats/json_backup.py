"""Orchardist's own full backup: every field of every person and interaction, as JSON.

Restoring a backup gives back exactly what was saved. People are written with keys such as ``"p12"``
(from their id) that interactions and ``met_through`` refer to; a restore stores them under new ids.
The output holds no timestamp, so the same network always gives the same bytes. ``version`` names
the layout: a reader refuses versions it does not know rather than guess.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import TypeVar

from orchardist.domain.discretion import OVERRIDE_WORDS, override_word
from orchardist.domain.fields import FIELDS, FieldSpec, Kind, as_json, value_of, with_values
from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.domain.messages import Message, Wording
from orchardist.domain.offers import MAX_TEXT as MAX_OFFER_TEXT
from orchardist.domain.offers import Offer, OfferKind
from orchardist.domain.people import PERSON_FIELDS, NamedDate, PartialDate, Person, Tier, with_sources
from orchardist.formats.base import (
    FormatError,
    NetworkSnapshot,
    ParsedInteraction,
    ParsedPerson,
    ParseResult,
)
from orchardist.formats.messages import (
    AT_PATH,
    CONSTANT_NOT_ALLOWED,
    DAYS_BELOW_ONE,
    EMPTY_KEY,
    EXPECTED_DATE,
    EXPECTED_DAYS,
    EXPECTED_KEY,
    EXPECTED_LIST,
    EXPECTED_OBJECT,
    EXPECTED_TEXT,
    EXPECTED_TRUE_OR_FALSE,
    FIELD_TWICE,
    INTERACTION_WITHOUT_PEOPLE,
    KEY_REUSED,
    LISTED_TWICE,
    MISSING_FIELD,
    NESTED_TOO_DEEPLY,
    NO_SUCH_KEY,
    NOT_A_BACKUP,
    NOT_A_DATE,
    NOT_A_DATE_TIME,
    NOT_A_VALID_BACKUP,
    NOT_UTF8,
    NOT_VALID_JSON,
    OFFER_LENGTH,
    TIME_ZONE_NEEDED,
    UNKNOWN_FIELD,
    UNKNOWN_VALUE,
    UNKNOWN_VERSION,
)

FORMAT_NAME = "orchardist-backup"
# Version 2 adds the offers and the settings; version 1 backups (people and interactions) still restore.
VERSION = 2
READABLE_VERSIONS = (1, 2)
_MARKER = FORMAT_NAME.encode()
_HEAD = 64 * 1024
_FORMAT_PAIR = re.compile(rb'"format"\s*:\s*"orchardist-backup"')
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _person_keys() -> tuple[str, ...]:
    """The keys of a person object, in the order they are written: the built-in fields, then the custom
    ones of ``orchardist.domain.fields``."""
    return (
        "key",
        *(("met_through" if name == "met_through_id" else name) for name in PERSON_FIELDS),
        *_custom_names(),
        "sources",
    )


def _custom_names() -> tuple[str, ...]:
    return tuple(name for name, spec in FIELDS.items() if spec.custom)


_INTERACTION_KEYS = ("date", "direction", "channel", "kind", "summary", "notes", "people")
_TOP_KEYS = ("format", "version", "people", "interactions", "offers", "settings")
_OFFER_KEYS = ("kind", "text", "created_at")

T = TypeVar("T")


def person_key(person_id: int) -> str:
    """The key a person with ``person_id`` is written under."""
    return f"p{person_id}"


# Export ----------------------------------------------------------------------------------------


def _person_object(person: Person, known: set[int]) -> dict[str, object]:
    assert person.id is not None
    if person.met_through_id is not None and person.met_through_id not in known:
        raise ValueError(
            f"person {person.id} was met through person {person.met_through_id}, who is not exported"
        )
    sources = {name: list(person.sources[name]) for name in _ordered_fields(person.sources)}
    return {
        "key": person_key(person.id),
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


def _interaction_object(interaction: Interaction, known: set[int]) -> dict[str, object]:
    missing = [person_id for person_id in interaction.person_ids if person_id not in known]
    if missing:
        raise ValueError(
            f"an interaction on {interaction.on} is with person {missing[0]}, who is not exported"
        )
    return {
        "date": interaction.on.isoformat(),
        "direction": interaction.direction.value,
        "channel": interaction.channel.value,
        "kind": interaction.kind,
        "summary": interaction.summary,
        "notes": interaction.notes,
        "people": [person_key(person_id) for person_id in interaction.person_ids],
    }


def export(snapshot: NetworkSnapshot) -> bytes:
    """The whole snapshot as UTF-8 JSON, people and interactions in the order given.

    Every person needs an id, and every person an interaction or ``met_through`` names must be in
    the snapshot: a backup that cannot be restored is refused with ValueError.
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
    document = {
        "format": FORMAT_NAME,
        "version": VERSION,
        "people": [_person_object(person, known) for person in snapshot.people],
        "interactions": [_interaction_object(interaction, known) for interaction in snapshot.interactions],
        "offers": [
            {"kind": offer.kind.value, "text": offer.text, "created_at": offer.created_at.isoformat()}
            for offer in snapshot.offers
        ],
        "settings": dict(sorted(snapshot.settings.items())),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# Import ----------------------------------------------------------------------------------------


def sniff(data: bytes) -> bool:
    """Whether ``data`` is an Orchardist backup, judged from its start without parsing it all."""
    head = data[:_HEAD].removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"{") and _MARKER in head and _FORMAT_PAIR.search(head) is not None


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _refuse(path: str, problem: Message) -> FormatError:
    return FormatError(AT_PATH(path=path, reason=problem))


def _missing(path: str, name: str) -> FormatError:
    return _refuse(path, MISSING_FIELD(name=_shown(name)))


def _typed(value: object, kind: type[T], path: str, expected: Wording) -> T:
    # bool is a subclass of int, but true is not a number of days.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _refuse(path, expected(found=_shown(value)))
    return value


def _object(value: object, path: str, allowed: tuple[str, ...]) -> dict[str, object]:
    found = _typed(value, dict, path, EXPECTED_OBJECT)
    for name in found:
        if name not in allowed:
            raise _refuse(path, UNKNOWN_FIELD(name=_shown(name)))
    return found


def _text(found: Mapping[str, object], name: str, path: str, *, required: bool = False) -> str:
    if name not in found:
        if required:
            raise _missing(path, name)
        return ""
    return _typed(found[name], str, f"{path}.{name}", EXPECTED_TEXT)


def _texts(found: Mapping[str, object], name: str, path: str) -> tuple[str, ...]:
    values = _typed(found.get(name, []), list, f"{path}.{name}", EXPECTED_LIST)
    return tuple(
        _typed(value, str, f"{path}.{name}[{index}]", EXPECTED_TEXT) for index, value in enumerate(values)
    )


def _partial_date(value: object, path: str) -> PartialDate:
    text = _typed(value, str, path, EXPECTED_DATE)
    try:
        if not text.startswith("--") and not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        return PartialDate.parse(text)
    except ValueError:
        raise _refuse(path, NOT_A_DATE(text=_shown(text))) from None


def _choice(found: Mapping[str, object], name: str, path: str, read: Callable[[str], T], default: T) -> T:
    if name not in found:
        return default
    text = _typed(found[name], str, f"{path}.{name}", EXPECTED_TEXT)
    try:
        return read(text)
    except ValueError:
        raise _refuse(f"{path}.{name}", UNKNOWN_VALUE(text=_shown(text))) from None


def _custom_value(spec: FieldSpec, found: Mapping[str, object], path: str) -> object:
    """A custom field's value (text, notes, a list of texts, or a date), checked like the others."""
    if spec.is_list:
        return _texts(found, spec.name, path)
    if spec.kind is Kind.DATE:
        value = found[spec.name]
        return None if value is None else _partial_date(value, f"{path}.{spec.name}")
    return _text(found, spec.name, path)


def _sources(value: object, path: str) -> dict[str, tuple[str, ...]]:
    found = _object(value, path, (*PERSON_FIELDS, *_custom_names()))
    return {name: _texts(found, name, path) for name in found}


def _person(value: object, path: str, source: str) -> ParsedPerson:
    found = _object(value, path, _person_keys())
    key = _text(found, "key", path, required=True)
    if not key:
        raise _refuse(f"{path}.key", EMPTY_KEY())
    every_days = None
    if found.get("every_days") is not None:
        every_days = _typed(found["every_days"], int, f"{path}.every_days", EXPECTED_DAYS)
        if every_days < 1:
            raise _refuse(f"{path}.every_days", DAYS_BELOW_ONE(days=every_days))
    birthday = found.get("birthday")
    met_through = found.get("met_through")
    dates = []
    for index, named in enumerate(_typed(found.get("dates", []), list, f"{path}.dates", EXPECTED_LIST)):
        where = f"{path}.dates[{index}]"
        entry = _object(named, where, ("label", "date"))
        if "date" not in entry:
            raise _missing(where, "date")
        dates.append(
            NamedDate(label=_text(entry, "label", where), date=_partial_date(entry["date"], f"{where}.date"))
        )
    person = Person(
        display_name=_text(found, "display_name", path, required=True),
        given_name=_text(found, "given_name", path),
        family_name=_text(found, "family_name", path),
        pronouns=_text(found, "pronouns", path),
        emails=_texts(found, "emails", path),
        phones=_texts(found, "phones", path),
        urls=_texts(found, "urls", path),
        linkedin_url=_text(found, "linkedin_url", path),
        organisation=_text(found, "organisation", path),
        title=_text(found, "title", path),
        location=_text(found, "location", path),
        tags=_texts(found, "tags", path),
        interests=_texts(found, "interests", path),
        can_help_with=_texts(found, "can_help_with", path),
        could_use_help_with=_texts(found, "could_use_help_with", path),
        how_met=_text(found, "how_met", path),
        where_met=_text(found, "where_met", path),
        notes=_text(found, "notes", path),
        tier=_choice(found, "tier", path, Tier, Tier.CASUAL),
        every_days=every_days,
        birthday=None if birthday is None else _partial_date(birthday, f"{path}.birthday"),
        dates=tuple(dates),
        knows_search=_typed(
            found.get("knows_search", False), bool, f"{path}.knows_search", EXPECTED_TRUE_OR_FALSE
        ),
        coworker_override=_choice(found, "coworker_override", path, _override, None),
    )
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
        else _typed(met_through, str, f"{path}.met_through", EXPECTED_KEY),
    )


def _on(found: Mapping[str, object], path: str) -> date:
    if "date" not in found:
        raise _missing(path, "date")
    text = _typed(found["date"], str, f"{path}.date", EXPECTED_DATE)
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise _refuse(f"{path}.date", NOT_A_DATE(text=_shown(text))) from None


def _interaction(value: object, path: str, keys: set[str]) -> ParsedInteraction:
    found = _object(value, path, _INTERACTION_KEYS)
    if "direction" not in found:
        raise _missing(path, "direction")
    person_keys = _texts(found, "people", path)
    if not person_keys:
        raise _refuse(f"{path}.people", INTERACTION_WITHOUT_PEOPLE())
    for index, key in enumerate(person_keys):
        if key not in keys:
            raise _refuse(f"{path}.people[{index}]", NO_SUCH_KEY(key=_shown(key)))
        if key in person_keys[:index]:
            raise _refuse(f"{path}.people[{index}]", LISTED_TWICE(key=_shown(key)))
    interaction = Interaction(
        on=_on(found, path),
        direction=_choice(found, "direction", path, Direction, Direction.SOCIAL),
        channel=_choice(found, "channel", path, Channel, Channel.OTHER),
        kind=_text(found, "kind", path, required=True),
        summary=_text(found, "summary", path),
        notes=_text(found, "notes", path),
        person_ids=(),
    )
    return ParsedInteraction(interaction=interaction, person_keys=person_keys)


class _Invalid(ValueError):
    """What the JSON reader's hooks refuse, said in our own words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def _refuse_constant(name: str) -> object:
    raise _Invalid(CONSTANT_NOT_ALLOWED(name=name))


def _no_repeated_names(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for name, value in pairs:
        if name in found:
            raise _Invalid(FIELD_TWICE(name=_shown(name)))
        found[name] = value
    return found


def _load(data: bytes) -> object:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(NOT_UTF8(byte=error.start)) from None
    try:
        return json.loads(text, object_pairs_hook=_no_repeated_names, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        problem = NOT_VALID_JSON(problem=error.msg, column=error.colno)
        raise FormatError(problem, line=error.lineno) from None
    except _Invalid as error:
        raise FormatError(NOT_A_VALID_BACKUP(reason=error.message)) from None
    except ValueError as error:  # Python's own, such as an integer too long to convert
        raise FormatError(NOT_A_VALID_BACKUP(reason=str(error))) from None
    except RecursionError:
        raise FormatError(NESTED_TOO_DEEPLY()) from None


def parse(data: bytes, source: str) -> ParseResult:
    """Read a backup; people come back without ids, linked by their keys.

    Sources are kept as the backup recorded them; a person written without ``sources`` gets
    ``source`` for each field it fills.
    """
    document = _object(_load(data), "backup", _TOP_KEYS)
    if document.get("format") != FORMAT_NAME:
        raise _refuse("format", NOT_A_BACKUP(found=_shown(document.get("format"))))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version not in READABLE_VERSIONS:
        raise _refuse("version", UNKNOWN_VERSION(latest=VERSION, found=_shown(version)))
    if "people" not in document:
        raise _missing("backup", "people")
    people = [
        _person(value, f"people[{index}]", source)
        for index, value in enumerate(_typed(document["people"], list, "people", EXPECTED_LIST))
    ]
    keys: set[str] = set()
    for index, parsed in enumerate(people):
        assert parsed.key is not None
        if parsed.key in keys:
            raise _refuse(f"people[{index}].key", KEY_REUSED(key=_shown(parsed.key)))
        keys.add(parsed.key)
    for index, parsed in enumerate(people):
        if parsed.met_through_key is not None and parsed.met_through_key not in keys:
            raise _refuse(f"people[{index}].met_through", NO_SUCH_KEY(key=_shown(parsed.met_through_key)))
    interactions = [
        _interaction(value, f"interactions[{index}]", keys)
        for index, value in enumerate(
            _typed(document.get("interactions", []), list, "interactions", EXPECTED_LIST)
        )
    ]
    offers = [
        _offer(value, f"offers[{index}]")
        for index, value in enumerate(_typed(document.get("offers", []), list, "offers", EXPECTED_LIST))
    ]
    # Each setting is checked where it is restored, against what the settings allow.
    settings = _typed(document.get("settings", {}), dict, "settings", EXPECTED_OBJECT)
    return ParseResult(
        format="json", people=people, interactions=interactions, offers=offers, settings=settings
    )


def _offer(value: object, path: str) -> Offer:
    found = _object(value, path, _OFFER_KEYS)
    kind = _choice(found, "kind", path, OfferKind, None)
    if kind is None:
        raise _missing(path, "kind")
    text = _text(found, "text", path, required=True).strip()
    if not text or len(text) > MAX_OFFER_TEXT:
        raise _refuse(f"{path}.text", OFFER_LENGTH(limit=MAX_OFFER_TEXT))
    created = _text(found, "created_at", path, required=True)
    try:
        created_at = datetime.fromisoformat(created)
    except ValueError:
        raise _refuse(f"{path}.created_at", NOT_A_DATE_TIME(text=_shown(created))) from None
    if created_at.tzinfo is None:
        raise _refuse(f"{path}.created_at", TIME_ZONE_NEEDED(text=_shown(created)))
    return Offer(id=0, kind=kind, text=text, created_at=created_at)
