"""Progress's weekly figures are kept as people and contacts are written; after every kind of write
they equal a full recount. On SQLite and PostgreSQL.

Two recounts check them: the kept rows against counting every stored contact again
(``WeeklyFigures.counted``), and the Progress view against ``weekly_counts`` over the stored
interactions, worked out here from ``interactions.all()`` and the day each person was added.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.domain.progress import Ledger, WeekCounts, week_starts, weekly_counts
from orchardist.domain.tending import Contact
from orchardist.services.capture import Encounter, capture_encounter
from orchardist.services.demo import load_demo, remove_demo
from orchardist.services.duplicates import merge
from orchardist.services.exporting import backup, export_network, restore
from orchardist.services.importing import import_file
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person, delete_person
from orchardist.services.progress import progress
from orchardist.store import figures
from orchardist.store.engine import Store
from orchardist.store.spaces import create_space
from tests.conftest import wait_out_midnight

KINDS = ["thank_you", "coffee", "message", "advice"]


def _recount(network: Network, on: date, weeks: int) -> tuple[list[WeekCounts], Ledger]:
    """Progress counted from scratch: every stored contact, as the rules count them."""
    starts = week_starts(on, weeks)
    with network.reading() as unit:
        added = {person.person_id: person.added_on for person in unit.tending.tended_people(on)}
        stored = unit.interactions.all()
        everyone = unit.people.all()
        reconnections = unit.records.reconnections()
    # The relationship started the day they connected, when that is before they were added.
    started = {
        person.id: connected
        for person in everyone
        if person.id is not None
        for item in person.dates
        if item.label == "connected" and item.date.year is not None
        if (connected := date(item.date.year, item.date.month, item.date.day)) < added[person.id]
    }
    listed: dict[int, frozenset[date]] = {}
    for record in reconnections:
        listed[record.person_id] = listed.get(record.person_id, frozenset()) | {record.on}
    contacts = [
        Contact(person_id, item.on, item.direction, item.kind)
        for item in stored
        for person_id in item.person_ids
    ]
    previous: dict[int, date] = {}
    for contact in contacts:
        if contact.on < starts[0] and previous.get(contact.person_id, date.min) < contact.on:
            previous[contact.person_id] = contact.on
    by_direction = Counter(contact.direction for contact in contacts)
    gives = [item.on for item in stored if item.direction is Direction.GAVE]
    ledger = Ledger(
        gave=by_direction[Direction.GAVE],
        asked=by_direction[Direction.ASKED],
        mutual=by_direction[Direction.MUTUAL],
        social=by_direction[Direction.SOCIAL],
        last_give=max(gives) if gives else None,
    )
    return weekly_counts(contacts, previous, added, starts, started=started, listed=listed), ledger


def assert_kept_as_counted(network: Network, today: date) -> None:
    with network.reading() as unit:
        kept = unit.progress.weeks(date(1900, 1, 1), date(2200, 1, 1))
        counted = unit.progress.figures.counted()
    assert kept == {week: tally for week, tally in counted.items() if any(tally)}
    for on, weeks in ((today, 12), (today, 104), (today - timedelta(days=200), 30)):
        shown = progress(network, on, weeks)
        assert (shown.weeks, shown.ledger) == _recount(network, on, weeks)


def _added(network: Network, today: date, name: str, days_ago: int) -> int:
    moment = datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), tzinfo=UTC)
    with time_machine.travel(moment + timedelta(hours=12), tick=False):
        return add_person(network, Person(display_name=name)).id or 0


writes = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(0, 400)),
        st.tuples(
            st.just("log"),
            st.lists(st.integers(0, 20), min_size=1, max_size=4),
            st.integers(0, 400),
            st.sampled_from(KINDS),
            st.sampled_from(list(Direction)),
        ),
        st.tuples(st.just("delete"), st.integers(0, 20)),
        st.tuples(st.just("merge"), st.integers(0, 20), st.integers(0, 20)),
        st.tuples(st.just("capture"), st.integers(0, 30)),
        st.tuples(st.just("demo"), st.booleans()),
    ),
    min_size=1,
    max_size=14,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=writes, track_at_most=st.sampled_from([figures.TRACK_AT_MOST, 1]))
def test_every_kind_of_write_keeps_the_figures_as_a_recount_gives(
    store: Store, monkeypatch: pytest.MonkeyPatch, steps: list[tuple[object, ...]], track_at_most: int
) -> None:
    # Read for each example: the examples of one test may run on past midnight.
    today = wait_out_midnight(datetime.now, time.sleep)
    # With a limit of one person, a contact with several people counts the whole network again.
    monkeypatch.setattr(figures, "TRACK_AT_MOST", track_at_most)
    with store.write() as conn:
        network = Network(store, create_space(conn, "example").id)
    people: list[int] = [_added(network, today, "First", 100)]
    for step in steps:
        match step:
            case ("add", int(days_ago)):
                people.append(_added(network, today, f"Person {len(people)}", days_ago))
            case ("log", list(who), int(days_ago), str(kind), Direction() as direction) if people:
                ids = sorted({people[index % len(people)] for index in who})
                on = today - timedelta(days=days_ago)
                log_interaction(network, ids, direction=direction, kind=kind, summary="x", on=on)
            case ("delete", int(index)) if len(people) > 1:
                delete_person(network, people.pop(index % len(people)))
            case ("merge", int(keep), int(other)) if len(people) > 1:
                kept, gone = people[keep % len(people)], people[other % len(people)]
                if kept != gone:
                    merge(network, kept, gone)
                    people.remove(gone)
            case ("capture", int(days_ago)):
                encounter = Encounter(who="Met at the bus stop", where="Bank Street")
                capture_encounter(network, encounter, on=today - timedelta(days=days_ago))
            case ("demo", True):
                load_demo(network, today)
            case ("demo", False):
                remove_demo(network)
        assert_kept_as_counted(network, today)


def test_an_import_and_a_json_restore_count_the_figures_again(
    today: date, network: Network, other_network: Network, tmp_path: Path
) -> None:
    ana = _added(network, today, "Ana Silva", 300)
    ben = _added(network, today, "Ben Roy", 10)
    for days_ago, direction in ((200, Direction.ASKED), (20, Direction.GAVE), (3, Direction.MUTUAL)):
        log_interaction(
            network,
            [ana, ben],
            direction=direction,
            kind="coffee",
            summary="x",
            on=today - timedelta(days=days_ago),
        )
    load_demo(other_network, today)
    saved = tmp_path / "backup.json"
    saved.write_bytes(export_network(network, "json"))
    # Into a network that has people of its own: matched, merged and added.
    import_file(other_network, saved)
    assert_kept_as_counted(other_network, today)
    import_file(other_network, saved)  # again: nothing twice
    assert_kept_as_counted(other_network, today)
    # A restore replaces everything.
    assert restore(other_network, saved) == "json"
    assert_kept_as_counted(other_network, today)
    assert progress(other_network).ledger == progress(network).ledger
    assert_kept_as_counted(network, today)


def test_restoring_a_copy_of_the_file_counts_the_figures_again(today: date, tmp_path: Path) -> None:
    from orchardist.services.network import open_network

    network = open_network(str(tmp_path / "orchardist.sqlite3"))
    try:
        ana = _added(network, today, "Ana Silva", 300)
        log_interaction(network, [ana], direction=Direction.GAVE, kind="article", summary="x", on=today)
        assert backup(network, tmp_path / "copy.sqlite3") == "sqlite"
        log_interaction(network, [ana], direction=Direction.ASKED, kind="advice", summary="y", on=today)
        assert restore(network, tmp_path / "copy.sqlite3") == "sqlite"
        assert progress(network).ledger.asked == 0
        assert_kept_as_counted(network, today)
    finally:
        network.close()


def test_a_first_contact_with_an_old_connection_and_one_off_the_reconnect_list_are_reconnections(
    today: date, network: Network, tmp_path: Path
) -> None:
    """LinkedIn's "Connected On" of 2010 makes a first contact today a reconnection, though the person was
    added today; someone added today and put on the reconnect list is reconnected by the contact that
    takes them off it. Both survive a recount, a merge and a backup restored elsewhere."""
    from orchardist.domain.people import NamedDate, PartialDate
    from orchardist.services.reconnecting import add_to_reconnect

    old = add_person(
        network,
        Person(
            display_name="Old Friend", dates=(NamedDate("connected", PartialDate(month=3, day=4, year=2010)),)
        ),
    ).id
    recent = add_person(network, Person(display_name="New Face")).id
    stranger = add_person(network, Person(display_name="Just Met")).id
    assert old and recent and stranger
    add_to_reconnect(network, recent)
    for person in (old, recent, stranger):
        log_interaction(network, [person], direction=Direction.GAVE, kind="message", summary="Hello")
    shown = progress(network, today, 1)
    assert shown.weeks[-1].reconnections == 2  # not the one just met
    assert_kept_as_counted(network, today)
    # A second contact the same day is no second reconnection.
    log_interaction(network, [recent], direction=Direction.GAVE, kind="call", summary="Again")
    assert progress(network, today, 1).weeks[-1].reconnections == 2
    # Merged into someone else, the reconnection goes with the contacts.
    keep = add_person(network, Person(display_name="New Face (work)")).id
    assert keep
    merge(network, keep, recent)
    assert progress(network, today, 1).weeks[-1].reconnections == 2
    assert_kept_as_counted(network, today)
    # A backup carries it, and the restored network counts it again.
    path = tmp_path / "backup.json"
    backup(network, path)
    assert '"reconnections": [' in path.read_text(encoding="utf-8")
    restore(network, path)
    assert progress(network, today, 1).weeks[-1].reconnections == 2
    assert_kept_as_counted(network, today)
