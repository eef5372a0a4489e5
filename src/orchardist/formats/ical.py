"""iCalendar (RFC 5545) output: one all-day event per day of reminders, and a calendar of the days that
come back each year (birthdays and anniversaries).

The words come from the caller; this module only writes them. Every event has a stable UID and a
DTSTAMP: a reminder's UID is the calendar's id and the day, an occasion's the person's UID and which of
their days it is, so a calendar that reads the file or the feed again updates its events rather than
adding them twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from orchardist.domain.people import PartialDate

PRODID = "-//Orchardist//Reminders//EN"
OCCASIONS_PRODID = "-//Orchardist//Occasions//EN"
# The year a day without one is placed in: a leap year, so 29 February is a day there too.
_NO_YEAR = 2000


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """An all-day event: its day, a one-line summary and a description."""

    day: date
    summary: str
    description: str


def reminders_calendar(days: Sequence[CalendarDay], *, calendar_id: str, name: str, stamp: datetime) -> bytes:
    """The calendar as bytes (UTF-8, CRLF line ends, lines folded at 75 octets)."""
    # Imported here: icalendar, with pytz and dateutil, is 3 MB of a server's memory that only a
    # calendar download or feed needs.
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for entry in days:
        event = icalendar.Event()
        event.add("uid", f"{entry.day.isoformat()}-{calendar_id}@orchardist")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + timedelta(days=1))
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy time
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


@dataclass(frozen=True, slots=True)
class YearlyEvent:
    """An all-day event every year from ``first``: its UID, words, and when what it says last changed."""

    uid: str
    first: PartialDate
    summary: str
    description: str
    changed: datetime


def occasions_calendar(events: Sequence[YearlyEvent], *, name: str) -> bytes:
    """The days that come back each year as yearly all-day events (UTF-8, CRLF, folded at 75 octets).

    Each DTSTAMP is when the event's person last changed, so the same network gives the same bytes and a
    calendar sees a change only where there is one. 29 February comes back on the last day of February.
    """
    import icalendar  # when written only, as ``calendar_bytes`` does

    calendar = icalendar.Calendar()
    calendar.add("prodid", OCCASIONS_PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for entry in events:
        start = date(entry.first.year or _NO_YEAR, entry.first.month, entry.first.day)
        stamp = entry.changed.astimezone(UTC).replace(microsecond=0)
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(days=1))
        rule: dict[str, object] = {"freq": "yearly"}
        if (start.month, start.day) == (2, 29):
            rule.update(bymonth=2, bymonthday=-1)
        event.add("rrule", rule)
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
