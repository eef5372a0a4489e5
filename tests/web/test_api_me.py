"""``/api/v1/me`` and the discretion fields of a person in the API: shapes, refusals, the schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.web.app import create_app
from tests.web.test_api_people import ScriptClient, assert_documented

API = "/api/v1"


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    """A script calling the API without cookies, as curl would."""
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


def test_about_me_is_read_and_changed(script: ScriptClient, network: Network, other_network: Network) -> None:
    ann = add_person(network, Person(display_name="Ann Lee", organisation="Contoso Ltd.")).id
    empty = script.get(f"{API}/me").json()
    assert empty["employer"] == "" and empty["search_mode"] == "off" and empty["coworkers"] == []
    changed = script.put(
        f"{API}/me",
        json={
            "name": "Dan",
            "employer": "Contoso",
            "work_domains": ["@contoso.com"],
            "search_mode": "discreet",
        },
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["name"], body["employer"], body["work_domains"]) == ("Dan", "Contoso", ["contoso.com"])
    assert body["coworkers"] == [
        {"id": ann, "name": "Ann Lee", "organisation": "Contoso Ltd.", "because": "organisation"}
    ]
    kept = script.put(f"{API}/me", json={"search_mode": "open"}).json()
    assert (kept["employer"], kept["search_mode"]) == ("Contoso", "open")  # what is left out stays
    with ScriptClient(create_app(other_network), base_url="http://localhost") as bob:
        assert bob.get(f"{API}/me").json()["employer"] == ""


def test_refusals_name_the_field(script: ScriptClient) -> None:
    refused = script.put(f"{API}/me", json={"work_domains": ["nope"]})
    assert refused.status_code == 400
    assert (refused.json()["field"], refused.json()["code"]) == ("work_domains", "setting.not_a_domain")
    assert script.put(f"{API}/me", json={"search_mode": "secret"}).status_code == 422
    assert script.put(f"{API}/me", json={"colour": "green"}).status_code == 422


def test_a_person_carries_the_flags_and_takes_the_marks(script: ScriptClient, network: Network) -> None:
    script.put(f"{API}/me", json={"employer": "Contoso Ltd"})
    bo = script.post(f"{API}/people", json={"name": "Bo", "organisation": "Contoso Pizza Co"}).json()
    assert (bo["coworker"], bo["coworker_maybe"], bo["knows_search"], bo["coworker_override"]) == (
        False,
        True,
        False,
        "auto",
    )
    patched = script.patch(
        f"{API}/people/{bo['id']}", json={"coworker_override": "yes", "knows_search": True}
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert (body["coworker"], body["coworker_maybe"], body["knows_search"], body["coworker_override"]) == (
        True,
        False,
        True,
        "yes",
    )
    shown = script.get(f"{API}/people/{bo['id']}").json()
    assert shown["coworker"] is True and shown["knows_search"] is True
    listed = script.get(f"{API}/people").json()["people"][0]
    assert listed["coworker"] is True
    assert script.patch(f"{API}/people/{bo['id']}", json={"coworker_override": "maybe"}).status_code == 422
    assert script.patch(f"{API}/people/{bo['id']}", json={"coworker": True}).status_code == 422


def test_an_ask_of_a_coworker_comes_back_with_a_warning(script: ScriptClient, network: Network) -> None:
    script.put(f"{API}/me", json={"employer": "Contoso", "search_mode": "discreet"})
    ann = add_person(network, Person(display_name="Ann Lee", organisation="Contoso")).id
    body = {"person_ids": [ann], "direction": "asked", "kind": "advice", "summary": "Advice"}
    logged = script.post(f"{API}/interactions", json=body).json()
    codes = [warning["code"] for warning in logged["warnings"]]
    assert codes == ["discretion.ask_of_coworker"]
    assert logged["warnings"][0]["person_id"] == ann and "Ann Lee" in logged["warnings"][0]["detail"]
    again = script.post(f"{API}/interactions", json=body).json()
    assert [warning["code"] for warning in again["warnings"]] == [
        "offers.give_before_ask",
        "discretion.ask_of_coworker",
    ]


def test_the_answers_fit_the_documented_schemas(client: TestClient, csrf: str, script: ScriptClient) -> None:
    document = client.get(f"{API}/openapi.json").json()
    headers = {"X-CSRF-Token": csrf}
    assert_documented(document, "GET", "/api/v1/me", client.get(f"{API}/me"))
    for payload in ({"employer": "Contoso", "work_domains": ["contoso.com"]}, {"work_domains": ["x"]}):
        assert_documented(
            document, "PUT", "/api/v1/me", client.put(f"{API}/me", json=payload, headers=headers)
        )
    schema = document["components"]["schemas"]["PersonOut"]["properties"]
    assert {"coworker", "coworker_maybe", "knows_search", "coworker_override"} <= set(schema)
    export = document["paths"]["/api/v1/exports/{format}"]["get"]
    assert "redact" in {parameter["name"] for parameter in export["parameters"]}
    redacted = client.get(f"{API}/exports/json", params={"redact": "true"})
    assert redacted.status_code == 200
