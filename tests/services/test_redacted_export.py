"""A redacted export, in every format: no private notes, no discretion marks, no About me; and every
file that leaves the app is named neutrally."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from orchardist.cli.main import cli
from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.formats import registry
from orchardist.services.discretion import set_about_me
from orchardist.services.exporting import export_file, export_network, restore, write_export_folder
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network, open_network
from orchardist.services.people import add_person, list_people

WRITERS = [written.name for written in registry.exporters()]
DOWNLOADS = [written.name for written in registry.downloads()]
PRIVATE = (
    "Secret note about Ann",
    "Interaction note: she hinted at a role",
    "Fabrikam Secretive",
    "discreet",
)
MARKS = ("knows_search", "coworker_override")


def _fill(network: Network) -> None:
    set_about_me(
        network,
        {
            "my_name": "Dan Wu",
            "employer": "Fabrikam Secretive",
            "work_domains": ["fabrikam.example"],
            "search_mode": "discreet",
        },
    )
    ann = add_person(
        network,
        Person(
            display_name="Ann Lee",
            organisation="Northwind",
            emails=("ann@northwind.example",),
            notes=PRIVATE[0],
            knows_search=True,
            coworker_override=False,
        ),
    )
    add_person(network, Person(display_name="Bo Chen", organisation="Fabrikam", coworker_override=True))
    log_interaction(
        network,
        [ann.id or 0],
        direction=Direction.ASKED,
        kind="coffee",
        summary="Coffee near the office",
        notes=PRIVATE[1],
        on=date(2026, 11, 2),
    )


def _exported(network: Network, fmt: str, folder: Path, *, redact: bool = False) -> str:
    """The export as text: a folder format's files one after the other."""
    if not registry.exporter(fmt).folder:
        return export_network(network, fmt, redact=redact).decode("utf-8-sig")
    write_export_folder(network, fmt, folder, redact=redact)
    return "".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.vcf")))


@pytest.mark.parametrize("fmt", WRITERS)
def test_a_redacted_export_holds_nothing_private(network: Network, fmt: str, tmp_path: Path) -> None:
    _fill(network)
    whole = _exported(network, fmt, tmp_path / "whole")
    redacted = _exported(network, fmt, tmp_path / "redacted", redact=True)
    for words in (*PRIVATE, *MARKS):
        assert words not in redacted, (fmt, words)
    assert "Ann Lee" in redacted and "Northwind" in redacted  # the network itself is all there
    assert PRIVATE[0] in whole  # and the full export keeps the notes


def test_the_full_backup_keeps_the_marks_and_about_me(network: Network) -> None:
    _fill(network)
    backup = json.loads(export_network(network, "json"))
    ann = next(person for person in backup["people"] if person["display_name"] == "Ann Lee")
    assert (ann["knows_search"], ann["coworker_override"]) == (True, "no")
    assert backup["settings"]["search_mode"] == "discreet"
    redacted = json.loads(export_network(network, "json", redact=True))
    assert "search_mode" not in redacted["settings"] and "employer" not in redacted["settings"]
    assert all("notes" not in person["sources"] for person in redacted["people"])


def test_backups_restore_the_marks_and_a_redacted_one_restores_without_them(
    network: Network, tmp_path: Path
) -> None:
    _fill(network)
    for redact, marked in ((False, True), (True, False)):
        path = tmp_path / f"backup-{redact}.json"
        path.write_bytes(export_network(network, "json", redact=redact))
        fresh = open_network(str(tmp_path / f"fresh-{redact}.sqlite3"))
        try:
            restore(fresh, path)
            people = {item.person.display_name: item.person for item in list_people(fresh)}
        finally:
            fresh.close()
        assert people["Ann Lee"].knows_search is marked
        assert (people["Bo Chen"].coworker_override is True) is marked
        assert (people["Ann Lee"].notes == PRIVATE[0]) is marked


@pytest.mark.parametrize("fmt", DOWNLOADS)  # a vdir's files are named after UIDs (test_neutral_words)
@pytest.mark.parametrize("redact", [False, True])
def test_export_file_names_are_neutral(network: Network, fmt: str, redact: bool) -> None:
    _fill(network)
    name = export_file(network, fmt, redact=redact).file_name.casefold()
    assert name.startswith(("orchardist", "contacts"))
    for telling in (
        "ann",
        "lee",
        "northwind",
        "fabrikam",
        "dan",
        "job",
        "search",
        "resume",
        "cv",
        "discreet",
    ):
        assert telling not in name


@pytest.mark.parametrize("fmt", DOWNLOADS)
def test_the_cli_redacts_too(network: Network, db_arg: str, fmt: str, tmp_path: Path) -> None:
    _fill(network)
    target = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--db", db_arg, "export", "--format", fmt, "--redact", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    text = target.read_bytes().decode("utf-8-sig")
    assert "Ann Lee" in text and not any(words in text for words in (*PRIVATE, *MARKS))
    printed = CliRunner().invoke(cli, ["--db", db_arg, "export", "--format", fmt, "--redact"])
    assert printed.exit_code == 0 and PRIVATE[0] not in printed.stdout
