"""``orchardist me`` and the discretion options of ``people``, as the CLI contract says."""

from __future__ import annotations

import json

from click.testing import CliRunner

from orchardist.cli.main import cli


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def test_me_set_and_show(db_arg: str) -> None:
    code, out, err = run(
        db_arg,
        "me",
        "set",
        "--name",
        "Dan Wu",
        "--employer",
        "Contoso Ltd",
        "--employer-alias",
        "Fabrikam",
        "--employer-alias",
        "Contoso Pizza",
        "--work-domain",
        "contoso.com",
        "--search-mode",
        "discreet",
    )
    assert code == 0 and "saved; job search discreet" in out, err
    shown = json.loads(run(db_arg, "me", "show", "--json")[1])
    assert shown["name"] == "Dan Wu" and shown["employer"] == "Contoso Ltd"
    assert shown["employer_aliases"] == ["Fabrikam", "Contoso Pizza"] and shown["work_domains"] == [
        "contoso.com"
    ]
    assert shown["search_mode"] == "discreet"
    code, out, _err = run(db_arg, "me", "set", "--employer-alias", "")
    assert code == 0
    shown = json.loads(run(db_arg, "me", "show", "--json")[1])
    assert shown["employer_aliases"] == [] and shown["employer"] == "Contoso Ltd"  # the rest stays
    code, out, _err = run(db_arg, "me", "show")
    assert code == 0 and "employer:       Contoso Ltd" in out and "job search:     discreet" in out


def test_me_set_refusals(db_arg: str) -> None:
    code, _out, err = run(db_arg, "me", "set", "--work-domain", "not a domain")
    assert code == 2 and "work_domains" in err and "not an e-mail domain" in err
    code, _out, err = run(db_arg, "me", "set", "--search-mode", "secret")
    assert code == 2 and "secret" in err
    code, _out, err = run(db_arg, "me", "set")
    assert code == 2 and "nothing to change" in err


def test_people_edit_marks_and_show_json_flags(db_arg: str) -> None:
    run(
        db_arg,
        "me",
        "set",
        "--employer",
        "Contoso Ltd",
        "--work-domain",
        "contoso.com",
        "--search-mode",
        "discreet",
    )
    added = json.loads(
        run(db_arg, "people", "add", "--name", "Bo", "--organisation", "Contoso Pizza Co", "--json")[1]
    )
    assert (added["coworker"], added["coworker_maybe"], added["knows_search"]) == (False, True, False)
    person = str(added["id"])
    code, out, err = run(
        db_arg, "people", "edit", person, "--knows-search", "yes", "--coworker", "yes", "--json"
    )
    assert code == 0, err
    edited = json.loads(out)
    assert (edited["coworker"], edited["coworker_maybe"], edited["knows_search"]) == (True, False, True)
    assert edited["coworker_override"] == "yes"
    shown = json.loads(run(db_arg, "people", "show", person, "--json")[1])
    assert (shown["coworker"], shown["knows_search"]) == (True, True)
    run(db_arg, "people", "edit", person, "--coworker", "auto", "--knows-search", "no")
    shown = json.loads(run(db_arg, "people", "show", person, "--json")[1])
    assert (shown["coworker"], shown["coworker_maybe"], shown["knows_search"]) == (False, True, False)
    code, _out, err = run(db_arg, "people", "edit", person, "--coworker", "maybe")
    assert code == 2 and "maybe" in err
    listed = json.loads(run(db_arg, "people", "list", "--json")[1])
    assert listed[0]["coworker_maybe"] is True


def test_log_and_settings_warn_in_discreet_mode(db_arg: str) -> None:
    run(
        db_arg,
        "me",
        "set",
        "--employer",
        "Contoso",
        "--work-domain",
        "contoso.com",
        "--search-mode",
        "discreet",
    )
    person = json.loads(
        run(db_arg, "people", "add", "--name", "Ann Lee", "--email", "ann@contoso.com", "--json")[1]
    )
    code, _out, err = run(
        db_arg, "log", str(person["id"]), "--kind", "advice", "--direction", "asked", "--summary", "CV"
    )
    assert code == 0 and "warning: Ann Lee works at your employer" in err
    code, _out, err = run(
        db_arg, "log", str(person["id"]), "--kind", "coffee", "--direction", "gave", "--summary", "x"
    )
    assert code == 0 and "works at your employer" not in err
    code, out, err = run(db_arg, "settings", "set", "digest_to=dan@mail.contoso.com")
    assert code == 0 and "saved digest_to" in out
    assert "warning: digest_to is at your work domain contoso.com" in err
    shown = json.loads(run(db_arg, "me", "show", "--json")[1])
    assert [warning["code"] for warning in shown["warnings"]] == ["discretion.digest_at_work"]
    run(db_arg, "me", "set", "--search-mode", "open")
    code, _out, err = run(db_arg, "settings", "set", "digest_to=dan@mail.contoso.com")
    assert code == 0 and "warning" not in err


def test_people_show_says_what_to_know_before_an_ask(db_arg: str) -> None:
    run(db_arg, "me", "set", "--employer", "Contoso Ltd", "--search-mode", "discreet")
    bo = json.loads(
        run(db_arg, "people", "add", "--name", "Bo Lind", "--organisation", "Contoso", "--json")[1]
    )
    ana = json.loads(run(db_arg, "people", "add", "--name", "Ana Li", "--email", "ana@x.org", "--json")[1])
    twin = json.loads(run(db_arg, "people", "add", "--name", "Ana Li", "--email", "ana@x.org", "--json")[1])
    code, _out, err = run(
        db_arg, "log", str(ana["id"]), "--kind", "advice", "--direction", "asked", "--summary", "CV"
    )
    assert code == 0, err
    # A co-worker who does not know of the search, in discreet mode: the same warning as the Person page.
    shown = json.loads(run(db_arg, "people", "show", str(bo["id"]), "--json")[1])
    assert [warning["code"] for warning in shown["warnings"]] == ["discretion.ask_of_coworker"]
    assert "Bo Lind" in shown["warnings"][0]["detail"] and shown["likely_duplicates"] == []
    code, out, _err = run(db_arg, "people", "show", str(bo["id"]))
    assert code == 0 and f"  warning: {shown['warnings'][0]['detail']}" in out
    # Someone only asked of so far, with a record that is probably them.
    shown = json.loads(run(db_arg, "people", "show", str(ana["id"]), "--json")[1])
    assert shown["warnings"] == [
        {
            "detail": "So far you have only asked of Ana Li (asks: 1, nothing given): give before you ask "
            "again.",
            "code": "offers.give_before_ask",
            "params": {"name": "Ana Li", "asked": 1},
        }
    ]
    assert [(item["id"], item["name"]) for item in shown["likely_duplicates"]] == [(twin["id"], "Ana Li")]
    assert 0 < shown["likely_duplicates"][0]["score"] <= 1 and shown["likely_duplicates"][0]["reasons"]
    code, out, _err = run(db_arg, "people", "show", str(ana["id"]))
    assert code == 0 and "give before you ask again" in out
    assert f"may be the same as   Ana Li (id {twin['id']})" in out
    # Once they know of the search and something was given, nothing to warn of.
    run(db_arg, "people", "edit", str(bo["id"]), "--knows-search", "yes")
    run(db_arg, "log", str(ana["id"]), "--kind", "article", "--direction", "gave", "--summary", "x")
    for person in (bo, ana):
        assert json.loads(run(db_arg, "people", "show", str(person["id"]), "--json")[1])["warnings"] == []
