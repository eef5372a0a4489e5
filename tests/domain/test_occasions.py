"""The days that come back each year: birthdays, anniversaries and work anniversaries, each once."""

from __future__ import annotations

from orchardist.domain.occasions import Yearly, yearly_dates
from orchardist.domain.people import NamedDate, PartialDate, Person


def test_birthdays_anniversaries_and_work_anniversaries_each_once() -> None:
    ada = Person(
        "Ada",
        uid="a",
        birthday=PartialDate(12, 10, 1815),
        dates=(
            NamedDate("Anniversary", PartialDate(6, 8, 1835)),
            NamedDate("started", PartialDate(1, 2, 2020)),
            NamedDate("work anniversary", PartialDate(1, 2, 2020)),  # the same day again
            NamedDate("connected", PartialDate(3, 4, 2021)),  # not a day to celebrate
        ),
    )
    bo = Person("Bo", uid="b")
    found = yearly_dates([ada, bo])
    assert [(item.person.uid, item.kind, item.date, item.key) for item in found] == [
        ("a", Yearly.BIRTHDAY, PartialDate(12, 10, 1815), "birthday"),
        ("a", Yearly.ANNIVERSARY, PartialDate(6, 8, 1835), "anniversary-1835-06-08"),
        ("a", Yearly.WORK_ANNIVERSARY, PartialDate(1, 2, 2020), "work_anniversary-2020-01-02"),
    ]


def test_a_day_without_its_year_has_a_key_all_the_same() -> None:
    (found,) = yearly_dates([Person("Cy", dates=(NamedDate("anniversary", PartialDate(2, 29)),))])
    assert found.key == "anniversary-02-29"
