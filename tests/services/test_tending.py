"""Today from a stored network, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from orchardist.domain.interactions import Direction
from orchardist.domain.people import NamedDate, PartialDate, Person, Tier
from orchardist.services import tending
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person


def test_today_ranks_owed_actions_occasions_and_the_overdue(
    today: date, network: Network, other_network: Network
) -> None:
    mentor = add_person(network, Person(display_name="Ana Silva", tier=Tier.INNER))
    friend = add_person(
        network, Person(display_name="Ben Okafor", birthday=PartialDate(month=today.month, day=today.day))
    )
    quiet = add_person(network, Person(display_name="Cy Roy", tier=Tier.INNER))
    taker = add_person(network, Person(display_name="Di Chen", tier=Tier.INNER))
    add_person(other_network, Person(display_name="Someone Else", tier=Tier.INNER))
    log_interaction(
        network, [mentor.id or 0], direction=Direction.ASKED, kind="coffee", summary="Advice", on=today
    )
    log_interaction(
        network,
        [quiet.id or 0],
        direction=Direction.SOCIAL,
        kind="call",
        summary="x",
        on=today - timedelta(days=70),
    )
    log_interaction(
        network,
        [taker.id or 0],
        direction=Direction.ASKED,
        kind="message",
        summary="y",
        on=today - timedelta(days=40),
    )
    entries = tending.today(network, today)
    assert [(entry.item.name, entry.item.reason.value) for entry in entries] == [
        ("Ana Silva", "thank_you_owed"),
        ("Ben Okafor", "occasion"),
        ("Cy Roy", "overdue"),
        ("Di Chen", "give_before_ask"),
    ]
    first = entries[0].to_dict()
    assert first["person_id"] == mentor.id and first["due"] == (today + timedelta(days=2)).isoformat()
    assert first["why"] and first["action"]
    assert friend.id is not None
    log_interaction(
        network, [mentor.id or 0], direction=Direction.GAVE, kind="thank you", summary="Thanks", on=today
    )
    assert "Ana Silva" not in [entry.item.name for entry in tending.today(network, today)]
    assert [entry.item.name for entry in tending.today(other_network, today)] == []


def test_snoozes_dismissals_and_the_reconnect_list_shape_today(
    today: date, network: Network, other_network: Network
) -> None:
    import pytest

    from orchardist.services.errors import InputRefused, NotFound
    from orchardist.services.reconnecting import add_to_reconnect, reconnect_list, remove_from_reconnect
    from orchardist.services.tending import dismiss, snooze, standing_of

    old = today - timedelta(days=400)
    due = add_person(network, Person(display_name="Ana Silva", tier=Tier.INNER))
    log_interaction(network, [due.id or 0], direction=Direction.GAVE, kind="article", summary="x", on=old)
    quiet = add_person(network, Person(display_name="Ben Roy", tier=Tier.DORMANT))
    log_interaction(network, [quiet.id or 0], direction=Direction.ASKED, kind="advice", summary="y", on=old)
    bob = add_person(other_network, Person(display_name="Bob"))

    assert [entry.item.reason.value for entry in tending.today(network, today)] == ["overdue"]
    snooze(network, due.id or 0, today + timedelta(days=6), on=today)
    assert tending.today(network, today) == []
    assert [entry.item.name for entry in tending.today(network, today + timedelta(days=7))] == ["Ana Silva"]
    (item,) = [entry.item for entry in tending.today(network, today + timedelta(days=7))]
    dismiss(network, due.id or 0, item.reason.value, item.due)
    assert tending.today(network, today + timedelta(days=7)) == []

    assert add_to_reconnect(network, quiet.id or 0, on=today).added
    assert not add_to_reconnect(network, quiet.id or 0).added
    assert [(entry.person_id, entry.name, entry.since) for entry in reconnect_list(network)] == [
        (quiet.id, "Ben Roy", today)
    ]
    assert [(e.item.name, e.item.reason.value) for e in tending.today(network, today)] == [
        ("Ben Roy", "reconnect")
    ]
    assert remove_from_reconnect(network, quiet.id or 0) and reconnect_list(network) == []

    standing = standing_of(network, due.id or 0)
    assert standing.ledger == {"gave": 1, "asked": 0, "mutual": 0, "social": 0}
    assert standing.next_due == old + timedelta(days=30)
    assert standing_of(network, quiet.id or 0).next_due is None

    with pytest.raises(InputRefused, match="past"):
        snooze(network, due.id or 0, today - timedelta(days=1), on=today)
    with pytest.raises(InputRefused, match="unknown reason"):
        dismiss(network, due.id or 0, "whatever", today)
    for refused in (
        lambda: snooze(network, bob.id or 0, today, on=today),
        lambda: add_to_reconnect(network, bob.id or 0),
        lambda: standing_of(network, bob.id or 0),
        lambda: dismiss(network, bob.id or 0, "overdue", today),
    ):
        with pytest.raises(NotFound):
            refused()


def test_reading_only_the_candidates_gives_the_same_list_as_reading_everyone(
    today: date, network: Network
) -> None:
    import random

    from orchardist.domain.rhythm import TendingSettings
    from orchardist.domain.tending import tend_today
    from orchardist.services.tending import snooze

    rng = random.Random(7)
    tiers = [Tier.INNER, Tier.ACTIVE, Tier.CASUAL, Tier.DORMANT]
    ids = []
    for index in range(60):
        added = add_person(
            network,
            Person(
                display_name=f"Person {index:02d}",
                tier=rng.choice(tiers),
                every_days=rng.choice([None, None, None, 10]),
                birthday=PartialDate(month=today.month, day=today.day) if index % 17 == 0 else None,
                dates=(NamedDate("Started", PartialDate(month=today.month, day=today.day, year=2020)),)
                if index % 13 == 0
                else (NamedDate("connected", PartialDate(month=1, day=2, year=2020)),),
            ),
        )
        ids.append(added.id or 0)
        if rng.random() < 0.7:
            kind, direction = rng.choice(
                [("coffee", Direction.ASKED), ("article", Direction.GAVE), ("call", Direction.SOCIAL)]
            )
            on = today - timedelta(days=rng.randrange(400))
            log_interaction(network, [added.id or 0], direction=direction, kind=kind, summary="x", on=on)
    for person_id in ids[:5]:
        snooze(network, person_id, today + timedelta(days=3), on=today)
    settings = TendingSettings(today_size=8)
    fast = [entry.item for entry in tending.today(network, today, settings=settings)]
    with network.reading() as unit:
        everyone = unit.tending.tended_people(today)
        contacts = unit.tending.recent_contacts(today)
        holds = unit.tending.snoozed_until(today)
    slow = tend_today(everyone, contacts, settings, today, snoozed=holds)
    assert [(i.person_id, i.reason, i.due) for i in fast] == [(i.person_id, i.reason, i.due) for i in slow]
    assert len(fast) >= 8
    assert any(item.detail.get("occasion") == "work_anniversary" for item in fast)


def test_losing_touch_from_the_candidates_matches_reading_everyone(today: date, network: Network) -> None:
    import random

    from orchardist.domain.rhythm import TendingSettings, is_losing_touch
    from orchardist.domain.rhythm import standing as rhythm_standing
    from orchardist.services.tending import losing_touch

    rng = random.Random(11)
    for index in range(50):
        added = add_person(
            network,
            Person(
                display_name=f"Person {index:02d}",
                tier=rng.choice([Tier.INNER, Tier.ACTIVE, Tier.CASUAL, Tier.DORMANT]),
                every_days=rng.choice([None, None, 20]),
            ),
        )
        if rng.random() < 0.8:
            on = today - timedelta(days=rng.randrange(500))
            log_interaction(
                network, [added.id or 0], direction=Direction.SOCIAL, kind="call", summary="x", on=on
            )
    settings = TendingSettings()
    with network.reading() as unit:
        everyone = unit.tending.tended_people(today)
    expected = []
    for person in everyone:
        where = rhythm_standing(
            person.person_id,
            person.tier,
            person.every_days,
            person.last_contact,
            person.added_on,
            settings,
            today,
        )
        if where is not None and is_losing_touch(where, person.tier):
            expected.append((-where.overdue_ratio, person.name.casefold(), person.person_id))
    expected.sort()
    for limit in (3, 7, 100):
        found = [item.person_id for item in losing_touch(network, today, settings=settings, limit=limit)]
        assert found == [person_id for *_key, person_id in expected[:limit]]
    assert len(expected) > 7
