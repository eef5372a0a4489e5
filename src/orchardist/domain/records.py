"""What a network keeps besides people, interactions and offers: the organisations people work at, the
reconnect list and the contacts that took people off it, snoozes, dismissed Today items and the new jobs
an import saw.

Each is a stored row with its ``id`` (None before it is stored) and, but for an organisation, the
person it is about; a backup carries them all, so a restore gives back the same state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation people work at: its name, the other names it goes by and its e-mail domains.

    People name theirs by name (``Person.organisation``); organisations whose names fold alike
    (``domain.matching.organisation_key``) are one.
    """

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Reconnect:
    """Someone on the reconnect list, since ``since``."""

    person_id: int
    since: date
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Reconnection:
    """A contact on ``on`` that took someone off the reconnect list: Progress counts it a reconnection."""

    person_id: int
    on: date
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Snooze:
    """Someone Today leaves out until ``until``, that day included."""

    person_id: int
    until: date
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Dismissal:
    """A Today item put aside: the reason's code (``services.reasons``) and the day it was due."""

    person_id: int
    reason: str
    due: date
    id: int | None = None


@dataclass(frozen=True, slots=True)
class JobChange:
    """A new job an import saw on ``seen_on`` (Today suggests a congratulation), and the file it was in."""

    person_id: int
    seen_on: date
    old_organisation: str
    old_title: str
    new_organisation: str
    new_title: str
    source: str
    id: int | None = None


PersonRecord = Reconnect | Snooze | Dismissal | JobChange | Reconnection
"""A row about one person, which follows them when their id changes."""


def same_record(record: PersonRecord) -> tuple[object, ...]:
    """What makes two records of a person one: the kind and what it says, whatever its id.

    Someone is on the reconnect list or snoozed once; a Today item is dismissed once a day it is due;
    a new job is seen once.
    """
    if isinstance(record, Reconnect | Snooze):
        return (type(record).__name__, record.person_id)
    if isinstance(record, Dismissal):
        return ("Dismissal", record.person_id, record.reason, record.due)
    if isinstance(record, Reconnection):
        return ("Reconnection", record.person_id, record.on)
    return (
        "JobChange",
        record.person_id,
        record.seen_on,
        record.old_organisation,
        record.old_title,
        record.new_organisation,
        record.new_title,
    )
