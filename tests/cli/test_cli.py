"""The CLI contract: commands, JSON shapes, exit codes and messages scripts rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from orchardist.cli.main import cli
from tests.exports import linkedin_2024

ROWS = [
    (
        "Ada",
        "Lovelace",
        "https://www.linkedin.com/in/ada",
        "ada@x.example",
        "Analytical",
        "Engineer",
        "22 Nov 2026",
    ),
    ("Alan", "Turing", "https://www.linkedin.com/in/alan", "", "Bletchley", "Cryptanalyst", "03 Mar 2024"),
]


def run(db: str, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], input=input, catch_exceptions=False)


@pytest.fixture
def connections(tmp_path: Path, corpus: Path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_bytes(linkedin_2024(corpus, ROWS + [("", "", "", "", "", "", "4 Apr 2024")]))
    return path


def test_import_json_report(db_arg: str, connections: Path) -> None:
    result = run(db_arg, "import", str(connections), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert {k: report[k] for k in ("format", "added", "merged")} == {
        "format": "linkedin",
        "added": 2,
        "merged": 0,
    }
    assert report["skipped"] == [
        {"line": 7, "reason": report["skipped"][0]["reason"], "code": "row.only_connection_date"}
    ]
    again = json.loads(run(db_arg, "import", str(connections), "--json", "--format", "linkedin").output)
    assert (again["added"], again["merged"]) == (0, 2)


def test_import_refused_exits_2_with_file_reason_and_line(db_arg: str, tmp_path: Path) -> None:
    bad = tmp_path / "long.csv"
    bad.write_bytes(b"First Name,Last Name,Connected On\n" + b"A" * 1_048_576 + b"\n")
    result = CliRunner().invoke(cli, ["--db", db_arg, "import", str(bad), "--json"])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "line 2" in result.stderr and "nothing was stored" in result.stderr
    assert result.stdout == ""
    assert json.loads(run(db_arg, "people", "list", "--json").output) == []


def test_import_of_a_missing_file_is_refused(db_arg: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", db_arg, "import", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2 and "cannot read" in result.stderr


def test_people_list_json_has_the_contract_fields(db_arg: str, connections: Path) -> None:
    run(db_arg, "import", str(connections))
    people = json.loads(run(db_arg, "people", "list", "--json").output)
    assert [p["name"] for p in people] == ["Ada Lovelace", "Alan Turing"]
    required = {
        "id",
        "name",
        "given_name",
        "family_name",
        "organisation",
        "title",
        "emails",
        "phones",
        "urls",
        "tags",
        "tier",
        "last_contact",
    }
    assert required <= set(people[0])
    assert people[0]["emails"] == ["ada@x.example"] and people[0]["last_contact"] is None
    found = json.loads(run(db_arg, "people", "list", "--search", "bletch", "--json").output)
    assert [p["name"] for p in found] == ["Alan Turing"]


def test_add_edit_show_log_delete(db_arg: str) -> None:
    added = run(
        db_arg,
        "people",
        "add",
        "--given",
        "Amira",
        "--family",
        "Haddad",
        "--email",
        "amira@x.example",
        "--tag",
        "workshop",
        "--tier",
        "active",
        "--json",
    )
    assert added.exit_code == 0, added.output
    person_id = str(json.loads(added.output)["id"])
    edited = run(db_arg, "people", "edit", person_id, "--title", "Analyst", "--birthday", "--02-29", "--json")
    assert json.loads(edited.output)["birthday"] == "--02-29"
    logged = run(
        db_arg,
        "log",
        person_id,
        "--kind",
        "coffee",
        "--direction",
        "gave",
        "--summary",
        "Shared a lead",
        "--date",
        "2026-11-20",
    )
    assert logged.exit_code == 0, logged.output
    shown = json.loads(run(db_arg, "people", "show", person_id, "--json").output)
    assert shown["title"] == "Analyst" and shown["last_contact"] == "2026-11-20"
    assert shown["interactions"][0]["direction"] == "gave"
    assert "Amira Haddad" in run(db_arg, "people", "show", person_id).output
    assert run(db_arg, "people", "delete", person_id, "--yes").exit_code == 0
    assert run(db_arg, "people", "show", person_id).exit_code == 1


@pytest.mark.parametrize(
    "args",
    [
        ["people", "add", "--email", "x@y.example"],
        ["people", "add", "--name", "Bo", "--email", "nope"],
        ["people", "add", "--name", "Bo", "--birthday", "1999-02-30"],
        ["log", "1", "--kind", "coffee", "--direction", "took", "--summary", "x"],
        ["log", "1", "--kind", "coffee", "--direction", "gave", "--summary", "x", "--date", "2099-01-01"],
        ["export", "--format", "pdf"],
    ],
)
def test_bad_input_exits_2(db_arg: str, args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["--db", db_arg, *args])
    assert result.exit_code == 2, result.output
    assert json.loads(run(db_arg, "people", "list", "--json").output) == []


def test_unknown_person_exits_1(db_arg: str) -> None:
    for args in (
        ["people", "show", "42"],
        ["people", "edit", "42", "--title", "x"],
        ["log", "42", "--kind", "call", "--direction", "social", "--summary", "x"],
    ):
        result = CliRunner().invoke(cli, ["--db", db_arg, *args])
        assert result.exit_code == 1 and "no person with id 42" in result.stderr


def test_duplicates_and_merge(db_arg: str) -> None:
    first = json.loads(
        run(db_arg, "people", "add", "--given", "Robert", "--family", "Smith", "--json").output
    )["id"]
    second = json.loads(run(db_arg, "people", "add", "--given", "Bob", "--family", "Smith", "--json").output)[
        "id"
    ]
    pairs = json.loads(run(db_arg, "people", "duplicates", "--json").output)
    assert [(p["first"]["id"], p["second"]["id"]) for p in pairs] == [(first, second)]
    assert pairs[0]["reasons"] and 0 < pairs[0]["score"] <= 1
    assert run(db_arg, "people", "merge", str(first), str(second)).exit_code == 0
    assert len(json.loads(run(db_arg, "people", "list", "--json").output)) == 1


def test_export_formats_to_stdout_and_file(db_arg: str, connections: Path, tmp_path: Path) -> None:
    run(db_arg, "import", str(connections))
    assert run(db_arg, "export", "--format", "vcard").output.startswith("BEGIN:VCARD")
    assert "Lovelace" in run(db_arg, "export", "--format", "csv").output
    out = tmp_path / "backup.json"
    assert run(db_arg, "export", "--format", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["format"] == "orchardist-backup"


def test_db_from_the_environment(network_env: tuple[str, Path]) -> None:
    db, connections = network_env
    result = CliRunner().invoke(cli, ["import", str(connections), "--json"], env={"ORCHARDIST_DB": db})
    assert json.loads(result.output)["added"] == 2


@pytest.fixture
def network_env(tmp_path: Path, connections: Path) -> tuple[str, Path]:
    return str(tmp_path / "env.sqlite3"), connections


def test_backup_and_restore_commands(tmp_path: Path, connections: Path) -> None:
    db = str(tmp_path / "live.sqlite3")
    run(db, "import", str(connections))
    copy = tmp_path / "copy.sqlite3"
    assert run(db, "backup", str(copy)).exit_code == 0
    run(db, "people", "delete", "1", "--yes")
    assert run(db, "restore", str(copy), "--yes").exit_code == 0
    assert len(json.loads(run(db, "people", "list", "--json").output)) == 2
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database")
    result = CliRunner().invoke(cli, ["--db", db, "restore", str(bad), "--yes"])
    assert result.exit_code == 2 and "nothing was changed" in result.stderr


def test_help_starts_without_heavy_imports() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from orchardist.cli.main import cli\n"
        "heavy = [m for m in ('sqlalchemy', 'rich', 'vobject', 'rapidfuzz', 'alembic') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_today_lists_whom_to_tend_as_json_in_rank_order(db_arg: str) -> None:
    added = run(db_arg, "people", "add", "--name", "Ana Silva", "--tier", "inner", "--json")
    person_id = json.loads(added.output)["id"]
    result = run(
        db_arg,
        "log",
        str(person_id),
        "--kind",
        "coffee",
        "--direction",
        "asked",
        "--summary",
        "Advice",
        "--date",
        "2026-11-20",
    )
    assert result.exit_code == 0, result.output
    result = run(db_arg, "today", "--date", "2026-11-21", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {
            "person_id": person_id,
            "name": "Ana Silva",
            "reason": "thank_you_owed",
            "why": "You met or were helped on 2026-11-20; a thank-you is due by 2026-11-22.",
            "action": "Send a thank-you note, then log it as a thank-you.",
            "due": "2026-11-22",
        }
    ]
    later = json.loads(run(db_arg, "today", "--date", "2027-01-20", "--json").output)
    assert [item["reason"] for item in later] == ["give_before_ask"]  # all so far was an ask
    assert "Ana Silva" in run(db_arg, "today", "--date", "2027-01-20").output
    refused = CliRunner().invoke(cli, ["--db", db_arg, "today", "--date", "20-11-2026"])
    assert refused.exit_code == 2 and "--date" in refused.output


def test_snooze_reconnect_and_the_ledger_in_people_show(db_arg: str) -> None:
    added = run(db_arg, "people", "add", "--name", "Ana Silva", "--tier", "inner", "--every", "14", "--json")
    person_id = str(json.loads(added.output)["id"])
    run(
        db_arg,
        "log",
        person_id,
        "--kind",
        "advice",
        "--direction",
        "asked",
        "--summary",
        "CV",
        "--date",
        "2026-11-01",
    )
    shown = json.loads(run(db_arg, "people", "show", person_id, "--json").output)
    assert shown["ledger"] == {"gave": 0, "asked": 1, "mutual": 0, "social": 0}
    assert shown["next_due"] == "2026-11-15"
    result = run(db_arg, "snooze", person_id, "--until", "2099-01-01")
    assert result.exit_code == 0, result.output
    assert json.loads(run(db_arg, "today", "--json").output) == []
    assert run(db_arg, "reconnect", "add", person_id).exit_code == 0
    listed = json.loads(run(db_arg, "reconnect", "list", "--json").output)
    assert [item["person_id"] for item in listed] == [int(person_id)]
    shown = json.loads(run(db_arg, "people", "show", person_id, "--json").output)
    assert shown["today"] == "snoozed" and shown["snoozed_until"] == "2099-01-01"
    ended = run(db_arg, "unsnooze", person_id)
    assert ended.exit_code == 0 and f"#{person_id}: snooze ended" in ended.output
    other = json.loads(run(db_arg, "people", "add", "--name", "Ben Roy", "--json").output)["id"]
    both = run(db_arg, "snooze", person_id, str(other), "--until", "2099-01-01")
    assert "snoozed Ana Silva" in both.output and "snoozed Ben Roy" in both.output
    dismissed = run(db_arg, "dismiss", person_id, "--reason", "overdue", "--due", "2026-11-15")
    assert dismissed.exit_code == 0
    back = run(db_arg, "undismiss", person_id, "--reason", "overdue", "--due", "2026-11-15")
    assert back.exit_code == 0 and "is back" in back.output
    missing = CliRunner().invoke(cli, ["--db", db_arg, "snooze", "999", "--until", "2099-01-01"])
    assert missing.exit_code == 1 and "no person with id 999" in missing.output
    past = CliRunner().invoke(cli, ["--db", db_arg, "snooze", person_id, "--until", "2001-01-01"])
    assert past.exit_code == 2 and "in the past" in past.output
