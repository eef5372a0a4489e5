"""Progress: what the user did each week, and the give/ask ledger of the whole network.

Rules:

- Weeks start on Monday and end on Sunday, whatever the language.
- Every figure counts contacts: one person in one interaction. A coffee with two people is two
  contacts, as it is in each person's own give/ask ledger, so the weeks add up to the overall ledger.
- ``gives``, ``asks``: contacts whose direction is gave or asked (mutual and social count in neither).
- ``thank_yous``: contacts of the kind ``thank_you``, whatever their direction.
- ``reconnections``: a contact with someone after a long silence — their previous contact was at least
  ``RECONNECT_AFTER_DAYS`` (90) days earlier, or, when it is the first contact ever logged with them,
  the relationship started at least 90 days earlier: the day LinkedIn says you connected when it is
  known (a connection of 2010 imported yesterday is an old relationship), else the day they were
  added. A first contact with someone met less than 90 days before is getting to know them, not
  reconnecting. A contact that takes someone off the reconnect list is a reconnection whatever the
  silence (the first contact with them that day). A later contact in the same silence-breaking week
  is not a second reconnection (its previous contact is the first one).
- ``new_people``: people added to the network that week.
- ``tended``: distinct people with at least one contact that week; the weekly goal counts these.
- The ledger: all contacts ever logged by direction, ``balance = gave - asked`` (positive when the user
  has given more than asked), and the day of the latest give.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from orchardist.domain import wording
from orchardist.domain.interactions import Direction
from orchardist.domain.messages import InputRefused
from orchardist.domain.tending import THANK_YOU, Contact

RECONNECT_AFTER_DAYS = 90
DEFAULT_WEEKS = 12
MAX_WEEKS = 104
WEEK = timedelta(days=7)


def week_start(day: date) -> date:
    """The Monday of the week ``day`` falls in."""
    return day - timedelta(days=day.weekday())


def week_starts(on: date, weeks: int) -> list[date]:
    """The Mondays of the ``weeks`` weeks ending with the week of ``on``, oldest first."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise InputRefused(wording.NUMBER_RANGE(least=1, most=MAX_WEEKS, value=weeks), field="weeks")
    last = week_start(on)
    return [last - WEEK * back for back in range(weeks - 1, -1, -1)]


@dataclass(frozen=True, slots=True)
class WeekCounts:
    """What happened in one week, Monday to Sunday."""

    start: date
    reconnections: int = 0
    gives: int = 0
    asks: int = 0
    thank_yous: int = 0
    new_people: int = 0
    tended: int = 0

    @property
    def end(self) -> date:
        """The Sunday that ends the week."""
        return self.start + timedelta(days=6)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "reconnections": self.reconnections,
            "gives": self.gives,
            "asks": self.asks,
            "thank_yous": self.thank_yous,
            "new_people": self.new_people,
            "tended": self.tended,
        }


@dataclass(frozen=True, slots=True)
class Ledger:
    """The give/ask ledger of the whole network: contacts by direction and the latest give."""

    gave: int = 0
    asked: int = 0
    mutual: int = 0
    social: int = 0
    last_give: date | None = None

    @property
    def balance(self) -> int:
        """Gives minus asks: below zero, the user has asked more than given."""
        return self.gave - self.asked

    def to_dict(self) -> dict[str, Any]:
        return {
            "gave": self.gave,
            "asked": self.asked,
            "mutual": self.mutual,
            "social": self.social,
            "balance": self.balance,
            "last_give": self.last_give.isoformat() if self.last_give else None,
        }


def is_reconnection(
    on: date, previous: date | None, added_on: date | None, *, from_list: bool = False
) -> bool:
    """Whether a contact on ``on`` breaks a silence of at least ``RECONNECT_AFTER_DAYS`` days, or took
    the person off the reconnect list (``from_list``: that day's first contact with them).

    ``previous`` is the person's latest contact before this one (None if this is the first);
    ``added_on`` the day the relationship started (the day they connected, else the day they were
    added; None if unknown: then a first contact is no reconnection).
    """
    if from_list and (previous is None or previous < on):
        return True
    since = previous if previous is not None else added_on
    return since is not None and (on - since).days >= RECONNECT_AFTER_DAYS


def weekly_counts(
    contacts: Iterable[Contact],
    previous: Mapping[int, date],
    added: Mapping[int, date],
    starts: list[date],
    *,
    started: Mapping[int, date] | None = None,
    listed: Mapping[int, frozenset[date]] | None = None,
) -> list[WeekCounts]:
    """Each week's figures, for the weeks beginning on the Mondays ``starts`` (oldest first).

    ``contacts`` are those inside the weeks (others are ignored); ``previous`` holds each contacted
    person's latest contact before the first week, if any; ``added`` the day people were added: at
    least everyone added during the weeks and everyone in ``contacts``; ``started`` the day each
    relationship started when it is earlier than that (the day they connected); ``listed`` the days a
    contact took each person off the reconnect list.
    """
    if not starts:
        return []
    first, after = starts[0], starts[-1] + WEEK
    index = {start: position for position, start in enumerate(starts)}
    week_of: dict[date, int | None] = {}  # day -> position of its week; many contacts share a day
    by_person: dict[int, list[Contact]] = defaultdict(list)
    for contact in contacts:
        if first <= contact.on < after:
            by_person[contact.person_id].append(contact)
    reconnections, gives, asks, thank_yous, new_people = ([0] * len(starts) for _ in range(5))
    tended = [0] * len(starts)
    for person_id, theirs in by_person.items():
        theirs.sort(key=lambda contact: contact.on)
        before: date | None = previous.get(person_id)
        joined = (started or {}).get(person_id, added.get(person_id))
        off_list = (listed or {}).get(person_id, frozenset())
        weeks_seen: set[int] = set()
        for contact in theirs:
            if contact.on not in week_of:
                week_of[contact.on] = index.get(week_start(contact.on))
            week = week_of[contact.on]
            if week is None:  # a gap between the weeks asked for
                continue
            if is_reconnection(contact.on, before, joined, from_list=contact.on in off_list):
                reconnections[week] += 1
            before = contact.on
            if contact.direction is Direction.GAVE:
                gives[week] += 1
            elif contact.direction is Direction.ASKED:
                asks[week] += 1
            if contact.kind == THANK_YOU:
                thank_yous[week] += 1
            weeks_seen.add(week)
        for week in weeks_seen:
            tended[week] += 1
    for day in added.values():
        if first <= day < after:
            week = index.get(week_start(day))
            if week is not None:
                new_people[week] += 1
    return [
        WeekCounts(
            start=start,
            reconnections=reconnections[position],
            gives=gives[position],
            asks=asks[position],
            thank_yous=thank_yous[position],
            new_people=new_people[position],
            tended=tended[position],
        )
        for position, start in enumerate(starts)
    ]


class Tally(NamedTuple):
    """One week's figures as they are kept: what ``WeekCounts`` shows, and the mutual and social
    contacts that the overall ledger adds up beside the gives and asks."""

    reconnections: int = 0
    gives: int = 0
    asks: int = 0
    mutual: int = 0
    social: int = 0
    thank_yous: int = 0
    new_people: int = 0
    tended: int = 0


_BY_DIRECTION = {Direction.GAVE: 1, Direction.ASKED: 2, Direction.MUTUAL: 3, Direction.SOCIAL: 4}


def tally_by_week(
    contacts: Iterable[Contact],
    added: Mapping[int, date],
    *,
    started: Mapping[int, date] | None = None,
    listed: Mapping[int, frozenset[date]] | None = None,
) -> dict[date, Tally]:
    """Every week's figures from the whole history of some people, by the week's Monday (weeks with
    nothing left out): the same rules as ``weekly_counts``, without a window.

    ``contacts`` are all of those people's contacts; ``added`` the day each was added (everyone
    whose contacts are given, and anyone else who counts as a new person); ``started`` the day a
    relationship started when earlier (the day they connected); ``listed`` the days a contact took a
    person off the reconnect list. Figures are sums over
    people, so the figures of a network are the sum of its people's, and a change to some people
    changes the figures by the difference of theirs.
    """
    rows: dict[date, list[int]] = defaultdict(lambda: [0] * len(Tally._fields))
    week_of: dict[date, date] = {}
    by_person: dict[int, list[Contact]] = defaultdict(list)
    for contact in contacts:
        by_person[contact.person_id].append(contact)
    for person_id, theirs in by_person.items():
        theirs.sort(key=lambda contact: contact.on)
        before: date | None = None
        joined = (started or {}).get(person_id, added.get(person_id))
        off_list = (listed or {}).get(person_id, frozenset())
        weeks: set[date] = set()
        for contact in theirs:
            week = week_of.get(contact.on)
            if week is None:
                week = week_of[contact.on] = week_start(contact.on)
            row = rows[week]
            if is_reconnection(contact.on, before, joined, from_list=contact.on in off_list):
                row[0] += 1
            before = contact.on
            row[_BY_DIRECTION[contact.direction]] += 1
            if contact.kind == THANK_YOU:
                row[5] += 1
            weeks.add(week)
        for week in weeks:
            rows[week][7] += 1
    for day in added.values():
        rows[week_start(day)][6] += 1
    return {week: Tally(*row) for week, row in rows.items()}


def week_counts(start: date, tally: Tally) -> WeekCounts:
    """The figures a week shows, from what is kept for it."""
    return WeekCounts(
        start=start,
        reconnections=tally.reconnections,
        gives=tally.gives,
        asks=tally.asks,
        thank_yous=tally.thank_yous,
        new_people=tally.new_people,
        tended=tally.tended,
    )


def goal_met(tended: int, goal: int) -> bool:
    """Whether the week's tended people reach the goal; no goal (0) is never "met"."""
    return goal > 0 and tended >= goal
