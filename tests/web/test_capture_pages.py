"""Quick capture: a short phone-sized form that saves a person and an encounter, or nothing."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Channel, Direction
from orchardist.services.capture import Encounter, capture_encounter
from orchardist.services.interactions import interactions_with
from orchardist.services.network import Network
from orchardist.services.people import count_people, get_person
from orchardist.store.interactions import InteractionsRepository
from orchardist.web.app import create_app

HTML = {"accept": "text/html"}
FORM = {
    "who": "woman at the bus stop, works at the library",
    "where": "Bank Street bus stop",
    "said": "The library hires a digital skills coach in the spring.",
    "lead": "Ask for Sam in the programmes office",
    "email": "",
    "phone": "613-555-0142",
    "organisation": "Riverbend Library",
}


def _tag(html: str, element_id: str) -> str:
    found = re.search(rf"<(?:input|textarea)[^>]*id=\"{element_id}\"[^>]*>", html)
    assert found, element_id
    return found.group(0)


def test_the_form_is_short_and_made_for_a_phone(client: TestClient) -> None:
    response = client.get("/capture", headers=HTML)
    assert response.status_code == 200
    assert response.template.name == "capture/form.html"  # type: ignore[attr-defined]
    context = response.context  # type: ignore[attr-defined]
    assert context["errors"] == {}
    assert context["values"] == dict.fromkeys(FORM, "")
    html = response.text
    assert "autofocus" in _tag(html, "capture-who")
    assert 'type="email"' in _tag(html, "capture-email")
    assert 'type="tel"' in _tag(html, "capture-phone")
    for name in FORM:
        tag = _tag(html, f"capture-{name}")
        assert 'autocomplete="off"' in tag
        assert f'<label for="capture-{name}">' in html
    assert "<details >" in html or "<details>" in html  # the optional details start closed


def test_an_encounter_is_saved_as_a_person_and_an_interaction(
    client: TestClient, network: Network, csrf: str
) -> None:
    response = client.post(
        "/capture", data={**FORM, "csrf_token": csrf}, headers=HTML, follow_redirects=False
    )
    assert response.status_code == 303
    # The form's lead became a lead too: the confirmation's address names it.
    person_id = int(response.headers["location"].rsplit("/", 1)[1].split("?lead=")[0])
    person = get_person(network, person_id)
    assert person is not None
    assert person.display_name == FORM["who"]
    assert (person.how_met, person.where_met) == ("chance encounter", FORM["where"])
    assert person.organisation == "Riverbend Library"
    assert person.phones == ("613-555-0142",)
    assert person.emails == ()
    assert person.notes == f"{FORM['said']}\n\nLead: {FORM['lead']}"
    (interaction,) = interactions_with(network, person_id)
    assert (interaction.kind, interaction.direction, interaction.channel) == (
        "chance_encounter",
        Direction.SOCIAL,
        Channel.IN_PERSON,
    )
    assert interaction.summary == FORM["said"]
    assert interaction.on == date.today()

    saved = client.get(response.headers["location"], headers=HTML)
    assert saved.status_code == 200
    assert saved.template.name == "capture/saved.html"  # type: ignore[attr-defined]
    assert saved.context["person"] == person  # type: ignore[attr-defined]
    assert saved.context["encounter"] == interaction  # type: ignore[attr-defined]
    assert f'href="/people/{person_id}"' in saved.text
    assert 'href="/capture"' in saved.text


def test_a_name_alone_is_enough(client: TestClient, network: Network, csrf: str) -> None:
    response = client.post("/capture", data={"who": "Lucía Fernández", "csrf_token": csrf}, headers=HTML)
    assert response.status_code == 200
    person = response.context["person"]  # type: ignore[attr-defined]
    assert (person.given_name, person.family_name) == ("Lucía", "Fernández")
    assert response.context["encounter"].summary == "Met by chance"  # type: ignore[attr-defined]


def test_mistakes_are_shown_next_to_their_fields_and_nothing_is_stored(
    client: TestClient, network: Network, csrf: str
) -> None:
    data = {**FORM, "who": "  ", "email": "lucia@", "csrf_token": csrf}
    response = client.post("/capture", data=data, headers=HTML)
    assert response.status_code == 400
    assert response.template.name == "capture/form.html"  # type: ignore[attr-defined]
    context = response.context  # type: ignore[attr-defined]
    assert set(context["errors"]) == {"who", "email"}
    assert context["values"]["said"] == FORM["said"]
    assert context["details_open"] is True
    assert context["first_error"] == "who"
    who = _tag(response.text, "capture-who")
    assert 'aria-invalid="true"' in who
    assert "capture-who-error" in who
    assert 'id="capture-email-error"' in response.text
    assert "autofocus" in who
    assert count_people(network) == 0
    with network.reading() as unit:
        assert unit.interactions.count() == 0


def test_a_failure_half_way_stores_nothing(
    client: TestClient, network: Network, csrf: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_add(self: InteractionsRepository, interaction: object) -> object:
        raise RuntimeError("disk full")

    monkeypatch.setattr(InteractionsRepository, "add", broken_add)
    with pytest.raises(RuntimeError, match="disk full"):
        client.post("/capture", data={**FORM, "csrf_token": csrf}, headers=HTML)
    assert count_people(network) == 0


def test_a_capture_without_the_csrf_token_is_refused(client: TestClient, network: Network) -> None:
    assert client.post("/capture", data=FORM, headers=HTML).status_code == 403
    assert client.post("/capture", data={**FORM, "csrf_token": "forged"}, headers=HTML).status_code == 403
    assert count_people(network) == 0


def test_someone_elses_capture_is_not_found(network: Network, other_network: Network) -> None:
    theirs = capture_encounter(other_network, Encounter(who="Bob's contact"))
    with TestClient(create_app(network), base_url="http://localhost") as alice:
        response = alice.get(f"/capture/saved/{theirs.id}", headers=HTML)
    assert response.status_code == 404
