"""Fixtures shared by the whole suite.

Every test that touches a database gets a fresh one, on SQLite and on PostgreSQL: a copy of a
migrated template (a file copy for SQLite, ``CREATE DATABASE … TEMPLATE`` for PostgreSQL), so no
test sees another's data and migrations run once per session. Making a PostgreSQL database takes
most of a second, so each worker keeps the ones its tests are done with and empties one for the
next test (every table truncated, identities restarted: as new); one whose schema a test changed is
dropped instead.
"""

from __future__ import annotations

import itertools
import os
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings

from orchardist.services.network import Network
from orchardist.store.engine import Store
from orchardist.store.migrate import HEAD, open_store
from orchardist.store.spaces import create_space
from orchardist.store.tables import metadata

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PG_URL = os.environ.get("ORCHARDIST_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
# The README's test command sets this (and CI runs it): PostgreSQL tests must run there, not skip.
REQUIRE_PG = os.environ.get("ORCHARDIST_REQUIRE_PG") == "1"
_counter = itertools.count()

# Tests assert behaviour, never time: Hypothesis's per-example deadline (200 ms) and its check that
# examples are made quickly fail a test on a busy 2-core machine however right the code is.
settings.register_profile("orchardist", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("orchardist")


# How near midnight a test may start and still be given that day (a test takes far less).
MIDNIGHT_MARGIN = 30.0
# Where the ``today`` fixture reads the clock and waits: a test of the fixture replaces them.
_now: Callable[[], datetime] = datetime.now
_sleep: Callable[[float], None] = time.sleep


def wait_out_midnight(
    now: Callable[[], datetime], sleep: Callable[[float], None], margin: float = MIDNIGHT_MARGIN
) -> date:
    """The date by ``now``; within ``margin`` seconds before midnight, once ``sleep`` has waited until just
    after it."""
    while True:
        moment = now()
        midnight = datetime.combine(moment.date() + timedelta(days=1), datetime.min.time(), moment.tzinfo)
        left = (midnight - moment).total_seconds()
        if left > margin:
            return moment.date()
        sleep(left + 0.5)


@pytest.fixture
def today() -> date:
    """Today's date, read as the test starts (local time, as ``date.today()`` reads it).

    The app reads ``date.today()`` itself at each call. A date read once when the module is imported is
    a day behind it for every test that runs after midnight; so tests take this one instead. A test that
    starts in the last 30 seconds of a day first waits until just after midnight, so that the test and
    the app see the same day from its start to its end. Ask for it first, before fixtures that write.
    """
    return wait_out_midnight(_now, _sleep)


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real files other tools produced (never copied into the project)."""
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing: expected it at {CORPUS}")
    return CORPUS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first, the rest in their order: with two workers, the longest ones start at once
    instead of one of them running on alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    store = open_store(str(path))
    store.dispose()
    return path


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[sa.Engine]:
    engine = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as error:
        engine.dispose()
        message = f"PostgreSQL is not reachable at {PG_URL}: {error.orig}"
        if REQUIRE_PG:
            pytest.fail(message)
        pytest.skip(message)
    yield engine
    engine.dispose()


def _pg_url(database: str) -> str:
    return sa.make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_template(pg_admin: sa.Engine) -> Iterator[str]:
    name = f"orchardist_tpl_{_worker()}_{os.getpid()}"
    with pg_admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    store = open_store(_pg_url(name))
    store.dispose()
    yield name
    with pg_admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_spare(pg_admin: sa.Engine) -> Iterator[list[str]]:
    """This worker's PostgreSQL databases that are free for the next test, emptied."""
    spare: list[str] = []
    yield spare
    with pg_admin.connect() as conn:
        for name in spare:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


# Empties every table and puts every sequence back to 1, in one round trip: DELETE is many times
# faster than TRUNCATE on tables this small (TRUNCATE gives each table new files and syncs them).
_EMPTY = "; ".join(
    [
        *(f'DELETE FROM "{table.name}"' for table in reversed(metadata.sorted_tables)),
        "SELECT setval(oid, 1, false) FROM pg_class"
        " WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace",
    ]
)
_SCHEMA = (
    "SELECT (SELECT version_num FROM alembic_version), array_agg(table_name::text) "
    "FROM information_schema.tables WHERE table_schema = 'public'"
)


def _emptied(admin: sa.Engine, name: str) -> bool:
    """Empty database ``name`` for another test, as new; False (and nothing done) when its schema is no
    longer the migrated one, or it cannot be emptied."""
    with admin.connect() as conn:
        # A connection a test left open (a server thread, a child process) would hold the tables.
        conn.execute(
            sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
            {"name": name},
        )
    engine = sa.create_engine(_pg_url(name), poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            version, tables = conn.exec_driver_sql(_SCHEMA).one()
            if version != HEAD or set(tables) != {*metadata.tables, "alembic_version"}:
                return False
            conn.exec_driver_sql(_EMPTY)
        return True
    except sa.exc.SQLAlchemyError:
        return False
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, migrated, empty store on each database."""
    if request.param == "sqlite":
        path = tmp_path / "orchardist.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        fresh = Store(f"sqlite:///{path}")
        yield fresh
        fresh.dispose()
        return
    admin: sa.Engine = request.getfixturevalue("pg_admin")
    spare: list[str] = request.getfixturevalue("pg_spare")
    if spare:
        name = spare.pop()
    else:
        template = request.getfixturevalue("pg_template")
        name = f"orchardist_t_{_worker()}_{os.getpid()}_{next(_counter)}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    fresh = Store(_pg_url(name))
    yield fresh
    fresh.dispose()
    if _emptied(admin, name):
        spare.append(name)
    else:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def new_network(
    request: pytest.FixtureRequest, store: Store, tmp_path: Path
) -> Iterator[Callable[[], Network]]:
    """Makes a fresh, migrated, empty store on the same database as ``store``, with one space, each time it
    is called: for property tests whose every example needs stores of its own.

    On PostgreSQL, where making a database takes a second, two are made and then handed out in turn,
    each emptied first (``TRUNCATE … RESTART IDENTITY``: as new, sequences included); so a network
    given out is good until two more have been asked for.
    """
    made: list[tuple[Store, str]] = []
    calls = itertools.count()

    def make() -> Network:
        call = next(calls)
        if store.url.get_backend_name() == "sqlite":
            path = tmp_path / f"fresh-{call}.sqlite3"
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
            fresh = Store(f"sqlite:///{path}")
            made.append((fresh, ""))
        elif len(made) < 2:
            admin: sa.Engine = request.getfixturevalue("pg_admin")
            name = f"orchardist_t_{_worker()}_{os.getpid()}_{next(_counter)}"
            template = request.getfixturevalue("pg_template")
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
            fresh = Store(_pg_url(name))
            made.append((fresh, name))
        else:
            fresh = made[call % 2][0]
            tables = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
            with fresh.write() as conn:
                conn.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        with fresh.write() as conn:
            space = create_space(conn, "Alice")
        return Network(store=fresh, space_id=space.id)

    yield make
    for fresh, name in made:
        fresh.dispose()
        if name:
            with request.getfixturevalue("pg_admin").connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def network(store: Store) -> Network:
    """Alice's network: a fresh space in a fresh store."""
    with store.write() as conn:
        space = create_space(conn, "Alice")
    return Network(store=store, space_id=space.id)


@pytest.fixture
def other_network(store: Store, network: Network) -> Network:
    """Bob's network, in the same store as Alice's: nothing of one may show in the other."""
    with store.write() as conn:
        space = create_space(conn, "Bob")
    return Network(store=store, space_id=space.id)


@pytest.fixture
def db_arg(store: Store, network: Network) -> str:
    """The ``--db`` value that opens ``network``'s store from the CLI."""
    return store.url.render_as_string(hide_password=False)


class SmtpSink:
    """A local SMTP server (aiosmtpd) that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        import email
        from email import policy

        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_sink() -> Iterator[tuple[SmtpSink, int]]:
    """An SMTP sink on 127.0.0.1 and its port."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


@pytest.fixture
def quick_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its cheapest for tests that set up many accounts (the tests of the accounts themselves
    keep the real cost): the same algorithm, a fraction of a millisecond instead of a tenth of a second."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(
        "orchardist.services.accounts._hasher",
        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
    )
