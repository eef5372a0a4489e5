"""``orchardist leads``, ``who-knows``, ``groups``, ``events`` and ``capture --lead``."""

from __future__ import annotations

import json

from click.testing import CliRunner, Result

from orchardist.cli.main import cli


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def _json(db: str, *args: str) -> object:
    result = run(db, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _person(db: str, name: str, *more: str) -> int:
    added = _json(db, "people", "add", "--name", name, *more)
    assert isinstance(added, dict)
    return int(added["id"])


def test_a_chance_encounter_becomes_a_lead_that_moves_and_links(db_arg: str) -> None:
    captured = _json(
        db_arg, "capture", "Man on the train", "--lead", "Hiring testers", "--organisation", "CN"
    )
    assert isinstance(captured, dict) and captured["lead"]["source_person_id"] == captured["person"]["id"]
    first = captured["lead"]["id"]

    added = _json(
        db_arg, "leads", "add", "CN", "--role", "QA", "--next-step", "Call", "--next-on", "2026-12-01"
    )
    assert isinstance(added, dict) and added["next_step_on"] == "2026-12-01"
    linked = _json(db_arg, "leads", "link", str(added["id"]), "--via-lead", str(first))
    assert isinstance(linked, dict)
    assert [step["link"] for step in linked["story"]] == ["via_lead", "told"]
    moved = _json(db_arg, "leads", "move", str(added["id"]), "applied", "--done")
    assert isinstance(moved, dict) and (moved["status"], moved["next_step_on"]) == ("applied", None)

    listed = _json(db_arg, "leads", "list", "--status", "applied")
    assert isinstance(listed, list) and [lead["id"] for lead in listed] == [added["id"]]
    shown = run(db_arg, "leads", "show", str(added["id"]))
    assert shown.exit_code == 0 and "Man on the train" in shown.output

    missing = run(db_arg, "leads", "move", "999", "closed")
    assert missing.exit_code == 1 and "no lead with id 999" in missing.output
    refused = run(db_arg, "leads", "add")
    assert refused.exit_code == 2 and "organisation" in refused.output


def test_passing_a_lead_on_is_a_give(db_arg: str) -> None:
    ana = _person(db_arg, "Ana Silva")
    lead = _json(db_arg, "leads", "add", "Mila", "--role", "ML engineer")
    assert isinstance(lead, dict)
    passed = run(db_arg, "leads", "pass-on", str(lead["id"]), str(ana))
    assert passed.exit_code == 0, passed.output
    shown = _json(db_arg, "people", "show", str(ana))
    assert isinstance(shown, dict) and shown["ledger"]["gave"] == 1
    assert shown["interactions"][0]["summary"] == "Passed on a lead: ML engineer — Mila"


def test_who_knows_lists_the_warm_path_as_json(db_arg: str) -> None:
    ana = _person(db_arg, "Ana Silva", "--organisation", "IBM Canada Ltd.")
    found = _json(db_arg, "who-knows", "I.B.M.")
    assert isinstance(found, list)
    assert [(item["person_id"], item["why"], item["path"]) for item in found] == [
        (ana, "works at IBM Canada Ltd.", "You → Ana Silva (IBM Canada Ltd.)")
    ]
    assert set(found[0]) >= {"person_id", "name", "path", "why"}
    nobody = run(db_arg, "who-knows", "Initech")
    assert nobody.exit_code == 0 and "Nobody" in nobody.output


def test_groups_and_events_with_the_people_met(db_arg: str) -> None:
    ana, ben = _person(db_arg, "Ana"), _person(db_arg, "Ben")
    group = _json(db_arg, "groups", "add", "PyMTL", "--kind", "meetup")
    assert isinstance(group, dict)
    event = _json(
        db_arg,
        "events",
        "add",
        "Demo night",
        "--group",
        str(group["id"]),
        "--met",
        str(ana),
        "--met",
        f"{ben}",
    )
    assert isinstance(event, dict) and [person["name"] for person in event["met"]] == ["Ana", "Ben"]
    assert _json(db_arg, "events", "list") == [event]
    shown = _json(db_arg, "groups", "show", str(group["id"]))
    assert isinstance(shown, dict) and shown["events"] == [event]
    person = _json(db_arg, "people", "show", str(ana))
    assert isinstance(person, dict) and [met["name"] for met in person["met_at"]] == ["Demo night"]
    bad = run(db_arg, "events", "add", "Gala", "--met", "x")
    assert bad.exit_code == 2
