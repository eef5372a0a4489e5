"""The interactions API: logging a contact, reading them back newest first, ownership and CSRF."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import time_machine
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.interactions import count_interactions, log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.web.app import create_app
from tests.web.test_api_people import ScriptClient, assert_documented

API = "/api/v1"
INTERACTION_KEYS = {"id", "date", "direction", "channel", "kind", "summary", "notes", "person_ids"}


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


def _add(network: Network, name: str) -> int:
    person = add_person(network, Person(display_name=name))
    assert person.id is not None
    return person.id


def _log(network: Network, person_id: int, summary: str, on: date) -> int:
    logged = log_interaction(
        network, [person_id], direction=Direction.GAVE, kind="coffee", summary=summary, on=on
    )
    assert logged.id is not None
    return logged.id


def test_a_script_logs_an_interaction_with_several_people(script: ScriptClient, network: Network) -> None:
    ana, bo = _add(network, "Ana Silva"), _add(network, "Bo Chen")
    body = {
        "person_ids": [ana, bo, ana],
        "direction": "mutual",
        "kind": "Thank You",
        "summary": " Thanked them for the introduction ",
        "date": "2024-05-02",
        "channel": "email",
        "notes": "Both replied",
    }
    response = script.post(f"{API}/interactions", json=body)
    assert response.status_code == 201, response.text
    logged = response.json()
    assert set(logged) == {*INTERACTION_KEYS, "warnings"} and logged["warnings"] == []
    assert (logged["kind"], logged["summary"], logged["date"]) == (
        "thank_you",
        "Thanked them for the introduction",
        "2024-05-02",
    )
    assert (logged["direction"], logged["channel"], sorted(logged["person_ids"])) == (
        "mutual",
        "email",
        sorted([ana, bo]),
    )
    person = script.get(f"{API}/people/{ana}").json()
    logged.pop("warnings")
    assert person["last_contact"] == "2024-05-02" and person["interactions"] == [logged]


def test_the_date_defaults_to_today(client: TestClient, csrf: str, network: Network) -> None:
    ana = _add(network, "Ana Silva")
    body = {"person_ids": [ana], "direction": "social", "kind": "greeting", "summary": "New year card"}
    with time_machine.travel(date(2025, 1, 2), tick=False):
        response = client.post(f"{API}/interactions", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 201 and response.json()["date"] == "2025-01-02"
    assert response.json()["channel"] == "other" and response.json()["notes"] == ""


@pytest.mark.parametrize(
    "changes",
    [
        {"person_ids": []},
        {"person_ids": ["ana"]},
        {"person_ids": [0]},
        {"direction": "took"},
        {"channel": "pigeon"},
        {"date": "2024-02-30"},
        {"kind": "x" * 51},
        {"summary": "a\x00b"},
        {"colour": "green"},
    ],
)
def test_malformed_interactions_are_validation_errors(
    client: TestClient, csrf: str, network: Network, changes: dict[str, Any]
) -> None:
    ana = _add(network, "Ana Silva")
    body = {"person_ids": [ana], "direction": "gave", "kind": "coffee", "summary": "Coffee", **changes}
    response = client.post(f"{API}/interactions", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 422, response.text
    assert count_interactions(network) == 0


@pytest.mark.parametrize(
    ("field", "value"), [("kind", " "), ("summary", "  "), ("date", "2099-01-01"), ("summary", "s" * 2_001)]
)
def test_refused_interactions_say_why(
    client: TestClient, csrf: str, network: Network, field: str, value: str
) -> None:
    ana = _add(network, "Ana Silva")
    body = {"person_ids": [ana], "direction": "gave", "kind": "coffee", "summary": "Coffee", field: value}
    response = client.post(f"{API}/interactions", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 400 and field in response.json()["detail"]
    assert count_interactions(network) == 0


def test_people_from_elsewhere_cannot_be_in_an_interaction(
    client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    ana = _add(network, "Ana Silva")
    stranger = _add(other_network, "Dan Park")
    for person_ids in ([stranger], [ana, stranger], [ana, 999_999]):
        body = {"person_ids": person_ids, "direction": "gave", "kind": "coffee", "summary": "Coffee"}
        response = client.post(f"{API}/interactions", json=body, headers={"X-CSRF-Token": csrf})
        assert response.status_code == 404 and "no person with id" in response.json()["detail"]
    assert count_interactions(network) == count_interactions(other_network) == 0


def test_logging_follows_the_same_origin_rules(
    client: TestClient, csrf: str, script: ScriptClient, network: Network
) -> None:
    ana = _add(network, "Ana Silva")
    body = {"person_ids": [ana], "direction": "gave", "kind": "coffee", "summary": "Coffee"}
    assert client.post(f"{API}/interactions", json=body).status_code == 403
    cross_site = {"X-CSRF-Token": csrf, "Origin": "https://evil.example"}
    assert client.post(f"{API}/interactions", json=body, headers=cross_site).status_code == 403
    assert (
        script.post(f"{API}/interactions", json=body, headers={"Origin": "https://evil.example"}).status_code
        == 403
    )
    assert script.post(f"{API}/interactions", data={"person_ids": str(ana)}).status_code == 403
    assert count_interactions(network) == 0


def test_the_network_wide_list_is_newest_first_and_paged(
    client: TestClient, network: Network, other_network: Network
) -> None:
    ana, bo = _add(network, "Ana Silva"), _add(network, "Bo Chen")
    first = _log(network, ana, "First", date(2024, 1, 1))
    latest = _log(network, bo, "Latest", date(2024, 6, 1))
    middle = _log(network, ana, "Middle", date(2024, 3, 1))
    _log(other_network, _add(other_network, "Dan Park"), "Not mine", date(2024, 7, 1))
    listed = client.get(f"{API}/interactions").json()
    assert (listed["total"], listed["limit"], listed["offset"]) == (3, 50, 0)
    assert [item["id"] for item in listed["interactions"]] == [latest, middle, first]
    assert set(listed["interactions"][0]) == INTERACTION_KEYS
    page = client.get(f"{API}/interactions", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and [item["summary"] for item in page["interactions"]] == ["Middle"]
    for params in ({"limit": 0}, {"limit": 501}, {"offset": -1}):
        assert client.get(f"{API}/interactions", params=params).status_code == 422


def test_a_persons_interactions_newest_first(
    client: TestClient, network: Network, other_network: Network
) -> None:
    ana, bo = _add(network, "Ana Silva"), _add(network, "Bo Chen")
    older = _log(network, ana, "Older", date(2024, 1, 1))
    newer = _log(network, ana, "Newer", date(2024, 2, 1))
    _log(network, bo, "Not hers", date(2024, 3, 1))
    listed = client.get(f"{API}/people/{ana}/interactions").json()
    assert listed["total"] == 2 and [item["id"] for item in listed["interactions"]] == [newer, older]
    page = client.get(f"{API}/people/{ana}/interactions", params={"offset": 1, "limit": 1}).json()
    assert [item["id"] for item in page["interactions"]] == [older]
    stranger = _add(other_network, "Dan Park")
    _log(other_network, stranger, "Theirs", date(2024, 1, 1))
    assert client.get(f"{API}/people/{stranger}/interactions").status_code == 404
    assert client.get(f"{API}/people/999999/interactions").status_code == 404
    assert client.get(f"{API}/people/0/interactions").status_code == 422


def test_interaction_answers_fit_the_documented_schemas(
    client: TestClient, csrf: str, network: Network
) -> None:
    document = client.get(f"{API}/openapi.json").json()
    ana = _add(network, "Ana Silva")
    body = {
        "person_ids": [ana],
        "direction": "asked",
        "kind": "advice",
        "summary": "CV",
        "date": "2024-01-01",
    }
    headers = {"X-CSRF-Token": csrf}
    for payload in (body, {**body, "summary": ""}, {**body, "person_ids": [999_999]}, {**body, "kind": 3}):
        response = client.post(f"{API}/interactions", json=payload, headers=headers)
        assert_documented(document, "POST", "/api/v1/interactions", response)
    assert_documented(document, "GET", "/api/v1/interactions", client.get(f"{API}/interactions"))
    path = "/api/v1/people/{person_id}/interactions"
    assert_documented(document, "GET", path, client.get(f"{API}/people/{ana}/interactions"))
    assert_documented(document, "GET", path, client.get(f"{API}/people/999999/interactions"))
