"""The Leads, Who knows and Groups & events pages: adding, moving, passing on, and ownership."""

from __future__ import annotations

from datetime import date, timedelta
from html import unescape

from fastapi.testclient import TestClient

from orchardist.domain.groups import Event, Group
from orchardist.domain.leads import Lead
from orchardist.domain.people import Person
from orchardist.services.groups import add_event, add_group
from orchardist.services.leads import add_lead, show_lead
from orchardist.services.network import Network
from orchardist.services.people import add_person, person_overview

HTML = {"accept": "text/html"}
FRENCH = {"orchardist_lang": "fr_CA"}


def _person(network: Network, name: str, **fields: object) -> int:
    person = add_person(network, Person(display_name=name, **fields))  # type: ignore[arg-type]
    assert person.id is not None
    return person.id


def test_a_lead_is_added_moved_linked_and_passed_on_from_the_pages(
    client: TestClient, csrf: str, network: Network
) -> None:
    mei = _person(network, "Mei Lin")
    ana = _person(network, "Ana Silva")
    added = client.post(
        "/leads",
        data={
            "csrf_token": csrf,
            "organisation": "Northwind",
            "role": "Data analyst",
            "source": f"Mei Lin (#{mei})",
            "next_step": "Ask Mei for an introduction",
            "next_step_on": date.today().isoformat(),
        },
        headers=HTML,
    )
    assert added.status_code == 200 and "The lead is saved." in added.text
    lead_id = int(str(added.url).rsplit("/", 1)[1].split("?")[0])
    assert "Told you:" in added.text and f"/people/{mei}" in added.text
    assert 'href="/who-knows?organisation=Northwind"' in added.text

    today = client.get("/today", headers=HTML)
    assert "Next step due" in today.text and f'href="/leads/{lead_id}"' in today.text

    listed = client.get("/leads", headers=HTML)
    assert "Next steps due" in listed.text and "Ask Mei for an introduction" in unescape(listed.text)

    moved = client.post(
        f"/leads/{lead_id}/move",
        data={"csrf_token": csrf, "status": "interview", "next_step": ""},
        headers=HTML,
    )
    assert moved.status_code == 200
    assert show_lead(network, lead_id).lead.status.value == "interview"
    assert show_lead(network, lead_id).lead.next_step_on is None

    passed = client.post(
        f"/leads/{lead_id}/pass-on", data={"csrf_token": csrf, "person": f"#{ana}"}, headers=HTML
    )
    assert passed.status_code == 200 and "logged as a give" in passed.text
    assert person_overview(network, ana).standing.ledger["gave"] == 1

    page = client.get(f"/people/{mei}", headers=HTML)
    assert "Leads they told you of" in page.text and f"/leads/{lead_id}" in page.text
    assert f"/leads?source=Mei%20Lin%20%28%23{mei}%29" in page.text
    prefilled = client.get(f"/leads?source=Mei Lin (%23{mei})", headers=HTML)
    assert f'value="Mei Lin (#{mei})"' in prefilled.text


def test_a_refused_lead_comes_back_with_the_reason_beside_the_field(client: TestClient, csrf: str) -> None:
    refused = client.post("/leads", data={"csrf_token": csrf, "organisation": " "}, headers=HTML)
    assert refused.status_code == 400 and "say which organisation or role" in refused.text
    bad_day = client.post(
        "/leads", data={"csrf_token": csrf, "organisation": "X", "heard_on": "soon"}, headers=HTML
    )
    assert bad_day.status_code == 400 and "2026-12-31" in bad_day.text


def test_who_knows_finds_the_warm_path_in_french_too(client: TestClient, network: Network) -> None:
    _person(network, "Ana Silva", organisation="IBM Canada Ltd.")
    found = client.get("/who-knows?organisation=I.B.M.", headers=HTML)
    assert "Ana Silva" in found.text and "works at IBM Canada Ltd." in found.text
    assert "You → Ana Silva (IBM Canada Ltd.)" in unescape(found.text)
    client.cookies.update(FRENCH)
    french = client.get("/who-knows?organisation=ibm", headers=HTML)
    assert "travaille chez IBM Canada Ltd." in unescape(french.text)
    assert "Vous → Ana Silva" in unescape(french.text)
    assert client.get("/who-knows", headers=HTML).status_code == 200


def test_groups_and_events_from_the_page_and_the_person_met_there(
    client: TestClient, csrf: str, network: Network
) -> None:
    ana = _person(network, "Ana Silva")
    assert (
        client.post(
            "/groups", data={"csrf_token": csrf, "name": "PyMTL", "kind": "meetup"}, headers=HTML
        ).status_code
        == 200
    )
    page = client.get("/groups", headers=HTML)
    assert "PyMTL" in page.text
    saved = client.post(
        "/events",
        data={
            "csrf_token": csrf,
            "name": "Demo night",
            "on": (date.today() - timedelta(days=2)).isoformat(),
            "group": "",
            "met": [f"Ana Silva (#{ana})", "", ""],
        },
        headers=HTML,
    )
    assert saved.status_code == 200 and "Demo night" in saved.text
    assert "Met at" in client.get(f"/people/{ana}", headers=HTML).text
    today = client.get("/today", headers=HTML)
    assert "Follow up after an event" in today.text
    refused = client.post("/events", data={"csrf_token": csrf, "name": "X", "met": ["nobody"]}, headers=HTML)
    assert refused.status_code == 400
    assert client.post("/groups", data={"csrf_token": csrf, "name": ""}, headers=HTML).status_code == 400


def test_a_chance_encounter_with_a_lead_is_a_lead_in_one_save(
    client: TestClient, csrf: str, network: Network
) -> None:
    saved = client.post(
        "/capture",
        data={
            "csrf_token": csrf,
            "who": "Man on the train",
            "lead": "They hire testers",
            "organisation": "CN",
        },
        headers=HTML,
    )
    assert saved.status_code == 200 and "The lead is saved too" in saved.text
    assert "/leads/" in saved.text


def test_someone_elses_lead_and_group_answer_404(
    client: TestClient, csrf: str, other_network: Network
) -> None:
    theirs = add_lead(other_network, Lead(organisation="Secret Corp")).lead
    group = add_group(other_network, Group(name="Their club"))
    add_event(other_network, Event(name="Their party", on=date.today()))
    assert client.get(f"/leads/{theirs.id}", headers=HTML).status_code == 404
    assert client.get(f"/groups/{group.id}", headers=HTML).status_code == 404
    moved = client.post(
        f"/leads/{theirs.id}/move", data={"csrf_token": csrf, "status": "closed"}, headers=HTML
    )
    assert moved.status_code == 404
    assert "Secret Corp" not in client.get("/leads", headers=HTML).text
    assert "Their party" not in client.get("/groups", headers=HTML).text
