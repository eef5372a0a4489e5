"""Write a message on the web: a template filled for the person, the coach's remarks as the user types,
a suggestion applied in one click, the message logged in one; and the Message templates pages."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient

from orchardist.coach.builtin_templates import BUILTIN
from orchardist.domain.people import Person
from orchardist.services.discretion import set_about_me
from orchardist.services.interactions import interactions_with
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.writing import template_of

HTML = {"accept": "text/html"}
FRENCH = {"orchardist_lang": "fr_CA"}


def _ana(network: Network, **fields: object) -> int:
    values: dict[str, object] = {
        "display_name": "Ana Silva",
        "given_name": "Ana",
        "emails": ("ana@example.org",),
    }
    values.update(fields)
    return add_person(network, Person(**values)).id or 0  # type: ignore[arg-type]


def _textarea(page: str, part: int = 0) -> str:
    found = re.search(rf'<textarea id="body-{part}"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, page
    return unescape(found.group(1))


def test_the_page_fills_the_template_and_shows_what_the_coach_finds(
    client: TestClient, network: Network
) -> None:
    ana = _ana(network, organisation="Northwind")
    response = client.get(f"/people/{ana}/write?template=advice", headers=HTML)
    assert response.status_code == 200 and response.template.name == "person/write.html"  # type: ignore[attr-defined]
    page = response.text
    assert _textarea(page).startswith("Hi Ana,\n\n")
    assert 'data-rule="ask-without-giving"' in page
    assert f'hx-post="/people/{ana}/write/check"' in page and 'hx-trigger="input delay:500ms"' in page
    assert 'href="mailto:ana@example.org?subject=A%20question%20for%20you&amp;body=Hi%20Ana' in page
    # Logged in one click, as an ask of the kind the template names.
    assert f'action="/people/{ana}/interactions"' in page
    for field, value in (("direction", "asked"), ("kind", "advice"), ("channel", "email")):
        assert f'name="{field}" value="{value}"' in page
    assert "Sent: log it as an ask" in page
    options = re.findall(r'<option value="([a-z0-9-]+)"', page)
    assert [code for code in options if code in BUILTIN] == list(BUILTIN)


def test_the_page_defaults_and_the_french_page(client: TestClient, network: Network) -> None:
    ana = _ana(network)
    assert _textarea(client.get(f"/people/{ana}/write", headers=HTML).text).startswith("Hi Ana,")
    client.cookies.update(FRENCH)
    page = client.get(f"/people/{ana}/write?template=reconnect", headers=HTML).text
    assert _textarea(page).startswith("Bonjour Ana,") and "Écrire un message" in page
    english = client.get(f"/people/{ana}/write?template=reconnect&lang=en", headers=HTML).text
    assert _textarea(english).startswith("Hi Ana,") and "Écrire un message" in english


def test_the_old_draft_links_lead_to_the_write_page(client: TestClient, network: Network) -> None:
    ana = _ana(network)
    for query, target in (
        ("reason=thank_you_owed", "template=thank-you"),
        ("reason=occasion&occasion=new_job", "template=congratulation&occasion=new_job"),
        (
            "reason=occasion&occasion=holiday&holiday=canada_day",
            "template=greeting&occasion=holiday&holiday=canada_day",
        ),
        ("reason=gossip", "template=check-in"),
    ):
        response = client.get(f"/people/{ana}/draft?{query}", headers=HTML, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == f"/people/{ana}/write?{target}"


def test_a_person_and_the_today_page_link_to_it(client: TestClient, network: Network) -> None:
    ana = _ana(network)
    assert f'href="/people/{ana}/write"' in client.get(f"/people/{ana}", headers=HTML).text


def test_unknown_person_and_template(client: TestClient, network: Network) -> None:
    ana = _ana(network)
    assert client.get("/people/999/write", headers=HTML).status_code == 404
    missing = client.get(f"/people/{ana}/write?template=gossip", headers=HTML)
    assert missing.status_code == 404 and "there is no template" in missing.text


def test_checking_as_the_user_types(client: TestClient, csrf: str, network: Network) -> None:
    ana = _ana(network)
    form = {"csrf_token": csrf, "body": "Hi Ana, are you hiring? I'm desperate.", "lang": "en", "part": "0"}
    response = client.post(f"/people/{ana}/write/check", data=form, headers={"hx-request": "true"})
    assert response.status_code == 200 and response.template.name == "person/_findings.html"  # type: ignore[attr-defined]
    assert [item["rule"] for item in response.context["findings"]] == [  # type: ignore[attr-defined]
        "asks-for-job-openings",
        "ask-without-giving",
        "begging-tone",
    ]
    assert response.text.count("apply-fix") == 3 and '<q class="private">are you hiring</q>' in response.text
    quiet = client.post(
        f"/people/{ana}/write/check", data={**form, "body": "   "}, headers={"hx-request": "true"}
    )
    assert quiet.status_code == 200 and quiet.context["findings"] == []  # type: ignore[attr-defined]
    client.cookies.update(FRENCH)
    french = client.post(f"/people/{ana}/write/check", data={**form, "lang": "fr"})
    assert "Le coach a 3 remarques" in french.text


def test_checking_names_a_work_account(client: TestClient, csrf: str, network: Network) -> None:
    ana = _ana(network)
    set_about_me(network, {"work_domains": ["contoso.example"], "search_mode": "open"})
    form = {"csrf_token": csrf, "body": "Hi Ana, how was the trip?", "from": "me@mail.contoso.example"}
    response = client.post(f"/people/{ana}/write/check", data=form)
    assert [item["rule"] for item in response.context["findings"]] == ["sent-from-work-account"]  # type: ignore[attr-defined]


def test_a_suggestion_applies_in_one_click(client: TestClient, csrf: str, network: Network) -> None:
    ana = _ana(network)
    body = "Hi Ana,\n\nDo you know of any openings at Northwind? Thanks."
    start = body.index("any openings")
    end = start + len("any openings")
    form = {
        "csrf_token": csrf,
        "body": body,
        "rule": "asks-for-job-openings",
        "start": str(start),
        "end": str(end),
    }
    response = client.post(f"/people/{ana}/write/fix", data=form, headers={"hx-request": "true"})
    assert response.status_code == 200 and response.template.name == "person/_message.html"  # type: ignore[attr-defined]
    mended = _textarea(response.text)
    assert mended == (
        "Hi Ana,\n\nCould I ask your advice on how people find their way into work like yours? Thanks."
    )
    assert "asks-for-job-openings" not in [item["rule"] for item in response.context["findings"]]  # type: ignore[attr-defined]
    # A finding no longer there (the text changed meanwhile) leaves the message as it is.
    stale = client.post(
        f"/people/{ana}/write/fix", data={**form, "start": "0"}, headers={"hx-request": "true"}
    )
    assert _textarea(stale.text) == body
    refused = client.post(
        f"/people/{ana}/write/fix", data={**form, "body": ""}, headers={"hx-request": "true"}
    )
    assert refused.status_code == 400


def test_writing_without_the_csrf_token_is_refused(client: TestClient, network: Network) -> None:
    ana = _ana(network)
    assert client.post(f"/people/{ana}/write/check", data={"body": "Hi"}).status_code == 403


def test_an_introduction_first_finds_the_other_person(client: TestClient, network: Network) -> None:
    ana = _ana(network)
    omar = _ana(network, display_name="Omar Haddad", given_name="Omar", organisation="Acme", emails=())
    first = client.get(f"/people/{ana}/write?template=double-opt-in", headers=HTML).text
    assert 'name="who"' in first and "<textarea" not in first
    found = client.get(f"/people/{ana}/write?template=double-opt-in&who=omar", headers=HTML).text
    assert f"with={omar}" in found and "Omar Haddad" in found
    nobody = client.get(f"/people/{ana}/write?template=double-opt-in&who=zelda", headers=HTML).text
    assert "Nobody matches" in nobody
    both = client.get(f"/people/{ana}/write?template=double-opt-in&with={omar}", headers=HTML).text
    assert "introduce you to Omar Haddad, who works at Acme" in _textarea(both, 0)
    assert "introduce you to Ana Silva." in _textarea(both, 1)
    assert f'hx-post="/people/{omar}/write/check"' in both and "Sent: log it as a give" in both


def test_logging_it_from_the_page_records_the_contact(
    client: TestClient, csrf: str, network: Network
) -> None:
    ana = _ana(network)
    form = {
        "csrf_token": csrf,
        "on": "2026-12-01",
        "channel": "email",
        "direction": "asked",
        "kind": "advice",
        "summary": "Ask for advice",
    }
    response = client.post(f"/people/{ana}/interactions", data=form, follow_redirects=False)
    assert response.status_code == 303
    [logged] = interactions_with(network, ana)
    assert (logged.kind, logged.direction.value, logged.summary) == ("advice", "asked", "Ask for advice")


# The Message templates pages ----------------------------------------------------------------------


def test_the_templates_page_lists_them_in_each_language(client: TestClient) -> None:
    page = client.get("/templates", headers=HTML).text
    for code in BUILTIN:
        assert f'href="/templates/{code}/edit?lang=en"' in page
    french = client.get("/templates?lang=fr", headers=HTML).text
    assert "Demander conseil" in french


def test_a_template_of_ones_own_is_written_changed_and_deleted(
    client: TestClient, csrf: str, network: Network
) -> None:
    assert client.get("/templates/new", headers=HTML).status_code == 200
    form = {
        "csrf_token": csrf,
        "lang": "en",
        "code": "",
        "name": "Coffee ask",
        "subject": "Coffee?",
        "body": "Hi {given_name},\n\nCoffee[ near {organisation}]?",
        "gives": "asks",
        "log_kind": "advice",
    }
    saved = client.post("/templates", data=form, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/templates?lang=en&saved=1"
    assert "Coffee ask" in client.get("/templates?saved=1", headers=HTML).text
    edit = client.get("/templates/coffee-ask/edit", headers=HTML).text
    assert "Coffee[ near {organisation}]?" in unescape(edit) and "Delete this template" in edit
    client.post("/templates", data={**form, "code": "coffee-ask", "body": "Tea, {given_name}?"})
    assert template_of(network, "coffee-ask").body == "Tea, {given_name}?"
    ana = _ana(network)
    assert _textarea(client.get(f"/people/{ana}/write?template=coffee-ask", headers=HTML).text) == "Tea, Ana?"
    gone = client.post(
        "/templates/coffee-ask/forget", data={"csrf_token": csrf, "lang": "en"}, follow_redirects=False
    )
    assert gone.status_code == 303
    assert client.get("/templates/coffee-ask/edit", headers=HTML).status_code == 404


def test_a_built_in_template_is_changed_and_put_back(client: TestClient, csrf: str, network: Network) -> None:
    form = {
        "csrf_token": csrf,
        "lang": "fr",
        "code": "advice",
        "name": "Conseil",
        "body": "Salut {given_name}",
    }
    assert client.post("/templates", data=form, follow_redirects=False).status_code == 303
    edit = client.get("/templates/advice/edit?lang=fr", headers=HTML).text
    assert "Put it back as it came" in edit
    assert template_of(network, "advice").body == BUILTIN["advice"].body  # English untouched
    client.post("/templates/advice/forget", data={"csrf_token": csrf, "lang": "fr"})
    assert "Put it back as it came" not in client.get("/templates/advice/edit?lang=fr", headers=HTML).text


def test_a_wrong_template_is_shown_again_with_the_reason_beside_its_field(
    client: TestClient, csrf: str
) -> None:
    form = {"csrf_token": csrf, "lang": "en", "name": "Mine", "body": "Hi {nickname}"}
    response = client.post("/templates", data=form)
    assert response.status_code == 400
    assert (
        'id="body-error"' in response.text
        and "{nickname} is not a blank Orchardist can fill" in response.text
    )
    assert "Hi {nickname}" in unescape(response.text)
