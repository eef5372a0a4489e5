"""The reminders calendar validates with icalendar and with a second parser, ical."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
from ical.calendar_stream import IcsCalendarStream

from orchardist.formats.ical import CalendarDay, reminders_calendar

DAYS = [
    CalendarDay(date(2026, 12, 3), "Orchardist: reach out to 2 people", "Thank-you owed: 1\nOccasion: 1"),
    CalendarDay(
        date(2027, 2, 28), "Orchardist: reach out to 1 person", 'Zoë, Ça va; é, "quoted"' + "x" * 200
    ),
]


def _calendar() -> bytes:
    return reminders_calendar(
        DAYS, calendar_id="space-1", name="Orchardist", stamp=datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    )


def test_both_parsers_read_every_day_back() -> None:
    data = _calendar()
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    first = icalendar.Calendar.from_ical(data)
    events = list(first.walk("VEVENT"))
    assert [event.decoded("dtstart") for event in events] == [day.day for day in DAYS]
    assert [str(event["summary"]) for event in events] == [day.summary for day in DAYS]
    assert str(events[1]["description"]) == DAYS[1].description
    second = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert [(event.dtstart, event.summary, event.description) for event in second.events] == [
        (day.day, day.summary, day.description) for day in DAYS
    ]
    assert [event.uid for event in second.events] == [
        "2026-12-03-space-1@orchardist",
        "2027-02-28-space-1@orchardist",
    ]


def test_all_day_events_end_the_next_day_and_are_not_busy_time() -> None:
    event = next(iter(icalendar.Calendar.from_ical(_calendar()).walk("VEVENT")))
    assert event.decoded("dtend") == date(2026, 12, 4)
    assert str(event["transp"]) == "TRANSPARENT"


def test_an_empty_calendar_is_still_valid() -> None:
    data = reminders_calendar([], calendar_id="x", name="Orchardist", stamp=datetime(2026, 1, 1, tzinfo=UTC))
    assert IcsCalendarStream.calendar_from_ics(data.decode()).events == []
    assert b"PRODID:-//Orchardist//Reminders//EN" in data
