"""The dates contact exports write."""

from __future__ import annotations

import pytest

from orchardist.formats.csv_dates import DayMonthYear, read_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22 Nov 2026", DayMonthYear(2026, 11, 22)),
        ("1/8/18, 6:14 PM", DayMonthYear(2018, 1, 8)),
        ("12/31/19, 11:59 pm", DayMonthYear(2019, 12, 31)),
        ("29-Mar-21", DayMonthYear(2021, 3, 29)),
        ("11 Jun 2021", DayMonthYear(2021, 6, 11)),
        ("2021-06-11", DayMonthYear(2021, 6, 11)),
        ("2021-06-11T08:30:00Z", DayMonthYear(2021, 6, 11)),
        ("Jun 11, 2021", DayMonthYear(2021, 6, 11)),
        ("6/11/2021", DayMonthYear(2021, 6, 11)),
        ("29/3/2021", DayMonthYear(2021, 3, 29)),
        ("29.03.1985", DayMonthYear(1985, 3, 29)),
        ("3 janv. 2022", DayMonthYear(2022, 1, 3)),
        ("5-Mär-22", DayMonthYear(2022, 3, 5)),
        ("0.0.00", DayMonthYear(2000, 0, 0)),
    ],
)
def test_read_date(text: str, expected: DayMonthYear) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "31 Foo 2020", "2020", "1/2", "13/13/2020/1"])
def test_read_date_gives_none_for_text_that_is_not_a_date(text: str) -> None:
    assert read_date(text) is None


def test_read_date_day_first_and_century_pivot() -> None:
    assert read_date("3/4/2020", day_first=True) == DayMonthYear(2020, 4, 3)
    assert read_date("3/4/85", pivot=29) == DayMonthYear(1985, 3, 4)
    assert read_date("3/4/25", pivot=29) == DayMonthYear(2025, 3, 4)
