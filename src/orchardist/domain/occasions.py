"""The days that come back each year for the people the user chooses: birthdays, anniversaries and
work anniversaries, for a calendar of their own (``reminders export --occasions``)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from orchardist.domain.people import WORK_ANNIVERSARY_LABELS, PartialDate, Person

ANNIVERSARY_LABELS = frozenset({"anniversary", "wedding anniversary"})


class Yearly(enum.StrEnum):
    """What comes back each year."""

    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"
    WORK_ANNIVERSARY = "work_anniversary"


@dataclass(frozen=True, slots=True)
class YearlyDate:
    """One person's day that comes back each year; ``key`` tells it from their others, the same from
    one export to the next (with the person's UID, the calendar entry's own UID)."""

    person: Person
    kind: Yearly
    date: PartialDate
    key: str


def yearly_dates(people: Iterable[Person]) -> list[YearlyDate]:
    """Each person's birthday, anniversaries and work anniversaries, in the order given."""
    found: list[YearlyDate] = []
    for person in people:
        if person.birthday is not None:
            found.append(YearlyDate(person, Yearly.BIRTHDAY, person.birthday, "birthday"))
        keys = set()
        for named in person.dates:
            label = named.label.strip().casefold()
            if label in ANNIVERSARY_LABELS:
                kind = Yearly.ANNIVERSARY
            elif label in WORK_ANNIVERSARY_LABELS:
                kind = Yearly.WORK_ANNIVERSARY
            else:
                continue
            key = f"{kind.value}-{named.date.isoformat().lstrip('-')}"
            if key not in keys:  # the same day twice is one event
                keys.add(key)
                found.append(YearlyDate(person, kind, named.date, key))
    return found
