"""The Export page: downloads with neutral names, a checked backup, and a restore that refuses bad files."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

import httpx2
import pytest
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person, count_people, list_people
from orchardist.store.failures import StoreError
from orchardist.store.messages import FAILED_CHECK
from orchardist.web.routes import exports

HTML = {"accept": "text/html"}
# Each format's media type and file name, whose {day} is the day of the download.
FORMATS = {
    "vcard": ("text/vcard; charset=utf-8", "orchardist-{day}.vcf"),
    "csv": ("text/csv; charset=utf-8", "orchardist-{day}.csv"),
    "json": ("application/json", "orchardist-backup-{day}.json"),
}


def _is_sqlite(network: Network) -> bool:
    return network.on_sqlite_file


@pytest.fixture
def tom(network: Network) -> Person:
    person = add_person(
        network,
        Person(
            display_name="Tom Becker",
            given_name="Tom",
            family_name="Becker",
            organisation="Northwind Labs",
            emails=("tom@northwind.example",),
        ),
    )
    assert person.id is not None
    log_interaction(network, [person.id], direction=Direction.GAVE, kind="coffee", summary="Shared a lead")
    return person


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The temporary directories the app makes for backups and uploads, recorded for the test."""
    made: list[Path] = []
    real_mkdtemp = tempfile.mkdtemp

    def recording_mkdtemp(
        suffix: str | None = None, prefix: str | None = None, dir: str | None = None
    ) -> str:
        path = real_mkdtemp(suffix, prefix, dir)
        if prefix and prefix.startswith("orchardist-"):
            made.append(Path(path))
        return path

    monkeypatch.setattr(tempfile, "mkdtemp", recording_mkdtemp)
    return made


def _all_removed(scratch: list[Path]) -> bool:
    return bool(scratch) and not any(path.exists() for path in scratch)


def test_the_page_explains_every_format(today: date, client: TestClient, network: Network) -> None:
    day = today.isoformat()
    response = client.get("/export", headers=HTML)
    assert response.status_code == 200
    assert response.template.name == "exports/index.html"  # type: ignore[attr-defined]
    context = response.context  # type: ignore[attr-defined]
    # Every format the registry writes, in its order.
    assert [item["file_name"] for item in context["formats"]] == [
        f"orchardist-backup-{day}.json",
        f"orchardist-{day}.vcf",
        f"orchardist-{day}.csv",
    ]
    if _is_sqlite(network):
        assert (context["backup_kind"], context["backup_file"]) == (
            "sqlite",
            f"orchardist-backup-{day}.sqlite3",
        )
    else:
        assert (context["backup_kind"], context["backup_file"]) == ("json", f"orchardist-backup-{day}.json")
    page = response.text
    for words in (
        "address books",
        "spreadsheets",
        "Formula-safe",
        "full backup",
        'formaction="/export/vcard"',
    ):
        assert words in page


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_export_downloads_under_a_neutral_name(
    today: date, client: TestClient, network: Network, other_network: Network, tom: Person, fmt: str
) -> None:
    add_person(other_network, Person(display_name="Bob's Secret Contact", organisation="Hidden Corp"))
    response = client.get(f"/export/{fmt}")
    assert response.status_code == 200
    media_type, template = FORMATS[fmt]
    file_name = template.format(day=today.isoformat())
    assert response.headers["content-type"] == media_type
    assert response.headers["content-disposition"] == f'attachment; filename="{file_name}"'
    headers = " ".join(f"{name}: {value}" for name, value in response.headers.items()).lower()
    for secret in ("tom", "becker", "northwind"):
        assert secret not in headers
    body = response.content.decode("utf-8-sig")
    assert "Tom Becker" in body and "Northwind Labs" in body
    assert "Bob's Secret Contact" not in body and "Hidden Corp" not in body
    if fmt == "vcard":
        assert body.startswith("BEGIN:VCARD")
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body)))
        assert [(row["Name"], row["Organisation"]) for row in rows] == [("Tom Becker", "Northwind Labs")]
    else:
        document = json.loads(body)
        assert document["format"] == "orchardist-backup"
        assert [person["display_name"] for person in document["people"]] == ["Tom Becker"]
        assert len(document["interactions"]) == 1


def test_the_vcard_download_offers_its_versions(client: TestClient, tom: Person) -> None:
    page = client.get("/export", headers=HTML).text
    assert 'name="version"' in page and '<option value="4.0">4.0</option>' in page
    four = client.get("/export/vcard?version=4.0").content
    assert four.startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n") and b"UID:urn:uuid:" in four
    assert client.get("/export/vcard").content.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    # The page's one form sends the version with every button: the other formats pass it over.
    assert client.get("/export/csv?version=4.0").status_code == 200
    assert client.get("/export/vcard?version=2.1", headers=HTML).status_code == 404
    assert client.get("/export/vdir", headers=HTML).status_code == 404


def test_an_unknown_format_is_not_found(client: TestClient) -> None:
    assert client.get("/export/xlsx", headers=HTML).status_code == 404
    assert client.get("/export/backup").status_code == 404


def test_the_backup_is_checked_and_leaves_no_file_behind(
    today: date,
    client: TestClient,
    network: Network,
    tom: Person,
    csrf: str,
    scratch: list[Path],
    tmp_path: Path,
) -> None:
    day = today.isoformat()
    response = client.post("/export/backup", data={"csrf_token": csrf})
    assert response.status_code == 200
    assert "tom" not in response.headers["content-disposition"].lower()
    if _is_sqlite(network):
        assert response.headers["content-type"] == "application/vnd.sqlite3"
        assert (
            response.headers["content-disposition"]
            == f'attachment; filename="orchardist-backup-{day}.sqlite3"'
        )
        copy = tmp_path / "downloaded.sqlite3"
        copy.write_bytes(response.content)
        conn = sqlite3.connect(copy)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("SELECT display_name FROM people").fetchall() == [("Tom Becker",)]
        finally:
            conn.close()
    else:
        assert response.headers["content-type"] == "application/json"
        assert (
            response.headers["content-disposition"] == f'attachment; filename="orchardist-backup-{day}.json"'
        )
        document = response.json()
        assert document["format"] == "orchardist-backup"
        assert [person["display_name"] for person in document["people"]] == ["Tom Becker"]
    assert _all_removed(scratch)


def test_a_failed_backup_says_why_without_temporary_paths(
    client: TestClient, tom: Person, csrf: str, scratch: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_backup(network: Network, target: Path) -> str:
        raise StoreError(FAILED_CHECK(file=f"{target}.partial", problems="page 3 is never used"))

    monkeypatch.setattr(exports, "backup", failing_backup)
    response = client.post("/export/backup", data={"csrf_token": csrf}, headers=HTML)
    assert response.status_code == 500
    assert response.template.name == "exports/index.html"  # type: ignore[attr-defined]
    error = response.context["backup_error"]  # type: ignore[attr-defined]
    assert error == "the backup failed its integrity check: page 3 is never used"
    assert "attachment" not in response.headers.get("content-disposition", "")
    assert _all_removed(scratch)


def _restore(
    client: TestClient, csrf: str, name: str, content: bytes, *, confirm: bool = True
) -> httpx2.Response:
    data = {"csrf_token": csrf}
    if confirm:
        data["confirm"] = "replace-everything"
    return client.post(
        "/export/restore",
        data=data,
        files={"backup_file": (name, content, "application/octet-stream")},
        headers=HTML,
        follow_redirects=False,
    )


def test_a_backup_restores_everything_it_held(
    client: TestClient, network: Network, tom: Person, csrf: str, scratch: list[Path]
) -> None:
    saved = client.post("/export/backup", data={"csrf_token": csrf}).content
    add_person(network, Person(display_name="Added After The Backup"))
    assert count_people(network) == 2

    name = "orchardist-backup.sqlite3" if _is_sqlite(network) else "orchardist-backup.json"
    response = _restore(client, csrf, name, saved)
    assert response.status_code == 303
    assert response.headers["location"] == (
        "/export?restored=sqlite" if _is_sqlite(network) else "/export?restored=json"
    )
    assert [listing.person.display_name for listing in list_people(network)] == ["Tom Becker"]
    assert _all_removed(scratch)

    page = client.get(response.headers["location"], headers=HTML)
    assert page.context["restored"] in {"sqlite", "json"}  # type: ignore[attr-defined]
    assert "Restored" in page.text


def test_a_json_export_restores_on_either_database(
    client: TestClient, network: Network, tom: Person, csrf: str
) -> None:
    saved = client.get("/export/json").content
    add_person(network, Person(display_name="Added After The Backup"))
    response = _restore(client, csrf, "orchardist-backup.json", saved)
    assert response.status_code == 303
    assert response.headers["location"] == "/export?restored=json"
    people = list_people(network)
    assert [listing.person.display_name for listing in people] == ["Tom Becker"]
    assert people[0].last_contact is not None


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.sqlite3", b"SQLite format 3\x00" + b"\x13" * 4000),
        ("broken.json", b'{"format": "orchardist-backup", "version": 1, "people": ['),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ],
)
def test_a_corrupt_backup_is_refused_and_changes_nothing(
    client: TestClient,
    network: Network,
    tom: Person,
    csrf: str,
    scratch: list[Path],
    name: str,
    content: bytes,
) -> None:
    response = _restore(client, csrf, name, content)
    assert response.status_code == 400
    assert response.template.name == "exports/index.html"  # type: ignore[attr-defined]
    error = response.context["restore_error"]  # type: ignore[attr-defined]
    assert error.startswith(f"Nothing was restored from {name}: ")
    assert all(str(path) not in error for path in scratch)
    assert "Nothing was changed" in response.text
    assert [listing.person.display_name for listing in list_people(network)] == ["Tom Becker"]
    assert _all_removed(scratch)


def test_an_sqlite_file_that_is_not_orchardist_is_refused(
    client: TestClient, network: Network, tom: Person, csrf: str, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    response = _restore(client, csrf, "other.sqlite3", other.read_bytes())
    assert response.status_code == 400
    assert response.context["restore_error"]  # type: ignore[attr-defined]
    assert count_people(network) == 1


def test_a_restore_needs_the_confirmation_and_a_file(
    client: TestClient, network: Network, tom: Person, csrf: str
) -> None:
    saved = client.get("/export/json").content
    add_person(network, Person(display_name="Added After The Backup"))
    unconfirmed = _restore(client, csrf, "orchardist-backup.json", saved, confirm=False)
    assert unconfirmed.status_code == 400
    assert "Replace everything" in unconfirmed.context["restore_error"]  # type: ignore[attr-defined]
    no_file = client.post(
        "/export/restore", data={"csrf_token": csrf, "confirm": "replace-everything"}, headers=HTML
    )
    assert no_file.status_code == 400
    assert "choose a backup file" in no_file.context["restore_error"]  # type: ignore[attr-defined]
    assert count_people(network) == 2


def test_backup_and_restore_need_the_csrf_token(client: TestClient, network: Network, tom: Person) -> None:
    assert client.post("/export/backup").status_code == 403
    assert client.post("/export/backup", data={"csrf_token": "forged"}).status_code == 403
    response = client.post(
        "/export/restore",
        data={"confirm": "replace-everything"},
        files={"backup_file": ("b.json", b"{}", "application/json")},
    )
    assert response.status_code == 403
    assert count_people(network) == 1
