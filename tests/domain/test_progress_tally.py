"""The figures kept a week at a time are the figures Progress counts for any window."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from orchardist.domain.interactions import Direction
from orchardist.domain.progress import (
    Tally,
    tally_by_week,
    week_counts,
    week_start,
    week_starts,
    weekly_counts,
)
from orchardist.domain.tending import Contact

START = date(2026, 1, 5)  # a Monday

contacts = st.lists(
    st.builds(
        Contact,
        st.integers(1, 6),
        st.integers(0, 400).map(lambda days: START + timedelta(days=days)),
        st.sampled_from(list(Direction)),
        st.sampled_from(["thank_you", "coffee", "message"]),
    ),
    max_size=40,
)
added = st.dictionaries(
    st.integers(1, 8), st.integers(-200, 400).map(lambda days: START + timedelta(days=days)), min_size=6
).filter(lambda days: all(person in days for person in range(1, 7)))


def _add(tallies: list[dict[date, Tally]]) -> dict[date, Tally]:
    total: dict[date, list[int]] = {}
    for tally in tallies:
        for week, figures in tally.items():
            row = total.setdefault(week, [0] * len(Tally._fields))
            for index, value in enumerate(figures):
                row[index] += value
    return {week: Tally(*row) for week, row in total.items() if any(row)}


@given(contacts=contacts, added=added, weeks=st.integers(1, 30), end=st.integers(0, 420))
def test_the_kept_weeks_are_the_weeks_progress_counts(
    contacts: list[Contact], added: dict[int, date], weeks: int, end: int
) -> None:
    on = START + timedelta(days=end)
    starts = week_starts(on, weeks)
    first = starts[0]
    previous: dict[int, date] = {}
    for contact in contacts:
        if contact.on < first and previous.get(contact.person_id, date.min) < contact.on:
            previous[contact.person_id] = contact.on
    expected = weekly_counts(contacts, previous, added, starts)
    kept = tally_by_week(contacts, added)
    assert [week_counts(start, kept.get(start, Tally())) for start in starts] == expected
    assert all(week == week_start(week) for week in kept)


@given(contacts=contacts, added=added)
def test_the_figures_of_a_network_are_the_sum_of_its_peoples(
    contacts: list[Contact], added: dict[int, date]
) -> None:
    whole = tally_by_week(contacts, added)
    each = [
        tally_by_week([contact for contact in contacts if contact.person_id == person], {person: day})
        for person, day in added.items()
    ]
    assert _add(each) == {week: tally for week, tally in whole.items() if any(tally)}
    totals = [sum(tally[index] for tally in whole.values()) for index in range(len(Tally._fields))]
    by_direction = [sum(contact.direction is direction for contact in contacts) for direction in Direction]
    assert totals[1:5] == by_direction  # gave, asked, mutual, social: the ledger
    assert totals[6] == len(added)
