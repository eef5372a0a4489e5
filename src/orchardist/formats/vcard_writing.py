"""Writing vCards: 3.0 (RFC 2426) or 4.0 (RFC 6350), one card per person.

Written by hand: UTF-8, CRLF, lines folded at 75 octets, every card with the person's ``UID`` (their
stable identity, so address books and CardDAV servers update a card rather than add it again) and
``REV`` (when their record last changed), and ``X-ORCHARDIST-*`` properties for what vCard has no
property for, so that exporting and re-importing gives back the same person.

The versions differ where their RFCs do: 4.0 has ``VERSION`` right after ``BEGIN``, a ``urn:uuid:``
UID, dates and times in ISO 8601's basic form, ``ANNIVERSARY``, and no ``INTERNET`` e-mail type.
"""

from __future__ import annotations

import base64
import re
import uuid
from datetime import UTC, datetime

from orchardist.domain.fields import FIELDS, FieldSpec, Kind, value_of
from orchardist.domain.people import PartialDate, Person
from orchardist.formats.base import NetworkSnapshot
from orchardist.formats.vcard_cleanup import escape

PRODID = "-//Orchardist//Orchardist//EN"
VERSIONS = ("3.0", "4.0")
DEFAULT_VERSION = "3.0"

# Properties Orchardist writes for the fields vCard has no property for; read back first.
X_LOCATION = "X-ORCHARDIST-LOCATION"
X_NOTES = "X-ORCHARDIST-NOTES-BASE64"
X_TIER = "X-ORCHARDIST-TIER"
X_EVERY_DAYS = "X-ORCHARDIST-EVERY-DAYS"
X_HOW_MET = "X-ORCHARDIST-HOW-MET"
X_WHERE_MET = "X-ORCHARDIST-WHERE-MET"
# One property per item, so that an item may hold any text, commas included.
X_LISTS = {
    "interests": "X-ORCHARDIST-INTEREST",
    "can_help_with": "X-ORCHARDIST-CAN-HELP-WITH",
    "could_use_help_with": "X-ORCHARDIST-COULD-USE-HELP-WITH",
}
_APPLE_LABELS_OUT = frozenset({"anniversary", "other"})
_UNPORTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# The UID of a person who was never stored (a snapshot made in a test) is derived from who they are.
_UNSTORED = uuid.UUID("3d0c9a44-1c52-4bb8-9a1e-6f3f4b0d5c11")


def custom_fields() -> list[FieldSpec]:
    return [spec for spec in FIELDS.values() if spec.custom]


def custom_property(spec: FieldSpec) -> str:
    """The property a custom field of ``orchardist.domain.fields`` is written in (one per list item)."""
    return "X-ORCHARDIST-FIELD-" + spec.name.upper().replace("_", "-")


def _custom_texts(spec: FieldSpec, person: Person) -> list[str]:
    value = value_of(person, spec.name)
    if spec.is_list:
        return list(value)
    if spec.kind is Kind.DATE:
        return [value.isoformat()] if value else []
    return [value] if value else []


def uid_of(person: Person) -> str:
    """The UID a person's card carries: their own, or for someone never stored one made from their
    id and name (the same each time)."""
    return person.uid or str(uuid.uuid5(_UNSTORED, f"{person.id}:{person.display_name}"))


def export(snapshot: NetworkSnapshot, version: str = DEFAULT_VERSION) -> bytes:
    """Every person as a vCard of ``version`` (3.0 or 4.0; UTF-8, CRLF, folded at 75 octets)."""
    return "".join(card(person, snapshot, version) for person in snapshot.people).encode(
        "utf-8", errors="replace"
    )


def card(person: Person, snapshot: NetworkSnapshot, version: str = DEFAULT_VERSION) -> str:
    """One person's card, as text."""
    if version not in VERSIONS:
        raise ValueError(f"vCard {version} is not written; {', '.join(VERSIONS)} are")
    four = version == "4.0"
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"PRODID:{PRODID}"]
    uid = uid_of(person)
    if not four:
        lines.append(f"UID:{_text(uid)}")
    elif _UUID.fullmatch(uid):
        lines.append(f"UID:urn:uuid:{uid}")
    else:
        lines.append(f"UID;VALUE=text:{_text(uid)}")  # another address book's UID, kept as it came
    changed = snapshot.people_changed.get(person.id) if person.id is not None else None
    if changed is not None:
        lines.append(f"REV:{at(changed)}")
    lines.append(f"FN:{_text(person.display_name)}")
    lines.append(f"N:{_text(person.family_name)};{_text(person.given_name)};;;")
    _add(lines, "X-PRONOUNS", person.pronouns)
    _add(lines, "ORG", person.organisation)
    _add(lines, "TITLE", person.title)
    email = "EMAIL" if four else "EMAIL;TYPE=INTERNET"
    lines.extend(f"{email}:{_text(address)}" for address in person.emails)
    lines.extend(f"TEL:{_text(phone)}" for phone in person.phones)
    lines.extend(f"URL:{_text(url)}" for url in person.urls)
    if person.linkedin_url:
        lines.append(f"X-SOCIALPROFILE;TYPE=linkedin:{_text(person.linkedin_url)}")
        lines.append(f"URL:{_text(person.linkedin_url)}")  # for clients that ignore X-SOCIALPROFILE
    if person.location:
        lines.append(f"ADR:;;;{_text(person.location)};;;")  # the whole place as the locality
        _add(lines, X_LOCATION, person.location)
    if person.birthday is not None:
        lines.append(f"BDAY:{_date_text(person.birthday, four)}")
    _dates(lines, person, four)
    if person.tags:
        lines.append("CATEGORIES:" + ",".join(_text(tag) for tag in person.tags))
    if person.notes:
        lines.append(f"NOTE:{_text(person.notes)}")
        if _portable(person.notes) != person.notes:
            exact = base64.b64encode(person.notes.encode("utf-8", errors="surrogatepass")).decode("ascii")
            lines.append(f"{X_NOTES}:{exact}")
    lines.append(f"{X_TIER}:{person.tier.value}")
    if person.every_days is not None:
        lines.append(f"{X_EVERY_DAYS}:{person.every_days}")
    for field_name, prop_name in X_LISTS.items():
        values: tuple[str, ...] = getattr(person, field_name)
        lines.extend(f"{prop_name}:{_text(value)}" for value in values)
    _add(lines, X_HOW_MET, person.how_met)
    _add(lines, X_WHERE_MET, person.where_met)
    for spec in custom_fields():
        lines.extend(f"{custom_property(spec)}:{_text(text)}" for text in _custom_texts(spec, person))
    lines.append("END:VCARD")
    return "".join(f"{_fold(line)}\r\n" for line in lines)


def _dates(lines: list[str], person: Person, four: bool) -> None:
    """The named dates, in their order: Apple's labelled ``X-ABDATE`` (which 3.0 and 4.0 clients read
    alike), the first anniversary as 4.0's own ``ANNIVERSARY`` (a card may hold one)."""
    number = 0
    anniversary_written = not four
    for named in person.dates:
        if not anniversary_written and named.label == "anniversary":
            lines.append(f"ANNIVERSARY:{_date_text(named.date, four)}")
            anniversary_written = True
            continue
        number += 1
        lines.append(f"item{number}.X-ABDATE:{_date_text(named.date, four)}")
        label = f"_$!<{named.label.title()}>!$_" if named.label in _APPLE_LABELS_OUT else named.label
        lines.append(f"item{number}.X-ABLabel:{_text(label)}")


def _add(lines: list[str], name: str, value: str) -> None:
    if value:
        lines.append(f"{name}:{_text(value)}")


def _portable(text: str) -> str:
    """Text other clients can hold: line breaks as LF, no control characters but tab and LF."""
    return _UNPORTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _text(value: str) -> str:
    return escape(_portable(value))


def _date_text(value: PartialDate, four: bool) -> str:
    """3.0's ``1985-03-29`` or 4.0's basic ``19850329``; a day without its year ``--0329`` in both."""
    if value.year is None:
        return f"--{value.month:02d}{value.day:02d}"
    return f"{value.year:04d}{value.month:02d}{value.day:02d}" if four else value.isoformat()


def _fold(line: str) -> str:
    """Fold at 75 octets, never inside a UTF-8 character; continuation lines start with a space."""
    if len(line.encode("utf-8", errors="replace")) <= 75:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8", errors="replace"))
        if size + width > 75:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def at(moment: datetime) -> str:
    """``moment`` as a vCard 4.0 timestamp (and a valid 3.0 one): ``20261207T083000Z``."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
