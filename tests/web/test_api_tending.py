"""The tending API: Today, snoozes, dismissals, the reconnect list, standing and settings."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.settings import current
from tests.web.test_api_people import assert_documented

API = "/api/v1"


def _people(network: Network, other_network: Network, today: date) -> tuple[int, int, int]:
    ana = add_person(network, Person(display_name="Ana Silva", tier=Tier.INNER)).id or 0
    ben = add_person(network, Person(display_name="Ben Roy", tier=Tier.ACTIVE)).id or 0
    log_interaction(network, [ana], direction=Direction.ASKED, kind="coffee", summary="CV", on=today)
    log_interaction(
        network, [ben], direction=Direction.GAVE, kind="article", summary="x", on=today - timedelta(days=400)
    )
    stranger = add_person(other_network, Person(display_name="Someone Else", tier=Tier.INNER)).id or 0
    return ana, ben, stranger


def test_today_snooze_dismiss_and_reconnect(
    today: date, client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    document = client.get(f"{API}/openapi.json").json()
    headers = {"X-CSRF-Token": csrf}
    ana, ben, stranger = _people(network, other_network, today)

    def check(method: str, path: str, url: str, **kwargs: Any) -> Any:
        response = client.request(method, url, **kwargs)
        assert_documented(document, method, path, response)
        return response

    listed = check("GET", "/api/v1/today", f"{API}/today").json()
    assert [(entry["person_id"], entry["reason"]) for entry in listed] == [
        (ana, "thank_you_owed"),
        (ben, "overdue"),
    ]
    assert listed[0]["due"] == (today + timedelta(days=2)).isoformat() and listed[0]["why"]
    later = check(
        "GET", "/api/v1/today", f"{API}/today?date={(today + timedelta(days=3)).isoformat()}"
    ).json()
    assert [entry["reason"] for entry in later] == ["thank_you_owed", "overdue"]

    until = (today + timedelta(days=7)).isoformat()
    snoozed = check(
        "POST", "/api/v1/snoozes", f"{API}/snoozes", json={"person_id": ana, "until": until}, headers=headers
    )
    assert snoozed.status_code == 201 and snoozed.json() == {"person_id": ana, "until": until}
    assert [entry["person_id"] for entry in client.get(f"{API}/today").json()] == [ben]
    past = check(
        "POST",
        "/api/v1/snoozes",
        f"{API}/snoozes",
        json={"person_id": ana, "until": "2000-01-01"},
        headers=headers,
    )
    assert past.status_code == 400
    gone = check(
        "POST",
        "/api/v1/snoozes",
        f"{API}/snoozes",
        json={"person_id": stranger, "until": until},
        headers=headers,
    )
    assert gone.status_code == 404
    assert (
        check(
            "POST", "/api/v1/snoozes", f"{API}/snoozes", json={"person_id": ana, "until": until}
        ).status_code
        == 403
    )

    many = check(
        "POST",
        "/api/v1/snoozes/many",
        f"{API}/snoozes/many",
        json={"person_ids": [ana, ben], "until": until},
        headers=headers,
    )
    assert many.status_code == 201
    assert many.json() == [
        {"person_id": ana, "name": "Ana Silva", "until": until},
        {"person_id": ben, "name": "Ben Roy", "until": until},
    ]
    assert client.get(f"{API}/today").json() == []
    shown = check("GET", "/api/v1/people/{person_id}", f"{API}/people/{ana}").json()
    assert shown["today"] == "snoozed" and shown["snoozed_until"] == until
    for person in (ana, ben):
        ended = check("DELETE", "/api/v1/snoozes/{person_id}", f"{API}/snoozes/{person}", headers=headers)
        assert ended.status_code == 204
    assert [entry["person_id"] for entry in client.get(f"{API}/today").json()] == [ana, ben]
    assert (
        check(
            "POST",
            "/api/v1/snoozes/many",
            f"{API}/snoozes/many",
            json={"person_ids": [ana, stranger], "until": until},
            headers=headers,
        ).status_code
        == 404
    )
    assert (
        check(
            "DELETE", "/api/v1/snoozes/{person_id}", f"{API}/snoozes/{stranger}", headers=headers
        ).status_code
        == 404
    )
    check(
        "POST", "/api/v1/snoozes", f"{API}/snoozes", json={"person_id": ana, "until": until}, headers=headers
    )

    due = listed[1]["due"]
    dismissed = check(
        "POST",
        "/api/v1/dismissals",
        f"{API}/dismissals",
        json={"person_id": ben, "reason": "overdue", "due": due},
        headers=headers,
    )
    assert dismissed.status_code == 204 and client.get(f"{API}/today").json() == []
    wrong = check(
        "POST",
        "/api/v1/dismissals",
        f"{API}/dismissals",
        json={"person_id": ben, "reason": "bored", "due": due},
        headers=headers,
    )
    assert wrong.status_code == 422
    query = f"person_id={ben}&reason=overdue&due={due}"
    undone = check("DELETE", "/api/v1/dismissals", f"{API}/dismissals?{query}", headers=headers)
    assert undone.status_code == 204
    assert [entry["person_id"] for entry in client.get(f"{API}/today").json()] == [ben]
    client.post(
        f"{API}/dismissals", json={"person_id": ben, "reason": "overdue", "due": due}, headers=headers
    )

    added = check("POST", "/api/v1/reconnect", f"{API}/reconnect", json={"person_id": ben}, headers=headers)
    listed = {"person_id": ben, "name": "Ben Roy", "since": today.isoformat()}
    assert added.status_code == 201 and added.json() == listed
    assert check("GET", "/api/v1/reconnect", f"{API}/reconnect").json() == [listed]
    assert [entry["reason"] for entry in client.get(f"{API}/today").json()] == ["reconnect"]
    missing = check(
        "POST", "/api/v1/reconnect", f"{API}/reconnect", json={"person_id": stranger}, headers=headers
    )
    assert missing.status_code == 404
    removed = check("DELETE", "/api/v1/reconnect/{person_id}", f"{API}/reconnect/{ben}", headers=headers)
    assert removed.status_code == 204 and client.get(f"{API}/reconnect").json() == []
    assert (
        check(
            "DELETE", "/api/v1/reconnect/{person_id}", f"{API}/reconnect/{stranger}", headers=headers
        ).status_code
        == 404
    )


def test_standing_and_settings(
    today: date, client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    document = client.get(f"{API}/openapi.json").json()
    headers = {"X-CSRF-Token": csrf}
    ana, _ben, stranger = _people(network, other_network, today)

    def check(method: str, path: str, url: str, **kwargs: Any) -> Any:
        response = client.request(method, url, **kwargs)
        assert_documented(document, method, path, response)
        return response

    found = check("GET", "/api/v1/people/{person_id}/standing", f"{API}/people/{ana}/standing").json()
    assert found == {
        "ledger": {"gave": 0, "asked": 1, "mutual": 0, "social": 0},
        "next_due": (today + timedelta(days=30)).isoformat(),
    }
    assert (
        check("GET", "/api/v1/people/{person_id}/standing", f"{API}/people/{stranger}/standing").status_code
        == 404
    )

    assert check("GET", "/api/v1/settings", f"{API}/settings").json()["inner_days"] == 30
    changed = check(
        "PATCH",
        "/api/v1/settings",
        f"{API}/settings",
        json={"inner_days": 21, "weekly_goal": 2},
        headers=headers,
    )
    assert changed.status_code == 200 and changed.json()["inner_days"] == 21
    refused = check(
        "PATCH",
        "/api/v1/settings",
        f"{API}/settings",
        json={"inner_days": 7, "active_days": "often"},
        headers=headers,
    )
    assert refused.status_code == 400 and "active_days: must be a whole number" in refused.json()["detail"]
    assert current(network)["inner_days"] == 21
    assert check("PATCH", "/api/v1/settings", f"{API}/settings", json={"inner_days": 7}).status_code == 403
    assert (
        client.get(f"{API}/people/{ana}/standing").json()["next_due"]
        == (today + timedelta(days=21)).isoformat()
    )
