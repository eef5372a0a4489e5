"""The front door: where "/" leads, the welcome page, and the demo network loaded and removed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.demo import DEMO_TAG, demo_people, is_demo
from orchardist.services.network import Network
from orchardist.services.people import add_person, count_people, list_people

HTML = {"accept": "text/html"}


def test_home_leads_to_the_welcome_on_a_first_run(client: TestClient) -> None:
    response = client.get("/", headers=HTML, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/welcome"


def test_home_leads_to_today_when_there_are_people(client: TestClient, network: Network) -> None:
    add_person(network, Person(display_name="Ada Lovelace"))
    response = client.get("/", headers=HTML, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/today"


def test_the_welcome_offers_the_demo_an_import_and_a_capture(client: TestClient, csrf: str) -> None:
    response = client.get("/welcome", headers=HTML)
    assert response.status_code == 200
    assert response.template.name == "welcome.html"  # type: ignore[attr-defined]
    context = response.context  # type: ignore[attr-defined]
    assert (context["people_count"], context["demo_count"], context["removed"]) == (0, 0, None)
    assert context["demo_tag"] == "demo"
    assert 'action="/welcome/demo"' in response.text
    assert f'value="{csrf}"' in response.text
    assert 'href="/import"' in response.text
    assert 'href="/capture"' in response.text
    assert "/welcome/remove-demo" not in response.text


def test_loading_the_demo_shows_its_people_marked_as_demo(
    client: TestClient, network: Network, csrf: str
) -> None:
    response = client.post("/welcome/demo", data={"csrf_token": csrf}, headers=HTML, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/people?tag={DEMO_TAG}"
    loaded = [item.person for item in list_people(network)]
    assert len(loaded) == len(demo_people())
    assert all(is_demo(person) and DEMO_TAG in person.tags for person in loaded)

    welcome = client.get("/welcome", headers=HTML)
    assert welcome.context["demo_count"] == len(demo_people())  # type: ignore[attr-defined]
    assert "You are looking at demo data" in welcome.text
    assert 'action="/welcome/remove-demo"' in welcome.text


def test_loading_the_demo_twice_adds_it_once(client: TestClient, network: Network, csrf: str) -> None:
    for _ in range(2):
        client.post("/welcome/demo", data={"csrf_token": csrf}, headers=HTML)
    assert count_people(network) == len(demo_people())


def test_removing_the_demo_keeps_the_users_own_people(
    client: TestClient, network: Network, csrf: str
) -> None:
    own = add_person(network, Person(display_name="Ada Lovelace"))
    client.post("/welcome/demo", data={"csrf_token": csrf}, headers=HTML)
    response = client.post(
        "/welcome/remove-demo", data={"csrf_token": csrf}, headers=HTML, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/welcome?removed={len(demo_people())}"
    assert [item.person.id for item in list_people(network)] == [own.id]

    welcome = client.get(response.headers["location"], headers=HTML)
    context = welcome.context  # type: ignore[attr-defined]
    assert (context["removed"], context["demo_count"], context["people_count"]) == (len(demo_people()), 0, 1)
    assert "The people you added yourself are still here." in welcome.text


def test_a_person_the_user_tagged_demo_is_not_demo_data(
    client: TestClient, network: Network, csrf: str
) -> None:
    add_person(network, Person(display_name="Ada Lovelace", tags=(DEMO_TAG,)))
    assert client.get("/welcome", headers=HTML).context["demo_count"] == 0  # type: ignore[attr-defined]
    client.post("/welcome/remove-demo", data={"csrf_token": csrf}, headers=HTML)
    assert count_people(network) == 1


@pytest.mark.parametrize("path", ["/welcome/demo", "/welcome/remove-demo"])
def test_changes_without_the_csrf_token_are_refused(client: TestClient, network: Network, path: str) -> None:
    client.post("/welcome/demo", data={"csrf_token": client.cookies["orchardist_csrf"]}, headers=HTML)
    before = count_people(network)
    response = client.post(path, data={}, headers=HTML)
    assert response.status_code == 403
    response = client.post(path, data={"csrf_token": "forged"}, headers=HTML)
    assert response.status_code == 403
    assert count_people(network) == before


def test_every_page_says_when_the_demo_is_loaded_and_offers_its_removal(
    client: TestClient, network: Network, csrf: str
) -> None:
    add_person(network, Person(display_name="Ada Lovelace", tags=(DEMO_TAG,)))
    page = client.get("/people", headers=HTML)
    assert page.context["demo_count"] == 0  # type: ignore[attr-defined]
    assert "/welcome/remove-demo" not in page.text
    client.post("/welcome/demo", data={"csrf_token": csrf}, headers=HTML)
    for path in ("/people", "/capture", "/settings"):
        page = client.get(path, headers=HTML)
        assert page.context["demo_count"] == len(demo_people()), path  # type: ignore[attr-defined]
        assert 'action="/welcome/remove-demo"' in page.text, path
    partial = client.get("/people", headers={**HTML, "HX-Request": "true"})
    assert "/welcome/remove-demo" not in partial.text
    client.post("/welcome/remove-demo", data={"csrf_token": csrf}, headers=HTML)
    page = client.get("/people", headers=HTML)
    assert page.context["demo_count"] == 0  # type: ignore[attr-defined]
    assert [item.person.display_name for item in list_people(network)] == ["Ada Lovelace"]
