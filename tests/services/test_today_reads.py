"""Today reads only what can be due, and its list is the one the rules give when everyone is read.

Each case is checked against the reference: ``tend_today`` over every person of the network and every
recent contact. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchardist.domain import tending as rules
from orchardist.domain.holidays import BY_CODE
from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.people import NamedDate, PartialDate, Person, Tier
from orchardist.domain.rhythm import TendingSettings
from orchardist.domain.tending import TodayItem, tend_today
from orchardist.services import tending
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.tending import dismiss, snooze
from orchardist.store.engine import Store
from orchardist.store.spaces import create_space
from tests.conftest import wait_out_midnight

KINDS = ["coffee", "call", "advice", "introduction", "favour", "thank_you", "follow_up", "message", "article"]


def _fast(network: Network, settings: TendingSettings, on: date) -> list[tuple[object, ...]]:
    return [_key(entry.item) for entry in tending.today(network, on, settings=settings)]


def _reference(network: Network, settings: TendingSettings, on: date) -> list[tuple[object, ...]]:
    with network.reading() as unit:
        everyone = unit.tending.tended_people(on, reconnect=unit.tending.reconnect_since())
        contacts = unit.tending.recent_contacts(on)
        holds = unit.tending.snoozed_until(on)
        gone = unit.tending.dismissed()
    return [
        _key(item) for item in tend_today(everyone, contacts, settings, on, snoozed=holds, dismissed=gone)
    ]


def _key(item: TodayItem) -> tuple[object, ...]:
    return (item.person_id, str(item.reason), item.due, dict(item.detail))


@dataclass(frozen=True)
class Sketch:
    """A small network: people, contacts (person, days ago, kind, direction, another person), snoozes
    and dismissals (person, days from today), the reconnect list, and what the user chose."""

    people: list[tuple[Tier, int | None, int | None, bool]]  # tier, own rhythm, birthday in days, work date
    contacts: list[tuple[int, int, str, Direction, int | None]]
    snoozed: list[tuple[int, int]]
    dismissed: list[tuple[int, int, str]]
    reconnect: list[tuple[int, int]]
    today_size: int
    holidays: tuple[str, ...]
    most: int


@st.composite
def sketches(draw: st.DrawFn) -> Sketch:
    count = draw(st.integers(1, 14))
    person = st.integers(0, count - 1)
    return Sketch(
        people=draw(
            st.lists(
                st.tuples(
                    st.sampled_from(list(Tier)),
                    st.none() | st.sampled_from([1, 7, 20, 400]),
                    st.none() | st.integers(-3, 12),
                    st.booleans(),
                ),
                min_size=count,
                max_size=count,
            )
        ),
        contacts=draw(
            st.lists(
                st.tuples(
                    person,
                    st.integers(-2, 75),
                    st.sampled_from(KINDS),
                    st.sampled_from(list(Direction)),
                    st.none() | person,
                ),
                max_size=30,
            )
        ),
        snoozed=draw(st.lists(st.tuples(person, st.integers(-2, 3)), max_size=3)),
        dismissed=draw(
            st.lists(
                st.tuples(person, st.integers(-50, 5), st.sampled_from(["thank_you_owed", "follow_up_due"])),
                max_size=4,
            )
        ),
        reconnect=draw(st.lists(st.tuples(person, st.integers(0, 40)), max_size=2)),
        today_size=draw(st.integers(1, 4)),
        holidays=draw(st.sampled_from([(), ("new_year",), tuple(sorted(BY_CODE))])),
        most=draw(st.integers(1, 6)),
    )


def _store_sketch(store: Store, sketch: Sketch, on: date) -> Network:
    """The sketch as a network of its own (one space per example, in the test's store), on day ``on``."""
    with store.write() as conn:
        network = Network(store, create_space(conn, "example").id)
    people = []
    for index, (tier, every_days, birthday_in, work_date) in enumerate(sketch.people):
        birthday = on + timedelta(days=birthday_in) if birthday_in is not None else None
        started = on + timedelta(days=(index % 9) - 1)
        people.append(
            Person(
                # Names in the order of the ids: people who tie are then read and ranked alike.
                display_name=f"Person {index:03d}",
                tier=tier,
                every_days=every_days,
                birthday=PartialDate(birthday.month, birthday.day, 1990) if birthday else None,
                dates=(NamedDate("started", PartialDate(started.month, started.day, 2015)),)
                if work_date
                else (),
            )
        )
    with network.writing() as unit:
        ids = unit.people.add_many(people)
        unit.interactions.add_many(
            [
                Interaction(
                    on=on - timedelta(days=back),
                    direction=direction,
                    kind=kind,
                    summary="x",
                    person_ids=tuple(dict.fromkeys([ids[who]] + ([ids[other]] if other is not None else []))),
                )
                for who, back, kind, direction, other in sketch.contacts
            ]
        )
        for who, days in sketch.snoozed:
            unit.tending.snooze(ids[who], on + timedelta(days=days))
        for who, days, reason in sketch.dismissed:
            unit.tending.dismiss(ids[who], reason, on + timedelta(days=days))
        for who, days in sketch.reconnect:
            unit.tending.add_to_reconnect(ids[who], on - timedelta(days=days))
    return network


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sketch=sketches())
def test_today_is_the_list_reading_everyone_gives(
    store: Store, monkeypatch: pytest.MonkeyPatch, sketch: Sketch
) -> None:
    # Read for each example: the examples of one test may run on past midnight.
    today = wait_out_midnight(datetime.now, time.sleep)
    # A short cap, so that the owed actions fill the list and Today stops reading them early.
    monkeypatch.setattr(rules, "MAX_ITEMS", sketch.most)
    network = _store_sketch(store, sketch, today)
    choice = TendingSettings(today_size=sketch.today_size, holidays=sketch.holidays)
    assert _fast(network, choice, today) == _reference(network, choice, today)


def _met(network: Network, today: date, person: int, days_ago: int, kind: str = "coffee") -> None:
    log_interaction(
        network,
        [person],
        direction=Direction.ASKED,
        kind=kind,
        summary="x",
        on=today - timedelta(days=days_ago),
    )


def test_owed_actions_at_the_edges_of_their_windows(today: date, network: Network) -> None:
    ids = {
        days: add_person(network, Person(display_name=f"Met {days:02d} days ago", tier=Tier.DORMANT)).id or 0
        for days in (0, 13, 14, 30, 31, 60, 61)
    }
    for days, person in ids.items():
        _met(network, today, person, days)
    found = [(item[0], item[1], item[2]) for item in _fast(network, TendingSettings(), today)]
    assert found == [
        (ids[60], "follow_up_due", today - timedelta(days=46)),
        (ids[30], "thank_you_owed", today - timedelta(days=28)),
        (ids[31], "follow_up_due", today - timedelta(days=17)),
        (ids[14], "thank_you_owed", today - timedelta(days=12)),
        (ids[13], "thank_you_owed", today - timedelta(days=11)),
        (ids[0], "thank_you_owed", today + timedelta(days=2)),
    ]
    assert _fast(network, TendingSettings(), today) == _reference(network, TendingSettings(), today)
    # A thank-you on the day closes the thank-you; one the day before does not.
    for person_id, days_ago in ((ids[13], 13), (ids[0], 1)):
        on = today - timedelta(days=days_ago)
        log_interaction(network, [person_id], direction=Direction.GAVE, kind="thank_you", summary="x", on=on)
    names = [item[0] for item in _fast(network, TendingSettings(), today)]
    assert ids[13] not in names and ids[0] in names


def test_snoozed_and_dismissed_at_the_boundaries(today: date, network: Network) -> None:
    ana = add_person(network, Person(display_name="Ana", tier=Tier.DORMANT)).id or 0
    ben = add_person(network, Person(display_name="Ben", tier=Tier.DORMANT)).id or 0
    cy = add_person(network, Person(display_name="Cy", tier=Tier.INNER)).id or 0
    _met(network, today, ana, 20)  # a thank-you due 18 days ago, then a follow-up due 6 days ago
    _met(network, today, ben, 1)
    log_interaction(  # due by the inner rhythm today, on the due day itself
        network, [cy], direction=Direction.SOCIAL, kind="message", summary="x", on=today - timedelta(days=30)
    )
    assert [(item[0], item[1]) for item in _fast(network, TendingSettings(), today)] == [
        (ana, "thank_you_owed"),
        (ben, "thank_you_owed"),
        (cy, "overdue"),
    ]
    snooze(network, ben, today, on=today)  # through today: hidden today, back tomorrow
    assert ben not in [item[0] for item in _fast(network, TendingSettings(), today)]
    assert ben in [item[0] for item in _fast(network, TendingSettings(), today + timedelta(days=1))]
    dismiss(network, ana, "thank_you_owed", today - timedelta(days=18))  # the next one shows
    assert [(item[0], item[1], item[2]) for item in _fast(network, TendingSettings(), today)] == [
        (ana, "follow_up_due", today - timedelta(days=6)),
        (cy, "overdue", today),
    ]
    assert _fast(network, TendingSettings(), today - timedelta(days=1)) == _reference(
        network, TendingSettings(), today - timedelta(days=1)
    )
    assert cy not in [item[0] for item in _fast(network, TendingSettings(), today - timedelta(days=1))]


def test_more_owed_than_the_list_holds(today: date, network: Network) -> None:
    """Seventy people owed on days spread over the windows, some twice, some hidden: the first fifty
    people by due day and name, read without reading the rest."""
    import random

    rng = random.Random(5)
    people = [
        add_person(network, Person(display_name=f"Owed {index:03d}", tier=Tier.DORMANT)).id or 0
        for index in range(70)
    ]
    for person in people:
        for _ in range(rng.choice([1, 1, 2])):
            _met(network, today, person, rng.randrange(61), kind=rng.choice(["coffee", "advice", "call"]))
    for person in rng.sample(people, 6):
        snooze(network, person, today + timedelta(days=2), on=today)
    listed = _fast(network, TendingSettings(), today)
    for person, reason, due, _detail in rng.sample(listed, 5):
        dismiss(network, int(str(person)), str(reason), due)  # type: ignore[arg-type]
    listed = _fast(network, TendingSettings(), today)
    assert len(listed) == rules.MAX_ITEMS
    assert listed == _reference(network, TendingSettings(), today)


def test_birthdays_of_the_week_are_read_on_both_databases(today: date, network: Network) -> None:
    """Birthdays kept with and without a year, at the ends of the week ahead and just outside it."""
    inside, outside = [], []
    for offset in (-1, 0, 3, 7, 8):
        day = today + timedelta(days=offset)
        for year in (None, 1980):
            person = add_person(
                network,
                Person(
                    display_name=f"Born {offset} {year}",
                    tier=Tier.DORMANT,
                    birthday=PartialDate(day.month, day.day, year),
                ),
            )
            (inside if 0 <= offset <= 7 else outside).append(person.id)
    with network.reading() as unit:
        read = {
            person.person_id
            for person in unit.tending.today_candidates(
                today, TendingSettings(), wanted=1, occasions=(today, today + rules.OCCASION_AHEAD)
            )
        }
        without = unit.tending.today_candidates(today, TendingSettings(), wanted=1)
        a_year = unit.tending.today_candidates(
            today, TendingSettings(), wanted=1, occasions=(today, today + timedelta(days=370))
        )
    assert set(inside) <= read and not set(outside) & read
    assert {person.person_id for person in a_year} == set(inside) | set(outside)
    assert without == []
    assert _fast(network, TendingSettings(), today) == _reference(network, TendingSettings(), today)


def test_someone_with_a_rhythm_of_their_own_leaves_the_tiers_place_to_someone_due(
    today: date, network: Network
) -> None:
    """The longest untended of the tier has a long rhythm of their own and is not due: the next one is."""
    own = add_person(network, Person(display_name="Own rhythm", tier=Tier.INNER, every_days=400)).id or 0
    due = add_person(network, Person(display_name="Due", tier=Tier.INNER)).id or 0
    for person, days_ago in ((own, 100), (due, 40)):
        log_interaction(
            network,
            [person],
            direction=Direction.SOCIAL,
            kind="message",
            summary="x",
            on=today - timedelta(days=days_ago),
        )
    choice = TendingSettings(today_size=1)
    assert [item[0] for item in _fast(network, choice, today)] == [due]
    assert _fast(network, choice, today) == _reference(network, choice, today)
