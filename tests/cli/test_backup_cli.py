"""``orchardist backup``: the file holds what its name says, and the message names what was written."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from orchardist.cli.main import cli
from orchardist.store.engine import Store

SQLITE_MAGIC = b"SQLite format 3\x00"


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def _add_someone(db: str) -> None:
    assert run(db, "people", "add", "--name", "Ana Silva").exit_code == 0


def test_a_file_named_json_is_a_json_backup_on_either_database(db_arg: str, tmp_path: Path) -> None:
    _add_someone(db_arg)
    target = tmp_path / "weekly.json"
    result = run(db_arg, "backup", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"backed up to {target} as an Orchardist JSON backup\n"
    document = json.loads(target.read_bytes())
    assert document["format"] == "orchardist-backup"
    assert [person["display_name"] for person in document["people"]] == ["Ana Silva"]
    assert target.stat().st_mode & 0o777 == 0o600


def test_an_sqlite_name_is_an_sqlite_copy_or_refused_on_postgresql(
    db_arg: str, store: Store, tmp_path: Path
) -> None:
    _add_someone(db_arg)
    target = tmp_path / "pg.sqlite3"
    result = run(db_arg, "backup", str(target))
    if store.url.get_backend_name() == "sqlite":
        assert result.exit_code == 0, result.output
        assert result.stdout == f"backed up to {target} as an SQLite copy of the store\n"
        assert target.read_bytes()[:16] == SQLITE_MAGIC
        return
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"orchardist: backup failed: {target} names an SQLite file, but a PostgreSQL store is backed up "
        "as a JSON backup: end the file name with .json\n"
    )
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_any_other_name_gets_the_store_s_own_kind(db_arg: str, store: Store, tmp_path: Path) -> None:
    _add_someone(db_arg)
    target = tmp_path / "orchardist.backup"
    result = run(db_arg, "backup", str(target))
    assert result.exit_code == 0, result.output
    if store.url.get_backend_name() == "sqlite":
        assert target.read_bytes()[:16] == SQLITE_MAGIC
        assert result.stdout.endswith("as an SQLite copy of the store\n")
    else:
        assert json.loads(target.read_bytes())["format"] == "orchardist-backup"
        assert result.stdout.endswith("as an Orchardist JSON backup\n")
