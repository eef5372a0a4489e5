"""The Introductions and Share an article pages, and their API under /api/v1."""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.interactions import interactions_with
from orchardist.services.introductions import list_introductions, start_introduction
from orchardist.services.network import Network
from orchardist.web.app import create_app
from tests.web.test_api_people import ScriptClient, assert_documented

API = "/api/v1"
FRENCH = {"orchardist_lang": "fr_CA"}


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


def _people(network: Network) -> tuple[int, int, int]:
    people = [
        Person(
            "Priya Raman",
            given_name="Priya",
            could_use_help_with=("cloud certifications",),
            emails=("priya@example.org",),
        ),
        Person(
            "Omar Haddad",
            given_name="Omar",
            can_help_with=("cloud certification coaching",),
            interests=("Kubernetes",),
            emails=("omar@example.org",),
        ),
        Person("Grace Tremblay", given_name="Grace", interests=("sourdough",)),
    ]
    with network.writing() as unit:
        a, b, c = unit.people.add_many(people)
    return a, b, c


def test_the_board_suggests_and_a_click_starts_an_introduction(
    client: TestClient, csrf: str, network: Network
) -> None:
    priya, omar, _ = _people(network)
    page = client.get("/introductions")
    assert page.status_code == 200
    text = unescape(page.text)
    assert "Priya Raman could use help with cloud certifications; Omar Haddad offers exactly that" in text
    started = client.post(
        "/introductions/start", data={"a": priya, "b": omar, "csrf_token": csrf}, follow_redirects=False
    )
    assert started.status_code == 303
    detail = client.get(started.headers["location"])
    assert detail.status_code == 200
    assert "Omar Haddad" in unescape(detail.text) and "Hi Priya," in unescape(detail.text)
    [intro] = list_introductions(network)
    moved = client.post(
        f"/introductions/{intro.id}/move",
        data={"state": "asked_a", "log": "1", "csrf_token": csrf},
        follow_redirects=True,
    )
    assert moved.status_code == 200 and "the give logged" in moved.text
    assert len(interactions_with(network, priya)) == 1
    back = client.post(f"/introductions/{intro.id}/move", data={"state": "started", "csrf_token": csrf})
    assert back.status_code == 400
    closed = client.post(
        f"/introductions/{intro.id}/move",
        data={"state": "done", "outcome": "They met", "csrf_token": csrf},
        follow_redirects=True,
    )
    assert "They met" in closed.text
    assert client.get("/introductions/999").status_code == 404


def test_the_pages_speak_french(client: TestClient, network: Network) -> None:
    priya, omar, _ = _people(network)
    intro = start_introduction(network, priya, omar).introduction
    client.cookies.update(FRENCH)
    board = unescape(client.get("/introductions").text)
    assert "Qui devrait se rencontrer" in board
    detail = unescape(client.get(f"/introductions/{intro.id}").text)
    assert "Bonjour Priya," in detail
    assert "Partager un article" in unescape(client.get("/share").text)


def test_sharing_ranks_with_the_words_and_one_click_drafts_and_logs(
    client: TestClient, csrf: str, network: Network
) -> None:
    _, omar, _ = _people(network)
    ranked = client.post("/share", data={"title": "Kubernetes upgrades", "text": "", "csrf_token": csrf})
    assert ranked.status_code == 200
    assert "Omar Haddad" in ranked.text and "<mark>Kubernetes</mark>" in ranked.text
    assert "Grace Tremblay" not in ranked.text
    note = client.post(
        "/share/note",
        data={
            "person_id": omar,
            "title": "Kubernetes upgrades",
            "link": "https://example.org/k",
            "log": "1",
            "csrf_token": csrf,
        },
    )
    assert note.status_code == 200 and "https://example.org/k" in note.text
    [logged] = interactions_with(network, omar)
    assert logged.kind == "article"
    empty = client.post("/share", data={"title": "the", "csrf_token": csrf})
    assert empty.status_code == 400


def test_the_api_follows_the_cli_contract(script: ScriptClient, network: Network) -> None:
    priya, omar, grace = _people(network)
    document = script.get(f"{API}/openapi.json").json()
    suggested = script.get(f"{API}/introductions/suggestions")
    assert_documented(document, "GET", f"{API}/introductions/suggestions", suggested)
    [pair] = suggested.json()["suggestions"]
    assert {pair["a"]["id"], pair["b"]["id"]} == {priya, omar} and pair["why"] and pair["score"] > 0
    created = script.post(f"{API}/introductions", json={"a": priya, "b": omar})
    assert_documented(document, "POST", f"{API}/introductions", created)
    assert created.status_code == 201 and created.json()["next"]["state"] == "asked_a"
    intro_id = created.json()["id"]
    moved = script.post(f"{API}/introductions/{intro_id}/move", json={"state": "asked_a", "log": True})
    assert_documented(document, "POST", f"{API}/introductions/{{introduction_id}}/move", moved)
    assert moved.status_code == 200 and len(moved.json()["logged"]) == 1
    wrong = script.post(f"{API}/introductions/{intro_id}/move", json={"state": "started"})
    assert wrong.status_code == 400 and wrong.json()["code"] == "introduction.move"
    listed = script.get(f"{API}/introductions")
    assert_documented(document, "GET", f"{API}/introductions", listed)
    assert listed.json()["introductions"][0]["state"] == "asked_a"
    received = script.post(f"{API}/introductions/received", json={"by": omar, "person": grace})
    assert received.status_code == 204
    ranked = script.post(f"{API}/share/suggestions", json={"text": "Kubernetes clusters"})
    assert_documented(document, "POST", f"{API}/share/suggestions", ranked)
    [best] = ranked.json()["suited"]
    assert best["person_id"] == omar and best["why"] == "interests: Kubernetes"
    note = script.post(f"{API}/share/note", json={"to": omar, "title": "Kubernetes", "log": True})
    assert_documented(document, "POST", f"{API}/share/note", note)
    assert note.json()["logged"] is not None


def test_another_networks_introductions_are_not_found(
    script: ScriptClient, network: Network, other_network: Network
) -> None:
    priya, omar, _ = _people(other_network)
    theirs = start_introduction(other_network, priya, omar).introduction
    assert script.get(f"{API}/introductions/{theirs.id}").status_code == 404
    assert script.post(f"{API}/introductions/{theirs.id}/move", json={"state": "declined"}).status_code == 404
    assert script.get(f"{API}/introductions").json()["introductions"] == []
    assert script.post(f"{API}/introductions", json={"a": priya, "b": omar}).status_code == 404


def test_an_introduction_received_is_recorded_from_the_board(
    client: TestClient, csrf: str, network: Network
) -> None:
    priya, omar, _ = _people(network)
    options = client.get("/introductions/people", params={"by": "Omar"})
    assert f"Omar Haddad (#{omar})" in options.text
    done = client.post(
        "/introductions/received",
        data={"by": f"Omar Haddad (#{omar})", "person": f"Priya Raman (#{priya})", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == f"/people/{priya}"
    page = client.get(f"/people/{priya}")
    assert f'href="/people/{omar}">Omar Haddad</a>' in page.text
    wrong = client.post("/introductions/received", data={"by": "Omar", "person": "", "csrf_token": csrf})
    assert wrong.status_code == 400 and "Pick both people" in wrong.text
    same = client.post(
        "/introductions/received", data={"by": str(priya), "person": str(priya), "csrf_token": csrf}
    )
    assert same.status_code == 400


def test_the_persons_page_lists_the_introductions_they_are_in(client: TestClient, network: Network) -> None:
    priya, omar, _ = _people(network)
    intro = start_introduction(network, priya, omar).introduction
    page = unescape(client.get(f"/people/{priya}").text)
    assert "Introductions you broker" in page
    assert f'href="/introductions/{intro.id}">With Omar Haddad</a> — Started' in page
