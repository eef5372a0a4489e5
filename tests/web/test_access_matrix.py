"""The access matrix of the agency server, generated from the app's own route table: every route and
method × every persona × every other persona's ids. A new route is covered without anyone remembering.

Expected: the owner sees their own; a counsellor sees what each of their clients shares now, nothing
else; everyone else gets 404 (never 403, which would confirm the id exists); signed out, 401 or the
sign-in page. A leak is any of: a secret word shown to someone it is not for, a 2xx answer to someone
else's id, a 403, another network's data changed, or a route a signed-out visitor may use. The
matrix's size and the leaks found are printed; there must be none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from httpx2 import Response

from orchardist.domain.groups import Group
from orchardist.services.groups import add_group, list_groups
from orchardist.services.leads import list_leads
from orchardist.services.offers import add_offer, list_offers
from orchardist.services.people import count_people
from orchardist.services.pitch import log_practice, pitch_view
from orchardist.services.server import Server
from orchardist.store.engine import Store
from orchardist.web.errors import every_route
from orchardist.web.server_app import create_server_app
from tests.server_personas import MORE_SECRETS, SECRETS, Cast, cast
from tests.web.server_browsers import browsers, csrf

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("store", ["postgres"], indirect=True)]

CLIENTS = ("alice", "bob", "mallory")
ACTORS = ("anonymous", "alice", "bob", "carol", "dave", "mallory")
OPEN = re.compile(r"/sign-in(/code)?|/setup/\{token\}|/reset(/\{token\})?")
CHANGES = {"POST", "PUT", "PATCH", "DELETE"}
# Signing in, setting up and out change who the browser is: tried signed out only, and signing out last.
ACCOUNT_PAGES = re.compile(r"/sign-in(/code)?|/setup/\{token\}|/reset(/\{token\})?|/sign-out")
# What a form of the app might carry, so that a route reads what it is given before answering.
FORM = {"body": "Could we talk next week?", "text": "A note.", "name": "Someone", "email": "x@example.org"}

# Which client's secrets each persona may read: their own, and a counsellor what is shared with them.
# Alice shares progress and people with Carol (her contact's name, not the note or the summary); Bob
# shares progress only; Mallory shares everything with Dave.
MAY_READ = {
    "anonymous": set(),
    "alice": {*SECRETS["alice"], *MORE_SECRETS["alice"], "ALICE-OFFER-4410"},
    "bob": {*SECRETS["bob"], *MORE_SECRETS["bob"], "BOB-OFFER-6620"},
    "mallory": {*SECRETS["mallory"], *MORE_SECRETS["mallory"], "MALLORY-OFFER-8830"},
    "carol": {SECRETS["alice"][0]},
    "dave": {*SECRETS["mallory"], *MORE_SECRETS["mallory"]},
}
EVERY_SECRET = {word for words in MAY_READ.values() for word in words}
COUNSELLOR_OF = {"alice": "carol", "bob": "carol", "mallory": "dave"}


@pytest.fixture
def world(store: Store, quick_passwords: None) -> Iterator[tuple[FastAPI, Cast, dict[str, TestClient]]]:
    the_cast = cast(Server(store))
    for name, word in (
        ("alice", "ALICE-OFFER-4410"),
        ("bob", "BOB-OFFER-6620"),
        ("mallory", "MALLORY-OFFER-8830"),
    ):
        network = the_cast.server.network_of(getattr(the_cast, name).account)
        assert network is not None
        add_offer(network, "skill", word)
        add_group(network, Group(name=f"{name.title()} Chamber"))
        log_practice(network, "a meetup")
    app = create_server_app(the_cast.server)
    with browsers(app, the_cast) as found:
        yield app, the_cast, found


def _ids(the_cast: Cast, target: str) -> dict[str, str]:
    persona = getattr(the_cast, target)
    network = the_cast.server.network_of(persona.account)
    assert network is not None
    offers = list_offers(network)
    leads = list_leads(network).leads
    groups = list_groups(network)
    practice = pitch_view(network).practice
    return {
        "lead_id": str(leads[0].lead.id) if leads else "1",
        "group_id": str(groups[0].id) if groups else "1",
        "practice_id": str(practice[0].id) if practice else "1",
        "person_id": str(persona.person_ids[0]),
        "offer_id": str(offers[0].id) if offers else "1",
        "client_id": str(persona.account.id),
        "counsellor_id": str(getattr(the_cast, COUNSELLOR_OF[target]).account.id),
        "token": "Q" * 43,
        "code": "thank_you",
        "fmt": "csv",
        "format": "csv",
    }


def _url(path: str, ids: dict[str, str]) -> str:
    """``path`` with the target's ids; a parameter that names no one's object (a platform's code, a
    format) gets a value any network may have."""
    return re.sub(r"\{(\w+)(:\w+)?\}", lambda match: ids.get(match.group(1), "linkedin"), path)


def _allowed(actor: str, target: str, path: str) -> bool:
    """Whether ``actor`` may reach ``target``'s object through ``path`` (which names one)."""
    if "{client_id}" in path:
        return COUNSELLOR_OF[target] == actor
    if "{counsellor_id}" in path:
        return COUNSELLOR_OF.get(actor) == COUNSELLOR_OF[target]
    return actor == target


def send(client: TestClient, method: str, url: str) -> Response:
    """``method`` on ``url`` as a browser or a script would: a page asked for as HTML, a form with what
    a form of the app might carry and its CSRF token, the API with an empty JSON body and its token."""
    headers = {"accept": "text/html"} if not url.startswith("/api/") else {}
    if method == "GET":
        return client.get(url, headers=headers)
    if url.startswith("/api/"):
        return client.request(method, url, json={}, headers={"x-csrf-token": csrf(client)})
    return client.request(method, url, data={**FORM, "csrf_token": csrf(client)}, headers=headers)


def _snapshot(the_cast: Cast) -> dict[str, tuple[int, int]]:
    found = {}
    for name in CLIENTS:
        network = the_cast.server.network_of(getattr(the_cast, name).account)
        assert network is not None
        found[name] = (count_people(network), len(list_offers(network)))
    return found


def test_no_route_leaks_anything_to_anyone(world: tuple[FastAPI, Cast, dict[str, TestClient]]) -> None:
    app, the_cast, clients = world
    routes = [
        (route.path, method)
        for route in every_route(app.router.routes)
        if isinstance(route, APIRoute)
        for method in sorted(route.methods - {"HEAD"})
    ]
    before = _snapshot(the_cast)
    leaks: list[str] = []
    tried = 0
    # Reading first, then changing (so that a change one persona may make does not hide a leak).
    for phase in ("read", "change"):
        for path, method in routes:
            if (method in CHANGES) != (phase == "change"):
                continue
            names_an_object = bool(re.search(r"\{(\w+_id)", path))
            for actor in ACTORS:
                for target in CLIENTS if names_an_object else ("alice",):
                    if phase == "change" and names_an_object and target == actor:
                        continue  # one's own things may be changed
                    if phase == "change" and actor != "anonymous" and ACCOUNT_PAGES.fullmatch(path):
                        continue
                    client = clients[actor]
                    url = _url(path, _ids(the_cast, target))
                    headers = {"accept": "text/html"} if not url.startswith("/api/") else {}
                    answer = send(client, method, url)
                    tried += 1
                    where = f"{method} {url} as {actor}"
                    body = answer.text
                    for word in EVERY_SECRET - MAY_READ[actor]:
                        if word in body:
                            leaks.append(f"{where}: shows {word}")
                    if actor != "anonymous" and answer.headers.get("location", "").startswith("/sign-in"):
                        leaks.append(f"{where}: signed out")
                    if answer.status_code == 403:
                        leaks.append(f"{where}: 403 says the id exists")
                    if (
                        actor == "anonymous"
                        and not OPEN.fullmatch(path)
                        and answer.status_code not in {401, 303}
                    ):
                        leaks.append(f"{where}: answered {answer.status_code} while signed out")
                    if actor != "anonymous" and names_an_object and not _allowed(actor, target, path):
                        status = answer.status_code
                        if 300 <= status < 400 and method == "GET":
                            # A redirect that reads nothing (an old link's new address) must lead to a 404.
                            status = client.get(answer.headers["location"], headers=headers).status_code
                        if status < 400:
                            leaks.append(f"{where}: answered {answer.status_code} for someone else's id")
    after = _snapshot(the_cast)
    for name in CLIENTS:
        if after[name][0] < before[name][0] or after[name][1] < before[name][1]:
            leaks.append(f"{name}'s network lost data: {before[name]} → {after[name]}")
    print(
        f"\naccess matrix: {len(routes)} routes and methods, {len(ACTORS)} personas, {tried} requests; "
        f"leaks found: {len(leaks)}"
    )
    assert leaks == [], "\n".join(leaks[:50])
