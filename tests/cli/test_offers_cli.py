"""``orchardist offers`` and the give-before-ask warning of ``orchardist log``."""

from __future__ import annotations

import json

from click.testing import CliRunner, Result

from orchardist.cli.main import cli


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def _person(db: str, name: str, *needs: str) -> str:
    args = ["people", "add", "--name", name, "--json"]
    for need in needs:
        args += ["--could-use-help-with", need]
    added = run(db, *args)
    assert added.exit_code == 0, added.output
    return str(json.loads(added.output)["id"])


def _log(db: str, person_id: str, direction: str, *others: str) -> Result:
    args = [
        "log",
        person_id,
        "--kind",
        "advice",
        "--direction",
        direction,
        "--summary",
        "CV",
        "--date",
        "2026-12-01",
    ]
    for other in others:
        args += ["--with", other]
    return run(db, *args)


def test_add_list_and_remove(db_arg: str) -> None:
    added = run(db_arg, "offers", "add", "--kind", "skill", "  Reviewing résumés ", "--json")
    assert added.exit_code == 0, added.output
    offer = json.loads(added.output)
    assert set(offer) == {"id", "kind", "text", "created_at"}
    assert (offer["kind"], offer["text"]) == ("skill", "Reviewing résumés")
    plain = run(db_arg, "offers", "add", "--kind", "introduction", "Hiring managers at Northwind")
    assert plain.exit_code == 0 and "added offer #" in plain.output
    listed = json.loads(run(db_arg, "offers", "list", "--json").output)
    assert [item["text"] for item in listed] == ["Reviewing résumés", "Hiring managers at Northwind"]
    assert listed[0] == offer
    text = run(db_arg, "offers", "list").output
    assert "skill" in text and "Reviewing résumés" in text
    removed = run(db_arg, "offers", "remove", str(offer["id"]))
    assert removed.exit_code == 0 and f"removed offer #{offer['id']}" in removed.output
    assert len(json.loads(run(db_arg, "offers", "list", "--json").output)) == 1


def test_refusals(db_arg: str) -> None:
    blank = CliRunner().invoke(cli, ["--db", db_arg, "offers", "add", "--kind", "skill", "   "])
    assert blank.exit_code == 2 and "text: say what you can offer" in blank.stderr
    long = CliRunner().invoke(cli, ["--db", db_arg, "offers", "add", "--kind", "skill", "x" * 501])
    assert long.exit_code == 2 and "text: must be at most 500 characters" in long.stderr
    kind = CliRunner().invoke(cli, ["--db", db_arg, "offers", "add", "--kind", "talent", "Juggling"])
    assert kind.exit_code == 2
    missing = CliRunner().invoke(cli, ["--db", db_arg, "offers", "remove", "42"])
    assert missing.exit_code == 1 and "no offer with id 42" in missing.stderr
    assert json.loads(run(db_arg, "offers", "list", "--json").output) == []


def test_matches(db_arg: str) -> None:
    assert "No matches" in run(db_arg, "offers", "matches").output
    run(db_arg, "offers", "add", "--kind", "skill", "Reviewing résumés")
    ana = _person(db_arg, "Ana Silva", "moving", "résumé review")
    _person(db_arg, "Bo Chen", "gardening")
    found = json.loads(run(db_arg, "offers", "matches", "--json").output)
    assert [(item["person"], item["need"], item["offer"]["text"]) for item in found] == [
        ({"id": int(ana), "name": "Ana Silva"}, "résumé review", "Reviewing résumés")
    ]
    text = run(db_arg, "offers", "matches").output
    assert f"Ana Silva (#{ana}) could use help with 'résumé review'" in text
    assert "you offered 'Reviewing résumés'" in text


def test_an_ask_of_someone_only_taken_from_warns_but_is_logged(db_arg: str) -> None:
    run(db_arg, "offers", "add", "--kind", "skill", "Gardening")
    run(db_arg, "offers", "add", "--kind", "skill", "Reviewing résumés")
    ana = _person(db_arg, "Ana Silva", "résumé review")
    first = _log(db_arg, ana, "asked")
    assert first.exit_code == 0 and first.stderr == ""  # a first ask takes nothing yet
    second = _log(db_arg, ana, "asked")
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("logged advice (asked)")
    warning = second.stderr
    assert warning.startswith("orchardist: warning: so far you have only asked of Ana Silva")
    assert "1 ask, nothing given" in warning and "Give before you ask again" in warning
    assert "'Reviewing résumés', as they could use help with 'résumé review'" in warning
    shown = json.loads(run(db_arg, "people", "show", ana, "--json").output)
    assert len(shown["interactions"]) == 2


def test_the_warning_with_json_output_keeps_stdout_clean(db_arg: str) -> None:
    ana = _person(db_arg, "Ana Silva")
    _log(db_arg, ana, "asked")
    result = run(db_arg, "log", ana, "--kind", "call", "--direction", "asked", "--summary", "x", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["direction"] == "asked"
    assert "orchardist offers add" in result.stderr  # no offers yet: say where to write them


def test_no_warning_for_other_directions_or_after_a_give(db_arg: str) -> None:
    ana = _person(db_arg, "Ana Silva")
    _log(db_arg, ana, "asked")
    assert _log(db_arg, ana, "social").stderr == ""
    assert _log(db_arg, ana, "gave").stderr == ""
    assert _log(db_arg, ana, "asked").stderr == ""


def test_everyone_in_a_group_ask_is_checked(db_arg: str) -> None:
    ana = _person(db_arg, "Ana Silva")
    bo = _person(db_arg, "Bo Chen")
    _log(db_arg, bo, "asked")
    result = _log(db_arg, ana, "asked", bo)
    assert result.exit_code == 0
    assert "Bo Chen" in result.stderr and "Ana Silva" not in result.stderr


def test_an_ask_of_an_unknown_person_exits_1(db_arg: str) -> None:
    result = CliRunner().invoke(
        cli, ["--db", db_arg, "log", "42", "--kind", "x", "--direction", "asked", "--summary", "x"]
    )
    assert result.exit_code == 1 and "no person with id 42" in result.stderr
