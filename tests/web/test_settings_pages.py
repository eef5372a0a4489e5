"""The Settings page: where the data lives, how much of it, the version, and the language choice."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from orchardist import __version__
from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.store.engine import Store
from orchardist.web.i18n import LANGUAGE_COOKIE

HTML = {"accept": "text/html"}


def test_the_page_says_where_the_data_lives_and_how_much(
    client: TestClient, store: Store, network: Network, other_network: Network
) -> None:
    amira = add_person(network, Person(display_name="Amira Haddad"))
    add_person(network, Person(display_name="Dan Ocampo"))
    assert amira.id is not None
    log_interaction(network, [amira.id], direction=Direction.MUTUAL, kind="coffee", summary="Coffee")
    bobs = add_person(other_network, Person(display_name="Bob's friend"))
    assert bobs.id is not None
    log_interaction(other_network, [bobs.id], direction=Direction.ASKED, kind="call", summary="Call")

    response = client.get("/settings", headers=HTML)
    assert response.status_code == 200
    assert response.template.name == "settings/index.html"  # type: ignore[attr-defined]
    context = response.context  # type: ignore[attr-defined]
    assert context["store"] == store.describe()
    assert (context["people"], context["interactions"]) == (2, 1)
    assert context["version"] == __version__
    assert context["language"] == "en"
    assert context["store_kind"] == ("sqlite" if store.sqlite_path else "server")
    page = response.text
    assert store.describe() in page and __version__ in page
    assert "Nothing leaves this machine" in page
    assert 'value="en" checked' in page and 'value="fr_CA" checked' not in page
    if store.url.password:
        assert store.url.password not in page


def test_choosing_french_sets_a_strict_cookie_and_the_next_page_is_french(
    client: TestClient, csrf: str
) -> None:
    response = client.post(
        "/settings/language",
        data={"csrf_token": csrf, "language": "fr_CA", "next": "/settings"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/settings"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{LANGUAGE_COOKIE}=fr_CA;")
    for attribute in ("HttpOnly", "SameSite=strict", "Max-Age=31536000", "Path=/"):
        assert attribute in cookie

    page = client.get("/settings", headers=HTML)
    assert page.context["language"] == "fr_CA"  # type: ignore[attr-defined]
    assert 'value="fr_CA" checked' in page.text and '<html lang="fr-CA"' in page.text

    client.post("/settings/language", data={"csrf_token": csrf, "language": "en"})
    assert client.get("/settings", headers=HTML).context["language"] == "en"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("next_path", "location"),
    [
        ("/export", "/export"),
        ("https://evil.example/", "/settings"),
        ("//evil.example/", "/settings"),
        ("/\\evil.example", "/settings"),
        ("", "/settings"),
    ],
)
def test_after_choosing_it_goes_back_only_within_the_app(
    client: TestClient, csrf: str, next_path: str, location: str
) -> None:
    response = client.post(
        "/settings/language",
        data={"csrf_token": csrf, "language": "fr_CA", "next": next_path},
        follow_redirects=False,
    )
    assert response.headers["location"] == location


def test_an_unknown_language_is_refused(client: TestClient, csrf: str) -> None:
    response = client.post(
        "/settings/language",
        data={"csrf_token": csrf, "language": "de"},
        headers=HTML,
        follow_redirects=False,
    )
    assert response.status_code == 400
    assert LANGUAGE_COOKIE not in response.headers.get("set-cookie", "")


def test_choosing_a_language_needs_the_csrf_token(client: TestClient) -> None:
    response = client.post("/settings/language", data={"language": "fr_CA"}, follow_redirects=False)
    assert response.status_code == 403
    assert LANGUAGE_COOKIE not in client.cookies
