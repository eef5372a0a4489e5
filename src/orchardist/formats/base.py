"""What every importer returns, and the error it raises when it refuses a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orchardist.domain.interactions import Interaction
from orchardist.domain.offers import Offer
from orchardist.domain.people import Person


class FormatError(Exception):
    """A file was refused: what is wrong, and where when known (1-based line, field name)."""

    def __init__(self, reason: str, *, line: int | None = None, field: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments are lost by the default pickling, and errors cross the sandbox by pickle.
        return (_rebuild_format_error, (self.reason, self.line, self.field))


def _rebuild_format_error(reason: str, line: int | None, field: str | None) -> FormatError:
    return FormatError(reason, line=line, field=field)


@dataclass(frozen=True, slots=True)
class ParsedPerson:
    """A person read from a file, with the line their record starts on (1-based) when known.

    ``key`` is the record's own identifier in the file when it has one (JSON backups), used to link
    interactions and ``met_through`` references to the people read from the same file.
    """

    person: Person
    line: int | None = None
    key: str | None = None
    met_through_key: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedInteraction:
    """An interaction read from a file; ``person_keys`` refer to ``ParsedPerson.key``."""

    interaction: Interaction
    person_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that was passed over, and why."""

    line: int | None
    reason: str


@dataclass(slots=True)
class ParseResult:
    """Everything an importer found in one file."""

    format: str
    people: list[ParsedPerson] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    interactions: list[ParsedInteraction] = field(default_factory=list)
    # Only a backup carries these: what the user can offer, and the network's settings.
    offers: list[Offer] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NetworkSnapshot:
    """What an exporter writes: people (with ids) and the interactions between them, and for a backup
    the offers and settings."""

    people: list[Person]
    interactions: list[Interaction] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
