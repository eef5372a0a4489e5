"""Commands that only read an SQLite store start without SQLAlchemy (``store/lite``): a whole process
then takes a fraction of what importing SQLAlchemy alone would. Each answers as it always did."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from orchardist.cli.main import cli

# Runs the command as ``orchardist`` does, then says on the last line of standard error which of the
# heavy modules were imported on the way.
_PROBE = """
import sys
from orchardist.cli.main import main
sys.argv = ["orchardist", *sys.argv[1:]]
try:
    main()
finally:
    heavy = sorted(name for name in ("sqlalchemy", "alembic", "fastapi", "rich") if name in sys.modules)
    print("imported:" + ",".join(heavy), file=sys.stderr)
"""


def _run(*args: str) -> tuple[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    return done.stdout, [name for name in last.removeprefix("imported:").split(",") if name]


@pytest.fixture
def filled(tmp_path: Path) -> str:
    db = str(tmp_path / "orchardist.sqlite3")
    runner = CliRunner()
    for name in ("Ada Lovelace", "Alan Turing"):
        added = runner.invoke(
            cli, ["--db", db, "people", "add", "--name", name, "--organisation", "Analytical"]
        )
        assert added.exit_code == 0, added.output
    logged = runner.invoke(
        cli, ["--db", db, "log", "1", "--kind", "coffee", "--summary", "Engines", "--direction", "gave"]
    )
    assert logged.exit_code == 0, logged.output
    return db


@pytest.mark.parametrize(
    "args",
    [
        ("today", "--json"),
        ("today",),
        ("people", "list", "--search", "lovelace", "--json"),
        ("people", "list", "--search", "lovelace"),
        ("people", "show", "1"),
        ("people", "show", "1", "--json"),
    ],
)
def test_a_command_that_reads_starts_without_sqlalchemy(filled: str, args: tuple[str, ...]) -> None:
    out, heavy = _run("--db", filled, *args)
    assert heavy == []
    expected = CliRunner().invoke(cli, ["--db", filled, *args])
    assert out == expected.output


def test_what_it_reads_is_what_the_store_holds(filled: str) -> None:
    out, _ = _run("--db", filled, "people", "list", "--search", "lovelace", "--json")
    assert [person["name"] for person in json.loads(out)] == ["Ada Lovelace"]
    out, _ = _run("--db", filled, "people", "show", "1", "--json")
    assert json.loads(out)["interactions"][0]["summary"] == "Engines"


def test_a_command_that_writes_and_a_new_store_load_it(tmp_path: Path) -> None:
    db = str(tmp_path / "new.sqlite3")
    _, heavy = _run("--db", db, "today", "--json")  # a new store is made and migrated the usual way
    assert "sqlalchemy" in heavy
    _, heavy = _run("--db", db, "people", "add", "--name", "Ada Lovelace")
    assert "sqlalchemy" in heavy
    _, heavy = _run("--db", db, "today", "--json")
    assert heavy == []


def test_help_loads_nothing_heavy() -> None:
    out, heavy = _run("--help")
    assert heavy == [] and "Usage: orchardist" in out
