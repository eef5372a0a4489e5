"""Progress from a stored network, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.duplicates import merge
from orchardist.services.errors import InputRefused
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.progress import progress
from orchardist.services.settings import update

ON = date(2026, 12, 3)  # a Thursday
MONDAY = date(2026, 11, 30)


def _add(network: Network, name: str, added: date) -> int:
    with time_machine.travel(datetime(added.year, added.month, added.day, 12, tzinfo=UTC), tick=False):
        person = add_person(network, Person(display_name=name))
    assert person.id is not None
    return person.id


def _log(network: Network, ids: list[int], on: date, direction: Direction, kind: str = "message") -> None:
    log_interaction(network, ids, direction=direction, kind=kind, summary="x", on=on)


def test_the_weeks_the_goal_and_the_ledger(network: Network, other_network: Network) -> None:
    old_friend = _add(network, "Ana Silva", date(2025, 1, 10))
    recent = _add(network, "Ben Roy", MONDAY - timedelta(days=30))
    newcomer = _add(network, "Cy Chen", MONDAY + timedelta(days=1))
    quiet = _add(network, "Di Okafor", date(2025, 1, 10))
    _log(network, [old_friend], ON - timedelta(days=200), Direction.ASKED)
    _log(network, [quiet], ON - timedelta(days=300), Direction.GAVE)  # outside the weeks
    # This week: a reconnection with Ana, a give and thank-you to two, Cy's first contact.
    _log(network, [old_friend], MONDAY, Direction.SOCIAL, "greeting")
    _log(network, [old_friend, recent], ON, Direction.GAVE, "thank_you")
    _log(network, [newcomer], ON, Direction.ASKED, "advice")
    # Last week: Ben's first contact, 23 days after he was added: no reconnection.
    _log(network, [recent], MONDAY - timedelta(days=7), Direction.MUTUAL, "coffee")
    update(network, {"weekly_goal": 3})
    # Another network's activity shows nowhere.
    stranger = _add(other_network, "Eve Stone", date(2025, 1, 10))
    _log(other_network, [stranger], ON, Direction.GAVE, "thank_you")

    found = progress(network, ON)
    assert len(found.weeks) == 12 and found.weeks[0].start == MONDAY - timedelta(weeks=11)
    week = found.this_week
    assert (week.start, week.end) == (MONDAY, MONDAY + timedelta(days=6))
    assert (week.reconnections, week.gives, week.asks, week.thank_yous) == (1, 2, 1, 2)
    assert (week.new_people, week.tended) == (1, 3)
    last = found.weeks[-2]
    assert (last.tended, last.reconnections, last.new_people) == (1, 0, 0)
    assert sum(w.new_people for w in found.weeks) == 2  # Ben and Cy; Ana and Di came long before
    assert found.goal == 3 and found.goal_met
    ledger = found.ledger
    assert (ledger.gave, ledger.asked, ledger.mutual, ledger.social) == (3, 2, 1, 1)
    assert ledger.balance == 1 and ledger.last_give == ON

    data = found.to_dict()
    assert data["date"] == "2026-12-03" and data["goal"] == 3 and data["goal_met"] is True
    assert data["this_week"] == data["weeks"][-1] and data["this_week"]["tended"] == 3
    assert data["ledger"]["balance"] == 1 and data["ledger"]["last_give"] == "2026-12-03"

    theirs = progress(other_network, ON)
    assert theirs.this_week.tended == 1 and theirs.this_week.new_people == 0
    assert (theirs.ledger.gave, theirs.ledger.asked) == (1, 0)


def test_the_reconnection_edge_reads_the_contact_before_the_weeks(network: Network) -> None:
    at_89 = _add(network, "Ana Silva", date(2024, 1, 1))
    at_90 = _add(network, "Ben Roy", date(2024, 1, 1))
    _log(network, [at_89], ON - timedelta(days=89), Direction.SOCIAL)
    _log(network, [at_90], ON - timedelta(days=90), Direction.SOCIAL)
    _log(network, [at_89, at_90], ON, Direction.SOCIAL)
    assert progress(network, ON, weeks=1).this_week.reconnections == 1
    # With the earlier contacts inside a longer window, the answer is the same.
    assert progress(network, ON, weeks=20).this_week.reconnections == 1


def test_an_empty_network_and_no_goal(network: Network) -> None:
    update(network, {"weekly_goal": 0})
    found = progress(network, ON, weeks=4)
    assert [w.tended for w in found.weeks] == [0, 0, 0, 0]
    assert found.goal == 0 and not found.goal_met
    assert found.ledger.to_dict() == {
        "gave": 0,
        "asked": 0,
        "mutual": 0,
        "social": 0,
        "balance": 0,
        "last_give": None,
    }


def test_the_goal_defaults_to_the_setting(network: Network) -> None:
    assert progress(network, ON).goal == 5


@pytest.mark.parametrize("weeks", [0, 105])
def test_the_number_of_weeks_is_refused_out_of_range(network: Network, weeks: int) -> None:
    with pytest.raises(InputRefused, match="weeks"):
        progress(network, ON, weeks=weeks)


def test_kept_figures_follow_every_change(network: Network) -> None:
    from orchardist.services.people import delete_person

    ana = add_person(network, Person(display_name="Ana Silva")).id or 0
    twin = add_person(network, Person(display_name="Ana Silva")).id or 0
    assert progress(network, ON).this_week.tended == 0
    log_interaction(network, [ana], direction=Direction.GAVE, kind="article", summary="x", on=ON)
    assert progress(network, ON).this_week.gives == 1  # a new contact
    log_interaction(network, [twin], direction=Direction.ASKED, kind="call", summary="y", on=ON)
    assert progress(network, ON).this_week.tended == 2
    merge(network, ana, twin)
    assert progress(network, ON).this_week.tended == 1  # the merge: one person now
    delete_person(network, ana)
    week = progress(network, ON).this_week
    assert (week.tended, week.gives, week.asks) == (0, 0, 0)
    update(network, {"weekly_goal": 9})
    assert progress(network, ON).goal == 9
