"""Reminders ahead: the first day's whole list, then only what each later day adds."""

from __future__ import annotations

from datetime import date, timedelta

from orchardist.domain.interactions import Direction
from orchardist.domain.people import PartialDate, Tier
from orchardist.domain.reminders import upcoming
from orchardist.domain.rhythm import TendingSettings
from orchardist.domain.tending import Contact, Reason, Tended

ON = date(2026, 12, 3)
SETTINGS = TendingSettings()


def person(person_id: int, **fields: object) -> Tended:
    values: dict[str, object] = {"tier": Tier.CASUAL, "every_days": None, "added_on": ON}
    values.update(fields)
    return Tended(person_id=person_id, name=f"Person {person_id}", **values)  # type: ignore[arg-type]


def test_first_day_whole_list_then_only_new_items() -> None:
    overdue = person(1, tier=Tier.INNER, last_contact=ON - timedelta(days=40))
    coming_due = person(2, tier=Tier.INNER, last_contact=ON - timedelta(days=25))  # due on ON + 5
    birthday = person(3, birthday=PartialDate(month=12, day=20))  # shown from a week before
    met = person(4, tier=Tier.ACTIVE, last_contact=ON - timedelta(days=1))
    thanked = person(5, tier=Tier.ACTIVE, last_contact=ON)
    contacts = [
        Contact(4, ON - timedelta(days=1), Direction.ASKED, "coffee"),
        Contact(5, ON - timedelta(days=1), Direction.ASKED, "coffee"),
        Contact(5, ON, Direction.GAVE, "thank_you"),
    ]
    days = upcoming([overdue, coming_due, birthday, met, thanked], contacts, SETTINGS, ON, 28)
    assert [(day.day, [(i.person_id, i.reason) for i in day.items]) for day in days] == [
        (ON, [(4, Reason.THANK_YOU_OWED), (1, Reason.OVERDUE)]),
        (ON + timedelta(days=5), [(2, Reason.OVERDUE)]),
        (date(2026, 12, 13), [(3, Reason.OCCASION)]),
        # Thanked already: two weeks after the meeting, the follow-up comes due.
        (ON + timedelta(days=13), [(5, Reason.FOLLOW_UP_DUE)]),
    ]


def test_a_snooze_moves_the_reminder_to_the_day_after_it_ends() -> None:
    overdue = person(1, tier=Tier.INNER, last_contact=ON - timedelta(days=40))
    days = upcoming([overdue], [], SETTINGS, ON, 10, snoozed={1: ON + timedelta(days=3)})
    assert [day.day for day in days] == [ON + timedelta(days=4)]


def test_a_dismissed_item_is_left_out_and_days_with_nothing_new_are_absent() -> None:
    overdue = person(1, tier=Tier.INNER, last_contact=ON - timedelta(days=40))
    due = ON - timedelta(days=10)
    assert upcoming([overdue], [], SETTINGS, ON, 10, dismissed=frozenset({(1, "overdue", due)})) == []
    assert upcoming([], [], SETTINGS, ON, 10) == []
