"""Progress rules: Monday weeks, what each figure counts, the 90-day reconnection edge, the ledger."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.progress import (
    MAX_WEEKS,
    Ledger,
    goal_met,
    is_reconnection,
    week_start,
    week_starts,
    weekly_counts,
)
from orchardist.domain.tending import Contact

# Thursday 3 December 2026; its week runs from Monday 30 November to Sunday 6 December.
ON = date(2026, 12, 3)
MONDAY = date(2026, 11, 30)
SUNDAY = date(2026, 12, 6)
LONG_AGO = date(2020, 1, 1)


def _contact(
    person_id: int, on: date, direction: Direction = Direction.SOCIAL, kind: str = "call"
) -> Contact:
    return Contact(person_id, on, direction, kind)


def test_weeks_start_on_monday_and_end_on_sunday() -> None:
    assert week_start(MONDAY) == MONDAY
    assert week_start(ON) == MONDAY
    assert week_start(SUNDAY) == MONDAY
    assert week_start(SUNDAY + timedelta(days=1)) == SUNDAY + timedelta(days=1)
    assert week_starts(ON, 3) == [date(2026, 11, 16), date(2026, 11, 23), MONDAY]
    assert week_starts(SUNDAY, 1) == [MONDAY]


@pytest.mark.parametrize("weeks", [0, -1, MAX_WEEKS + 1])
def test_the_number_of_weeks_is_bounded(weeks: int) -> None:
    with pytest.raises(ValueError, match="weeks"):
        week_starts(ON, weeks)


def test_a_contact_counts_in_the_week_of_its_day() -> None:
    starts = week_starts(ON, 2)
    contacts = [
        _contact(1, MONDAY - timedelta(days=1)),  # Sunday: the week before
        _contact(2, MONDAY),
        _contact(3, SUNDAY),
        _contact(4, SUNDAY + timedelta(days=1)),  # next Monday: outside the weeks
        _contact(5, MONDAY - timedelta(days=8)),  # before the first week: outside
    ]
    added = {person_id: LONG_AGO for person_id in range(1, 6)}
    previous = {person_id: SUNDAY - timedelta(days=20) for person_id in range(1, 6)}
    before, this = weekly_counts(contacts, previous, added, starts)
    assert (before.start, before.end, before.tended) == (date(2026, 11, 23), date(2026, 11, 29), 1)
    assert (this.start, this.end, this.tended) == (MONDAY, SUNDAY, 2)


def test_gives_asks_and_thank_yous() -> None:
    contacts = [
        _contact(1, ON, Direction.GAVE, "article"),
        _contact(2, ON, Direction.GAVE, "thank_you"),
        _contact(1, ON, Direction.ASKED, "advice"),
        _contact(3, ON, Direction.MUTUAL, "coffee"),
        _contact(4, ON, Direction.SOCIAL, "thank_you"),
    ]
    added = dict.fromkeys(range(1, 5), ON)
    (week,) = weekly_counts(contacts, {}, added, [MONDAY])
    assert (week.gives, week.asks, week.thank_yous) == (2, 1, 2)
    # Tended counts people, not contacts: person 1 twice is one person tended.
    assert week.tended == 4


def test_a_contact_with_two_people_counts_for_each() -> None:
    contacts = [_contact(1, ON, Direction.GAVE), _contact(2, ON, Direction.GAVE)]
    (week,) = weekly_counts(contacts, {}, {1: ON, 2: ON}, [MONDAY])
    assert (week.gives, week.tended) == (2, 2)


@pytest.mark.parametrize(("days", "expected"), [(89, False), (90, True), (400, True)])
def test_reconnection_after_a_silence_of_90_days(days: int, expected: bool) -> None:
    assert is_reconnection(ON, ON - timedelta(days=days), LONG_AGO) is expected
    (week,) = weekly_counts([_contact(1, ON)], {1: ON - timedelta(days=days)}, {1: LONG_AGO}, [MONDAY])
    assert week.reconnections == int(expected)


@pytest.mark.parametrize(("days", "expected"), [(0, False), (1, False), (89, False), (90, True)])
def test_a_first_contact_is_a_reconnection_only_with_someone_added_90_days_before(
    days: int, expected: bool
) -> None:
    (week,) = weekly_counts([_contact(1, ON)], {}, {1: ON - timedelta(days=days)}, [MONDAY])
    assert week.reconnections == int(expected)


def test_a_first_contact_with_someone_of_unknown_age_is_no_reconnection() -> None:
    assert not is_reconnection(ON, None, None)
    (week,) = weekly_counts([_contact(1, ON)], {}, {}, [MONDAY])
    assert (week.reconnections, week.tended) == (0, 1)


def test_the_contacts_inside_the_window_are_history_for_later_ones() -> None:
    starts = week_starts(ON, 12)
    early = starts[0]
    contacts = [
        _contact(1, early),  # breaks a long silence: a reconnection
        _contact(1, early + timedelta(days=1)),  # a day later: not another one
        _contact(1, ON),  # 80-odd days after the first: still not
    ]
    weeks = weekly_counts(contacts, {1: LONG_AGO}, {1: LONG_AGO}, starts)
    assert [week.reconnections for week in weeks] == [1] + [0] * 11
    assert [week.tended for week in weeks] == [1] + [0] * 10 + [1]


def test_a_contact_after_a_silence_inside_a_long_window() -> None:
    starts = week_starts(ON, 20)
    contacts = [_contact(1, starts[0]), _contact(1, starts[0] + timedelta(days=90))]
    weeks = weekly_counts(contacts, {1: starts[0] - timedelta(days=10)}, {1: LONG_AGO}, starts)
    assert sum(week.reconnections for week in weeks) == 1
    assert weeks[starts.index(week_start(starts[0] + timedelta(days=90)))].reconnections == 1


def test_new_people_count_in_the_week_they_were_added() -> None:
    starts = week_starts(ON, 2)
    added = {
        1: MONDAY,
        2: SUNDAY,
        3: MONDAY - timedelta(days=1),
        4: MONDAY - timedelta(days=30),  # before the weeks: not new
        5: SUNDAY + timedelta(days=1),  # after: not counted
    }
    before, this = weekly_counts([], {}, added, starts)
    assert (before.new_people, this.new_people) == (1, 2)
    assert (this.tended, this.reconnections, this.gives) == (0, 0, 0)


def test_every_week_is_there_even_when_empty() -> None:
    weeks = weekly_counts([], {}, {}, week_starts(ON, 12))
    assert len(weeks) == 12 and all(week.tended == 0 for week in weeks)
    assert weeks[-1].start == MONDAY and weeks[0].start == MONDAY - timedelta(weeks=11)
    assert weekly_counts([_contact(1, ON)], {}, {}, []) == []


def test_the_ledger_balance_and_its_json() -> None:
    ledger = Ledger(gave=3, asked=5, mutual=2, social=1, last_give=ON)
    assert ledger.balance == -2
    assert ledger.to_dict() == {
        "gave": 3,
        "asked": 5,
        "mutual": 2,
        "social": 1,
        "balance": -2,
        "last_give": "2026-12-03",
    }
    assert Ledger().to_dict()["last_give"] is None and Ledger().balance == 0


def test_the_goal_is_met_when_tended_reaches_it() -> None:
    assert goal_met(5, 5) and goal_met(6, 5)
    assert not goal_met(4, 5)
    assert not goal_met(3, 0)  # no goal set


def test_week_json() -> None:
    (week,) = weekly_counts([_contact(1, ON, Direction.GAVE, "thank_you")], {}, {1: ON}, [MONDAY])
    assert week.to_dict() == {
        "start": "2026-11-30",
        "end": "2026-12-06",
        "reconnections": 0,
        "gives": 1,
        "asks": 0,
        "thank_yous": 1,
        "new_people": 1,
        "tended": 1,
    }


def test_a_week_across_the_new_year_is_one_week() -> None:
    assert week_start(date(2027, 1, 3)) == date(2026, 12, 28)  # Sunday 3 January 2027
    assert week_starts(date(2027, 1, 4), 2) == [date(2026, 12, 28), date(2027, 1, 4)]


def test_a_past_contact_logged_for_someone_added_later_is_no_reconnection() -> None:
    # Added today, with a contact of a year ago logged: that first contact precedes the day added.
    assert not is_reconnection(ON - timedelta(days=365), None, ON)
    # The next contact, a year after it, does break a silence.
    assert is_reconnection(ON, ON - timedelta(days=365), ON)


def test_a_contact_off_the_reconnect_list_is_a_reconnection_once_that_day() -> None:
    from orchardist.domain.progress import is_reconnection

    day = date(2026, 12, 7)
    assert is_reconnection(day, None, day, from_list=True)
    assert is_reconnection(day, day - timedelta(days=3), day - timedelta(days=10), from_list=True)
    assert not is_reconnection(day, day, day, from_list=True)  # the second contact that day
    assert not is_reconnection(day, None, day)
    assert is_reconnection(day, None, date(2010, 3, 4))  # the day they connected, long ago
