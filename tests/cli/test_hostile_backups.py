"""Hostile JSON backups, each one a way a backup crashed Orchardist or slipped a value past its rules:
restored or imported from the command line, the API and the Export page, on SQLite and PostgreSQL,
every one is refused in one plain line (exit 2, 400), with no traceback and no name from the network,
and the store is exactly as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from orchardist.cli.main import cli
from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.exporting import export_file
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.web.app import create_app

SECRET_NAME = "Zebulon Quayle"
Backup = dict[str, Any]


def _set(table: str, field: str, value: object) -> Callable[[Backup], None]:
    def change(backup: Backup) -> None:
        backup[table][0][field] = value

    return change


def _setting(name: str, value: object) -> Callable[[Backup], None]:
    def change(backup: Backup) -> None:
        backup["settings"][name] = value

    return change


# What each backup does and a word the refusal must hold to say where.
HOSTILE: dict[str, tuple[Callable[[Backup], None], str]] = {
    "rhythm past 2**63": (_set("people", "every_days", 2**63), "every_days"),
    "rhythm of 999999999 days": (_set("people", "every_days", 999_999_999), "every_days"),
    "rhythm of no days": (_set("people", "every_days", 0), "every_days"),
    "a lone surrogate": (_set("people", "display_name", "Ana \ud800"), "display_name"),
    "a name of 1 MB": (_set("people", "display_name", "x" * 1_000_000), "display_name"),
    "a kind of 10,000 characters": (_set("interactions", "kind", "k" * 10_000), "kind"),
    "a NUL in a summary": (_set("interactions", "summary", "a\x00b"), "summary"),
    "a contact in the year 10000": (_set("interactions", "date", "10000-01-01"), "date"),
    "a tier that is not one": (_set("people", "tier", "overlord"), "tier"),
    "a weekday that is not one": (_setting("digest_weekday", "someday"), "digest_weekday"),
    "a tier rhythm past 2**70": (_setting("inner_days", 2**70), "inner_days"),
    "an unknown holiday": (_setting("holidays", ["not-a-holiday"]), "holidays"),
    "a port that is not a number": (_setting("smtp_port", "x"), "smtp_port"),
    "a passcode slipped in": (_setting("access_passcode", "x"), "access_passcode"),
}
# An import merges people and their contacts; it leaves the settings to the network it goes into.
READ_BY_IMPORT = [name for name, (change, _where) in HOSTILE.items() if "setting" not in change.__qualname__]


@pytest.fixture
def filled(network: Network) -> Network:
    """A network with one person and one contact, the shape every hostile backup starts from."""
    person = add_person(network, Person(display_name=SECRET_NAME, every_days=30))
    assert person.id is not None
    log_interaction(
        network, [person.id], on=date(2026, 3, 1), direction=Direction.GAVE, kind="coffee", summary="Coffee"
    )
    return network


def _hostile(network: Network, name: str) -> bytes:
    backup = json.loads(export_file(network, "json").content)
    change, _where = HOSTILE[name]
    change(backup)
    return json.dumps(backup).encode()


def _state(network: Network) -> bytes:
    return export_file(network, "json").content


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_backup_is_refused_by_restore_in_one_line(
    name: str, filled: Network, db_arg: str, tmp_path: Path
) -> None:
    before = _state(filled)
    path = tmp_path / "backup.json"
    path.write_bytes(_hostile(filled, name))
    result = CliRunner().invoke(cli, ["--db", db_arg, "restore", str(path), "--yes"])
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and SECRET_NAME not in result.stderr
    assert HOSTILE[name][1] in result.stderr and "nothing was changed" in result.stderr
    assert _state(filled) == before


@pytest.mark.parametrize("name", READ_BY_IMPORT)
def test_a_hostile_backup_is_refused_by_import_in_one_line(
    name: str, filled: Network, db_arg: str, tmp_path: Path
) -> None:
    before = _state(filled)
    path = tmp_path / "backup.json"
    path.write_bytes(_hostile(filled, name))
    result = CliRunner().invoke(cli, ["--db", db_arg, "import", str(path)])
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and SECRET_NAME not in result.stderr
    assert HOSTILE[name][1] in result.stderr and "nothing was stored" in result.stderr
    assert _state(filled) == before


@pytest.mark.parametrize("name", READ_BY_IMPORT)
def test_a_hostile_backup_is_refused_by_the_api(name: str, filled: Network) -> None:
    before = _state(filled)
    with TestClient(create_app(filled), base_url="http://localhost") as client:
        response = client.post(
            "/api/v1/imports",
            files={"file": ("backup.json", _hostile(filled, name))},
            headers={"X-Orchardist-Client": "test"},
        )
    assert response.status_code == 400, response.text
    assert HOSTILE[name][1] in json.dumps(response.json()["detail"])
    assert "Traceback" not in response.text and SECRET_NAME not in response.text
    assert _state(filled) == before


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_backup_is_refused_by_the_export_page(name: str, filled: Network) -> None:
    before = _state(filled)
    with TestClient(create_app(filled), base_url="http://localhost") as client:
        client.get("/export")
        response = client.post(
            "/export/restore",
            data={"csrf_token": client.cookies["orchardist_csrf"], "confirm": "replace-everything"},
            files={"backup_file": ("backup.json", _hostile(filled, name), "application/json")},
            headers={"Accept": "text/html"},
        )
    assert response.status_code == 400
    assert "Nothing was restored from backup.json" in response.text
    assert "Traceback" not in response.text
    assert _state(filled) == before
