"""Today through the CLI with the clock frozen: no --date, so every rule runs on the machine's day."""

from __future__ import annotations

import json
from datetime import date

import time_machine
from click.testing import CliRunner

from orchardist.cli.main import cli


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def today(db: str) -> list[tuple[str, str, str]]:
    return [
        (entry["name"], entry["reason"], entry["due"]) for entry in json.loads(run(db, "today", "--json"))
    ]


def test_a_leap_year_walk_through_the_rules(db_arg: str) -> None:
    with time_machine.travel(date(2028, 1, 10), tick=False):
        ana = json.loads(run(db_arg, "people", "add", "--name", "Ana Silva", "--tier", "inner", "--json"))[
            "id"
        ]
        run(db_arg, "people", "add", "--name", "Leo Park", "--birthday", "--02-29", "--tier", "dormant")
        run(db_arg, "log", str(ana), "--direction", "asked", "--kind", "coffee", "--summary", "CV advice")
        assert today(db_arg) == [("Ana Silva", "thank_you_owed", "2028-01-12")]
        assert json.loads(run(db_arg, "people", "show", str(ana), "--json"))["next_due"] == "2028-02-09"
    with time_machine.travel(date(2028, 1, 11), tick=False):
        run(db_arg, "log", str(ana), "--direction", "gave", "--kind", "thank_you", "--summary", "Thanks")
        assert today(db_arg) == []
    with time_machine.travel(date(2028, 1, 25), tick=False):
        # Two weeks after the coffee: the follow-up; snoozed through the 31st, it is back on 1 February.
        assert today(db_arg) == [("Ana Silva", "follow_up_due", "2028-01-24")]
        run(db_arg, "snooze", str(ana), "--until", "2028-01-31")
        assert today(db_arg) == []
    with time_machine.travel(date(2028, 1, 31), tick=False):
        assert today(db_arg) == []
    with time_machine.travel(date(2028, 2, 1), tick=False):
        assert today(db_arg) == [("Ana Silva", "follow_up_due", "2028-01-24")]
        run(db_arg, "log", str(ana), "--direction", "gave", "--kind", "follow_up", "--summary", "Did it")
    with time_machine.travel(date(2028, 2, 22), tick=False):
        # A leap-day birthday in a leap year, a week ahead (a dormant person still has a birthday).
        assert today(db_arg) == [("Leo Park", "occasion", "2028-02-29")]
    with time_machine.travel(date(2029, 2, 28), tick=False):
        # In a common year, on 28 February; Ana's rhythm shortened mid-way makes her due at once.
        assert ("Leo Park", "occasion", "2029-02-28") in today(db_arg)
        run(db_arg, "settings", "set", "inner_days=400")
        assert [name for name, *_rest in today(db_arg)] == ["Leo Park"]
        run(db_arg, "settings", "set", "inner_days=30")
        assert ("Ana Silva", "overdue", "2028-03-02") in today(db_arg)
