"""``/api/v1/coach/templates`` and ``POST /api/v1/coach/draft``: the templates and drafts a script gets,
as ``coach templates --json`` and ``coach draft --json`` give them, each answer as documented."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from orchardist.coach.builtin_templates import BUILTIN
from orchardist.domain.people import Person
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.web.app import create_app
from tests.web.test_api_people import ScriptClient, assert_documented

TEMPLATES = "/api/v1/coach/templates"
DRAFT = "/api/v1/coach/draft"


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


def _person(network: Network, name: str, **fields: Any) -> int:
    return add_person(network, Person(display_name=name, given_name=name.split()[0], **fields)).id or 0


def test_the_templates_in_each_language(script: ScriptClient) -> None:
    found = script.get(TEMPLATES).json()["templates"]
    assert [item["code"] for item in found] == list(BUILTIN)
    advice = next(item for item in found if item["code"] == "advice")
    assert (advice["gives"], advice["log_kind"], advice["builtin"], advice["edited"]) == (
        "asks",
        "advice",
        True,
        False,
    )
    french = script.get(TEMPLATES, params={"lang": "fr"}).json()["templates"]
    assert next(item for item in french if item["code"] == "advice")["name"] == "Demander conseil"
    assert script.get(TEMPLATES, params={"lang": "de"}).status_code == 422


def test_a_template_of_ones_own_is_added_changed_and_deleted(script: ScriptClient) -> None:
    added = script.post(
        TEMPLATES, json={"name": "Coffee ask", "body": "Coffee, {given_name}?", "gives": "asks"}
    )
    assert added.status_code == 201
    assert (added.json()["code"], added.json()["builtin"]) == ("coffee-ask", False)
    changed = script.put(f"{TEMPLATES}/coffee-ask", json={"name": "Coffee ask", "body": "Tea, {given_name}?"})
    assert changed.status_code == 200 and changed.json()["body"] == "Tea, {given_name}?"
    assert script.delete(f"{TEMPLATES}/coffee-ask").status_code == 204
    assert script.delete(f"{TEMPLATES}/coffee-ask").status_code == 404
    assert script.put(f"{TEMPLATES}/coffee-ask", json={"name": "X", "body": "Y"}).status_code == 404


def test_a_built_in_template_is_changed_and_put_back(script: ScriptClient) -> None:
    changed = script.put(
        f"{TEMPLATES}/advice", json={"lang": "fr", "name": "Conseil", "body": "Salut {given_name}"}
    )
    assert changed.status_code == 200 and (changed.json()["builtin"], changed.json()["edited"]) == (
        True,
        True,
    )
    assert script.delete(f"{TEMPLATES}/advice", params={"lang": "fr"}).status_code == 204
    french = script.get(TEMPLATES, params={"lang": "fr"}).json()["templates"]
    assert next(item for item in french if item["code"] == "advice")["edited"] is False


def test_a_wrong_template_is_refused_with_its_code(script: ScriptClient) -> None:
    refused = script.post(TEMPLATES, json={"name": "Mine", "body": "Hi {nickname}"})
    assert refused.status_code == 400
    assert (refused.json()["code"], refused.json()["field"]) == ("template.unknown_blank", "body")
    for body in (
        {"name": "X"},
        {"name": "X", "body": "Y", "log_kind": "bribe"},
        {"name": "X", "body": "Y", "z": 1},
    ):
        assert script.post(TEMPLATES, json=body).status_code == 422


def test_a_draft_is_the_cli_json(script: ScriptClient, network: Network) -> None:
    ana = _person(network, "Ana Silva", emails=("ana@example.org",))
    omar = _person(network, "Omar Haddad", organisation="Acme")
    drafted = script.post(DRAFT, json={"template": "advice", "to": ana})
    assert drafted.status_code == 200
    body = drafted.json()
    assert body["body"].startswith("Hi Ana,") and body["log"] == {"direction": "asked", "kind": "advice"}
    assert body["findings"][0]["rule"] == "ask-without-giving" and body["other"] is None
    both = script.post(
        DRAFT, json={"template": "double-opt-in", "to": ana, "with": omar, "lang": "fr"}
    ).json()
    assert both["body"].startswith("Bonjour Ana,") and both["other"]["body"].startswith("Bonjour Omar,")


def test_draft_refusals(script: ScriptClient, network: Network) -> None:
    ana = _person(network, "Ana Silva")
    assert script.post(DRAFT, json={"template": "gossip", "to": ana}).status_code == 404
    assert script.post(DRAFT, json={"template": "advice", "to": ana + 1000}).status_code == 404
    lonely = script.post(DRAFT, json={"template": "double-opt-in", "to": ana})
    assert lonely.status_code == 400 and lonely.json()["code"] == "introduction.whom"
    assert script.post(DRAFT, json={"template": "advice"}).status_code == 422


def test_every_answer_is_documented(script: ScriptClient, network: Network) -> None:
    document = script.get("/api/v1/openapi.json").json()
    ana = _person(network, "Ana Silva")
    for request in (
        {"template": "advice", "to": ana},
        {"template": "gossip", "to": ana},
        {"template": "double-opt-in", "to": ana},
    ):
        assert_documented(document, "POST", DRAFT, script.post(DRAFT, json=request))
    assert_documented(document, "GET", TEMPLATES, script.get(TEMPLATES))
    for request in ({"name": "Mine", "body": "Hi"}, {"name": "Mine", "body": "Hi {nickname}"}):
        assert_documented(document, "POST", TEMPLATES, script.post(TEMPLATES, json=request))
    path = TEMPLATES + "/{code}"
    assert_documented(document, "PUT", path, script.put(f"{TEMPLATES}/mine", json={"name": "M", "body": "B"}))
    assert_documented(document, "PUT", path, script.put(f"{TEMPLATES}/nope", json={"name": "M", "body": "B"}))
    assert_documented(document, "DELETE", path, script.delete(f"{TEMPLATES}/mine"))
    assert_documented(document, "DELETE", path, script.delete(f"{TEMPLATES}/mine"))
