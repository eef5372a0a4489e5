"""Imports and exports over the API: the CLI's report, refusals that store nothing, the upload CSRF rule."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.network import Network
from orchardist.services.people import add_person, count_people, list_people
from orchardist.web.app import create_app
from tests.web.test_api_people import ScriptClient, assert_documented

API = "/api/v1"
SCRIPT = {"X-Orchardist-Client": "test-suite"}
REPORT_KEYS = {"format", "added", "merged", "skipped", "updated", "interactions", "job_changes", "file"}
VCARD = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Chen\r\nN:Chen;Bo;;;\r\nEMAIL:bo@example.org\r\nEND:VCARD\r\n"
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nN:Silva;Ana;;;\r\nTITLE:Analyst\r\nEND:VCARD\r\n"
)
LINKEDIN = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Yuki,Tanaka,https://www.linkedin.com/in/yuki-tanaka,,Northwind,Designer,02 Mar 2023\n"
)


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


def _upload(name: str, data: bytes) -> dict[str, tuple[str, bytes]]:
    return {"file": (name, data)}


# Imports -----------------------------------------------------------------------------------------


def test_a_script_imports_a_vcard_file(script: ScriptClient, network: Network) -> None:
    response = script.post(f"{API}/imports", files=_upload("contacts.vcf", VCARD), headers=SCRIPT)
    assert response.status_code == 200, response.text
    report = response.json()
    assert set(report) == REPORT_KEYS | {"dry_run"}
    assert (report["format"], report["added"], report["merged"], report["file"]) == (
        "vcard",
        2,
        0,
        "contacts.vcf",
    )
    assert report["dry_run"] is False and report["skipped"] == []
    assert sorted(item.person.display_name for item in list_people(network)) == ["Ana Silva", "Bo Chen"]
    again = script.post(f"{API}/imports", files=_upload("contacts.vcf", VCARD), headers=SCRIPT).json()
    assert (again["added"], again["merged"]) == (0, 2)
    assert count_people(network) == 2


def test_the_app_imports_with_its_token_and_a_chosen_format(
    client: TestClient, csrf: str, network: Network
) -> None:
    response = client.post(
        f"{API}/imports",
        files=_upload("Connections.csv", LINKEDIN),
        data={"format": "linkedin"},
        headers={"X-CSRF-Token": csrf},
    )
    assert response.status_code == 200, response.text
    assert (response.json()["format"], response.json()["added"]) == ("linkedin", 1)
    (yuki,) = list_people(network)
    assert (yuki.person.organisation, yuki.person.title) == ("Northwind", "Designer")


def test_a_dry_run_stores_nothing(script: ScriptClient, network: Network) -> None:
    response = script.post(
        f"{API}/imports", files=_upload("contacts.vcf", VCARD), data={"dry_run": "true"}, headers=SCRIPT
    )
    assert response.status_code == 200
    assert (response.json()["added"], response.json()["dry_run"]) == (2, True)
    assert count_people(network) == 0


@pytest.mark.parametrize(
    ("name", "data", "fmt", "line"),
    [
        ("notes.txt", b"just some words", "auto", None),
        ("Connections.csv", b"First Name,Last Name\nAna,Silva\n", "vcard", 1),
        ("empty.vcf", b"", "auto", None),
    ],
)
def test_a_refused_file_stores_nothing_and_says_where(
    script: ScriptClient, network: Network, name: str, data: bytes, fmt: str, line: int | None
) -> None:
    response = script.post(f"{API}/imports", files=_upload(name, data), data={"format": fmt}, headers=SCRIPT)
    assert response.status_code == 400, response.text
    detail = response.json()["detail"]
    assert (detail["file"], detail["line"]) == (name, line) and detail["reason"]
    assert count_people(network) == 0


def test_a_hostile_vcard_is_refused(script: ScriptClient, network: Network, corpus: Path) -> None:
    data = (corpus / "hostile" / "vobject-error.vcf").read_bytes()
    response = script.post(f"{API}/imports", files=_upload("vobject-error.vcf", data), headers=SCRIPT)
    assert response.status_code == 400 and response.json()["detail"]["file"] == "vobject-error.vcf"
    assert count_people(network) == 0


def test_only_the_file_name_is_kept(script: ScriptClient) -> None:
    for sent in ("../../etc/contacts.vcf", "C:\\Users\\dan\\contacts.vcf"):
        report = script.post(f"{API}/imports", files=_upload(sent, VCARD), headers=SCRIPT).json()
        assert report["file"] == "contacts.vcf"


@pytest.mark.parametrize(
    ("files", "data"),
    [(None, {"format": "auto"}), (_upload("a.vcf", VCARD), {"format": "excel"})],
)
def test_malformed_uploads_are_validation_errors(
    script: ScriptClient, network: Network, files: dict[str, tuple[str, bytes]] | None, data: dict[str, str]
) -> None:
    response = script.post(f"{API}/imports", files=files, data=data, headers=SCRIPT)
    assert response.status_code == 422
    assert count_people(network) == 0


# Who may upload ----------------------------------------------------------------------------------


def test_a_cross_site_upload_is_refused(client: TestClient, csrf: str, script: ScriptClient) -> None:
    for caller, headers in (
        (script, {"Origin": "https://evil.example"}),  # an HTML form on another site: no cookie
        (script, {**SCRIPT, "Origin": "https://evil.example"}),
        (script, {**SCRIPT, "Sec-Fetch-Site": "cross-site"}),
        (script, {**SCRIPT, "Origin": "null"}),
        (client, {"X-CSRF-Token": csrf, "Origin": "https://evil.example"}),
        (client, {"X-CSRF-Token": csrf, "Sec-Fetch-Site": "same-site"}),
    ):
        response = caller.post(f"{API}/imports", files=_upload("contacts.vcf", VCARD), headers=headers)
        assert response.status_code == 403, headers
    assert client.get(f"{API}/people").json()["total"] == 0


def test_a_browser_upload_needs_the_token(client: TestClient, network: Network) -> None:
    for headers in (
        {},
        SCRIPT,  # a browser holding the cookie cannot pass for a script
        {"X-CSRF-Token": "forged"},
        {"X-CSRF-Token": "é".encode("latin-1")},
    ):
        response = client.post(f"{API}/imports", files=_upload("contacts.vcf", VCARD), headers=headers)
        assert response.status_code == 403, headers
    assert count_people(network) == 0


def test_a_script_upload_needs_the_script_header(script: ScriptClient, network: Network) -> None:
    for headers in ({}, {"X-Orchardist-Client": " "}, {"X-CSRF-Token": "guessed"}):
        response = script.post(f"{API}/imports", files=_upload("contacts.vcf", VCARD), headers=headers)
        assert response.status_code == 403, headers
        assert "X-" in response.json()["detail"]
    same_origin = {**SCRIPT, "Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    response = script.post(f"{API}/imports", files=_upload("contacts.vcf", VCARD), headers=same_origin)
    assert response.status_code == 200
    assert count_people(network) == 2


# Exports -----------------------------------------------------------------------------------------

# Each format's media type and file name, whose {day} is the day of the download.
FORMATS = {
    "vcard": ("text/vcard", "orchardist-{day}.vcf"),
    "csv": ("text/csv", "orchardist-{day}.csv"),
    "json": ("application/json", "orchardist-backup-{day}.json"),
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exports_have_the_media_type_and_a_neutral_name(
    today: date, script: ScriptClient, network: Network, other_network: Network, fmt: str
) -> None:
    add_person(network, Person(display_name="Tom Becker", organisation="Northwind Labs"))
    add_person(other_network, Person(display_name="Dan Park", organisation="Contoso"))
    response = script.get(f"{API}/exports/{fmt}")
    assert response.status_code == 200
    media_type, template = FORMATS[fmt]
    file_name = template.format(day=today.isoformat())
    assert response.headers["content-type"].split(";")[0] == media_type
    disposition = response.headers["content-disposition"]
    assert disposition == f'attachment; filename="{file_name}"'
    assert "Becker" not in disposition and "Northwind" not in disposition
    assert response.headers["cache-control"] == "no-store"
    text = response.content.decode("utf-8-sig")
    assert "Tom Becker" in text and "Dan Park" not in text and "Contoso" not in text
    if fmt == "csv":
        assert len(list(csv.reader(io.StringIO(text)))) == 2  # the header and Tom
    if fmt == "json":
        assert [person["display_name"] for person in json.loads(text)["people"]] == ["Tom Becker"]


def test_a_vcard_export_of_either_version_carries_the_uids(script: ScriptClient, network: Network) -> None:
    tom = add_person(network, Person(display_name="Tom Becker"))
    three = script.get(f"{API}/exports/vcard").content
    four = script.get(f"{API}/exports/vcard", params={"version": "4.0"}).content
    assert f"\r\nUID:{tom.uid}\r\n".encode() in three and b"VERSION:3.0" in three
    assert f"\r\nUID:urn:uuid:{tom.uid}\r\n".encode() in four and b"VERSION:4.0" in four
    assert script.get(f"{API}/exports/vcard", params={"version": "2.1"}).status_code == 422
    assert script.get(f"{API}/exports/vdir").status_code == 422  # a folder: the command line's
    refused = script.get(f"{API}/exports/csv", params={"version": "4.0"})
    assert refused.status_code == 400 and refused.json()["code"] == "file.no_export_version"


def test_an_unknown_export_format_is_a_validation_error(script: ScriptClient) -> None:
    assert script.get(f"{API}/exports/xlsx").status_code == 422


def test_a_json_export_restores_through_an_import(
    script: ScriptClient, network: Network, other_network: Network
) -> None:
    tom = Person(display_name="Tom Becker", emails=("tom@northwind.example",), tags=("mentor",))
    add_person(network, tom)
    backup = script.get(f"{API}/exports/json").content
    with ScriptClient(create_app(other_network), base_url="http://localhost") as bob:
        report = bob.post(f"{API}/imports", files=_upload("backup.json", backup), headers=SCRIPT).json()
    assert (report["format"], report["added"]) == ("json", 1)
    (restored,) = list_people(other_network)
    assert (restored.person.emails, restored.person.tags) == (tom.emails, tom.tags)


def test_file_answers_fit_the_documented_schemas(script: ScriptClient) -> None:
    document = script.get(f"{API}/openapi.json").json()
    for files, headers in (
        (_upload("contacts.vcf", VCARD), SCRIPT),
        (_upload("notes.txt", b"words"), SCRIPT),
        (_upload("contacts.vcf", VCARD), {}),
        (None, SCRIPT),
    ):
        response = script.post(f"{API}/imports", files=files, headers=headers)
        assert_documented(document, "POST", "/api/v1/imports", response)
    exports = document["paths"]["/api/v1/exports/{format}"]["get"]["responses"]["200"]["content"]
    assert set(exports) == {media_type for media_type, _name in FORMATS.values()}
