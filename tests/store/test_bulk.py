"""Rows inserted in bulk: on PostgreSQL a ``COPY`` runs on in a thread of its own until the connection's next
statement, commit or rollback, which wait for it; what it failed on is raised there, and nothing is stored."""

from __future__ import annotations

import gc
import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from orchardist.store.bulk import insert_values
from orchardist.store.engine import Store
from orchardist.store.failures import StoreUnavailable
from orchardist.store.spaces import create_space
from orchardist.store.tables import offers

COLUMNS = ("id", "space_id", "kind", "text", "created_at")
AT = datetime(2026, 12, 7, 8, 30, tzinfo=UTC).isoformat(" ")  # as both drivers take it


def _offers(space_id: int, first: int, count: int) -> list[tuple[object, ...]]:
    return [(first + n, space_id, "skill", f"offer {first + n}", AT) for n in range(count)]


def _copies_running() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "orchardist-copy"]


def _stored(store: Store) -> list[int]:
    with store.read() as conn:
        return list(conn.execute(sa.select(offers.c.id).order_by(offers.c.id)).scalars())


def _space(store: Store) -> int:
    with store.write() as conn:
        return create_space(conn, "example").id


def test_the_next_statement_sees_every_row_inserted_before_it(store: Store) -> None:
    space_id = _space(store)
    with store.write() as conn:
        insert_values(conn, offers, COLUMNS, _offers(space_id, 1, 3_000))
        insert_values(conn, offers, COLUMNS, _offers(space_id, 3_001, 2_000))  # after the first
        counted = conn.execute(sa.select(sa.func.count()).select_from(offers)).scalar_one()
        assert counted == 5_000
        assert not _copies_running()
    assert _stored(store) == list(range(1, 5_001))


def test_rows_inserted_last_are_committed_with_the_transaction(store: Store) -> None:
    space_id = _space(store)
    with store.write() as conn:
        insert_values(conn, offers, COLUMNS, _offers(space_id, 1, 2_000))
    assert not _copies_running()
    assert len(_stored(store)) == 2_000


@pytest.mark.parametrize("then", ["a statement", "the commit"])
def test_a_failed_insert_is_raised_at_the_next_statement_or_the_commit_and_nothing_is_stored(
    store: Store, then: str
) -> None:
    space_id = _space(store)
    with store.write() as conn:
        insert_values(conn, offers, COLUMNS, _offers(space_id, 1, 10))
    rows = _offers(space_id, 100, 500) + _offers(space_id, 5, 1)  # id 5 is taken
    with pytest.raises(StoreUnavailable), store.write() as conn:
        insert_values(conn, offers, COLUMNS, rows)
        insert_values(conn, offers, COLUMNS, _offers(space_id, 1_000, 10))  # not run: the first failed
        if then == "a statement":
            conn.execute(sa.select(sa.func.count()).select_from(offers)).scalar_one()
            pytest.fail("the statement ran after a failed insert")
    assert not _copies_running()
    assert _stored(store) == list(range(1, 11))
    with store.write() as conn:  # the connection went back to the pool usable
        insert_values(conn, offers, COLUMNS, _offers(space_id, 11, 5))
    assert _stored(store) == list(range(1, 16))


def test_a_transaction_given_up_while_rows_go_in_stores_none_of_them(store: Store) -> None:
    space_id = _space(store)
    lost: list[object] = []  # connections thrown away: a rollback that ran into the COPY would be one
    sa.event.listen(store.engine, "invalidate", lambda *args: lost.append(args))
    sa.event.listen(store.engine, "handle_error", lambda context: lost.append(context))
    with pytest.raises(RuntimeError, match="given up"), store.write() as conn:
        insert_values(conn, offers, COLUMNS, _offers(space_id, 1, 30_000))  # still going in, surely
        raise RuntimeError("given up")
    assert not _copies_running()
    assert lost == []
    assert _stored(store) == []


@pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")  # the connection dropped unclosed, on purpose
@pytest.mark.parametrize("store", ["postgres"], indirect=True)  # SQLite's insert fails at once
def test_a_connection_dropped_unclosed_takes_its_failed_insert_with_it(store: Store) -> None:
    space_id = _space(store)
    with store.write() as conn:
        insert_values(conn, offers, COLUMNS, _offers(space_id, 1, 10))
    dropped = store.engine.connect()
    dropped.begin()
    insert_values(dropped, offers, COLUMNS, _offers(space_id, 100, 500) + _offers(space_id, 5, 1))
    del dropped  # never closed: the pool takes it back and rolls it back
    gc.collect()
    with store.write() as conn:  # the next transaction on that connection knows nothing of it
        insert_values(conn, offers, COLUMNS, _offers(space_id, 11, 5))
    assert not _copies_running()
    assert _stored(store) == list(range(1, 16))
