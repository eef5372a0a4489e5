"""What Today needs to read, worked out before reading: the days owed actions fall due, the contacts
behind them, the birthdays and holidays of the week. Each is checked against the rules themselves."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from orchardist.domain.holidays import BY_CODE
from orchardist.domain.interactions import Direction
from orchardist.domain.people import PartialDate, Tier
from orchardist.domain.rhythm import TendingSettings
from orchardist.domain.tending import (
    DEBT_KINDS,
    FOLLOW_UP_AFTER,
    FOLLOW_UP_WINDOW,
    OCCASION_AHEAD,
    THANK_YOU_WITHIN,
    Contact,
    Reason,
    Tended,
    birthdays_between,
    first_owed,
    holiday_between,
    met_for,
    occasions_of,
    owed_actions,
    owed_spans,
)

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@given(on=days)
def test_the_spans_cover_every_due_day_once_in_order(on: date) -> None:
    spans = owed_spans(on)
    assert spans[0][0] == on - FOLLOW_UP_WINDOW + FOLLOW_UP_AFTER
    assert spans[-1][1] == on + THANK_YOU_WITHIN
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert start == end + timedelta(days=1)
    assert all(first <= last for first, last in spans)
    assert len(spans) <= 6


@given(on=days, back=st.integers(-5, 70), span=st.integers(0, 60))
def test_the_contacts_read_for_a_span_are_exactly_those_owing_then(on: date, back: int, span: int) -> None:
    met = on - timedelta(days=back)
    first_due = on - timedelta(days=span)
    last_due = first_due + timedelta(days=span // 3)
    owed = owed_actions([Contact(1, met, Direction.ASKED, "coffee")], on)
    falls_due = any(first_due <= due <= last_due for _, _, due, _ in owed)
    ranges = met_for(first_due, last_due, on)
    assert falls_due == any(first <= met <= last for first, last in ranges)
    assert len(ranges) <= 2 and all(first <= last for first, last in ranges)
    if len(ranges) == 2:
        assert ranges[0][1] + timedelta(days=1) < ranges[1][0]


def test_enough_owed_actions_stop_at_the_day_the_list_is_full() -> None:
    on = date(2026, 3, 10)
    owed = [
        (1, Reason.FOLLOW_UP_DUE, on - timedelta(days=5), on - timedelta(days=19)),
        (2, Reason.FOLLOW_UP_DUE, on - timedelta(days=5), on - timedelta(days=19)),
        (1, Reason.THANK_YOU_OWED, on - timedelta(days=4), on - timedelta(days=6)),
        (3, Reason.THANK_YOU_OWED, on - timedelta(days=3), on - timedelta(days=5)),
        (4, Reason.THANK_YOU_OWED, on - timedelta(days=3), on - timedelta(days=5)),
        (5, Reason.THANK_YOU_OWED, on - timedelta(days=1), on - timedelta(days=3)),
    ]
    # The third person is reached on a day another shares: that day comes whole.
    assert first_owed(owed, on, snoozed={}, dismissed=frozenset(), people=3) == owed[:5]
    # A person's second action, a snoozed person and a dismissed action count no one.
    snoozed = {3: on}
    dismissed = frozenset({(4, "thank_you_owed", on - timedelta(days=3))})
    assert first_owed(owed, on, snoozed=snoozed, dismissed=dismissed, people=3) == owed
    assert first_owed(owed, on, snoozed=snoozed, dismissed=dismissed, people=4) is None
    # A snooze that ended yesterday hides nothing.
    assert (
        first_owed(owed, on, snoozed={3: on - timedelta(days=1)}, dismissed=dismissed, people=3) == owed[:5]
    )


@given(
    on=days,
    birthday=st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)).map(
        lambda day: PartialDate(month=day.month, day=day.day)
    ),
    later=st.integers(0, 400),
)
def test_every_birthday_of_the_days_read_is_among_the_month_days_asked_for(
    on: date, birthday: PartialDate, later: int
) -> None:
    person = Tended(1, "Ana", Tier.CASUAL, None, date(2000, 1, 1), birthday=birthday)
    last = on + timedelta(days=later)
    month_days = birthdays_between(on, last + OCCASION_AHEAD)
    for offset in range(0, later + 1, max(1, later // 20)):
        day = on + timedelta(days=offset)
        if occasions_of(person, TendingSettings(), day):
            assert (birthday.month, birthday.day) in month_days


def test_29_february_is_asked_for_when_28_february_stands_in_for_it() -> None:
    assert (2, 29) in birthdays_between(date(2027, 2, 25), date(2027, 3, 3))
    assert (2, 29) in birthdays_between(date(2028, 2, 25), date(2028, 3, 3))
    assert (2, 29) not in birthdays_between(date(2028, 2, 21), date(2028, 2, 28))
    assert len(birthdays_between(date(2027, 1, 1), date(2028, 1, 1))) == 366


@given(on=days, code=st.sampled_from(sorted(BY_CODE)))
def test_a_holiday_week_is_known_before_anyone_is_read(on: date, code: str) -> None:
    person = Tended(1, "Ana", Tier.INNER, None, date(2000, 1, 1))
    settings = TendingSettings(holidays=(code,))
    assert holiday_between([code], on, on + OCCASION_AHEAD) == bool(occasions_of(person, settings, on))
    assert not holiday_between([], on, on + OCCASION_AHEAD)


def test_only_meetings_and_favours_owe_and_only_thank_yous_and_follow_ups_close() -> None:
    assert {"coffee", "call", "meeting", "informational_interview"} <= DEBT_KINDS
    assert {"favour", "advice", "referral", "introduction"} <= DEBT_KINDS
    assert not {"thank_you", "follow_up", "message", "article"} & DEBT_KINDS
