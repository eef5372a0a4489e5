"""Working through Today: a page of it, snoozing several at once, undoing, and a person's Today status."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services import tending, triage
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.tending import (
    TodayStatus,
    dismiss,
    end_snooze,
    snooze_many,
    standing_of,
    undismiss,
)


def _overdue(network: Network, today: date, count: int) -> list[int]:
    ids = []
    for number in range(count):
        person = add_person(network, Person(display_name=f"Person {number:02d}", tier=Tier.INNER))
        log_interaction(
            network,
            [person.id or 0],
            direction=Direction.GAVE,
            kind="article",
            summary="x",
            on=today - timedelta(days=200 + number),
        )
        ids.append(person.id or 0)
    return ids


def test_a_page_of_today_words_only_the_cards_it_shows(
    today: date, network: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    _overdue(network, today, 12)
    worded: list[int] = []
    original = triage.describe

    def counting(item, _=None):  # type: ignore[no-untyped-def]
        worded.append(item.person_id)
        return original(item) if _ is None else original(item, _)

    monkeypatch.setattr(triage, "describe", counting)
    view = triage.today_view(network, today, shown=5)
    assert len(worded) == 5 and view.shown == 5 and view.more == 5  # today_size is 10
    assert [total.count for total in view.totals] == [10]
    assert view.to_dict()["totals"] == {"overdue": 10}
    with pytest.raises(InputRefused):
        triage.today_view(network, today, reason="nonsense")
    with pytest.raises(InputRefused):
        triage.today_view(network, today, shown=0)


def test_several_are_snoozed_in_one_go_or_none_and_the_snooze_can_end_early(
    today: date, network: Network, other_network: Network
) -> None:
    ids = _overdue(network, today, 3)
    bob = add_person(other_network, Person(display_name="Bob")).id or 0
    with pytest.raises(NotFound):
        snooze_many(network, [ids[0], bob], today + timedelta(days=7))
    assert len(tending.today(network, today)) == 3
    snoozed = snooze_many(network, ids[:2], today + timedelta(days=7))
    assert [(s.person_id, s.name) for s in snoozed] == [(ids[0], "Person 00"), (ids[1], "Person 01")]
    assert [e.item.person_id for e in tending.today(network, today)] == [ids[2]]
    assert standing_of(network, ids[0]).today is TodayStatus.SNOOZED
    assert standing_of(network, ids[0]).snoozed_until == today + timedelta(days=7)
    assert end_snooze(network, ids) == ids[:2]
    assert len(tending.today(network, today)) == 3
    assert standing_of(network, ids[0]).today is TodayStatus.DUE
    with pytest.raises(InputRefused):
        snooze_many(network, [], today)
    with pytest.raises(NotFound):
        end_snooze(network, [bob])


def test_a_dismissal_is_undone(today: date, network: Network) -> None:
    (person,) = _overdue(network, today, 1)
    (entry,) = tending.today(network, today)
    dismiss(network, person, "overdue", entry.item.due)
    assert tending.today(network, today) == []
    assert standing_of(network, person).today is TodayStatus.DISMISSED
    assert undismiss(network, person, "overdue", entry.item.due) is True
    assert undismiss(network, person, "overdue", entry.item.due) is False
    assert [e.item.person_id for e in tending.today(network, today)] == [person]


def test_someone_within_their_rhythm_is_due_later(network: Network) -> None:
    person = add_person(network, Person(display_name="New", tier=Tier.INNER)).id or 0
    standing = standing_of(network, person)
    assert standing.today is TodayStatus.LATER and standing.next_due is not None
    dormant = add_person(network, Person(display_name="Asleep", tier=Tier.DORMANT)).id or 0
    assert standing_of(network, dormant).today is TodayStatus.DORMANT
