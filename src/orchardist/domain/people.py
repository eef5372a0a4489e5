"""People in a network, and the small value types they are made of."""

from __future__ import annotations

import enum
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from orchardist.domain import wording
from orchardist.domain.messages import InputRefused


class Tier(enum.StrEnum):
    """How closely the user wants to stay in touch with someone."""

    INNER = "inner"
    ACTIVE = "active"
    CASUAL = "casual"
    DORMANT = "dormant"


DEFAULT_TIER = Tier.CASUAL

MOST_DAYS = 3650
"""The longest stay-in-touch rhythm, in days: ten years."""

UID_LENGTH = 255
"""The longest UID kept from a card; a longer one is replaced by a UUID of Orchardist's own."""

_UUID_URN = re.compile(r"(?i)urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")


def new_uids(count: int) -> list[str]:
    """``count`` new stable identities for people: time-ordered UUIDs (version 7, RFC 9562) as text.

    The 48 bits of milliseconds lead and one batch counts up from a random start in the 74 bits after
    them (the RFC's "monotonic random" method; the start leaves the top bit clear so it never wraps),
    so a batch sorts in the order it was made: a large import then adds to the end of the UID index
    rather than all over it (a quarter of the time SQLite spends storing 30,000 new people). The
    remaining 73 random bits of the start keep UIDs made in the same millisecond elsewhere apart."""
    if count <= 0:
        return []
    prefix = (time.time_ns() // 1_000_000) << 80 | 0x7 << 76  # the time, then version 7
    start = int.from_bytes(os.urandom(10), "big") >> 7
    low = (1 << 62) - 1
    made = []
    for counter in range(start, start + count):
        value = f"{prefix | (counter >> 62) << 64 | 0b10 << 62 | (counter & low):032x}"  # RFC variant
        made.append(f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}")
    return made


def clean_uid(text: str) -> str:
    """The UID a card gives, as Orchardist keeps it: a ``urn:uuid:`` URN as its bare UUID (vCard 4.0
    writes one, 3.0 the other), any other text as written; ``""`` when it is empty, too long or holds
    control characters (the person then gets a UUID of their own)."""
    text = text.strip()
    if match := _UUID_URN.fullmatch(text):
        return match.group(1).lower()
    if len(text) > UID_LENGTH or not text.isprintable():
        return ""
    return text


MANUAL_SOURCE = "manual"
"""The source recorded for a field the user typed in by hand; imports never overwrite such a field."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar day whose year may be unknown (a birthday given as "--03-29")."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        # 2000 is a leap year, so 29 February is accepted when the year is unknown.
        date(self.year if self.year is not None else 2000, self.month, self.day)

    def isoformat(self) -> str:
        """The ISO 8601 form, ``--MM-DD`` when the year is unknown."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY-MM-DD``, ``--MM-DD`` or ``--MMDD``; raise ValueError otherwise."""
        text = text.strip()
        if text.startswith("--"):
            rest = text[2:].replace("-", "")
            if len(rest) != 4 or not rest.isdigit():
                raise ValueError(f"not a month and day: {text!r}")
            return cls(month=int(rest[:2]), day=int(rest[2:]))
        parsed = date.fromisoformat(text)
        return cls(month=parsed.month, day=parsed.day, year=parsed.year)


WORK_ANNIVERSARY_LABELS = frozenset({"started", "work anniversary", "work_anniversary", "start date"})
"""The labels (folded) of a named date that is when someone started at their work."""


@dataclass(frozen=True, slots=True)
class NamedDate:
    """A date worth remembering about someone other than their birthday."""

    label: str  # "anniversary", "connected", "work anniversary", ...
    date: PartialDate


@dataclass(frozen=True, slots=True)
class Person:
    """Someone in the user's network.

    ``display_name`` keeps what people wrote (credentials, pronouns, emoji); ``given_name`` and
    ``family_name`` are the clean parts used for matching and sorting. ``sources`` maps a field name
    to the sources it came from, such as ``"linkedin:Connections.csv"``.
    """

    display_name: str
    id: int | None = None
    given_name: str = ""
    family_name: str = ""
    pronouns: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    linkedin_url: str = ""
    organisation: str = ""
    title: str = ""
    location: str = ""
    tags: tuple[str, ...] = ()
    tier: Tier = DEFAULT_TIER
    every_days: int | None = None
    interests: tuple[str, ...] = ()
    can_help_with: tuple[str, ...] = ()
    could_use_help_with: tuple[str, ...] = ()
    how_met: str = ""
    where_met: str = ""
    met_through_id: int | None = None
    birthday: PartialDate | None = None
    dates: tuple[NamedDate, ...] = ()
    notes: str = ""
    # Discretion: they know the user is looking for work (a confidant); the user's own word on whether
    # they are a co-worker (None: worked out from their organisation and e-mails, see discretion.py).
    knows_search: bool = False
    coworker_override: bool | None = None
    sources: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Values of the fields added to ``orchardist.domain.fields.FIELDS`` as custom, by field name.
    extra: Mapping[str, Any] = field(default_factory=dict)
    # The stable identity every vCard of them carries (``new_uids``), given by the store when they are
    # added unless a card or a backup brought one; never changed. Not compared: two records of one
    # person are equal whatever their UIDs, as with where they came from.
    uid: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        # Today, the feed and the API count days with the rhythm: a person never holds one they cannot.
        days = self.every_days
        if days is not None and (type(days) is not int or not 1 <= days <= MOST_DAYS):
            raise InputRefused(wording.RHYTHM_DAYS(most=MOST_DAYS), field="every_days")


# Fields a person record carries, in display order; merging and sources are keyed by these names.
PERSON_FIELDS: tuple[str, ...] = (
    "display_name",
    "given_name",
    "family_name",
    "pronouns",
    "emails",
    "phones",
    "urls",
    "linkedin_url",
    "organisation",
    "title",
    "location",
    "tags",
    "tier",
    "every_days",
    "interests",
    "can_help_with",
    "could_use_help_with",
    "how_met",
    "where_met",
    "met_through_id",
    "birthday",
    "dates",
    "knows_search",
    "coworker_override",
    "notes",
)

LIST_FIELDS: frozenset[str] = frozenset(
    {"emails", "phones", "urls", "tags", "interests", "can_help_with", "could_use_help_with", "dates"}
)


@dataclass(frozen=True, slots=True)
class Space:
    """One person's network. Every stored row belongs to exactly one space."""

    id: int
    name: str


def holds_something(value: Any) -> bool:
    """Whether a field's value says anything: not empty, and not a "no" (False is every flag's default)."""
    return value is not False and value not in (None, "", ())


def filled_fields(person: Person) -> list[str]:
    """Names of the fields of ``person`` that hold something (tier always does, so it is left out),
    its extra values' fields included."""
    filled = [name for name in PERSON_FIELDS if name != "tier" and holds_something(getattr(person, name))]
    return filled + [name for name, value in person.extra.items() if holds_something(value)]


def with_sources(person: Person, source: str) -> Person:
    """Return ``person`` with ``source`` recorded for each field it fills."""
    return replace(person, sources={name: (source,) for name in filled_fields(person)})
