"""Whom to tend today, and why: owed thank-yous and follow-ups, occasions, and the stay-in-touch rhythm.

Rules (each has a test with a frozen date):

- **Owed actions.** A meeting, coffee, call or informational interview you did not give, or a favour,
  advice, referral or introduction you received (asked or mutual), owes a thank-you due within 2 days and a
  follow-up due 14 days later. Logging a ``thank_you`` with that person on or after the day closes the
  thank-you; logging a ``follow_up`` closes the follow-up. Contacts older than 30 days (thank-yous) or 60
  days (follow-ups) stop asking: by then the moment has passed and the rhythm takes over.
- **Occasions**, shown from 7 days before the day until the day itself: birthdays (with or without a year;
  29 February falls on 28 February in other years), work anniversaries (a date labelled "started" or
  "work anniversary"), a new job seen on an import in the last 30 days with no contact since
  ("congratulate"), and the holidays the user picked, for people in the inner and active tiers.
- **Rhythm.** Someone due (see ``rhythm``) is ``overdue``; if all you have done so far is ask them, the
  item is ``give_before_ask``: offer something first. People on the reconnect list are ``reconnect`` until
  a contact is logged after they were put on it, whatever their rhythm; the first message asks for nothing.
- **Ranking.** Owed actions first (earliest due first), then occasions (soonest first), then the rest by how
  far past due relative to their rhythm (days overdue / rhythm days). One item per person: the first.
- At most ``MAX_ITEMS`` (50) items in all: a longer list is not one anybody can act on in a day.
- A snoozed person shows nothing until the day after the snooze ends; a dismissed item (person, reason,
  due date) does not come back, but the next one for that person does.
"""

from __future__ import annotations

import calendar
import enum
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from orchardist.domain.holidays import BY_CODE, next_on
from orchardist.domain.interactions import Direction, only_took
from orchardist.domain.people import WORK_ANNIVERSARY_LABELS as WORK_ANNIVERSARY_LABELS
from orchardist.domain.people import PartialDate, Tier
from orchardist.domain.rhythm import TendingSettings, standing

THANK_YOU_WITHIN = timedelta(days=2)
FOLLOW_UP_AFTER = timedelta(days=14)
THANK_YOU_WINDOW = timedelta(days=30)
FOLLOW_UP_WINDOW = timedelta(days=60)
OCCASION_AHEAD = timedelta(days=7)
JOB_CHANGE_WINDOW = timedelta(days=30)
# Today is a short list to act on: the first this many items, owed actions first.
MAX_ITEMS = 50

MEETING_KINDS = frozenset({"meeting", "coffee", "call", "informational_interview"})
FAVOUR_KINDS = frozenset({"favour", "advice", "referral", "introduction"})
THANK_YOU = "thank_you"
FOLLOW_UP = "follow_up"
# The kinds of contact that can leave something owed, and those that close it.
DEBT_KINDS = MEETING_KINDS | FAVOUR_KINDS
CLOSING_KINDS = frozenset({THANK_YOU, FOLLOW_UP})
HOLIDAY_TIERS = frozenset({Tier.INNER, Tier.ACTIVE})


class Reason(enum.StrEnum):
    """Why someone is on Today's list."""

    THANK_YOU_OWED = "thank_you_owed"
    FOLLOW_UP_DUE = "follow_up_due"
    OCCASION = "occasion"
    OVERDUE = "overdue"
    RECONNECT = "reconnect"
    GIVE_BEFORE_ASK = "give_before_ask"
    LEAD_NEXT_STEP = "lead_next_step"
    EVENT_FOLLOW_UP = "event_follow_up"


class Occasion(enum.StrEnum):
    BIRTHDAY = "birthday"
    WORK_ANNIVERSARY = "work_anniversary"
    NEW_JOB = "new_job"
    HOLIDAY = "holiday"


# Where an item ranks: the first element of its ``rank_key``. Owed actions come first, then occasions,
# then everyone due by their rhythm, of whom Today shows ``today_size``.
OWED, OCCASIONS, BY_RHYTHM = 0, 1, 2


class Contact(NamedTuple):
    """One logged interaction as tending sees it: for one person, on one day.

    A named tuple: Today builds thousands of these, and a tuple is several times cheaper to make than a
    frozen dataclass.
    """

    person_id: int
    on: date
    direction: Direction
    kind: str


@dataclass(frozen=True, slots=True)
class Tended:
    """What tending needs to know about one person."""

    person_id: int
    name: str
    tier: Tier
    every_days: int | None
    added_on: date
    last_contact: date | None = None
    birthday: PartialDate | None = None
    dates: tuple[tuple[str, PartialDate], ...] = ()
    gave: int = 0
    asked: int = 0
    mutual: int = 0
    new_job_seen_on: date | None = None
    new_organisation: str = ""
    reconnect_since: date | None = None  # put on the reconnect list that day


@dataclass(frozen=True, slots=True)
class TodayItem:
    """One line of Today: who, the reason code, when it is due, and what the words need.

    ``rank_key`` orders the list: its first element is the group (``OWED``, ``OCCASIONS`` or
    ``BY_RHYTHM``), then how urgent, then the name.
    """

    person_id: int
    name: str
    reason: str
    due: date
    detail: Mapping[str, str | int] = field(default_factory=dict)
    rank_key: tuple[int, float, str] = (0, 0.0, "")


def anniversary_on_or_after(day: PartialDate, on: date) -> date:
    """The next time ``day`` comes round on or after ``on``; 29 February is 28 February in other years."""

    def in_year(year: int) -> date:
        if day.month == 2 and day.day == 29:
            try:
                return date(year, 2, 29)
            except ValueError:
                return date(year, 2, 28)
        return date(year, day.month, day.day)

    this_year = in_year(on.year)
    return this_year if this_year >= on else in_year(on.year + 1)


Owed = tuple[int, Reason, date, date]
"""An open thank-you or follow-up: ``(person_id, reason, due, contact day)``."""


def owed_actions(contacts: Iterable[Contact], on: date) -> list[Owed]:
    """Open thank-yous and follow-ups as ``(person_id, reason, due, contact day)``, earliest due first."""
    past = [contact for contact in contacts if contact.on <= on]
    # The latest thank-you and follow-up logged with each person: one on or after a contact closes it.
    closed: dict[tuple[int, str], date] = {}
    for contact in past:
        if contact.kind == THANK_YOU or contact.kind == FOLLOW_UP:
            key = (contact.person_id, contact.kind)
            if closed.get(key, date.min) < contact.on:
                closed[key] = contact.on
    # The windows as days, compared directly (this runs over thousands of contacts).
    thank_you_since = on - THANK_YOU_WINDOW
    follow_up_since = on - FOLLOW_UP_WINDOW
    follow_up_by = on - FOLLOW_UP_AFTER  # met on or before this day: the follow-up is due
    owed: set[Owed] = set()
    for contact in past:
        if not creates_debt(contact):
            continue
        person_id, met = contact.person_id, contact.on
        if met >= thank_you_since and closed.get((person_id, THANK_YOU), date.min) < met:
            owed.add((person_id, Reason.THANK_YOU_OWED, met + THANK_YOU_WITHIN, met))
        if follow_up_since <= met <= follow_up_by and closed.get((person_id, FOLLOW_UP), date.min) < met:
            owed.add((person_id, Reason.FOLLOW_UP_DUE, met + FOLLOW_UP_AFTER, met))
    # A set: two meetings with one person on one day owe one thank-you.
    return sorted(owed, key=OWED_ORDER)


OWED_ORDER = operator.itemgetter(2, 0, 1)


def owed_spans(on: date, first_length: int = 1) -> list[tuple[date, date]]:
    """Every day an action owed on ``on`` can fall due on (from the oldest follow-up still asked for to
    the thank-you for a contact on ``on``), in spans of days that double in length, earliest first.

    Today reads the owed actions one span at a time and stops once it has enough: the cost follows
    the actions shown, not everything owed across the network.
    """
    first, last = on - FOLLOW_UP_WINDOW + FOLLOW_UP_AFTER, on + THANK_YOU_WITHIN
    spans: list[tuple[date, date]] = []
    length = first_length
    while first <= last:
        end = min(first + timedelta(days=length - 1), last)
        spans.append((first, end))
        first, length = end + timedelta(days=1), length * 2
    return spans


def met_for(first_due: date, last_due: date, on: date) -> list[tuple[date, date]]:
    """The days of the contacts whose thank-you or follow-up, as of ``on``, falls due from ``first_due``
    to ``last_due``: at most two ranges of days (both included), earliest first, not overlapping."""
    ranges = sorted(
        (max(first_due - after, on - window), min(last_due - after, until))
        for after, window, until in (
            (FOLLOW_UP_AFTER, FOLLOW_UP_WINDOW, on - FOLLOW_UP_AFTER),
            (THANK_YOU_WITHIN, THANK_YOU_WINDOW, on),
        )
    )
    merged: list[tuple[date, date]] = []
    for first, last in ranges:
        if first > last:
            continue
        if merged and first <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def is_hidden(
    person_id: int,
    reason: str,
    due: date,
    on: date,
    snoozed: Mapping[int, date],
    dismissed: frozenset[tuple[int, str, date]],
) -> bool:
    """Whether an item is kept off Today: its person is snoozed through ``on``, or it was dismissed."""
    until = snoozed.get(person_id)
    return (until is not None and on <= until) or (person_id, str(reason), due) in dismissed


def first_owed(
    owed: Sequence[Owed],
    on: date,
    *,
    snoozed: Mapping[int, date],
    dismissed: frozenset[tuple[int, str, date]],
    people: int | None = None,
) -> list[Owed] | None:
    """The owed actions (earliest due first) through the due day on which ``people`` (``MAX_ITEMS``)
    people have one that shows; None when fewer do. Today shows at most that many people and owed
    actions rank first, so an action due later cannot make the list."""
    enough = MAX_ITEMS if people is None else people
    shown: set[int] = set()
    for index, (person_id, reason, due, _met) in enumerate(owed):
        if not is_hidden(person_id, reason, due, on, snoozed, dismissed):
            shown.add(person_id)
        if len(shown) >= enough:
            end = index + 1
            while end < len(owed) and owed[end][2] == due:
                end += 1
            return list(owed[:end])
    return None


def birthdays_between(first: date, last: date) -> frozenset[tuple[int, int]]:
    """The (month, day) of every birthday that comes round from ``first`` to ``last``: the days
    themselves, and 29 February when a 28 February of a year without one is among them."""
    if (last - first).days >= 366:
        return frozenset((day.month, day.day) for day in _every_day_of(2024))
    found: set[tuple[int, int]] = set()
    day = first
    while day <= last:
        found.add((day.month, day.day))
        if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
            found.add((2, 29))
        day += timedelta(days=1)
    return frozenset(found)


def _every_day_of(year: int) -> list[date]:
    start = date(year, 1, 1)
    return [start + timedelta(days=offset) for offset in range(366 if calendar.isleap(year) else 365)]


def holiday_between(codes: Iterable[str], first: date, last: date) -> bool:
    """Whether one of the holidays ``codes`` falls from ``first`` to ``last``."""
    return any(next_on(code, first) <= last for code in codes)


def creates_debt(contact: Contact) -> bool:
    """Whether a contact leaves a thank-you and a follow-up owed: a meeting you did not give, or a
    favour you received."""
    if contact.kind in MEETING_KINDS:
        return contact.direction is not Direction.GAVE
    if contact.kind in FAVOUR_KINDS:
        return contact.direction in (Direction.ASKED, Direction.MUTUAL)
    return False


def occasions_of(
    person: Tended, settings: TendingSettings, on: date
) -> list[tuple[date, Mapping[str, str | int]]]:
    """The person's occasions from today to a week ahead, soonest first."""
    found: list[tuple[date, Mapping[str, str | int]]] = []
    horizon = on + OCCASION_AHEAD
    if person.birthday is not None:
        day = anniversary_on_or_after(person.birthday, on)
        if day <= horizon:
            detail: dict[str, str | int] = {"occasion": Occasion.BIRTHDAY.value}
            if person.birthday.year is not None:
                detail["age"] = day.year - person.birthday.year
            found.append((day, detail))
    for label, started in person.dates:
        if label.strip().casefold() in WORK_ANNIVERSARY_LABELS and started.year is not None:
            day = anniversary_on_or_after(started, on)
            years = day.year - started.year
            if day <= horizon and years > 0:
                found.append((day, {"occasion": Occasion.WORK_ANNIVERSARY.value, "years": years}))
    seen = person.new_job_seen_on
    if (
        seen is not None
        and seen <= on
        and on - seen <= JOB_CHANGE_WINDOW
        and (person.last_contact is None or person.last_contact < seen)
    ):
        found.append((seen, {"occasion": Occasion.NEW_JOB.value, "organisation": person.new_organisation}))
    if person.tier in HOLIDAY_TIERS:
        for code in settings.holidays:
            day = next_on(code, on)
            if day <= horizon:
                found.append((day, {"occasion": Occasion.HOLIDAY.value, "holiday": BY_CODE[code].code}))
    found.sort(key=lambda item: item[0])
    return found


def rhythm_item(person: Tended, settings: TendingSettings, on: date) -> TodayItem | None:
    """The reconnect, give-before-ask or overdue item for someone, if their rhythm calls for one."""
    if person.reconnect_since is not None and (
        person.last_contact is None or person.last_contact < person.reconnect_since
    ):
        since = person.last_contact or person.added_on
        rhythm = settings.tier_days(person.tier) or settings.casual_days
        ratio = (on - since).days / rhythm
        return TodayItem(
            person.person_id,
            person.name,
            Reason.RECONNECT,
            person.reconnect_since,
            {"days_since": (on - since).days, "never_contacted": int(person.last_contact is None)},
            (BY_RHYTHM, -ratio, person.name.casefold()),
        )
    found = standing(
        person.person_id, person.tier, person.every_days, person.last_contact, person.added_on, settings, on
    )
    if found is None or found.days_overdue < 0:
        return None
    took_only = only_took(person.gave, person.asked, person.mutual)
    detail: dict[str, str | int] = {
        "days_since": found.days_since,
        "rhythm": found.rhythm,
        "never_contacted": int(found.never_contacted),
    }
    if took_only:
        detail["asked"] = person.asked
    return TodayItem(
        person.person_id,
        person.name,
        Reason.GIVE_BEFORE_ASK if took_only else Reason.OVERDUE,
        found.due,
        detail,
        (BY_RHYTHM, -found.overdue_ratio, person.name.casefold()),
    )


Rule = Callable[[Tended, TendingSettings, date], "TodayItem | None"]
"""Finds one person's item of a reason added beside the built-in ones (or None)."""


def tend_today(
    people: Sequence[Tended],
    contacts: Iterable[Contact],
    settings: TendingSettings,
    on: date,
    *,
    snoozed: Mapping[int, date] | None = None,
    dismissed: frozenset[tuple[int, str, date]] = frozenset(),
    owed: Sequence[Owed] | None = None,
    rules: Sequence[Rule] = (),
    added: Sequence[TodayItem] = (),
) -> list[TodayItem]:
    """Today's ranked list: at most one item per person, owed actions and occasions always, then up to
    ``settings.today_size`` people by rhythm. ``owed`` is ``owed_actions(contacts, on)`` when the
    caller has it already; ``rules`` find the items of reasons added beside the built-in ones, and
    ``added`` holds items such reasons read themselves (those due by ``on`` count)."""
    held = snoozed or {}
    known = {person.person_id: person for person in people}

    def hidden(person_id: int, reason: str, due: date) -> bool:
        return is_hidden(person_id, reason, due, on, held, dismissed)

    items: list[TodayItem] = []
    for person_id, reason, due, met_on in owed if owed is not None else owed_actions(contacts, on):
        person = known.get(person_id)
        if person is not None and not hidden(person_id, reason, due):
            items.append(
                TodayItem(
                    person_id,
                    person.name,
                    reason,
                    due,
                    {"met_on": met_on.isoformat()},
                    (OWED, float(due.toordinal()), person.name.casefold()),
                )
            )
    rhythm_items: list[TodayItem] = []
    for person in people:
        for day, detail in occasions_of(person, settings, on):
            if not hidden(person.person_id, Reason.OCCASION, day):
                items.append(
                    TodayItem(
                        person.person_id,
                        person.name,
                        Reason.OCCASION,
                        day,
                        detail,
                        (OCCASIONS, float(day.toordinal()), person.name.casefold()),
                    )
                )
        item = rhythm_item(person, settings, on)
        if item is not None and not hidden(item.person_id, item.reason, item.due):
            rhythm_items.append(item)
        for rule in rules:
            found = rule(person, settings, on)
            if found is not None and not hidden(found.person_id, found.reason, found.due):
                (rhythm_items if found.rank_key[0] == BY_RHYTHM else items).append(found)
    for item in added:
        if item.due <= on and not hidden(item.person_id, item.reason, item.due):
            (rhythm_items if item.rank_key[0] == BY_RHYTHM else items).append(item)
    rhythm_items.sort(key=lambda item: item.rank_key)
    items.extend(rhythm_items)
    items.sort(key=lambda item: item.rank_key)
    ranked: list[TodayItem] = []
    seen: set[int] = set()
    by_rhythm = 0
    for item in items:
        if len(ranked) >= MAX_ITEMS:
            break
        if item.person_id in seen:
            continue
        if item.rank_key[0] == BY_RHYTHM:
            if by_rhythm >= settings.today_size:
                continue
            by_rhythm += 1
        seen.add(item.person_id)
        ranked.append(item)
    return ranked
