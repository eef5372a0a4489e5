"""Tending rules with fixed dates: owed actions, occasions, rhythm, ranking, snoozes and dismissals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.holidays import BY_CODE, next_on
from orchardist.domain.interactions import Direction
from orchardist.domain.people import PartialDate, Tier
from orchardist.domain.rhythm import TendingSettings, is_losing_touch, next_due, rhythm_days, standing
from orchardist.domain.tending import (
    Contact,
    Reason,
    Tended,
    anniversary_on_or_after,
    occasions_of,
    owed_actions,
    tend_today,
)

TODAY = date(2026, 11, 22)
SETTINGS = TendingSettings()


def person(person_id: int, name: str = "", **fields: object) -> Tended:
    values: dict[str, object] = {"tier": Tier.CASUAL, "every_days": None, "added_on": TODAY}
    values.update(fields)
    return Tended(person_id=person_id, name=name or f"Person {person_id}", **values)  # type: ignore[arg-type]


def contact(
    person_id: int, on: date, kind: str = "coffee", direction: Direction = Direction.ASKED
) -> Contact:
    return Contact(person_id=person_id, on=on, direction=direction, kind=kind)


# Rhythm ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("tier", "days"), [(Tier.INNER, 30), (Tier.ACTIVE, 90), (Tier.CASUAL, 180)])
def test_each_tier_has_its_rhythm_and_any_contact_resets_the_clock(tier: Tier, days: int) -> None:
    last = date(2026, 9, 1)
    assert rhythm_days(tier, None, SETTINGS) == days
    assert next_due(tier, None, last, date(2020, 1, 1), SETTINGS) == last + timedelta(days=days)


def test_dormant_is_never_due_even_with_its_own_rhythm() -> None:
    assert rhythm_days(Tier.DORMANT, 7, SETTINGS) is None
    assert standing(1, Tier.DORMANT, 7, None, date(2000, 1, 1), SETTINGS, TODAY) is None
    assert (
        tend_today(
            [person(1, tier=Tier.DORMANT, every_days=7, added_on=date(2000, 1, 1))], [], SETTINGS, TODAY
        )
        == []
    )


def test_a_persons_own_rhythm_overrides_the_tier_and_a_change_applies_at_once() -> None:
    last = TODAY - timedelta(days=20)
    assert standing(1, Tier.INNER, None, last, last, SETTINGS, TODAY).days_overdue == -10  # type: ignore[union-attr]
    changed = standing(1, Tier.INNER, 14, last, last, SETTINGS, TODAY)
    assert changed is not None and changed.due == last + timedelta(days=14) and changed.days_overdue == 6
    assert standing(1, Tier.INNER, None, last, last, TendingSettings(inner_days=10), TODAY).days_overdue == 10  # type: ignore[union-attr]


def test_due_on_the_due_day_itself_and_the_clock_runs_from_the_day_added_without_contact() -> None:
    added = TODAY - timedelta(days=30)
    on_due = tend_today([person(1, tier=Tier.INNER, added_on=added)], [], SETTINGS, TODAY)
    assert [(item.reason, item.due) for item in on_due] == [(Reason.OVERDUE, TODAY)]
    assert (
        tend_today([person(1, tier=Tier.INNER, added_on=added + timedelta(days=1))], [], SETTINGS, TODAY)
        == []
    )


def test_losing_touch_is_twice_the_rhythm_or_a_close_person_overdue() -> None:
    far = standing(1, Tier.CASUAL, None, TODAY - timedelta(days=360), TODAY, SETTINGS, TODAY)
    near = standing(1, Tier.CASUAL, None, TODAY - timedelta(days=200), TODAY, SETTINGS, TODAY)
    close = standing(1, Tier.ACTIVE, None, TODAY - timedelta(days=91), TODAY, SETTINGS, TODAY)
    assert is_losing_touch(far, Tier.CASUAL) and not is_losing_touch(near, Tier.CASUAL)
    assert is_losing_touch(close, Tier.ACTIVE)


def test_settings_refuse_impossible_values() -> None:
    with pytest.raises(ValueError, match="inner_days"):
        TendingSettings(inner_days=0)
    with pytest.raises(ValueError, match="unknown holiday"):
        TendingSettings(holidays=("festivus",))


# Owed actions ----------------------------------------------------------------------------------


def test_a_coffee_owes_a_thank_you_in_two_days_and_a_follow_up_after_two_weeks() -> None:
    met = TODAY - timedelta(days=1)
    assert owed_actions([contact(1, met)], TODAY) == [
        (1, Reason.THANK_YOU_OWED, met + timedelta(days=2), met)
    ]
    met = TODAY - timedelta(days=14)
    assert [reason for _, reason, _, _ in owed_actions([contact(1, met)], TODAY)] == [
        Reason.THANK_YOU_OWED,
        Reason.FOLLOW_UP_DUE,
    ]
    assert [reason for _, reason, _, _ in owed_actions([contact(1, met + timedelta(days=1))], TODAY)] == [
        Reason.THANK_YOU_OWED
    ]


def test_logging_the_thank_you_and_the_follow_up_closes_them() -> None:
    met = TODAY - timedelta(days=20)
    contacts = [contact(1, met), contact(1, met + timedelta(days=1), "thank_you", Direction.GAVE)]
    assert [reason for _, reason, _, _ in owed_actions(contacts, TODAY)] == [Reason.FOLLOW_UP_DUE]
    contacts.append(contact(1, TODAY, "follow_up", Direction.GAVE))
    assert owed_actions(contacts, TODAY) == []


def test_what_you_gave_or_a_plain_message_owes_nothing_and_old_debts_lapse() -> None:
    assert owed_actions([contact(1, TODAY, "coffee", Direction.GAVE)], TODAY) == []
    assert owed_actions([contact(1, TODAY, "message", Direction.ASKED)], TODAY) == []
    assert owed_actions([contact(1, TODAY, "advice", Direction.SOCIAL)], TODAY) == []
    assert owed_actions([contact(1, TODAY - timedelta(days=61))], TODAY) == []
    assert [r for _, r, _, _ in owed_actions([contact(1, TODAY - timedelta(days=31))], TODAY)] == [
        Reason.FOLLOW_UP_DUE
    ]


def test_a_contact_logged_ahead_owes_nothing_yet() -> None:
    assert owed_actions([contact(1, TODAY + timedelta(days=3))], TODAY) == []


# Occasions -------------------------------------------------------------------------------------


def test_29_february_falls_on_28_february_in_other_years() -> None:
    leap_day = PartialDate(month=2, day=29)
    assert anniversary_on_or_after(leap_day, date(2027, 2, 1)) == date(2027, 2, 28)
    assert anniversary_on_or_after(leap_day, date(2028, 2, 1)) == date(2028, 2, 29)
    assert anniversary_on_or_after(leap_day, date(2027, 3, 1)) == date(2028, 2, 29)


def test_a_birthday_with_or_without_a_year_shows_from_a_week_ahead_to_the_day() -> None:
    no_year = person(1, birthday=PartialDate(month=11, day=29))
    with_year = person(2, birthday=PartialDate(month=11, day=22, year=1990))
    assert occasions_of(no_year, SETTINGS, TODAY) == [(date(2026, 11, 29), {"occasion": "birthday"})]
    assert occasions_of(no_year, SETTINGS, TODAY - timedelta(days=1)) == []
    assert occasions_of(with_year, SETTINGS, TODAY) == [(TODAY, {"occasion": "birthday", "age": 36})]
    assert occasions_of(with_year, SETTINGS, TODAY + timedelta(days=1)) == []


def test_work_anniversaries_new_jobs_and_chosen_holidays() -> None:
    started = person(1, dates=(("started", PartialDate(month=11, day=25, year=2021)),))
    assert occasions_of(started, SETTINGS, TODAY) == [
        (date(2026, 11, 25), {"occasion": "work_anniversary", "years": 5})
    ]
    moved = person(2, new_job_seen_on=TODAY - timedelta(days=3), new_organisation="Maple Health")
    assert occasions_of(moved, SETTINGS, TODAY)[0][1] == {
        "occasion": "new_job",
        "organisation": "Maple Health",
    }
    congratulated = person(
        2, new_job_seen_on=TODAY - timedelta(days=3), last_contact=TODAY - timedelta(days=1)
    )
    assert occasions_of(congratulated, SETTINGS, TODAY) == []
    cards = TendingSettings(holidays=("hanukkah", "christmas"))
    inner = person(3, tier=Tier.INNER)
    assert occasions_of(inner, cards, date(2026, 12, 1)) == [
        (date(2026, 12, 5), {"occasion": "holiday", "holiday": "hanukkah"})
    ]
    assert occasions_of(person(4, tier=Tier.CASUAL), cards, date(2026, 12, 1)) == []


@pytest.mark.parametrize(
    ("code", "year", "expected"),
    [
        ("easter", 2026, date(2026, 4, 5)),
        ("orthodox_easter", 2026, date(2026, 4, 12)),
        ("easter", 2024, date(2024, 3, 31)),
        ("orthodox_easter", 2024, date(2024, 5, 5)),
        ("rosh_hashanah", 2025, date(2025, 9, 23)),
        ("rosh_hashanah", 2026, date(2026, 9, 12)),
        ("hanukkah", 2024, date(2024, 12, 26)),
        ("hanukkah", 2025, date(2025, 12, 15)),
        ("thanksgiving_canada", 2026, date(2026, 10, 12)),
        ("thanksgiving_us", 2026, date(2026, 11, 26)),
        ("mothers_day", 2026, date(2026, 5, 10)),
    ],
)
def test_rule_based_holidays_fall_on_their_published_dates(code: str, year: int, expected: date) -> None:
    assert BY_CODE[code].on(year) == expected
    assert next_on(code, date(year, 1, 1)) == expected


# Today -----------------------------------------------------------------------------------------


def test_owed_actions_come_first_then_occasions_then_the_most_overdue_relative_to_rhythm() -> None:
    people = [
        person(1, "Ana", tier=Tier.CASUAL, last_contact=TODAY - timedelta(days=400)),  # 1.22 past
        person(2, "Ben", tier=Tier.INNER, last_contact=TODAY - timedelta(days=90)),  # 2.0 past
        person(3, "Cy", birthday=PartialDate(month=11, day=24)),
        person(4, "Di", last_contact=TODAY - timedelta(days=1)),
    ]
    items = tend_today(people, [contact(4, TODAY - timedelta(days=1))], SETTINGS, TODAY)
    assert [(item.name, item.reason) for item in items] == [
        ("Di", Reason.THANK_YOU_OWED),
        ("Cy", Reason.OCCASION),
        ("Ben", Reason.OVERDUE),
        ("Ana", Reason.OVERDUE),
    ]


def test_someone_you_only_asked_gets_give_before_ask() -> None:
    taker = person(1, tier=Tier.INNER, last_contact=TODAY - timedelta(days=40), asked=2)
    balanced = person(2, tier=Tier.INNER, last_contact=TODAY - timedelta(days=40), asked=2, gave=1)
    items = tend_today([taker, balanced], [], SETTINGS, TODAY)
    assert {item.person_id: item.reason for item in items} == {1: Reason.GIVE_BEFORE_ASK, 2: Reason.OVERDUE}


def test_reconnect_lasts_until_a_contact_after_joining_the_list() -> None:
    waiting = person(1, tier=Tier.DORMANT, last_contact=date(2024, 1, 1), reconnect_since=date(2026, 11, 1))
    assert [item.reason for item in tend_today([waiting], [], SETTINGS, TODAY)] == [Reason.RECONNECT]
    done = person(1, tier=Tier.DORMANT, last_contact=date(2026, 11, 10), reconnect_since=date(2026, 11, 1))
    assert tend_today([done], [], SETTINGS, TODAY) == []


def test_a_snooze_hides_until_the_day_after_it_ends_and_a_dismissal_hides_one_item() -> None:
    due = person(1, tier=Tier.INNER, last_contact=TODAY - timedelta(days=45))
    until = TODAY + timedelta(days=7)
    assert tend_today([due], [], SETTINGS, TODAY, snoozed={1: until}) == []
    assert tend_today([due], [], SETTINGS, until, snoozed={1: until}) == []
    assert len(tend_today([due], [], SETTINGS, until + timedelta(days=1), snoozed={1: until})) == 1
    (item,) = tend_today([due], [], SETTINGS, TODAY)
    assert (
        tend_today([due], [], SETTINGS, TODAY, dismissed=frozenset({(1, item.reason.value, item.due)})) == []
    )


def test_one_item_per_person_and_the_rhythm_part_is_capped() -> None:
    many = [person(i, tier=Tier.INNER, last_contact=TODAY - timedelta(days=30 + i)) for i in range(1, 16)]
    items = tend_today(many, [contact(1, TODAY)], TendingSettings(today_size=5), TODAY)
    assert [item.person_id for item in items][:1] == [1]
    assert items[0].reason is Reason.THANK_YOU_OWED
    assert len(items) == 6 and len({item.person_id for item in items}) == 6
