"""The Reconnect page and its API: the never-contacted, oldest connections first; ticking a few puts
them on Today; the list can be trimmed from the page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from orchardist.domain.people import NamedDate, PartialDate, Person
from orchardist.services.network import Network
from orchardist.services.people import add_person
from tests.web.test_api_people import assert_documented

HTML = {"accept": "text/html"}
FRENCH = {"orchardist_lang": "fr_CA"}
API = "/api/v1"


def _connected(network: Network, name: str, year: int) -> int:
    dates = (NamedDate("connected", PartialDate(month=4, day=20, year=year)),)
    person = add_person(network, Person(display_name=name, dates=dates, organisation="Northwind"))
    assert person.id is not None
    return person.id


def test_ticking_a_few_puts_them_on_the_list_and_on_today(
    network: Network, client: TestClient, csrf: str
) -> None:
    newer, older = _connected(network, "Rosa Recent", 2024), _connected(network, "Olga Oldest", 2010)
    page = client.get("/reconnect", headers=HTML)
    assert page.status_code == 200
    text = page.text
    assert text.index("Olga Oldest") < text.index("Rosa Recent") and "Apr 20, 2010" in text
    assert "2 people you have not logged a contact with" in text
    added = client.post(
        "/reconnect", data={"csrf_token": csrf, "person_id": [str(older)]}, follow_redirects=False
    )
    assert added.status_code == 303 and added.headers["location"] == "/reconnect?added=1"
    after = client.get(added.headers["location"], headers=HTML).text
    assert "1 more person is on your reconnect list" in after and f'href="/people/{older}"' in after
    today = client.get("/today", headers=HTML).text
    assert "Olga Oldest" in today and "no contact logged yet" in today and "Rosa Recent" not in today
    removed = client.post(f"/reconnect/{older}/remove", data={"csrf_token": csrf}, follow_redirects=False)
    assert removed.status_code == 303
    assert "They are off the reconnect list." in client.get("/reconnect?removed=1", headers=HTML).text
    assert newer


def test_nothing_ticked_and_no_token_change_nothing(network: Network, client: TestClient, csrf: str) -> None:
    older = _connected(network, "Olga Oldest", 2010)
    nothing = client.post("/reconnect", data={"csrf_token": csrf}, follow_redirects=False)
    assert nothing.status_code == 303 and nothing.headers["location"] == "/reconnect"
    forged = client.post("/reconnect", data={"person_id": str(older)}, follow_redirects=False)
    assert forged.status_code == 403
    assert client.get(f"{API}/reconnect").json() == []


def test_the_page_reads_in_french_and_an_empty_today_points_to_it(
    network: Network, client: TestClient
) -> None:
    assert "Choose people to reconnect with" in client.get("/today", headers=HTML).text
    _connected(network, "Olga Oldest", 2010)
    client.cookies.update(FRENCH)
    page = client.get("/reconnect", headers=HTML).text
    assert "Reprendre contact" in page and "20 avr. 2010" in page


def test_the_api_lists_suggestions_and_puts_many_on_the_list(
    network: Network, client: TestClient, csrf: str
) -> None:
    newer, older = _connected(network, "Rosa Recent", 2024), _connected(network, "Olga Oldest", 2010)
    document = client.get(f"{API}/openapi.json").json()
    answered = client.get(f"{API}/reconnect/suggestions", params={"limit": 1})
    assert_documented(document, "GET", "/api/v1/reconnect/suggestions", answered)
    found = answered.json()
    assert found["total"] == 2 and found["listed"] == []
    assert found["candidates"] == [
        {
            "person_id": older,
            "name": "Olga Oldest",
            "organisation": "Northwind",
            "title": "",
            "connected_on": "2010-04-20",
        }
    ]
    headers = {"X-CSRF-Token": csrf}
    added = client.post(f"{API}/reconnect/many", json={"person_ids": [older, newer, older]}, headers=headers)
    assert_documented(document, "POST", "/api/v1/reconnect/many", added)
    assert added.status_code == 200 and added.json() == {"added": 2}
    assert [entry["name"] for entry in client.get(f"{API}/reconnect").json()] == [
        "Olga Oldest",
        "Rosa Recent",
    ]
    missing = client.post(f"{API}/reconnect/many", json={"person_ids": [99_999]}, headers=headers)
    assert missing.status_code == 404 and missing.json()["code"] == "person.not_found"
    assert client.get(f"{API}/reconnect/suggestions", params={"limit": 0}).status_code == 422
