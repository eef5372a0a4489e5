"""The ``today`` fixture: in the last 30 seconds of a day it waits for the next one, so that a test and the
app, which reads ``date.today()`` at each call, agree on the day; at any other time it does not wait."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests import conftest
from tests.conftest import wait_out_midnight


class Clock:
    """A clock that stands still but for the time slept on it."""

    def __init__(self, at: datetime) -> None:
        self.at = at
        self.slept: list[float] = []

    def now(self) -> datetime:
        return self.at

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.at += timedelta(seconds=seconds)


def _clock_of_the_fixture(at: datetime, monkeypatch: pytest.MonkeyPatch) -> Clock:
    """A clock at ``at`` in place of the one the ``today`` fixture reads and sleeps on."""
    clock = Clock(at)
    monkeypatch.setattr(conftest, "_now", clock.now)
    monkeypatch.setattr(conftest, "_sleep", clock.sleep)
    return clock


def test_ten_seconds_before_midnight_the_fixture_waits_for_the_next_day(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = _clock_of_the_fixture(datetime(2025, 12, 31, 23, 59, 50), monkeypatch)
    assert request.getfixturevalue("today") == date(2026, 1, 1)
    assert len(clock.slept) == 1 and clock.slept[0] >= 10
    assert clock.at > datetime(2026, 1, 1)


def test_at_noon_the_fixture_does_not_wait(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = _clock_of_the_fixture(datetime(2025, 6, 1, 12, 0), monkeypatch)
    assert request.getfixturevalue("today") == date(2025, 6, 1)
    assert clock.slept == []


def test_only_the_last_thirty_seconds_wait() -> None:
    early = Clock(datetime(2025, 6, 1, 23, 59, 29))
    assert wait_out_midnight(early.now, early.sleep) == date(2025, 6, 1) and early.slept == []
    late = Clock(datetime(2025, 6, 1, 23, 59, 30))
    assert wait_out_midnight(late.now, late.sleep) == date(2025, 6, 2) and late.slept[0] >= 30


def test_a_sleep_that_ends_early_is_slept_again() -> None:
    """The wall clock can fall behind the clock ``time.sleep`` counts on: woken before midnight, it waits
    again."""
    clock = Clock(datetime(2025, 6, 1, 23, 59, 55))
    woken: list[datetime] = []

    def sleep_short(seconds: float) -> None:
        clock.sleep(seconds if woken else 1)
        woken.append(clock.at)

    assert wait_out_midnight(clock.now, sleep_short) == date(2025, 6, 2)
    assert len(woken) == 2 and woken[0].date() == date(2025, 6, 1)
