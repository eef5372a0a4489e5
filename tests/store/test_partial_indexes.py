"""The five indexes of people that hold only the people they find (``store/tables.py``): each statement
that should read one does, on both databases, and what they find is everyone it should be."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from orchardist.domain.people import NamedDate, PartialDate, Person, Tier
from orchardist.services import tending
from orchardist.services.discretion import about_me, set_about_me
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.warm_paths import who_knows
from orchardist.store.engine import Store

Statement = tuple[str, Any]


@pytest.fixture
def statements(store: Store) -> Iterator[list[Statement]]:
    """Every statement the store's connections run from now on, with its parameters: through SQLAlchemy
    and, on SQLite, through the plain ``sqlite3`` reads too (as run, their values written in)."""
    seen: list[Statement] = []
    store.engine.dispose()  # the connections made from here on are traced

    def connected(dbapi_conn: Any, _record: Any) -> None:
        if isinstance(dbapi_conn, sqlite3.Connection):
            dbapi_conn.set_trace_callback(lambda sql: seen.append((sql, None)))

    def executed(_conn: Any, _cursor: Any, sql: str, parameters: Any, _context: Any, _many: bool) -> None:
        if not store.is_sqlite:
            seen.append((sql, parameters))

    sa.event.listen(store.engine, "connect", connected)
    sa.event.listen(store.engine, "before_cursor_execute", executed)
    yield seen
    sa.event.remove(store.engine, "before_cursor_execute", executed)
    sa.event.remove(store.engine, "connect", connected)


def _plan(store: Store, statement: Statement) -> str:
    sql, parameters = statement
    with store.engine.connect() as conn:
        if store.is_sqlite:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
            return "\n".join(str(row[-1]) for row in rows)
        # On a table this small PostgreSQL would rather read every row: asked not to, it takes an
        # index it can use.
        conn.exec_driver_sql("SET enable_seqscan = off")
        rows = conn.exec_driver_sql(f"EXPLAIN {sql}", parameters).all()
        return "\n".join(str(row[0]) for row in rows)


def _reading(statements: list[Statement], condition: str) -> list[Statement]:
    # Those that read; a trace on SQLite also holds the transaction's BEGIN and COMMIT.
    return [
        item for item in statements if condition in item[0] and item[0].lstrip().upper().startswith("SELECT")
    ]


def _the_network(network: Network, soon: date) -> dict[str, int]:
    ada = add_person(network, Person(display_name="Ada", organisation="Contoso", tier=Tier.ACTIVE))
    made = {
        "ada": ada,
        "rhythm": add_person(network, Person(display_name="Bea", every_days=7)),
        "birthday": add_person(
            network, Person(display_name="Cy", birthday=PartialDate(soon.month, soon.day))
        ),
        "work date": add_person(
            network,
            Person(display_name="Di", dates=(NamedDate("started", PartialDate(soon.month, soon.day, 2020)),)),
        ),
        "knows": add_person(network, Person(display_name="Ed", knows_search=True)),
        "not a co-worker": add_person(network, Person(display_name="Flo", coworker_override=False)),
        "introduced": add_person(network, Person(display_name="Gus", met_through_id=ada.id)),
    }
    for _ in range(5):  # people with none of these, whom the indexes do not hold
        add_person(network, Person(display_name="Hal", organisation="Fabrikam"))
    return {name: person.id for name, person in made.items() if person.id is not None}


def test_each_partial_index_is_read_where_it_should_be(
    today: date, store: Store, network: Network, statements: list[Statement]
) -> None:
    # Ten days on: the person with a rhythm of a week, added today, is due; the occasions fall the day after.
    on = today + timedelta(days=10)
    ids = _the_network(network, on + timedelta(days=1))
    set_about_me(network, {"employer": "Contoso"})
    del statements[:]

    named = {entry.item.person_id for entry in tending.today(network, on)}
    assert {ids["rhythm"], ids["birthday"], ids["work date"]} <= named
    overview = about_me(network)
    assert {item.person_id for item in overview.confidants} == {ids["knows"]}
    paths = who_knows(network, "Contoso", on=on)
    assert ids["introduced"] in {path.person.person_id for path in paths}

    expected = {
        "every_days IS NOT NULL": "ix_people_space_every",
        "birthday IS NOT NULL": "ix_people_space_birthday",
        "has_work_date IS": "ix_people_space_work_date",
        "coworker_override IS NOT NULL": "ix_people_space_marks",
        "met_through_id IN": "ix_people_space_met_through",
    }
    for condition, index in expected.items():
        found = _reading(statements, condition)
        assert found, f"no statement read {condition}"
        plans = [_plan(store, statement) for statement in found]
        assert all(index in plan for plan in plans), (condition, plans)


def test_the_five_indexes_are_partial(store: Store) -> None:
    names = {
        "ix_people_space_every",
        "ix_people_space_birthday",
        "ix_people_space_work_date",
        "ix_people_space_marks",
        "ix_people_space_met_through",
    }
    with store.engine.connect() as conn:
        if store.is_sqlite:
            # (seq, name, unique, origin, partial)
            partial = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list(people)") if row[4]}
        else:
            rows = conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes"
                " WHERE tablename = 'people' AND position(' WHERE ' in indexdef) > 0"
            )
            partial = {row[0] for row in rows}
    assert partial == names
