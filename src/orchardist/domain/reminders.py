"""Reminders ahead: what Today will bring on each of the coming days, for a calendar.

Rules:

- The first day holds its whole Today list; every later day holds only what is new that day (a person,
  reason and due date not on an earlier day's list): a follow-up coming due, a birthday a week ahead,
  someone reaching the end of their rhythm. An item already listed is not repeated on the days after.
- Each day is Today's list as of that day, from what is stored now: the same ranking, snoozes and
  dismissals, and the same limit of people by rhythm per day.
- Days with nothing new are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from orchardist.domain.rhythm import TendingSettings
from orchardist.domain.tending import Contact, Rule, Tended, TodayItem, owed_actions, tend_today


@dataclass(frozen=True, slots=True)
class ReminderDay:
    """One day of the reminders: the day and the items new on it, in Today's order."""

    day: date
    items: tuple[TodayItem, ...]


def upcoming(
    people: Sequence[Tended],
    contacts: Iterable[Contact],
    settings: TendingSettings,
    on: date,
    days: int,
    *,
    snoozed: Mapping[int, date] | None = None,
    dismissed: frozenset[tuple[int, str, date]] = frozenset(),
    rules: Sequence[Rule] = (),
    added: Sequence[TodayItem] = (),
) -> list[ReminderDay]:
    """The reminders for ``days`` days from ``on``: Today's list, then what each later day adds."""
    contacts = list(contacts)
    seen: set[tuple[int, str, date]] = set()
    found: list[ReminderDay] = []
    for offset in range(days):
        day = on + timedelta(days=offset)
        items = tend_today(
            people,
            contacts,
            settings,
            day,
            snoozed=snoozed,
            dismissed=dismissed,
            owed=owed_actions(contacts, day),
            rules=rules,
            added=added,
        )
        new = [item for item in items if (item.person_id, str(item.reason), item.due) not in seen]
        seen.update((item.person_id, str(item.reason), item.due) for item in items)
        if new:
            found.append(ReminderDay(day, tuple(new)))
    return found
