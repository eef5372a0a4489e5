"""The dates contact exports write, in English, French and German, read into day, month and year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan january janv janvier jän jänner",
        "feb february fév févr février feb februar",
        "mar march mars mär märz mrz",
        "apr april avr avril",
        "may mai",
        "jun june juin juni",
        "jul july juil juillet juli",
        "aug august aoû août",
        "sep sept september septembre",
        "oct october okt oktober",
        "nov november novembre",
        "dec december déc décembre dez dezember",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?")
_NUMERIC_DATE = re.compile(
    r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s\-/.]+([^\W\d_]{3,9})\.?[\s\-/.,]+(\d{4}|\d{2})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")


@dataclass(frozen=True, slots=True)
class DayMonthYear:
    """A calendar date read from text, not yet checked (a partial date validates itself)."""

    year: int
    month: int
    day: int


def _full_year(year: str, pivot: int) -> int:
    """Four digits as given; two digits are 20YY up to ``pivot``, 19YY after it."""
    value = int(year)
    if len(year) > 2:
        return value
    return 2000 + value if value <= pivot else 1900 + value


@lru_cache(maxsize=4096)
def read_date(text: str, *, day_first: bool = False, pivot: int = 99) -> DayMonthYear | None:
    """Read the dates contact exports write; ``None`` when ``text`` is not one of them.

    Accepts ISO ``2021-06-11``; ``11 Jun 2021``, ``29-Mar-21``, ``Jun 11, 2021`` (English, French
    and German month names); numeric ``6/11/2021``, ``1/8/18, 6:14 PM``, ``11.06.2021``. Numeric
    dates are month first unless ``day_first`` (or the first number is over 12, or dots separate
    them, as German writes). Cached: an export repeats the same dates many times.
    """
    text = text.strip()
    if not text:
        return None
    match = _ISO_DATE.fullmatch(text)
    if match is not None:
        return DayMonthYear(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _NUMERIC_DATE.fullmatch(text)
    if match is not None:
        first, separator, second, year = match.groups()
        a, b = int(first), int(second)
        if day_first or separator == "." or a > 12:
            a, b = b, a
        return DayMonthYear(_full_year(year, pivot), a, b)
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match is not None:
        month = _MONTHS.get(match.group(2).casefold())
        if month is None:
            return None
        return DayMonthYear(_full_year(match.group(3), pivot), month, int(match.group(1)))
    match = _MONTH_DAY_YEAR.fullmatch(text)
    if match is not None:
        month = _MONTHS.get(match.group(1).casefold())
        if month is None:
            return None
        return DayMonthYear(int(match.group(3)), month, int(match.group(2)))
    return None
