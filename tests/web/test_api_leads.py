"""The leads, who-knows, groups and events API: the CLI's JSON shapes, refusals, ownership."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from orchardist.domain.leads import Lead
from orchardist.domain.people import Person
from orchardist.services.leads import add_lead
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.web.app import create_app
from tests.web.test_api_people import ScriptClient

API = "/api/v1"


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


def _person(network: Network, name: str, organisation: str = "") -> int:
    person = add_person(network, Person(display_name=name, organisation=organisation))
    assert person.id is not None
    return person.id


def test_a_script_adds_moves_links_and_passes_on_a_lead(script: ScriptClient, network: Network) -> None:
    mei, ana = _person(network, "Mei Lin"), _person(network, "Ana Silva")
    created = script.post(
        f"{API}/leads", json={"organisation": "Northwind", "role": "Analyst", "source_person_id": mei}
    )
    assert created.status_code == 201, created.text
    lead = created.json()
    assert lead["heard_on"] == date.today().isoformat() and lead["story"][0]["person_id"] == mei
    moved = script.post(
        f"{API}/leads/{lead['id']}/move", json={"status": "applied", "next_step_on": "2026-12-20"}
    )
    assert moved.json()["status"] == "applied" and moved.json()["next_step_on"] == "2026-12-20"
    other = script.post(f"{API}/leads", json={"organisation": "Northwind", "role": "QA"}).json()
    linked = script.post(f"{API}/leads/{other['id']}/link", json={"via_lead_id": lead["id"]})
    assert [step["link"] for step in linked.json()["story"]] == ["via_lead", "told"]
    passed = script.post(f"{API}/leads/{lead['id']}/pass-on", json={"person_id": ana})
    assert passed.status_code == 201 and passed.json()["direction"] == "gave"
    assert [item["id"] for item in script.get(f"{API}/leads?status=applied").json()] == [lead["id"]]
    assert script.get(f"{API}/leads/{lead['id']}").json()["id"] == lead["id"]

    refused = script.post(f"{API}/leads", json={"organisation": " "})
    assert refused.status_code == 400 and refused.json()["code"] == "lead.needs_what"
    missing = script.post(f"{API}/leads", json={"organisation": "X", "source_person_id": 9999})
    assert missing.status_code == 404
    assert script.post(f"{API}/leads/{lead['id']}/link", json={}).status_code == 400


def test_who_knows_answers_as_the_cli(script: ScriptClient, network: Network) -> None:
    ana = _person(network, "Ana Silva", "IBM Canada Ltd.")
    found = script.get(f"{API}/who-knows", params={"organisation": "I.B.M."}).json()
    assert [(item["person_id"], item["why"]) for item in found] == [(ana, "works at IBM Canada Ltd.")]
    assert script.get(f"{API}/who-knows", params={"organisation": "..."}).status_code == 400


def test_groups_and_events(script: ScriptClient, network: Network) -> None:
    ana = _person(network, "Ana")
    group = script.post(f"{API}/groups", json={"name": "PyMTL", "kind": "meetup"})
    assert group.status_code == 201
    event = script.post(
        f"{API}/events",
        json={"name": "Demo night", "date": "2026-12-01", "group_id": group.json()["id"], "met": [ana]},
    )
    assert event.status_code == 201, event.text
    assert event.json()["met"] == [{"id": ana, "name": "Ana"}]
    assert script.get(f"{API}/events").json() == [event.json()]
    detail = script.get(f"{API}/groups/{group.json()['id']}").json()
    assert detail["events"] == [event.json()]
    assert script.get(f"{API}/people/{ana}").json()["met_at"][0]["name"] == "Demo night"
    assert script.post(f"{API}/events", json={"name": "X", "met": [9999]}).status_code == 404


def test_someone_elses_lead_answers_404(script: ScriptClient, other_network: Network) -> None:
    theirs = add_lead(other_network, Lead(organisation="Secret")).lead
    assert script.get(f"{API}/leads/{theirs.id}").status_code == 404
    assert script.post(f"{API}/leads/{theirs.id}/move", json={"status": "closed"}).status_code == 404
    assert script.get(f"{API}/leads").json() == []
