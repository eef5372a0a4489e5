"""orchardist settings and orchardist reminders from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
from click.testing import CliRunner

from orchardist.cli.main import cli


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def test_settings_set_show_and_refusals(db_arg: str) -> None:
    code, out, _err = run(db_arg, "settings", "set", "inner_days=21", "holidays=christmas,new_year")
    assert code == 0 and "saved inner_days, holidays" in out
    shown = json.loads(run(db_arg, "settings", "show", "--json")[1])
    assert shown["inner_days"] == 21 and shown["holidays"] == ["christmas", "new_year"]
    for args, words in [
        (["inner_days=0", "active_days=60"], "inner_days: must be a number of days"),
        (["inner_days=often"], "inner_days: must be a whole number"),
        (["holidays=festivus"], "unknown holiday 'festivus'"),
        (["colour=green"], "colour: no such setting"),
        (["inner_days"], "write NAME=VALUE"),
    ]:
        code, _out, err = run(db_arg, "settings", "set", *args)
        assert code == 2 and words in err, (args, err)
    shown = json.loads(run(db_arg, "settings", "show", "--json")[1])
    assert shown["inner_days"] == 21 and shown["active_days"] == 90
    code, out, _err = run(db_arg, "settings", "holidays")
    assert code == 0 and "christmas" in out


def test_reminders_export_writes_a_neutral_calendar(db_arg: str, tmp_path: Path) -> None:
    code, out, _err = run(
        db_arg, "people", "add", "--name", "Ana Silva", "--tier", "inner", "--organisation", "Northwind Bank"
    )
    assert code == 0, out
    target = tmp_path / "reach-out.ics"
    code, _out, err = run(db_arg, "reminders", "export", "-o", str(target), "--date", "2027-03-01")
    assert code == 0 and "(1 day with reminders)" in err
    data = target.read_bytes()
    assert b"Ana" not in data and b"Northwind" not in data
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert [event.decoded("dtstart").isoformat() for event in events] == ["2027-03-01"]
    run(db_arg, "reminders", "export", "-o", str(target), "--date", "2027-03-01", "--names")
    assert b"Ana Silva" in target.read_bytes()
    code, _out, err = run(db_arg, "reminders", "export", "-o", str(tmp_path / "missing" / "x.ics"))
    assert code == 2 and "cannot write" in err
    code, out, err = run(db_arg, "reminders", "export", "-o", "-", "--date", "2027-03-01")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR"), err
    assert "standard output (1 day with reminders)" in err
    assert not (Path.cwd() / "-").exists()


def test_reminders_feed_new_show_revoke(db_arg: str) -> None:
    assert "no feed address" in run(db_arg, "reminders", "feed")[1]
    made = run(db_arg, "reminders", "feed", "--new")[1]
    assert made.startswith("/feed/") and made == run(db_arg, "reminders", "feed")[1]
    assert "revoked" in run(db_arg, "reminders", "feed", "--revoke")[1]
    assert "no feed address" in run(db_arg, "reminders", "feed")[1]
