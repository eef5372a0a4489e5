"""Small views several use cases return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from orchardist.domain.people import Person


@dataclass(frozen=True, slots=True)
class PersonListing:
    """A person as a list shows them: the record and the date of the last contact."""

    person: Person
    last_contact: date | None
