"""Small views several use cases return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from orchardist.domain.discretion import NOT_FLAGGED, CoworkerFlag
from orchardist.domain.people import Person


@dataclass(frozen=True, slots=True)
class PersonListing:
    """A person as a list shows them: the record, the date of the last contact, and whether they are
    flagged as a co-worker."""

    person: Person
    last_contact: date | None
    coworker: CoworkerFlag = NOT_FLAGGED
