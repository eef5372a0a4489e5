"""``POST /api/v1/coach/check``: the CLI's JSON findings, in English or French, the recipient's
ledger with ``to``, refusals with their codes, and the OpenAPI document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.offers import add_offer
from orchardist.services.people import add_person
from orchardist.web.app import create_app
from tests.web.test_api_people import ScriptClient, assert_documented

URL = "/api/v1/coach/check"
KEYS = {"rule", "severity", "start", "end", "message", "suggestion"}


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


def _ana(network: Network) -> int:
    person = add_person(
        network, Person(display_name="Ana Silva", given_name="Ana", could_use_help_with=("résumé review",))
    )
    assert person.id is not None
    return person.id


def test_a_script_checks_a_message(script: ScriptClient) -> None:
    text = "Hi! Any openings on your team? I'm desperate."
    response = script.post(URL, json={"text": text})
    assert response.status_code == 200
    findings = response.json()["findings"]
    assert [set(finding) for finding in findings] == [KEYS, KEYS]
    assert [(finding["rule"], text[finding["start"] : finding["end"]]) for finding in findings] == [
        ("asks-for-job-openings", "Any openings"),
        ("begging-tone", "desperate"),
    ]
    assert findings[0]["message"].startswith("Asking whether there are openings")


def test_findings_in_french(script: ScriptClient) -> None:
    response = script.post(URL, json={"text": "Est-ce que vous embauchez ?", "lang": "fr"})
    [finding] = response.json()["findings"]
    assert finding["message"].startswith("Demander s’il y a des postes ouverts")


def test_to_and_from_bring_in_the_recipient(script: ScriptClient, network: Network) -> None:
    ana = _ana(network)
    add_offer(network, "skill", "Reviewing résumés")
    log_interaction(network, [ana], direction=Direction.ASKED, kind="call", summary="Advice")
    response = script.post(
        URL, json={"text": "Ana, could you introduce me to Marc?", "to": ana, "from": "me@example.org"}
    )
    assert response.status_code == 200
    [finding] = response.json()["findings"]
    assert (finding["rule"], finding["severity"]) == ("ask-without-giving", "warning")
    assert finding["suggestion"] == "Offer first: Reviewing résumés"


def test_a_good_message_has_no_findings(script: ScriptClient) -> None:
    assert script.post(URL, json={"text": "Could I ask your advice on data engineering?"}).json() == {
        "findings": []
    }


def test_someone_elses_person_is_not_found(script: ScriptClient, other_network: Network) -> None:
    bobs = _ana(other_network)
    response = script.post(URL, json={"text": "Hi Ana", "to": bobs})
    assert response.status_code == 404
    assert response.json() == {
        "detail": f"to: no person with id {bobs}",
        "field": "to",
        "code": "person.not_found",
        "params": {"id": bobs},
    }


def test_an_empty_message_is_refused_naming_the_field(script: ScriptClient) -> None:
    response = script.post(URL, json={"text": "  "})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "text: there is no message to check: it is empty",
        "field": "text",
        "code": "coach.nothing_to_check",
        "params": {},
    }
    assert script.post(URL, json={"text": "a\x00b"}).status_code == 422  # the schema says no NUL


@pytest.mark.parametrize(
    "body",
    [{}, {"text": 3}, {"text": "Hi", "lang": "de"}, {"text": "Hi", "to": 0}, {"text": "Hi", "extra": 1}],
)
def test_malformed_requests_are_validation_errors(script: ScriptClient, body: dict[str, Any]) -> None:
    assert script.post(URL, json=body).status_code == 422


def test_the_openapi_document_describes_the_check(script: ScriptClient, network: Network) -> None:
    document = script.get("/api/v1/openapi.json").json()
    operation = document["paths"][URL]["post"]
    assert operation["operationId"] == "coach_check" and operation["tags"] == ["coach"]
    assert {"200", "400", "404", "422"} <= set(operation["responses"])
    body = document["components"]["schemas"]["CheckIn"]
    assert set(body["properties"]) == {"text", "to", "from", "lang"} and body["required"] == ["text"]
    finding = document["components"]["schemas"]["FindingOut"]
    assert set(finding["properties"]) == KEYS
    assert "asks-for-job-openings" in finding["properties"]["rule"]["enum"]
    ana = _ana(network)
    for request in ({"text": "Any openings?"}, {"text": ""}, {"text": "Hi", "to": ana + 1000}):
        assert_documented(document, "POST", URL, script.post(URL, json=request))


def test_a_browser_without_the_token_or_another_site_is_refused(client: TestClient, csrf: str) -> None:
    assert client.post(URL, json={"text": "Any openings?"}).status_code == 403
    assert client.post(URL, json={"text": "Any openings?"}, headers={"X-CSRF-Token": csrf}).status_code == 200
    with TestClient(client.app, base_url="http://localhost") as fresh:
        cross = fresh.post(URL, json={"text": "Hi"}, headers={"Origin": "https://elsewhere.example"})
    assert cross.status_code == 403
