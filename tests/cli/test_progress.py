"""``orchardist progress``: the weekly figures, the goal and the ledger, as text and as JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner, Result

from orchardist.cli.main import cli


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def _log(db: str, person_id: str, day: str, direction: str, kind: str) -> None:
    result = run(
        db, "log", person_id, "--kind", kind, "--direction", direction, "--summary", "x", "--date", day
    )
    assert result.exit_code == 0, result.output


def test_progress_json(db_arg: str) -> None:
    ana = str(json.loads(run(db_arg, "people", "add", "--name", "Ana Silva", "--json").output)["id"])
    bo = str(json.loads(run(db_arg, "people", "add", "--name", "Bo Chen", "--json").output)["id"])
    _log(db_arg, ana, "2026-11-30", "gave", "thank you")  # Monday: this week
    _log(db_arg, bo, "2026-11-29", "asked", "advice")  # Sunday: the week before
    assert run(db_arg, "settings", "set", "weekly_goal=1").exit_code == 0

    result = run(db_arg, "progress", "--date", "2026-12-03", "--weeks", "3", "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert set(body) == {"date", "goal", "goal_met", "this_week", "weeks", "ledger"}
    assert (body["date"], body["goal"], body["goal_met"]) == ("2026-12-03", 1, True)
    assert [week["start"] for week in body["weeks"]] == ["2026-11-16", "2026-11-23", "2026-11-30"]
    assert [week["tended"] for week in body["weeks"]] == [0, 1, 1]
    assert body["this_week"]["gives"] == 1 and body["this_week"]["thank_yous"] == 1
    assert body["weeks"][1]["asks"] == 1
    assert body["ledger"] == {
        "gave": 1,
        "asked": 1,
        "mutual": 0,
        "social": 0,
        "balance": 0,
        "last_give": "2026-11-30",
    }


def test_progress_text(db_arg: str) -> None:
    ana = str(json.loads(run(db_arg, "people", "add", "--name", "Ana Silva", "--json").output)["id"])
    _log(db_arg, ana, "2026-12-01", "gave", "article")
    result = run(db_arg, "progress", "--date", "2026-12-03")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "This week: 1 of 5 people tended"
    assert sum(1 for line in lines if line[:4] == "2026") == 12
    assert "Ledger: gave 1, asked 0, mutual 0, social 0; balance +1" in result.output
    assert "Last give: 2026-12-01" in result.output
    assert run(db_arg, "settings", "set", "weekly_goal=0").exit_code == 0
    assert "no weekly goal set" in run(db_arg, "progress", "--date", "2026-12-03").output


def test_progress_refuses_bad_options(db_arg: str) -> None:
    for args in (["--weeks", "0"], ["--weeks", "105"], ["--date", "03-12-2026"]):
        result = CliRunner().invoke(cli, ["--db", db_arg, "progress", *args])
        assert result.exit_code == 2, args
