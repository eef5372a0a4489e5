"""The Import pages: a preview that stores nothing, an import that stores everything, refusals that
say what and where, and an uploaded file that never outlives its import."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.exporting import export_network
from orchardist.services.network import Network
from orchardist.services.people import add_person, count_people, list_people
from orchardist.web.app import create_app
from orchardist.web.routes import imports
from tests.exports import linkedin_2024, vcard

HTML = {"accept": "text/html"}
ROWS = [
    (
        "Ada",
        "Lovelace",
        "https://www.linkedin.com/in/ada-lovelace",
        "ada@x.example",
        "Analytical",
        "Engineer",
        "22 Nov 2026",
    ),
    ("", "", "", "", "", "", "01 Oct 2025"),
    (
        "Grace",
        "Hopper",
        "https://www.linkedin.com/in/grace-hopper",
        "",
        "Navy",
        "Rear Admiral",
        "01 Oct 2025",
    ),
    (
        "Alan",
        "Turing",
        "https://www.linkedin.com/in/alan-turing",
        "",
        "Bletchley",
        "Cryptanalyst",
        "03 Mar 2024",
    ),
]


@pytest.fixture(scope="session")
def short_temp() -> Iterator[Path]:
    """A folder with a short path in the system's temporary directory, removed when the tests end: the
    import sandbox's process server, started by the first test that imports, keeps its socket in that
    test's temporary directory for the rest of the run, and a socket's path is limited to 108 bytes
    (pytest's own temporary folders grow past that as runs accumulate)."""
    folder = Path(tempfile.mkdtemp(prefix="oi-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def private_temp(short_temp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The OS temporary directory, for this test alone."""
    folder = Path(tempfile.mkdtemp(dir=short_temp))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def connections(corpus: Path) -> bytes:
    return linkedin_2024(corpus, ROWS)


def _pending() -> list[Path]:
    return sorted(imports.pending_dir().iterdir())


def _preview(
    client: TestClient, csrf: str, content: bytes, name: str = "Connections.csv", fmt: str = "auto"
) -> httpx2.Response:
    return client.post(
        "/import/preview",
        data={"csrf_token": csrf, "fmt": fmt},
        files={"upload": (name, content, "text/csv")},
        headers=HTML,
    )


def test_the_page_takes_any_supported_file(client: TestClient) -> None:
    response = client.get("/import", headers=HTML)
    assert response.status_code == 200
    assert response.template.name == "imports/index.html"  # type: ignore[attr-defined]
    context = response.context  # type: ignore[attr-defined]
    assert list(context["formats"]) == ["auto", "json", "vcard", "linkedin", "google", "outlook"]
    assert context["max_bytes"] == 100 * 1024 * 1024
    assert 'type="file"' in response.text
    assert 'accept=".csv,.vcf,.json"' in response.text
    assert 'enctype="multipart/form-data"' in response.text


def test_the_preview_shows_what_would_change_and_stores_nothing(
    client: TestClient, network: Network, csrf: str, connections: bytes
) -> None:
    response = _preview(client, csrf, connections)
    assert response.status_code == 200
    assert response.template.name == "imports/preview.html"  # type: ignore[attr-defined]
    report = response.context["report"]  # type: ignore[attr-defined]
    assert (report["added"], report["merged"], report["updated"], report["skipped_count"]) == (3, 0, 0, 1)
    assert report["format"] == "linkedin"
    assert report["file"] == "Connections.csv"
    (skipped,) = report["skipped"]
    assert skipped.line == 6
    assert "no name" in str(skipped.reason)
    assert "Connections.csv" in response.text
    assert count_people(network) == 0
    token = response.context["token"]  # type: ignore[attr-defined]
    assert f'name="token" value="{token}"' in response.text
    # The upload waits on the server, named by the token only: not in a cookie, not in the address.
    assert [path.name for path in _pending()] == [f"{token}.json", f"{token}.preview.json", f"{token}.upload"]
    assert (imports.pending_dir() / f"{token}.upload").read_bytes() == connections
    assert oct(imports.pending_dir().stat().st_mode & 0o777) == "0o700"
    assert all(token not in value for value in client.cookies.values())
    assert response.url.path == "/import/preview"


def test_the_import_stores_everyone_and_deletes_the_upload(
    client: TestClient, network: Network, csrf: str, connections: bytes
) -> None:
    token = _preview(client, csrf, connections).context["token"]  # type: ignore[attr-defined]
    response = client.post("/import/commit", data={"csrf_token": csrf, "token": token}, headers=HTML)
    assert response.status_code == 200
    assert response.template.name == "imports/done.html"  # type: ignore[attr-defined]
    report = response.context["report"]  # type: ignore[attr-defined]
    assert (report["added"], report["merged"], report["skipped_count"]) == (3, 0, 1)
    assert sorted(item.person.display_name for item in list_people(network)) == [
        "Ada Lovelace",
        "Alan Turing",
        "Grace Hopper",
    ]
    assert _pending() == []
    again = client.post("/import/commit", data={"csrf_token": csrf, "token": token}, headers=HTML)
    assert again.status_code == 400
    assert "no longer available" in again.context["error"]  # type: ignore[attr-defined]
    assert count_people(network) == 3


def test_a_newer_export_previews_merges_and_job_changes(
    client: TestClient, network: Network, csrf: str, corpus: Path, connections: bytes
) -> None:
    first = _preview(client, csrf, connections).context["token"]  # type: ignore[attr-defined]
    client.post("/import/commit", data={"csrf_token": csrf, "token": first}, headers=HTML)
    moved = [ROWS[0][:4] + ("Babbage & Co", "Principal Engineer", ROWS[0][6]), ROWS[2]]
    response = _preview(client, csrf, linkedin_2024(corpus, moved))
    report = response.context["report"]  # type: ignore[attr-defined]
    assert (report["added"], report["merged"], report["updated"]) == (0, 2, 1)
    (change,) = report["job_changes"]
    assert (change.name, change.old_organisation, change.new_organisation) == (
        "Ada Lovelace",
        "Analytical",
        "Babbage & Co",
    )
    assert "Babbage &amp; Co" in response.text
    ada = next(item.person for item in list_people(network) if item.person.given_name == "Ada")
    assert ada.organisation == "Analytical"


def test_a_file_that_would_change_nothing_offers_no_import(
    client: TestClient, csrf: str, connections: bytes
) -> None:
    first = _preview(client, csrf, connections)
    assert 'action="/import/commit"' in first.text
    client.post("/import/commit", data={"csrf_token": csrf, "token": first.context["token"]}, headers=HTML)  # type: ignore[attr-defined]
    again = _preview(client, csrf, connections)
    report = again.context["report"]  # type: ignore[attr-defined]
    assert (report["added"], report["merged"], report["updated"]) == (0, 3, 0)
    assert "importing it would change nothing" in again.text
    assert 'action="/import/commit"' not in again.text
    assert 'action="/import/cancel"' in again.text


def test_a_vcard_is_recognised_and_the_format_can_be_chosen(
    client: TestClient, network: Network, csrf: str
) -> None:
    card = vcard({"FN": "Ada Lovelace", "N": "Lovelace;Ada;;;", "EMAIL": "ada@x.example"})
    response = _preview(client, csrf, card, name="contacts.vcf", fmt="vcard")
    assert response.context["report"]["added"] == 1  # type: ignore[attr-defined]
    assert response.context["report"]["format"] == "vcard"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "content", "line", "reason"),
    [
        ("empty.csv", b"", None, "the file is empty"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", None, "binary file"),
        (
            "long.vcf",
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + b"a" * 1_048_576 + b"\r\nEND:VCARD\r\n",
            3,
            "the line is over 100,000 bytes long",
        ),
    ],
)
def test_a_refused_file_says_what_and_where_and_stores_nothing(
    client: TestClient,
    network: Network,
    csrf: str,
    name: str,
    content: bytes,
    line: int | None,
    reason: str,
) -> None:
    add_person(network, Person(display_name="Ada Lovelace"))
    before = export_network(network, "json")
    response = _preview(client, csrf, content, name=name)
    assert response.status_code == 400
    assert response.template.name == "imports/index.html"  # type: ignore[attr-defined]
    refused = response.context["refused"]  # type: ignore[attr-defined]
    assert refused["file"] == name
    assert refused["line"] == line
    assert reason in str(refused["reason"])
    assert "Nothing was stored." in response.text
    assert name in response.text
    if line is not None:
        assert f"Line {line}" in response.text
    assert export_network(network, "json") == before
    assert _pending() == []


def test_a_file_over_the_limit_is_refused_with_a_clear_message(
    client: TestClient, network: Network, csrf: str, connections: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "MAX_UPLOAD_BYTES", len(connections) - 1)
    response = _preview(client, csrf, connections)
    assert response.status_code == 413
    assert response.template.name == "imports/index.html"  # type: ignore[attr-defined]
    assert "too big" in response.context["error"]  # type: ignore[attr-defined]
    assert count_people(network) == 0
    assert _pending() == []


def test_a_body_announced_too_big_is_refused_before_it_is_read(
    client: TestClient, network: Network, csrf: str, connections: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "MAX_UPLOAD_BYTES", 10)
    monkeypatch.setattr(imports, "FORM_ALLOWANCE", 0)
    response = _preview(client, csrf, connections)
    assert response.status_code == 413
    assert "too big" in response.text
    assert count_people(network) == 0


def test_a_preview_older_than_an_hour_is_gone(
    client: TestClient, network: Network, csrf: str, connections: bytes
) -> None:
    token = _preview(client, csrf, connections).context["token"]  # type: ignore[attr-defined]
    an_hour_ago = time.time() - imports.PENDING_SECONDS - 1
    for path in _pending():
        os.utime(path, (an_hour_ago, an_hour_ago))
    response = client.post("/import/commit", data={"csrf_token": csrf, "token": token}, headers=HTML)
    assert response.status_code == 400
    assert count_people(network) == 0
    assert _pending() == []


def test_opening_the_page_clears_old_uploads(client: TestClient, csrf: str, connections: bytes) -> None:
    first = _preview(client, csrf, connections).context["token"]  # type: ignore[attr-defined]
    _preview(client, csrf, connections)
    old = [path for path in _pending() if path.name.startswith(first)]
    assert len(old) == 3
    for path in old:
        os.utime(path, (0, 0))
    client.get("/import", headers=HTML)
    assert len(_pending()) == 3
    assert not any(path.exists() for path in old)


def test_cancelling_forgets_the_file(
    client: TestClient, network: Network, csrf: str, connections: bytes
) -> None:
    token = _preview(client, csrf, connections).context["token"]  # type: ignore[attr-defined]
    response = client.post(
        "/import/cancel", data={"csrf_token": csrf, "token": token}, headers=HTML, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/import"
    assert _pending() == []
    assert count_people(network) == 0


def test_another_networks_token_imports_nothing(
    client: TestClient, network: Network, other_network: Network, csrf: str, connections: bytes
) -> None:
    token = _preview(client, csrf, connections).context["token"]  # type: ignore[attr-defined]
    with TestClient(create_app(other_network), base_url="http://localhost") as bob:
        bob.get("/import")
        bob_csrf = bob.cookies["orchardist_csrf"]
        response = bob.post("/import/commit", data={"csrf_token": bob_csrf, "token": token}, headers=HTML)
    assert response.status_code == 400
    assert count_people(other_network) == 0
    assert len(_pending()) == 3
    client.post("/import/commit", data={"csrf_token": csrf, "token": token}, headers=HTML)
    assert count_people(network) == 3


@pytest.mark.parametrize("token", ["", "../../etc/passwd", "x" * 32, "a" * 200])
def test_a_made_up_token_is_refused(client: TestClient, csrf: str, token: str) -> None:
    response = client.post("/import/commit", data={"csrf_token": csrf, "token": token}, headers=HTML)
    assert response.status_code == 400
    assert response.template.name == "imports/index.html"  # type: ignore[attr-defined]


def test_the_format_must_be_one_offered(client: TestClient, csrf: str, connections: bytes) -> None:
    response = _preview(client, csrf, connections, fmt="excel")
    assert response.status_code == 400
    assert _pending() == []


def test_changes_without_the_csrf_token_are_refused(
    client: TestClient, network: Network, csrf: str, connections: bytes
) -> None:
    response = client.post(
        "/import/preview", files={"upload": ("Connections.csv", connections, "text/csv")}, headers=HTML
    )
    assert response.status_code == 403
    assert _pending() == []
    token = _preview(client, csrf, connections).context["token"]  # type: ignore[attr-defined]
    for path in ("/import/commit", "/import/cancel"):
        assert client.post(path, data={"token": token}, headers=HTML).status_code == 403
        assert (
            client.post(path, data={"token": token, "csrf_token": "forged"}, headers=HTML).status_code == 403
        )
    assert count_people(network) == 0
    assert len(_pending()) == 3


def test_the_preview_lists_who_would_be_added_merged_or_skipped_a_page_at_a_time(
    client: TestClient, network: Network, csrf: str, corpus: Path, connections: bytes
) -> None:
    first = _preview(client, csrf, connections)
    people = first.context["people"]  # type: ignore[attr-defined]
    assert [(row["outcome"], row["name"]) for row in people["rows"]] == [
        ("add", "Ada Lovelace"),
        ("add", "Grace Hopper"),
        ("add", "Alan Turing"),
        ("skip", ""),
    ]
    assert people["rows"][3]["line"] == 6 and "no name" in people["rows"][3]["reason"]
    assert "Grace Hopper" in first.text and "a new person" in first.text
    client.post("/import/commit", data={"csrf_token": csrf, "token": first.context["token"]}, headers=HTML)  # type: ignore[attr-defined]
    many = [ROWS[0][:4] + ("Babbage & Co", "Principal Engineer", ROWS[0][6]), ROWS[2]] + [
        (f"Person{n:03d}", "Test", f"https://www.linkedin.com/in/p-{n}", "", "Org", "Role", "01 Oct 2025")
        for n in range(120)
    ]
    response = _preview(client, csrf, linkedin_2024(corpus, many))
    people = response.context["people"]  # type: ignore[attr-defined]
    token = response.context["token"]  # type: ignore[attr-defined]
    assert people["counts"] == {"add": 120, "update": 1, "merge": 1, "skip": 0}
    assert (people["page"], people["pages"], len(people["rows"])) == (1, 3, 50)
    assert [row["outcome"] for row in people["rows"][:2]] == ["update", "merge"]
    page = client.post(
        "/import/preview/people",
        data={"csrf_token": csrf, "token": token, "show": "add", "page": "3"},
        headers={**HTML, "hx-request": "true"},
    )
    shown = page.context["people"]  # type: ignore[attr-defined]
    assert (shown["page"], shown["pages"], shown["first"], shown["last"]) == (3, 3, 101, 120)
    assert {row["outcome"] for row in shown["rows"]} == {"add"} and "Person119 Test" in page.text
    assert page.context["report"]["added"] == 120  # type: ignore[attr-defined]
    updated = client.post(
        "/import/preview/people", data={"csrf_token": csrf, "token": token, "show": "update"}, headers=HTML
    ).context["people"]  # type: ignore[attr-defined]
    assert [row["name"] for row in updated["rows"]] == ["Ada Lovelace"]
    gone = client.post(
        "/import/preview/people", data={"csrf_token": csrf, "token": "x" * 32, "show": "add"}, headers=HTML
    )
    assert gone.status_code == 400
    # Importing forgets the kept preview with the file.
    client.post("/import/commit", data={"csrf_token": csrf, "token": token}, headers=HTML)
    assert _pending() == []
