"""Groups the user belongs to (associations, chambers of commerce, meetups, alumni groups) and the events
they attend, with the people met there.

**Follow-up after an event.** Everyone met at an event is owed a follow-up from the day after it
(``FOLLOW_UP_AFTER``) until a contact with them is logged after the event's day; Today stops suggesting it
``FOLLOW_UP_WINDOW`` days after the event (the stay-in-touch rhythm takes over then).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from orchardist.domain.messages import N_

MAX_NAME = 300
MAX_PLACE = 500
MAX_NOTES = 20_000
FOLLOW_UP_AFTER = timedelta(days=1)
FOLLOW_UP_WINDOW = timedelta(days=30)


class GroupKind(enum.StrEnum):
    """What sort of group it is."""

    ASSOCIATION = "association"
    CHAMBER = "chamber_of_commerce"
    MEETUP = "meetup"
    ALUMNI = "alumni"
    OTHER = "other"


KIND_LABELS: dict[GroupKind, str] = {
    GroupKind.ASSOCIATION: N_("Association"),
    GroupKind.CHAMBER: N_("Chamber of commerce"),
    GroupKind.MEETUP: N_("Meetup"),
    GroupKind.ALUMNI: N_("Alumni group"),
    GroupKind.OTHER: N_("Other group"),
}
"""Each kind with its label (marked here, translated where shown)."""


@dataclass(frozen=True, slots=True)
class Group:
    """A group the user belongs to."""

    name: str
    kind: GroupKind = GroupKind.ASSOCIATION
    joined_on: date | None = None
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """An event the user attended, perhaps a group's, and the people met there (by id)."""

    name: str
    on: date
    place: str = ""
    group_id: int | None = None
    notes: str = ""
    met: tuple[int, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class MetAt:
    """An event someone was met at, as their page shows it."""

    event_id: int
    name: str
    on: date
    group_name: str = ""


def follow_up_due(event_on: date) -> date:
    """The day a follow-up with the people met at an event is due."""
    return event_on + FOLLOW_UP_AFTER


def follow_up_owed(event_on: date, last_contact: date | None, on: date) -> bool:
    """Whether someone met at an event on ``event_on`` is owed a follow-up on ``on``.

    Owed from the day after the event, until a contact after the event's day is logged, and for
    ``FOLLOW_UP_WINDOW`` days at most.
    """
    if not follow_up_due(event_on) <= on <= event_on + FOLLOW_UP_WINDOW:
        return False
    return last_contact is None or last_contact <= event_on
