"""The agency server at its budgeted size: 1,000 clients of 500 people each on PostgreSQL. Prints the
caseload of a counsellor with 40 clients (the use case, and the page through the app) beside the floor
(the same rows read with plain SQL on one connection), and a sign-in (argon2id) beside argon2id alone.

    PYTHONPATH=. .venv/bin/python -m benchmarks.caseload [--clients 1000] [--people 500] [--runs 60]

One client's network is made the way a user's is (a generated LinkedIn export imported, two contacts a
person stored), then copied into every other client's space with plain SQL (ids moved past each other):
the copies hold the same rows as imports would, in a fraction of the time. Every client shares progress
and activity with their counsellor; 25 counsellors have 40 clients each.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from benchmarks.generate import interaction_rows, linkedin_export
from benchmarks.seed import open_benchmark, person_ids, store_interactions, store_url
from orchardist.domain.accounts import Role
from orchardist.services import accounts, caseload
from orchardist.services.importing import import_file
from orchardist.services.server import Server
from orchardist.store.account_tables import accounts as accounts_table
from orchardist.store.account_tables import caseloads, sharing_grants
from orchardist.store.tables import metadata, spaces

DATABASE = "orchardist_bench_caseload"
PASSWORD = "correct horse battery staple"
COPIED = (
    "organisations",
    "people",
    "person_emails",
    "person_phones",
    "person_urls",
    "person_tags",
    "interactions",
    "interaction_people",
    "weekly_figures",
    "settings",
)
STEP = 1_000_000  # ids of copy k are the template's + k * STEP (under 2**31 for 2,000 copies)


def _copy_spaces(engine: sa.Engine, template: int, count: int) -> list[int]:
    """``count`` new spaces holding the template space's rows; their ids."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.exec_driver_sql("SELECT set_config('orchardist.spaces', '*', true)")
        new = [
            conn.execute(
                spaces.insert().values(name=f"client {k}", created_at=now).returning(spaces.c.id)
            ).scalar_one()
            for k in range(1, count + 1)
        ]
        mapping = ", ".join(f"({k}, {space})" for k, space in enumerate(new, start=1))
        for name in COPIED:
            table = metadata.tables[name]
            shifted = {"id"} | {
                column.name
                for column in table.columns
                for key in column.foreign_keys
                if key.column.table.name in COPIED
            }
            columns = [column.name for column in table.columns]
            values = [
                "copy.space"
                if column == "space_id"
                else f"t.{column} + copy.k * {STEP}"
                if column in shifted
                else f"t.{column}"
                for column in columns
            ]
            conn.exec_driver_sql(
                f"INSERT INTO {name} ({', '.join(columns)}) SELECT {', '.join(values)} "
                f"FROM {name} t, (VALUES {mapping}) AS copy(k, space) WHERE t.space_id = {template}"
            )
        for name in COPIED:
            if "id" in metadata.tables[name].columns:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))"
                )
        conn.exec_driver_sql("ANALYZE")
    return new


def _accounts(engine: sa.Engine, server: Server, client_spaces: list[int], per_counsellor: int) -> list[int]:
    """The agency, its counsellors (their ids) and a client account for each space, in caseloads."""
    accounts.create_agency(server, "Benchmark agency", "admin@agency.example")
    hashed = accounts.hash_password(PASSWORD)
    now = datetime.now(UTC)
    counsellors = []
    with engine.begin() as conn:
        agency = conn.exec_driver_sql("SELECT id FROM agencies").scalar_one()
        for n in range(len(client_spaces) // per_counsellor):
            counsellors.append(
                conn.execute(
                    accounts_table.insert()
                    .values(
                        agency_id=agency,
                        email=f"counsellor{n}@agency.example",
                        role=Role.COUNSELLOR.value,
                        name=f"Counsellor {n}",
                        password_hash=hashed,
                        created_at=now,
                    )
                    .returning(accounts_table.c.id)
                ).scalar_one()
            )
        for n, space in enumerate(client_spaces):
            client = conn.execute(
                accounts_table.insert()
                .values(
                    agency_id=agency,
                    email=f"client{n}@example.org",
                    role=Role.CLIENT.value,
                    name=f"Client {n:04d}",
                    own_space=space,
                    password_hash=hashed,
                    created_at=now,
                )
                .returning(accounts_table.c.id)
            ).scalar_one()
            counsellor = (
                counsellors[n // per_counsellor] if n // per_counsellor < len(counsellors) else counsellors[0]
            )
            conn.execute(
                caseloads.insert().values(counsellor_id=counsellor, client_id=client, created_at=now)
            )
            conn.execute(
                sharing_grants.insert().values(
                    client_id=client, counsellor_id=counsellor, groups="activity,progress", at=now
                )
            )
        conn.exec_driver_sql("ANALYZE")
    return counsellors


def _floor(engine: sa.Engine, spaces_of_caseload: list[int], on: date) -> None:
    """The least the caseload must read: each client's weeks, totals, goal and latest contact."""
    first = on - timedelta(days=on.weekday() + 7 * 11)
    with engine.connect() as conn, conn.begin():
        for space in spaces_of_caseload:
            conn.exec_driver_sql(
                "SELECT * FROM weekly_figures WHERE space_id = %(s)s AND week_start >= %(f)s",
                {"s": space, "f": first},
            ).all()
            conn.exec_driver_sql(
                "SELECT sum(gives), sum(asks) FROM weekly_figures WHERE space_id = %(s)s", {"s": space}
            ).all()
            conn.exec_driver_sql("SELECT key, value FROM settings WHERE space_id = %(s)s", {"s": space}).all()
            conn.exec_driver_sql(
                "SELECT on_date FROM interactions WHERE space_id = %(s)s ORDER BY on_date DESC LIMIT 1",
                {"s": space},
            ).all()


def _times(action: Callable[[], object], runs: int) -> list[float]:
    taken = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        taken.append((time.perf_counter() - started) * 1000)
    return taken


def _line(name: str, taken: list[float]) -> str:
    ordered = sorted(taken)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{name:<34} p50 {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--runs", type=int, default=60)
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="orchardist-caseload-"))
    started = time.perf_counter()
    url = store_url("postgres", workdir, database=DATABASE)
    store, network = open_benchmark(url)
    export = workdir / "Connections.csv"
    export.write_bytes(linkedin_export(options.people))
    import_file(network, export)
    store_interactions(store, network, interaction_rows(person_ids(store, network), options.people * 2))
    copies = _copy_spaces(store.engine, network.space_id, options.clients - 1)
    client_spaces = [network.space_id, *copies]
    server = Server(store)
    counsellors = _accounts(store.engine, server, client_spaces, 40)
    with store.engine.connect() as conn:
        people = conn.exec_driver_sql("SELECT count(*) FROM people").scalar_one()
        contacts = conn.exec_driver_sql("SELECT count(*) FROM interactions").scalar_one()
    print(
        f"{options.clients} clients, {people:,} people, {contacts:,} contacts; "
        f"set up in {time.perf_counter() - started:.0f} s"
    )

    with server.reading() as unit:
        counsellor = unit.accounts.get(counsellors[len(counsellors) // 2])
        assert counsellor is not None
        their_spaces = [
            client.space_id for client in unit.consent.clients_of(counsellor.id) if client.space_id
        ]
    on = date.today()
    assert len(caseload.caseload(server, counsellor).rows) == 40

    from fastapi.testclient import TestClient

    from orchardist.web.server_app import create_server_app

    app = create_server_app(server)
    with TestClient(app, base_url="http://localhost", follow_redirects=False) as browser:
        browser.get("/static/favicon.svg")
        token = browser.cookies.get("orchardist_csrf")
        # A counsellor's second step is skipped here: the session is made complete as a code would.
        half = accounts.sign_in(server, counsellor.email, PASSWORD, "127.0.0.1")
        with server.writing() as unit:
            unit.accounts.end_session(accounts.token_hash(half.session))
            full = accounts._start_session(unit, counsellor.id, True, datetime.now(UTC))
        browser.cookies.set("orchardist_account", full)
        assert browser.get("/caseload").status_code == 200 and token

        use_case, page, floor = [], [], []
        for _ in range(options.runs):  # taking turns, so each sees the machine as the others do
            use_case += _times(lambda: caseload.caseload(server, counsellor, on), 1)
            page += _times(lambda: browser.get("/caseload"), 1)
            floor += _times(lambda: _floor(store.engine, their_spaces, on), 1)
    print(_line("caseload of 40, the use case", use_case))
    print(_line("caseload of 40, the page", page))
    print(_line("floor: the same rows, plain SQL", floor))
    print(f"use case / floor (medians): {statistics.median(use_case) / statistics.median(floor):.1f}×")

    from argon2 import PasswordHasher

    hashed = PasswordHasher().hash(PASSWORD)
    sign_ins, verify = [], []
    for _ in range(max(10, options.runs // 3)):
        sign_ins += _times(lambda: accounts.sign_in(server, "client5@example.org", PASSWORD, "127.0.0.2"), 1)
        verify += _times(lambda: PasswordHasher().verify(hashed, PASSWORD), 1)
    print(_line("sign-in (argon2id, session)", sign_ins))
    print(_line("floor: argon2id verify alone", verify))
    server.close()


if __name__ == "__main__":
    main()
