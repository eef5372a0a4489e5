"""``export --format vcard|vdir --vcard-version`` and ``reminders export --occasions``: the public contract
of issue 17, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from orchardist.cli.main import cli


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def _demo(db: str) -> None:
    assert run(db, "demo").exit_code == 0


def test_vcard_40_and_vdir_exports_come_back_adding_and_changing_nobody(db_arg: str, tmp_path: Path) -> None:
    _demo(db_arg)
    before = run(db_arg, "export", "--format", "json").output
    for version in ("3.0", "4.0"):
        target = tmp_path / f"cards-{version}.vcf"
        result = run(db_arg, "export", "--format", "vcard", "--vcard-version", version, "-o", str(target))
        assert result.exit_code == 0, result.output
        text = target.read_bytes().decode("utf-8")
        assert text.count("BEGIN:VCARD") == text.count("\r\nUID:") == 8
        assert f"VERSION:{version}\r\n" in text
        imported = run(db_arg, "import", str(target), "--json")
        assert '"added": 0' in imported.output and '"updated": 0' in imported.output
    folder = tmp_path / "vdir"
    result = run(db_arg, "export", "--format", "vdir", "--vcard-version", "4.0", "-o", str(folder))
    assert result.exit_code == 0, result.output
    assert "8 cards written, 0 unchanged, 0 removed" in result.output
    assert len(list(folder.glob("*.vcf"))) == 8
    # Each person's UID, as people list --json gives it, names their card.
    lines = run(db_arg, "people", "list", "--json").output.splitlines()
    listed = json.loads("\n".join(lines))
    assert sorted(f"{person['uid']}.vcf" for person in listed) == sorted(
        path.name for path in folder.glob("*.vcf")
    )
    assert (
        "0 cards written, 8 unchanged, 0 removed"
        in run(db_arg, "export", "--format", "vdir", "--vcard-version", "4.0", "-o", str(folder)).output
    )
    assert run(db_arg, "export", "--format", "json").output == before


def test_a_vdir_export_removes_the_card_of_someone_deleted(db_arg: str, tmp_path: Path) -> None:
    _demo(db_arg)
    folder = tmp_path / "vdir"
    run(db_arg, "export", "--format", "vdir", "-o", str(folder))
    (folder / "mine.vcf").write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mine\r\nEND:VCARD\r\n")
    assert run(db_arg, "people", "delete", "1", "--yes").exit_code == 0
    result = run(db_arg, "export", "--format", "vdir", "-o", str(folder))
    assert "0 cards written, 7 unchanged, 1 removed" in result.output
    assert len(list(folder.glob("*.vcf"))) == 8  # seven people, and the user's own card


def test_a_vdir_needs_a_folder_and_a_version_needs_a_vcard(db_arg: str, tmp_path: Path) -> None:
    result = run(db_arg, "export", "--format", "vdir")
    assert result.exit_code == 2 and "-o DIR" in result.output
    result = run(db_arg, "export", "--format", "csv", "--vcard-version", "4.0")
    assert result.exit_code == 2
    assert "the csv export has no versions to choose from; vcard, vdir have" in result.output
    assert run(db_arg, "export", "--format", "vcard", "--vcard-version", "2.1").exit_code == 2
    (tmp_path / "file").write_text("x")
    result = run(db_arg, "export", "--format", "vdir", "-o", str(tmp_path / "file"))
    assert result.exit_code == 2 and "is a file, not a folder" in result.output


def test_occasions_are_a_calendar_of_their_own_for_the_people_chosen(db_arg: str, tmp_path: Path) -> None:
    _demo(db_arg)
    assert run(db_arg, "people", "edit", "1", "--birthday", "1985-03-29").exit_code == 0
    assert run(db_arg, "people", "edit", "2", "--birthday", "--02-29").exit_code == 0
    target = tmp_path / "occasions.ics"
    result = run(db_arg, "reminders", "export", "--occasions", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "yearly occasions" in result.output
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") >= 2 and "RRULE:FREQ=YEARLY" in text
    assert "Orchardist: a birthday" in text
    chosen = run(db_arg, "reminders", "export", "--occasions", "--tag", "nobody-has-this", "-o", str(target))
    assert chosen.exit_code == 0 and "(0 yearly occasions)" in chosen.output
    refused = run(db_arg, "reminders", "export", "--tag", "demo", "-o", str(target))
    assert refused.exit_code == 2 and "--occasions" in refused.output
    refused = run(db_arg, "reminders", "export", "--occasions", "--days", "3", "-o", str(target))
    assert refused.exit_code == 2
