"""``orchardist coach check``: findings as a readable list or JSON, in English or French, the
recipient's ledger with ``--to``, and what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from orchardist.cli.main import cli

MESSAGE = "Hi there,\nare you guys hiring? I'm desperate."
KEYS = {"rule", "severity", "start", "end", "message", "suggestion"}


def run(db: str, *args: str, given: bytes | str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", db, "coach", "check", *args], input=given, catch_exceptions=False)


def _person(db: str, *args: str) -> str:
    added = CliRunner().invoke(cli, ["--db", db, "people", "add", *args, "--json"], catch_exceptions=False)
    assert added.exit_code == 0, added.output
    return str(json.loads(added.output)["id"])


def test_findings_are_listed_with_line_column_severity_rule_why_and_suggestion(db_arg: str) -> None:
    result = run(db_arg, given=MESSAGE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "2:1  warning  asks-for-job-openings  “are you guys hiring”"
    assert lines[1].startswith("    Asking whether there are openings")
    assert lines[2].startswith("    → Ask for advice or an introduction instead")
    assert lines[3] == "2:26  warning  begging-tone  “desperate”"


def test_json_gives_each_finding_with_character_offsets(db_arg: str, tmp_path: Path) -> None:
    path = tmp_path / "message.txt"
    path.write_text(MESSAGE, encoding="utf-8")
    result = run(db_arg, str(path), "--json")
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [set(finding) for finding in findings] == [KEYS, KEYS]
    first = findings[0]
    assert (first["rule"], first["severity"]) == ("asks-for-job-openings", "warning")
    assert MESSAGE[first["start"] : first["end"]] == "are you guys hiring"


def test_french_findings_with_lang_fr(db_arg: str) -> None:
    result = run(db_arg, "--lang", "fr", "--json", given="Est-ce que vous embauchez ?")
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["message"].startswith("Demander s’il y a des postes ouverts")
    assert finding["suggestion"].startswith("Demandez plutôt un conseil")


def test_a_good_message_has_no_findings_and_exits_0(db_arg: str) -> None:
    result = run(db_arg, given="Could I ask your advice on moving into data engineering?")
    assert result.exit_code == 0
    assert result.stdout == "No findings: nothing in the message to change.\n"
    assert json.loads(run(db_arg, "--json", given="Thanks again!").stdout) == {"findings": []}


def test_to_reads_the_recipients_ledger_and_name(db_arg: str) -> None:
    ana = _person(db_arg, "--name", "Ana Silva", "--organisation", "Northwind")
    result = run(
        db_arg, "--to", ana, "--from", "me@example.org", "--json", given="Could you introduce me to Marc?"
    )
    assert result.exit_code == 0, result.output
    rules = [finding["rule"] for finding in json.loads(result.stdout)["findings"]]
    assert rules == ["no-personal-touch", "ask-without-giving"]
    personal = run(db_arg, "--to", ana, "--json", given="Ana, could you introduce me to Marc?")
    assert "no-personal-touch" not in personal.stdout


def test_an_unknown_person_exits_1(db_arg: str) -> None:
    result = run(db_arg, "--to", "4242", given="Hello")
    assert result.exit_code == 1
    assert result.stderr == "orchardist: no person with id 4242\n"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (b"", "orchardist: there is no message to check: it is empty\n"),
        (b"  \n\t", "orchardist: there is no message to check: it is empty\n"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "orchardist: the message is not text (it holds NUL bytes); give it as UTF-8 text\n",
        ),
        (b"caf\xe9", "orchardist: the message is not UTF-8 text (byte 3 cannot be read)\n"),
    ],
)
def test_empty_or_binary_input_is_refused_in_one_line(db_arg: str, given: bytes, said: str) -> None:
    result = run(db_arg, given=given)
    assert (result.exit_code, result.stderr, result.stdout) == (2, said, "")


def test_a_byte_order_mark_is_not_part_of_the_message(db_arg: str) -> None:
    result = run(db_arg, "--json", given="\ufeffAny openings?".encode())
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["start"], finding["end"]) == (0, 12)
