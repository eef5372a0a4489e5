"""``orchardist presence``, ``pitch`` and ``card`` in process."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner, Result

from orchardist.cli.main import cli


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def test_presence_add_edit_list_check_and_remove(db_arg: str) -> None:
    run(db_arg, "me", "set", "--search-mode", "discreet")
    added = run(
        db_arg,
        "presence", "add", "linkedin", "--name", "Amélie Côté", "--title", "Data Analyst",
        "--employer", "Maple Health", "--open-to-work", "yes", "--url", "https://www.linkedin.com/in/amelie",
        "--position-start", "2021-03", "--json",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert json.loads(added.output)["open_to_work"] is True
    plain = run(db_arg, "presence", "add", "resume", "--name", "Amy Cote", "--position-start", "2021-05")
    assert plain.exit_code == 0 and "added your Résumé profile" in plain.output
    assert run(db_arg, "presence", "add", "linkedin").exit_code == 2
    edited = run(db_arg, "presence", "edit", "resume", "--reviewed", "today", "--nickname", "yes")
    assert edited.exit_code == 0, edited.output
    listed = json.loads(run(db_arg, "presence", "list", "--json").output)
    assert [item["platform"] for item in listed] == ["linkedin", "resume"] and listed[1]["nickname"] is True
    report = json.loads(run(db_arg, "presence", "check", "--json").output)
    assert set(report) == {"findings"}
    rules = [finding["rule"] for finding in report["findings"]]
    assert rules[0] == "open_to_work_public" and "dates_differ" in rules and "name_differs" not in rules
    assert set(report["findings"][0]) == {"rule", "severity", "platforms", "values", "message"}
    assert "[high] open_to_work_public" in run(db_arg, "presence", "check").output
    refused = run(db_arg, "presence", "edit", "linkedin", "--position-start", "March")
    assert refused.exit_code == 2 and "position_start: expected a month as YYYY-MM" in refused.output
    assert run(db_arg, "presence", "remove", "github").exit_code == 1
    assert run(db_arg, "presence", "remove", "resume").exit_code == 0


def test_presence_import_reads_the_exports_zip(db_arg: str, tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "Positions.csv",
            "Company Name,Title,Description,Location,Started On,Finished On\nMaple,Analyst,,,Mar 2021,\n",
        )
    done = run(db_arg, "presence", "import", str(path))
    assert done.exit_code == 0, done.output
    assert "added your LinkedIn profile from Positions.csv (1 positions read)" in done.output
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", b"\0" * (3 * 1024 * 1024))
    refused = run(db_arg, "presence", "import", str(bomb))
    assert refused.exit_code == 2 and "compressed over 100 times" in refused.output


def test_pitch_set_show_and_practice(db_arg: str) -> None:
    assert (
        run(db_arg, "pitch", "set", "--part", "who", "I am Amélie, a data analyst in health care.").exit_code
        == 0
    )
    asked = run(db_arg, "pitch", "set", "--part", "ask", "Do you know of any openings?")
    assert "coach:" in asked.output
    shown = json.loads(run(db_arg, "pitch", "show", "--seconds", "30", "--json").output)
    assert shown["words"] == 15 and shown["seconds"] == 6 and shown["words_per_minute"] == 140
    assert shown["versions"]["30"]["parts"] == ["who", "ask"]
    text = run(db_arg, "pitch", "show").output
    assert "Who I am: I am Amélie" in text and "at 140 words a minute" in text
    practised = run(db_arg, "pitch", "practice", "--where", "Meetup", "--note", "Went well", "--json")
    assert json.loads(practised.output)["where"] == "Meetup"
    assert run(db_arg, "pitch", "practice", "--where", "Later", "--date", "2999-01-01").exit_code == 2


def test_card_in_every_format(db_arg: str, tmp_path: Path) -> None:
    refused = run(db_arg, "card", "--format", "vcf", "-o", str(tmp_path / "card.vcf"))
    assert refused.exit_code == 2 and "About me" in refused.output
    run(
        db_arg,
        "me",
        "set",
        "--name",
        "Amélie Côté",
        "--employer",
        "Maple Health",
        "--search-mode",
        "discreet",
    )
    made = run(
        db_arg, "card", "--format", "vcf", "-o", str(tmp_path / "card.vcf"), "--email", "amelie@example.org"
    )
    assert made.exit_code == 0, made.output
    text = (tmp_path / "card.vcf").read_text(encoding="utf-8")
    assert "FN:Amélie Côté" in text and "EMAIL;TYPE=INTERNET:amelie@example.org" in text and "ORG" not in text
    for fmt, head in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
        out = tmp_path / f"card.{fmt}"
        assert run(db_arg, "card", "--format", fmt, "--paper", "letter", "-o", str(out)).exit_code == 0
        assert out.read_bytes().startswith(head)
    shown = run(db_arg, "card", "--format", "vcf", "-o", str(tmp_path / "shown.vcf"), "--show-employer")
    assert shown.exit_code == 0 and "ORG:Maple Health" in (tmp_path / "shown.vcf").read_text(encoding="utf-8")


def test_the_commands_choices_are_the_registries() -> None:
    from orchardist.cli import card, pitch, presence
    from orchardist.domain.pitch import PARTS
    from orchardist.domain.presence import Visibility
    from orchardist.services.card import FORMATS, PAPERS

    assert pitch.PARTS == list(PARTS)
    assert card.FORMATS == list(FORMATS) and card.PAPERS == list(PAPERS)
    assert presence.VISIBILITIES == [item.value for item in Visibility]
