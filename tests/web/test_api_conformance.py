"""The API agrees with its OpenAPI document: each disagreement schemathesis found stays fixed, and the
schemathesis run itself (scripts/api_conformance.sh, slow: it serves the app and sends ~2,000 requests)."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.network import Network
from orchardist.services.people import add_person, get_person
from orchardist.services.settings import current
from orchardist.web.api._models import SOME_NAME
from orchardist.web.app import create_app
from tests.web.test_api_people import API, ScriptClient

ROOT = Path(__file__).resolve().parents[2]


def _add(network: Network, name: str, **fields: Any) -> int:
    person = add_person(network, Person(display_name=name, **fields))
    assert person.id is not None
    return person.id


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    """A script calling the API, as curl would: no cookie."""
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


@pytest.fixture
def document(client: TestClient) -> dict[str, Any]:
    found: dict[str, Any] = client.get(f"{API}/openapi.json").json()
    return found


# 405: every method of the address in Allow; never 403 first -------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        # HEAD is answered wherever GET is (orchardist.web.head).
        ("OPTIONS", "/people", "GET, HEAD, POST"),
        ("PUT", "/people", "GET, HEAD, POST"),
        ("PUT", "/people/1", "DELETE, GET, HEAD, PATCH"),
        ("OPTIONS", "/settings", "GET, HEAD, PATCH"),
        ("POST", "/reconnect/1", "DELETE"),
        ("DELETE", "/interactions", "GET, HEAD, POST"),
        # Addresses beside one with an id: "matches" and "duplicates" are no ids.
        ("DELETE", "/offers/matches", "GET, HEAD"),
        ("PATCH", "/people/duplicates", "GET, HEAD"),
        ("DELETE", "/people/duplicates", "GET, HEAD"),
    ],
)
def test_an_undeclared_method_is_405_with_every_allowed_method(
    client: TestClient, script: ScriptClient, method: str, path: str, allowed: str
) -> None:
    # The browser (with the CSRF cookie, no token) and a script get the same answer: the method comes first.
    for caller in (client, script):
        response = caller.request(method, f"{API}{path}")
        assert response.status_code == 405, (caller, response.text)
        assert response.headers["allow"] == allowed


def test_a_page_405_says_allow_too(client: TestClient) -> None:
    response = client.put("/settings", headers={"accept": "text/html"})
    assert response.status_code == 405 and "GET" in response.headers["allow"]


# Days are the text YYYY-MM-DD -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "day", ["0", "20260105", "2026-01-05T00:00:00", "2026-1-5", "1767571200", " 2026-01-05"]
)
@pytest.mark.parametrize("path", ["/today", "/progress"])
def test_a_day_that_is_not_yyyy_mm_dd_is_refused(client: TestClient, path: str, day: str) -> None:
    response = client.get(f"{API}{path}", params={"date": day})
    assert response.status_code == 422, day
    assert client.get(f"{API}{path}", params={"date": "2026-01-05"}).status_code == 200


@pytest.mark.parametrize("due", [0, 1767571200, "2026-01-05T00:00:00", True])
def test_a_dismissal_day_must_be_text(client: TestClient, csrf: str, network: Any, due: Any) -> None:
    ana = _add(network, "Ana Silva")
    body = {"person_id": ana, "reason": "overdue", "due": due}
    response = client.post(f"{API}/dismissals", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 422


def test_days_are_documented_as_dates(document: dict[str, Any]) -> None:
    today = next(p for p in document["paths"]["/api/v1/today"]["get"]["parameters"] if p["name"] == "date")
    day = today["schema"]["anyOf"][0]
    assert (day["type"], day["format"]) == ("string", "date")


# Exports are described as what they are ----------------------------------------------------------


def test_exports_are_documented_as_json_and_text(client: TestClient, document: dict[str, Any]) -> None:
    content = document["paths"]["/api/v1/exports/{format}"]["get"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["type"] == "object"
    for media_type in ("text/vcard", "text/csv"):
        assert content[media_type]["schema"] == {"type": "string"}
    assert isinstance(client.get(f"{API}/exports/json").json(), dict)


# DELETE needs no body and no content type ---------------------------------------------------------


def test_a_script_deletes_without_a_content_type(script: ScriptClient, network: Any) -> None:
    ana = _add(network, "Ana Silva")
    assert script.post(f"{API}/reconnect", json={"person_id": ana}).status_code == 201
    assert script.delete(f"{API}/reconnect/{ana}").status_code == 204
    assert script.delete(f"{API}/people/{ana}").status_code == 204
    assert get_person(network, ana) is None


def test_a_browser_delete_still_needs_the_token(client: TestClient, network: Any) -> None:
    ana = _add(network, "Ana Silva")
    assert client.delete(f"{API}/people/{ana}").status_code == 403
    assert get_person(network, ana) is not None


# Bodies the framework cannot read are validation errors, as documented ---------------------------


def test_a_body_that_is_not_utf8_is_a_validation_error(script: ScriptClient) -> None:
    response = script.post(
        f"{API}/offers",
        content=b'{"kind": "skill", "text": "\xff"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]


def test_broken_multipart_is_a_validation_error(script: ScriptClient) -> None:
    headers = {"content-type": "multipart/form-data; boundary=b0", "x-orchardist-client": "test"}
    response = script.post(f"{API}/imports", content=b"--b0\r\n40--b0--\r\n", headers=headers)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body"]


# What the schemas now say, and the API holds to -----------------------------------------------------


def test_a_new_name_must_say_something(client: TestClient, csrf: str, network: Any) -> None:
    bo = _add(network, "Bo Chen", given_name="Bo", family_name="Chen")
    response = client.patch(f"{API}/people/{bo}", json={"name": " "}, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 400 and response.json()["code"] == "person.needs_name"


def test_person_schemas_close_their_fields(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    fields, changes = schemas["PersonFields"], schemas["PersonChanges"]
    assert fields["additionalProperties"] is False and changes["additionalProperties"] is False
    assert changes["minProperties"] == 1 and changes["properties"]["name"]["pattern"] == SOME_NAME
    # A name of separators alone (\x1c to \x1f), spaces to Python, is refused by the schema too.
    assert re.search(SOME_NAME, "Bo") and not re.search(SOME_NAME, " \x1c\x1f\x85\t")
    assert {option["required"][0] for option in fields["anyOf"]} == {"name", "given_name", "family_name"}
    assert fields["properties"]["emails"]["items"]["format"] == "email"


@pytest.mark.parametrize(("other_id", "status"), [(2.0, 200), ("2", 422), (True, 422), (2.5, 422), (0, 422)])
def test_ids_are_json_integers(
    client: TestClient, csrf: str, network: Any, other_id: Any, status: int
) -> None:
    keep = _add(network, "Ana Silva")
    _add(network, "Ana Silva")
    response = client.post(
        f"{API}/people/{keep}/merge", json={"other_id": other_id}, headers={"X-CSRF-Token": csrf}
    )
    assert response.status_code == status, response.text


def test_a_web_address_that_is_no_url_is_kept(client: TestClient, csrf: str) -> None:
    body = {"name": "Ana Silva", "urls": ["http://[::1", "]x["]}
    response = client.post(f"{API}/people", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 201 and response.json()["urls"] == ["http://[::1", "]x["]


def test_the_settings_body_is_described_and_read_as_json(
    client: TestClient, csrf: str, network: Any, document: dict[str, Any]
) -> None:
    headers = {"X-CSRF-Token": csrf}
    body = document["paths"]["/api/v1/settings"]["patch"]["requestBody"]["content"]["application/json"]
    schema = body["schema"]
    assert schema["additionalProperties"] is False and "access_passcode" not in schema["properties"]
    assert schema["properties"]["inner_days"] == {**schema["properties"]["inner_days"], "type": "integer"}
    assert client.patch(f"{API}/settings", json={"inner_days": 21.0}, headers=headers).status_code == 200
    assert current(network)["inner_days"] == 21
    for wrong in ({"inner_days": "21"}, {"holidays": [{}]}, {"holidays": [["x"]]}):
        assert client.patch(f"{API}/settings", json=wrong, headers=headers).status_code == 400, wrong


def test_an_upload_documents_the_script_header(document: dict[str, Any]) -> None:
    parameters = document["paths"]["/api/v1/imports"]["post"]["parameters"]
    assert [(p["name"], p["in"]) for p in parameters] == [("x-orchardist-client", "header")]


# The schemathesis run ---------------------------------------------------------------------------


@pytest.mark.slow
def test_schemathesis_finds_the_api_agreeing_with_its_document(tmp_path: Path) -> None:
    """scripts/api_conformance.sh: every check over every operation, a bounded number of examples."""
    run = subprocess.run(
        ["scripts/api_conformance.sh"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "passed" in run.stdout
