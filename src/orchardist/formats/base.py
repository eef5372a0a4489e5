"""What every importer returns, and the error it raises when it refuses a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from orchardist.domain.interactions import Interaction
from orchardist.domain.messages import InputRefused, Message
from orchardist.domain.people import Person
from orchardist.formats.messages import AT_LINE, AT_LINE_IN_FIELD, IN_FIELD

if TYPE_CHECKING:
    # Offers are matched with rapidfuzz; the CLI reads the format table without loading it.
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
    reason: Message


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
