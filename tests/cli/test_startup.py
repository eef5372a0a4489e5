"""Commands that only read an SQLite store start without SQLAlchemy (``store/lite``): a whole process
then takes a fraction of what importing SQLAlchemy alone would. Each answers as it always did."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from orchardist.cli.main import cli

# Runs the command as ``orchardist`` does, then says on the last line of standard error every module
# imported on the way.
_PROBE = """
import sys
from orchardist.cli.main import main
sys.argv = ["orchardist", *sys.argv[1:]]
try:
    main()
finally:
    print("imported:" + ",".join(sorted(sys.modules)), file=sys.stderr)
"""
HEAVY = ("sqlalchemy", "alembic", "fastapi", "rich")


def _imported(*args: str) -> tuple[str, set[str]]:
    """What the command printed, and the modules it imported."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    return done.stdout, set(last.removeprefix("imported:").split(","))


def _run(*args: str) -> tuple[str, list[str]]:
    """What the command printed, and which of the heavy libraries it imported."""
    out, modules = _imported(*args)
    return out, [name for name in HEAVY if name in modules]


@pytest.fixture
def filled(tmp_path: Path) -> str:
    return _fill(str(tmp_path / "orchardist.sqlite3"))


@pytest.fixture
def elsewhere(tmp_path: Path) -> str:
    """A store not named as the default one is (``--db`` names it): which needs no data folder."""
    return _fill(str(tmp_path / "network.sqlite3"))


def _fill(db: str) -> str:
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


# What listing people has no use for: the other commands, what adding, merging or a person's page need,
# the records a list does not show, Today's rules, the settings' checks, and what only a write or the
# default store's location need (``elsewhere``: the default store's name asks for it, to know whether
# it is that one).
NOT_FOR_A_LIST = (
    "orchardist.cli.data",
    "orchardist.cli.serve",
    "orchardist.cli.tending",
    "orchardist.cli.pitch",
    "orchardist.services.people",
    "orchardist.services.settings",
    "orchardist.domain.offers",
    "orchardist.domain.leads",
    "orchardist.domain.introductions",
    "orchardist.domain.groups",
    "orchardist.domain.tending",
    "orchardist.domain.limits",
    "orchardist.store.rows",
    "orchardist.store.lite.other",
    "tempfile",
    "platformdirs",
    "hashlib",
)


@pytest.mark.parametrize("as_json", [True, False])
def test_a_search_loads_what_a_list_needs_and_nothing_else(elsewhere: str, as_json: bool) -> None:
    args = ("--db", elsewhere, "people", "list", "--search", "lovelace", *(["--json"] if as_json else []))
    out, modules = _imported(*args)
    assert sorted(modules.intersection(NOT_FOR_A_LIST)) == []
    assert "Ada Lovelace" in out


def test_a_command_loads_its_own_module_only(filled: str) -> None:
    _, modules = _imported("--db", filled, "today", "--json")
    commands = {name for name in modules if name.startswith("orchardist.cli.")}
    assert commands == {"orchardist.cli.main", "orchardist.cli.context", "orchardist.cli.tending"}


def test_every_command_is_listed_under_its_own_name() -> None:
    from orchardist.cli.main import COMMANDS

    with click.Context(cli) as ctx:
        assert cli.list_commands(ctx) == sorted(COMMANDS)
        for name in COMMANDS:
            command = cli.get_command(ctx, name)
            assert command is not None and command.name == name


def test_an_unknown_command_suggests_the_one_meant() -> None:
    result = CliRunner().invoke(cli, ["peple"])
    assert result.exit_code == 2
    assert "No such command 'peple'. Did you mean 'people'?" in result.output
