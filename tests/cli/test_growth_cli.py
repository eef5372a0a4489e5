"""``orchardist intro`` and ``orchardist share``: the contract's JSON, the workflow, and refusals."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from orchardist.cli.main import cli


def run(db: str, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], input=stdin, catch_exceptions=False)


def _person(db: str, name: str, *options: str) -> int:
    added = run(db, "people", "add", "--name", name, "--json", *options)
    assert added.exit_code == 0, added.output
    return int(json.loads(added.output)["id"])


def test_intro_suggest_start_move_and_list(db_arg: str) -> None:
    priya = _person(db_arg, "Priya Raman", "--could-use-help-with", "cloud certifications")
    omar = _person(db_arg, "Omar Haddad", "--can-help-with", "cloud certification coaching")
    suggested = run(db_arg, "intro", "suggest", "--json", "--limit", "5")
    assert suggested.exit_code == 0, suggested.output
    [pair] = json.loads(suggested.output)
    assert set(pair) >= {"a", "b", "why", "score"}
    assert (pair["a"]["id"], pair["b"]["id"]) == (priya, omar)
    assert pair["why"].startswith("Priya Raman could use help with cloud certifications; Omar Haddad offers")
    plain = run(db_arg, "intro", "suggest")
    assert "Priya Raman (#" in plain.output and "offers exactly that" in plain.output

    started = run(db_arg, "intro", "start", str(priya), str(omar), "--json")
    assert started.exit_code == 0, started.output
    intro = json.loads(started.output)
    assert intro["state"] == "started" and intro["next"]["state"] == "asked_a"
    assert "Omar Haddad" in intro["next"]["messages"][0]["body"]

    moved = run(db_arg, "intro", "move", str(intro["id"]), "asked_a", "--log")
    assert moved.exit_code == 0, moved.output
    assert "logged a give: Asked Priya Raman whether they would like to meet Omar Haddad" in moved.output
    back = run(db_arg, "intro", "move", str(intro["id"]), "started")
    assert back.exit_code == 2 and "cannot move" in back.output
    done = run(db_arg, "intro", "move", str(intro["id"]), "done", "--outcome", "They met")
    assert done.exit_code == 0, done.output
    listed = json.loads(run(db_arg, "intro", "list", "--json").output)
    assert [(item["state"], item["outcome"]) for item in listed] == [("done", "They met")]
    assert "done" in run(db_arg, "intro", "list").output
    assert run(db_arg, "intro", "move", "999", "declined").exit_code == 1
    assert run(db_arg, "intro", "start", str(priya), str(priya)).exit_code == 2

    received = run(db_arg, "intro", "received", str(omar), str(priya))
    assert received.exit_code == 0, received.output
    shown = json.loads(run(db_arg, "people", "show", str(priya), "--json").output)
    assert shown["met_through"]["id"] == omar


def test_share_suggest_reads_a_file_or_standard_input(db_arg: str, tmp_path: Path) -> None:
    omar = _person(db_arg, "Omar Haddad", "--interest", "Kubernetes", "--title", "Site Reliability Engineer")
    _person(db_arg, "Grace Tremblay", "--interest", "sourdough")
    article = tmp_path / "article.txt"
    article.write_text("Kubernetes clusters: upgrades without downtime.", encoding="utf-8")
    from_file = run(db_arg, "share", "suggest", str(article), "--json")
    assert from_file.exit_code == 0, from_file.output
    [best] = json.loads(from_file.output)
    assert set(best) >= {"person_id", "name", "score", "why"}
    assert best["person_id"] == omar and best["why"] == "interests: Kubernetes"
    piped = run(db_arg, "share", "suggest", "-", "--limit", "3", stdin="Kubernetes at scale")
    assert "Omar Haddad" in piped.output
    titled = run(db_arg, "share", "suggest", "--title", "Sourdough", "--link", "https://x.org/bread")
    assert "Grace Tremblay" in titled.output
    empty = run(db_arg, "share", "suggest", "--title", "the")
    assert empty.exit_code == 2 and "nothing to match" in empty.output
    note = run(db_arg, "share", "note", str(omar), "--title", "Kubernetes at scale", "--log", "--json")
    assert note.exit_code == 0, note.output
    assert json.loads(note.output)["logged"] is not None
