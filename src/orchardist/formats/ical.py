"""iCalendar (RFC 5545) output: one all-day event per day of reminders.

The words come from the caller; this module only writes them. Each event's UID is the calendar's id and
the day, so a calendar that subscribes to the feed updates a day's event rather than adding another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

PRODID = "-//Orchardist//Reminders//EN"


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
