"""PostgreSQL's row-level security behind every query's own space: with the app's database role (one
that owns no table), a transaction sees the rows of the spaces it named and nothing else, and the
agency server works under it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from orchardist.cli.main import cli
from orchardist.services import caseload
from orchardist.services.server import Server
from orchardist.store import row_security
from orchardist.store.engine import Store
from tests.server_personas import Cast, as_app_role, cast


def _url(store: Store) -> str:
    return store.url.render_as_string(hide_password=False)


pytestmark = pytest.mark.parametrize("store", ["postgres"], indirect=True)


@pytest.fixture
def the_cast(store: Store, quick_passwords: None) -> Cast:
    return cast(Server(store))


@pytest.fixture
def app_store(store: Store, the_cast: Cast) -> Iterator[Store]:
    # As docs/deploy.md says: the owner grants the app's role what it needs, and no more.
    with as_app_role(store) as as_app:
        yield as_app


def _counts(conn: sa.Connection, tables: list[str]) -> dict[str, int]:
    return {name: int(conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar_one()) for name in tables}


def test_every_table_of_a_network_is_guarded(store: Store) -> None:
    with store.read() as conn:
        tables = list(conn.exec_driver_sql(row_security.SPACE_TABLES).scalars())
        assert "people" in tables and "interactions" in tables and len(tables) >= 14
        assert row_security.unprotected(conn) == []


def test_the_app_role_with_a_wrong_space_reads_no_row_of_any_table(app_store: Store, the_cast: Cast) -> None:
    alice_space = the_cast.alice.account.space_id
    assert alice_space is not None
    with app_store.engine.connect() as conn, conn.begin():
        tables = list(conn.exec_driver_sql(row_security.SPACE_TABLES).scalars())
        row_security.allow(conn, [alice_space + 1000])
        wrong = _counts(conn, tables)
    with app_store.engine.connect() as conn, conn.begin():
        unset = _counts(conn, tables)  # nothing named: nothing seen
    with app_store.engine.connect() as conn, conn.begin():
        row_security.allow(conn, [alice_space])
        own = _counts(conn, tables)
        spaces = set(conn.exec_driver_sql("SELECT DISTINCT space_id FROM people").scalars())
    print(f"\nrow-level security: {len(tables)} tables; rows seen with a wrong space: {sum(wrong.values())}")
    assert sum(wrong.values()) == 0, wrong
    assert sum(unset.values()) == 0, unset
    assert own["people"] == 1 and own["interactions"] == 1 and spaces == {alice_space}


def test_the_app_role_cannot_write_into_another_space(app_store: Store, the_cast: Cast) -> None:
    alice_space, bob_space = the_cast.alice.account.space_id, the_cast.bob.account.space_id
    assert alice_space is not None and bob_space is not None
    with app_store.engine.connect() as conn, conn.begin():
        row_security.allow(conn, [alice_space])
        with pytest.raises(sa.exc.ProgrammingError, match="row-level security"):
            conn.exec_driver_sql(
                "INSERT INTO settings (space_id, key, value) VALUES (%(space)s, 'x', '1')",
                {"space": bob_space},
            )


def test_the_server_works_under_row_level_security(app_store: Store, the_cast: Cast) -> None:
    server = Server(app_store)
    rows = {row.name: row for row in caseload.caseload(server, the_cast.carol.account).rows}
    assert rows["Alice"].gave == 1 and rows["Bob"].gave == 1
    alice = caseload.client_file(server, the_cast.carol.account, the_cast.alice.account.id)
    assert alice.people is not None and [person.name for person in alice.people] == ["Zephyrine Quartermain"]
    network = server.network_of(the_cast.alice.account)
    assert network is not None
    from orchardist.services.people import count_people

    assert count_people(network) == 1


def test_the_app_role_cannot_change_the_schema_or_the_policies(app_store: Store) -> None:
    with app_store.engine.connect() as conn, conn.begin(), pytest.raises(sa.exc.ProgrammingError):
        conn.exec_driver_sql("ALTER TABLE people NO FORCE ROW LEVEL SECURITY")
    with app_store.engine.connect() as conn, conn.begin(), pytest.raises(sa.exc.ProgrammingError):
        conn.exec_driver_sql("DROP POLICY orchardist_space_only ON people")


def test_a_role_name_is_checked(store: Store) -> None:
    result = CliRunner().invoke(
        cli, ["--db", _url(store), "admin", "grant-app-role", "app; DROP TABLE people"]
    )
    assert result.exit_code == 2 and "not a plain role name" in result.stderr


def test_the_app_role_imports_a_file_under_row_level_security(
    app_store: Store, the_cast: Cast, tmp_path: Path
) -> None:
    # PostgreSQL refuses COPY into a table under row-level security: an import, which stores its
    # people and their contact points in bulk, must still work for the app's role.
    from orchardist.services.importing import import_file
    from orchardist.services.people import count_people

    network = Server(app_store).network_of(the_cast.alice.account)
    assert network is not None
    before = count_people(network)
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "".join(
            f"Ada{n},Lovelace,https://www.linkedin.com/in/ada-{n},ada{n}@example.org,Contoso,Engineer,"
            "01 Dec 2026\n"
            for n in range(30)
        ),
        encoding="utf-8",
    )
    report = import_file(network, export)
    assert report.added == 30
    assert count_people(network) == before + 30
    with app_store.engine.connect() as conn, conn.begin():
        row_security.allow(conn, [the_cast.bob.account.space_id or 0])
        assert _counts(conn, ["people", "person_emails"]) == {"people": 1, "person_emails": 0}


def test_the_app_role_backs_up_and_restores_a_network_under_row_level_security(
    app_store: Store, the_cast: Cast, tmp_path: Path
) -> None:
    from orchardist.services.exporting import backup, restore
    from orchardist.services.people import count_people, list_people

    network = Server(app_store).network_of(the_cast.alice.account)
    assert network is not None
    names = sorted(item.person.display_name for item in list_people(network))
    target = tmp_path / "alice.json"
    assert backup(network, target) == "json"
    assert restore(network, target) == "json"
    assert sorted(item.person.display_name for item in list_people(network)) == names
    assert count_people(network) == len(names) >= 1
    with app_store.engine.connect() as conn, conn.begin():
        row_security.allow(conn, [the_cast.bob.account.space_id or 0])
        assert _counts(conn, ["people"]) == {"people": 1}  # Bob's network is as it was


def test_a_backup_whose_ids_another_network_holds_restores_under_row_level_security(
    app_store: Store, the_cast: Cast, tmp_path: Path
) -> None:
    # Bob's rows are out of the app role's sight while it restores into Alice's network: ids that look
    # free there are Bob's, so the restore gives its rows new ones.
    from orchardist.services.exporting import backup, restore
    from orchardist.services.people import list_people

    server = Server(app_store)
    alice, bob = server.network_of(the_cast.alice.account), server.network_of(the_cast.bob.account)
    assert alice is not None and bob is not None
    bobs = [(item.person.id, item.person.display_name) for item in list_people(bob)]
    target = tmp_path / "bob.json"
    backup(bob, target)
    restore(alice, target)
    restored = [(item.person.id, item.person.display_name) for item in list_people(alice)]
    assert [name for _id, name in restored] == [name for _id, name in bobs]
    assert not {person_id for person_id, _name in restored} & {person_id for person_id, _name in bobs}
    assert [(item.person.id, item.person.display_name) for item in list_people(bob)] == bobs
