"""Holidays the user can pick for greeting cards: a small built-in table, fixed and rule-based dates.

Each holiday is a code, an English name (translated where shown) and a rule that gives its date in a
Gregorian year. Rule-based dates are computed here, without a calendar library: the n-th weekday of a
month, Western and Orthodox Easter, and the Hebrew calendar for Rosh Hashanah and Hanukkah.
Holidays fixed by sighting the moon or by astronomical calculation (Eid, Diwali, Lunar New Year) are not
built in: a table of guessed dates would be wrong somewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

MONDAY, THURSDAY, SUNDAY = 0, 3, 6


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday: ``code`` is what settings store; ``name`` is English, for translation where shown."""

    code: str
    name: str
    on: Callable[[int], date]  # the holiday's date in a Gregorian year


def fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def nth_weekday(n: int, weekday: int, month: int) -> Callable[[int], date]:
    """The ``n``-th ``weekday`` (0 = Monday) of ``month``: Thanksgiving, Mother's Day, …"""

    def rule(year: int) -> date:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))

    return rule


def western_easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter: Meeus's Julian computus, moved to the Gregorian calendar (right for 1900-2099)."""
    d = (19 * (year % 19) + 15) % 30
    e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)


# The Hebrew calendar, after Reingold & Dershowitz, "Calendrical Calculations". Python's date ordinals
# count days as their "fixed dates" do (1 January of year 1 is day 1).
_HEBREW_EPOCH = -1_373_427  # 1 Tishrei of year 1 (7 October 3761 BCE, Julian)


def _hebrew_elapsed_days(year: int) -> int:
    months = (235 * year - 234) // 19
    parts = 12_084 + 13_753 * months
    days = 29 * months + parts // 25_920
    return days + 1 if (3 * (days + 1)) % 7 < 3 else days


def _hebrew_year_correction(year: int) -> int:
    before, this, after = (_hebrew_elapsed_days(year + delta) for delta in (-1, 0, 1))
    if after - this == 356:
        return 2
    if this - before == 382:
        return 1
    return 0


def hebrew_new_year(hebrew_year: int) -> date:
    """1 Tishrei (Rosh Hashanah) of a Hebrew year."""
    return date.fromordinal(
        _HEBREW_EPOCH + _hebrew_elapsed_days(hebrew_year) + _hebrew_year_correction(hebrew_year)
    )


def rosh_hashanah(year: int) -> date:
    """Rosh Hashanah in the autumn of a Gregorian year."""
    return hebrew_new_year(year + 3761)


def hanukkah(year: int) -> date:
    """The first day of Hanukkah (25 Kislev) in a Gregorian year; candles are first lit the evening before."""
    hebrew_year = year + 3761
    new_year = hebrew_new_year(hebrew_year)
    length = (hebrew_new_year(hebrew_year + 1) - new_year).days
    heshvan = 30 if length in (355, 385) else 29  # Heshvan has 30 days in a "complete" year
    return new_year + timedelta(days=30 + heshvan + 24)


HOLIDAYS: tuple[Holiday, ...] = (
    Holiday("new_year", "New Year's Day", fixed(1, 1)),
    Holiday("orthodox_christmas", "Orthodox Christmas", fixed(1, 7)),
    Holiday("valentines_day", "Valentine's Day", fixed(2, 14)),
    Holiday("womens_day", "International Women's Day", fixed(3, 8)),
    Holiday("easter", "Easter", western_easter),
    Holiday("orthodox_easter", "Orthodox Easter", orthodox_easter),
    Holiday("mothers_day", "Mother's Day", nth_weekday(2, SUNDAY, 5)),
    Holiday("fathers_day", "Father's Day", nth_weekday(3, SUNDAY, 6)),
    Holiday("fete_nationale", "Fête nationale du Québec", fixed(6, 24)),
    Holiday("canada_day", "Canada Day", fixed(7, 1)),
    Holiday("independence_day", "Independence Day (United States)", fixed(7, 4)),
    Holiday("rosh_hashanah", "Rosh Hashanah", rosh_hashanah),
    Holiday("thanksgiving_canada", "Thanksgiving (Canada)", nth_weekday(2, MONDAY, 10)),
    Holiday("thanksgiving_us", "Thanksgiving (United States)", nth_weekday(4, THURSDAY, 11)),
    Holiday("hanukkah", "Hanukkah", hanukkah),
    Holiday("christmas", "Christmas", fixed(12, 25)),
    Holiday("kwanzaa", "Kwanzaa", fixed(12, 26)),
)

BY_CODE: dict[str, Holiday] = {holiday.code: holiday for holiday in HOLIDAYS}


def holiday(code: str) -> Holiday:
    """The built-in holiday ``code``; ValueError names the known codes otherwise."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown holiday {code!r}; known: {', '.join(BY_CODE)}") from None


def next_on(code: str, on: date) -> date:
    """The holiday's next date on or after ``on``."""
    rule = holiday(code).on
    this_year = rule(on.year)
    return this_year if this_year >= on else rule(on.year + 1)
