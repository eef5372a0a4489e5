"""The offers API: the CLI's JSON shapes, refusals naming the field, ownership and same-origin rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.network import Network
from orchardist.services.offers import add_offer, list_offers, offer_to_dict
from orchardist.services.people import add_person
from orchardist.web.app import create_app
from tests.web.test_api_people import ScriptClient, assert_documented

API = "/api/v1"
JSON = {"content-type": "application/json"}
OFFER_KEYS = {"id", "kind", "text", "created_at"}


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


def _person(network: Network, name: str, *needs: str) -> int:
    person = add_person(network, Person(display_name=name, could_use_help_with=needs))
    assert person.id is not None
    return person.id


def test_a_script_adds_lists_and_removes_offers(script: ScriptClient, network: Network) -> None:
    created = script.post(f"{API}/offers", json={"kind": "skill", "text": " Reviewing résumés "})
    assert created.status_code == 201
    offer = created.json()
    assert set(offer) == OFFER_KEYS and (offer["kind"], offer["text"]) == ("skill", "Reviewing résumés")
    [stored] = list_offers(network)
    assert offer == offer_to_dict(stored)
    assert script.get(f"{API}/offers").json() == {"total": 1, "offers": [offer]}
    # A DELETE has no body, and needs no content type.
    assert script.delete(f"{API}/offers/{offer['id']}").status_code == 204
    assert script.get(f"{API}/offers").json() == {"total": 0, "offers": []}
    missing = script.delete(f"{API}/offers/{offer['id']}")
    assert missing.status_code == 404 and missing.json() == {
        "detail": f"no offer with id {offer['id']}",
        "field": None,
        "code": "offer.not_found",
        "params": {"id": offer["id"]},
    }


def test_blank_text_is_refused_naming_the_field(client: TestClient, csrf: str, network: Network) -> None:
    response = client.post(
        f"{API}/offers", json={"kind": "skill", "text": "  "}, headers={"X-CSRF-Token": csrf}
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "text: say what you can offer",
        "field": "text",
        "code": "offer.needs_text",
        "params": {},
    }
    assert list_offers(network) == []


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "talent", "text": "Juggling"},
        {"kind": "skill", "text": "x" * 501},
        {"kind": "skill"},
        {"kind": "skill", "text": "Chess", "extra": 1},
        {"kind": "skill", "text": "a\x00b"},
    ],
)
def test_malformed_offers_are_validation_errors(
    client: TestClient, csrf: str, network: Network, body: dict[str, Any]
) -> None:
    assert client.post(f"{API}/offers", json=body, headers={"X-CSRF-Token": csrf}).status_code == 422
    assert list_offers(network) == []


def test_matches_have_the_cli_shape(client: TestClient, network: Network, other_network: Network) -> None:
    offer = add_offer(network, "skill", "Reviewing résumés")
    ana = _person(network, "Ana Silva", "résumé review")
    _person(network, "Bo Chen", "resume template")
    add_offer(other_network, "skill", "Reviewing résumés")
    _person(other_network, "Bob Friend", "résumé review")
    found = client.get(f"{API}/offers/matches").json()["matches"]
    assert [match["person"]["name"] for match in found] == ["Ana Silva", "Bo Chen"]
    assert found[0] == {
        "offer": offer_to_dict(offer),
        "person": {"id": ana, "name": "Ana Silva"},
        "need": "résumé review",
    }
    assert len(client.get(f"{API}/offers/matches?limit=1").json()["matches"]) == 1
    assert client.get(f"{API}/offers/matches?limit=0").status_code == 422


def test_another_networks_offers_are_not_found(
    client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    theirs = add_offer(other_network, "skill", "Reviewing résumés")
    assert client.get(f"{API}/offers").json() == {"total": 0, "offers": []}
    response = client.delete(f"{API}/offers/{theirs.id}", headers={"X-CSRF-Token": csrf, **JSON})
    assert response.status_code == 404
    assert list_offers(other_network) == [theirs]


def test_changes_follow_the_same_origin_rules(
    client: TestClient, csrf: str, script: ScriptClient, network: Network
) -> None:
    offer = add_offer(network, "skill", "Reviewing résumés")
    body = {"kind": "skill", "text": "Chess"}
    assert client.post(f"{API}/offers", json=body).status_code == 403
    cross_site = {"X-CSRF-Token": csrf, "Origin": "https://evil.example"}
    assert client.post(f"{API}/offers", json=body, headers=cross_site).status_code == 403
    assert script.post(f"{API}/offers", data=body).status_code == 403
    assert client.delete(f"{API}/offers/{offer.id}", headers=JSON).status_code == 403  # no token
    assert client.delete(f"{API}/offers/{offer.id}").status_code == 403  # no token either
    assert (
        script.delete(f"{API}/offers/{offer.id}", headers={"Origin": "https://evil.example"}).status_code
        == 403
    )
    assert list_offers(network) == [offer]


def test_offer_answers_fit_the_documented_schemas(client: TestClient, csrf: str, network: Network) -> None:
    document = client.get(f"{API}/openapi.json").json()
    headers = {"X-CSRF-Token": csrf}
    _person(network, "Ana Silva", "résumé review")
    for body in ({"kind": "skill", "text": "Reviewing résumés"}, {"kind": "skill", "text": ""}, {"kind": 3}):
        response = client.post(f"{API}/offers", json=body, headers=headers)
        assert_documented(document, "POST", "/api/v1/offers", response)
    assert_documented(document, "GET", "/api/v1/offers", client.get(f"{API}/offers"))
    assert_documented(document, "GET", "/api/v1/offers/matches", client.get(f"{API}/offers/matches"))
    [offer] = list_offers(network)
    path = "/api/v1/offers/{offer_id}"
    for _ in range(2):
        response = client.delete(f"{API}/offers/{offer.id}", headers={**headers, **JSON})
        assert_documented(document, "DELETE", path, response)
