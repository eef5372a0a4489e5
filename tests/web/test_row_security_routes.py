"""Every route of the agency server works under PostgreSQL's row-level security: the server connected as
its own role (one that owns no table, as docs/deploy.md sets it up), a client on their own network and
their counsellor on the client's file, each route and method, reads then changes, none answers with a
server error. The access matrix (``test_access_matrix.py``) checks who may see what, as a superuser that
row-level security does not hold back; this checks that the app still works when it holds."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute

from orchardist.domain.groups import Group
from orchardist.services.groups import add_group
from orchardist.services.offers import add_offer
from orchardist.services.pitch import log_practice
from orchardist.services.server import Server
from orchardist.store.engine import Store
from orchardist.web.errors import every_route
from orchardist.web.server_app import create_server_app
from tests.server_personas import as_app_role, cast
from tests.web.server_browsers import browsers
from tests.web.test_access_matrix import ACCOUNT_PAGES, CHANGES, _allowed, _ids, _url, send

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("store", ["postgres"], indirect=True)]

# Alice on her own network, and Carol, her counsellor, on what Alice shares with her.
WHO = (("alice", "alice"), ("carol", "alice"))


def test_every_route_works_for_its_owner_under_row_level_security(
    store: Store, quick_passwords: None
) -> None:
    the_cast = cast(Server(store))
    network = the_cast.server.network_of(the_cast.alice.account)
    assert network is not None
    add_offer(network, "skill", "CV review")
    add_group(network, Group(name="Alice Chamber"))
    log_practice(network, "a meetup")
    failures: list[str] = []
    tried = 0
    with as_app_role(store) as as_app:
        app = create_server_app(Server(as_app))
        routes = [
            (route.path, method)
            for route in every_route(app.router.routes)
            if isinstance(route, APIRoute)
            for method in sorted(route.methods - {"HEAD"})
            if not ACCOUNT_PAGES.fullmatch(route.path)
        ]
        with browsers(app, the_cast) as clients:
            for phase in ("read", "change"):
                for path, method in routes:
                    if (method in CHANGES) != (phase == "change"):
                        continue
                    names_an_object = bool(re.search(r"\{(\w+_id)", path))
                    for actor, target in WHO:
                        if names_an_object and not _allowed(actor, target, path):
                            continue
                        answer = send(clients[actor], method, _url(path, _ids(the_cast, target)))
                        tried += 1
                        if answer.status_code >= 500:
                            failures.append(f"{method} {path} as {actor}: {answer.status_code}")
    print(f"\nunder row-level security: {tried} requests, {len(failures)} server errors")
    assert tried > 300
    assert failures == [], "\n".join(failures[:50])
