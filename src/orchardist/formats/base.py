"""What every importer returns, and the error it raises when it refuses a file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from orchardist.domain.card import ProfessionalSelf
from orchardist.domain.groups import Event, Group
from orchardist.domain.interactions import Interaction
from orchardist.domain.leads import Lead
from orchardist.domain.messages import InputRefused, Message
from orchardist.domain.people import Person
from orchardist.domain.records import (
    Dismissal,
    JobChange,
    Organisation,
    PersonRecord,
    Reconnect,
    Reconnection,
    Snooze,
)
from orchardist.formats.messages import AT_LINE, AT_LINE_IN_FIELD, IN_FIELD

if TYPE_CHECKING:
    # Offers are matched with rapidfuzz; the CLI reads the format table without loading it.
    from orchardist.coach.templates import KeptTemplate
    from orchardist.domain.introductions import Introduction
    from orchardist.domain.offers import Offer


class FormatError(InputRefused):
    """A file was refused: why (``reason``, the same message as ``message``), and where when known
    (1-based ``line``, ``field`` name).

    ``str()`` puts the place first, "line 4, field 'Email': ...", as the CLI prints it.
    """

    def __init__(self, message: Message, *, line: int | None = None, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.line = line

    @property
    def reason(self) -> Message:
        return self.message

    def located(self) -> Message:
        """Why, after where in the file when known: "line 4, field 'Email': …"."""
        if self.line is not None and self.field:
            return AT_LINE_IN_FIELD(line=self.line, field=repr(self.field), reason=self.message)
        if self.line is not None:
            return AT_LINE(line=self.line, reason=self.message)
        if self.field:
            return IN_FIELD(field=repr(self.field), reason=self.message)
        return self.message

    def __str__(self) -> str:
        return str(self.located())

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross the sandbox by pickle, and the keyword-only line and field must survive it.
        return (_rebuild_format_error, (self.message, self.line, self.field))


def _rebuild_format_error(message: Message, line: int | None, field: str | None) -> FormatError:
    return FormatError(message, line=line, field=field)


R = TypeVar("R", bound=PersonRecord)


@dataclass(frozen=True, slots=True)
class ParsedPerson:
    """A person read from a file, with the line their record starts on (1-based) when known.

    ``key`` is the record's own identifier in the file when it has one (JSON backups), used to link
    interactions and ``met_through`` references to the people read from the same file. A backup also
    gives the id the person had (``person.id``, kept when it is free) and when they were added.
    """

    person: Person
    line: int | None = None
    key: str | None = None
    met_through_key: str | None = None
    created_at: datetime | None = None


PeopleSink = Callable[[list[ParsedPerson]], None]
"""Takes the people a format has read so far, in file order; they are then no longer in its result."""

PEOPLE_CHUNK = 2_000
"""How many people a format that reads row by row hands to the sink at a time, at most."""

FIRST_PEOPLE_CHUNK = 250
"""How many it hands over first: each batch is then twice the one before, up to ``PEOPLE_CHUNK``. The
importing process waits for the first batch, so a small one starts it early; larger ones after it cost
less to send and store."""

_SINK: list[PeopleSink] = []


@contextmanager
def streaming_people(sink: PeopleSink) -> Iterator[None]:
    """While parsing, a format that reads row by row (``csv_tables.read_people``) hands its people to
    ``sink`` every ``PEOPLE_CHUNK`` rather than keeping them all: the sandbox's child sends them on while
    it reads the rest, so the importing process works on them at the same time."""
    _SINK.append(sink)
    try:
        yield
    finally:
        _SINK.pop()


def people_sink() -> PeopleSink | None:
    """The sink set by ``streaming_people``, or None: people stay in the result."""
    return _SINK[-1] if _SINK else None


@dataclass(frozen=True, slots=True)
class ParsedInteraction:
    """An interaction read from a file; ``person_keys`` refer to ``ParsedPerson.key``. A backup also
    gives its id (``interaction.id``) and when it was logged."""

    interaction: Interaction
    person_keys: tuple[str, ...]
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ParsedRecord(Generic[R]):
    """A record of one person read from a backup: ``person_key`` refers to ``ParsedPerson.key`` (its
    ``person_id`` is 0 until the person is stored)."""

    record: R
    person_key: str


@dataclass(frozen=True, slots=True)
class ParsedLead:
    """A lead read from a backup, and the key of the person it came from (None when nobody)."""

    lead: Lead
    source_key: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedEvent:
    """An event read from a backup, and the keys of the people met there."""

    event: Event
    met_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that was passed over, and why."""

    line: int | None
    reason: Message


@dataclass(slots=True)
class ParseResult:
    """Everything an importer found in one file."""

    format: str
    people: list[ParsedPerson] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    interactions: list[ParsedInteraction] = field(default_factory=list)
    # Only a backup carries these: what the user can offer, the network's settings, organisations and
    # the records of people that tending keeps.
    offers: list[Offer] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    reconnect: list[ParsedRecord[Reconnect]] = field(default_factory=list)
    snoozes: list[ParsedRecord[Snooze]] = field(default_factory=list)
    dismissals: list[ParsedRecord[Dismissal]] = field(default_factory=list)
    job_changes: list[ParsedRecord[JobChange]] = field(default_factory=list)
    reconnections: list[ParsedRecord[Reconnection]] = field(default_factory=list)
    templates: list[KeptTemplate] = field(default_factory=list)
    professional: ProfessionalSelf = field(default_factory=ProfessionalSelf)
    leads: list[ParsedLead] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    events: list[ParsedEvent] = field(default_factory=list)
    introductions: list[ParsedIntroduction] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ParsedIntroduction:
    """An introduction read from a backup: its two people by their keys (its ids are 0 until stored)."""

    introduction: Introduction
    a_key: str
    b_key: str


@dataclass(frozen=True, slots=True)
class NetworkSnapshot:
    """What an exporter writes: people (with ids) and the interactions between them, and for a backup
    everything else the network holds: offers, settings, organisations, the reconnect list, snoozes,
    dismissals, new jobs, and when each person and interaction was added (by id); for address books,
    when each person last changed (``people_changed``, a vCard's REV)."""

    people: list[Person]
    interactions: list[Interaction] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    reconnect: list[Reconnect] = field(default_factory=list)
    snoozes: list[Snooze] = field(default_factory=list)
    dismissals: list[Dismissal] = field(default_factory=list)
    job_changes: list[JobChange] = field(default_factory=list)
    reconnections: list[Reconnection] = field(default_factory=list)
    templates: list[KeptTemplate] = field(default_factory=list)
    professional: ProfessionalSelf = field(default_factory=ProfessionalSelf)
    leads: list[Lead] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    introductions: list[Introduction] = field(default_factory=list)
    people_added: dict[int, datetime] = field(default_factory=dict)
    interactions_logged: dict[int, datetime] = field(default_factory=dict)
    people_changed: dict[int, datetime] = field(default_factory=dict)
