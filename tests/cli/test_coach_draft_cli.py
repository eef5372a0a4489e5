"""``orchardist coach templates`` and ``coach draft``: the CLI contract of the coach's templates."""

from __future__ import annotations

import json

from click.testing import CliRunner, Result

from orchardist.cli.main import cli
from orchardist.coach.builtin_templates import BUILTIN

DRAFT_KEYS = {
    "template",
    "lang",
    "to",
    "name",
    "email",
    "subject",
    "body",
    "mailto",
    "findings",
    "log",
    "other",
}
FINDING_KEYS = {"rule", "severity", "start", "end", "message", "suggestion"}


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def _person(db: str, *args: str) -> str:
    added = run(db, "people", "add", *args, "--json")
    assert added.exit_code == 0, added.output
    return str(json.loads(added.output)["id"])


def test_templates_lists_each_with_its_code(db_arg: str) -> None:
    result = run(db_arg, "coach", "templates")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(BUILTIN)
    assert lines[0].split()[1:3] == ["social", "built-in"]
    assert "Ask for advice" in result.stdout


def test_templates_as_json_in_french(db_arg: str) -> None:
    result = run(db_arg, "coach", "templates", "--lang", "fr", "--json")
    found = json.loads(result.stdout)["templates"]
    assert [item["code"] for item in found] == list(BUILTIN)
    advice = next(item for item in found if item["code"] == "advice")
    assert advice["name"] == "Demander conseil" and advice["gives"] == "asks"
    assert advice["body"].startswith("Bonjour {given_name},")
    assert next(item for item in found if item["code"] == "double-opt-in")["introduction"] is True


def test_draft_prints_the_message_the_coachs_remarks_and_how_to_log_it(db_arg: str) -> None:
    ana = _person(db_arg, "--name", "Ana Silva", "--email", "ana@example.org", "--organisation", "Northwind")
    result = run(db_arg, "coach", "draft", "advice", "--to", ana)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:4] == ["To: Ana Silva <ana@example.org>", "Subject: A question for you", "", "Hi Ana,"]
    assert any(line.startswith("Coach: advice  ask-without-giving:") for line in lines)
    assert (
        lines[-1]
        == f"Once sent: orchardist log {ana} --direction asked --kind advice --summary 'Ask for advice'"
    )


def test_draft_as_json(db_arg: str) -> None:
    ana = _person(db_arg, "--name", "Ana Silva", "--email", "ana@example.org")
    result = run(db_arg, "coach", "draft", "reconnect", "--to", ana, "--lang", "fr", "--json")
    assert result.exit_code == 0, result.output
    drafted = json.loads(result.stdout)
    assert set(drafted) == DRAFT_KEYS
    assert (drafted["template"], drafted["lang"], drafted["to"]) == ("reconnect", "fr", int(ana))
    assert drafted["body"].startswith("Bonjour Ana,") and drafted["subject"] == "Bonjour"
    assert drafted["mailto"].startswith("mailto:ana@example.org?subject=Bonjour&body=")
    assert drafted["log"] == {"direction": "social", "kind": "message"} and drafted["other"] is None
    assert all(set(finding) == FINDING_KEYS for finding in drafted["findings"])


def test_a_double_opt_in_introduction_drafts_one_message_to_each(db_arg: str) -> None:
    ana = _person(db_arg, "--name", "Ana Silva")
    omar = _person(db_arg, "--name", "Omar Haddad", "--organisation", "Acme")
    drafted = json.loads(
        run(db_arg, "coach", "draft", "double-opt-in", "--to", ana, "--with", omar, "--json").stdout
    )
    assert "introduce you to Omar Haddad, who works at Acme" in drafted["body"]
    assert drafted["other"]["to"] == int(omar) and "introduce you to Ana Silva." in drafted["other"]["body"]
    shown = run(db_arg, "coach", "draft", "double-opt-in", "--to", ana, "--with", omar).stdout
    assert shown.count("To: ") == 2


def test_draft_refusals_say_what_and_exit_non_zero(db_arg: str) -> None:
    ana = _person(db_arg, "--name", "Ana Silva")
    unknown = run(db_arg, "coach", "draft", "gossip", "--to", ana)
    assert unknown.exit_code == 1 and "there is no template 'gossip'" in unknown.stderr
    nobody = run(db_arg, "coach", "draft", "advice", "--to", "999")
    assert nobody.exit_code == 1 and "no person with id 999" in nobody.stderr
    lonely = run(db_arg, "coach", "draft", "double-opt-in", "--to", ana)
    assert lonely.exit_code == 2 and "with: an introduction needs the other person" in lonely.stderr
    missing = run(db_arg, "coach", "draft", "advice")
    assert missing.exit_code == 2 and "--to" in missing.stderr
    for result in (unknown, nobody, lonely, missing):
        assert "Traceback" not in result.output


def test_draft_to_a_coworker_in_discreet_mode_warns(db_arg: str) -> None:
    assert run(db_arg, "me", "set", "--employer", "Contoso Ltd", "--search-mode", "discreet").exit_code == 0
    sam = _person(db_arg, "--name", "Sam Lee", "--organisation", "Contoso (UK)")
    checked = CliRunner().invoke(
        cli,
        ["--db", db_arg, "coach", "check", "--to", sam, "--json"],
        input="Hi Sam, I am interviewing elsewhere.",
        catch_exceptions=False,
    )
    rules = [finding["rule"] for finding in json.loads(checked.stdout)["findings"]]
    assert rules[0] == "reveals-job-search-to-unsafe-contact"
