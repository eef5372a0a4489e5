"""The people API: the CLI's JSON shapes, errors naming the field, ownership, CSRF, the OpenAPI document."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient

from orchardist.domain.discretion import NOT_FLAGGED
from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person, count_people, get_person
from orchardist.services.serialisers import person_to_dict
from orchardist.store.engine import Store
from orchardist.web.app import create_app

API = "/api/v1"
JSON = {"content-type": "application/json"}
PERSON_KEYS = set(person_to_dict(Person(display_name="x", id=1), None, coworker=NOT_FLAGGED))


class ScriptClient(TestClient):
    """A script calling the API, as curl would: it never keeps a cookie."""

    __test__ = False

    def request(self, method: str, url: Any, **kwargs: Any) -> httpx2.Response:  # type: ignore[override]
        self.cookies.clear()
        return super().request(method, url, **kwargs)


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


def _add(network: Network, name: str, **fields: Any) -> int:
    person = add_person(network, Person(display_name=name, **fields))
    assert person.id is not None
    return person.id


# A small JSON Schema checker for the parts of JSON Schema that FastAPI's documents use ----------


def conforms(value: Any, schema: dict[str, Any], document: dict[str, Any], where: str = "$") -> list[str]:
    """Where ``value`` breaks ``schema`` (references resolved in ``document``); empty when it fits."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        return conforms(value, document["components"]["schemas"][name], document, where)
    if "anyOf" in schema:
        if any(not conforms(value, option, document, where) for option in schema["anyOf"]):
            return []
        return [f"{where}: {value!r} fits none of {schema['anyOf']}"]
    problems: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    kind = schema.get("type")
    checks = {
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
    }
    if kind is not None and not checks[kind](value):
        return [*problems, f"{where}: {value!r} is not of type {kind}"]
    if kind == "object":
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                problems.append(f"{where}: missing {name!r}")
        for name, item in value.items():
            if name in properties:
                problems.extend(conforms(item, properties[name], document, f"{where}.{name}"))
            elif isinstance(schema.get("additionalProperties"), dict):
                problems.extend(conforms(item, schema["additionalProperties"], document, f"{where}.{name}"))
            elif properties:
                problems.append(f"{where}: {name!r} is not documented")
    if kind == "array":
        for index, item in enumerate(value):
            problems.extend(conforms(item, schema.get("items", {}), document, f"{where}[{index}]"))
    if "minimum" in schema and isinstance(value, int | float) and value < schema["minimum"]:
        problems.append(f"{where}: {value} < {schema['minimum']}")
    if "maximum" in schema and isinstance(value, int | float) and value > schema["maximum"]:
        problems.append(f"{where}: {value} > {schema['maximum']}")
    return problems


def assert_documented(document: dict[str, Any], method: str, path: str, response: httpx2.Response) -> None:
    """The response's status is documented for the operation, and its JSON body fits the schema."""
    operation = document["paths"][path][method.lower()]
    documented = operation["responses"].get(str(response.status_code))
    assert documented, f"{method} {path} answered {response.status_code}, which it does not document"
    if response.status_code == 204:
        assert response.content == b""
        return
    schema = documented["content"]["application/json"]["schema"]
    assert conforms(response.json(), schema, document) == []


# Listing and searching ---------------------------------------------------------------------------


def test_the_list_pages_and_filters_people(client: TestClient, network: Network) -> None:
    ana = _add(network, "Ana Silva", organisation="Acme", tags=("mentor",))
    bo = _add(network, "Bo Chen", organisation="Northwind")
    cy = _add(network, "Cy Dube", organisation="acme", tags=("Mentor",))
    log_interaction(network, [cy], direction=Direction.GAVE, kind="coffee", summary="Coffee")

    everyone = client.get(f"{API}/people").json()
    assert everyone["total"] == 3 and (everyone["limit"], everyone["offset"]) == (50, 0)
    assert [p["name"] for p in everyone["people"]] == ["Ana Silva", "Bo Chen", "Cy Dube"]
    assert set(everyone["people"][0]) == PERSON_KEYS
    assert everyone["people"][2]["last_contact"] is not None

    def names(**params: Any) -> list[str]:
        return [p["name"] for p in client.get(f"{API}/people", params=params).json()["people"]]

    assert names(search="ana") == ["Ana Silva"]
    assert names(tag="MENTOR") == ["Ana Silva", "Cy Dube"]
    assert names(organisation="ACME", tag="mentor", search="cy") == ["Cy Dube"]
    assert names(tier="inner") == []
    assert names(sort="recent")[0] == "Cy Dube"
    assert names(sort="last_contact")[-1] == "Cy Dube"
    page = client.get(f"{API}/people", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and [p["id"] for p in page["people"]] == [bo]
    assert names(search='"* OR ana') == []  # search syntax is words, never a query language
    assert names(search="   ") == names()
    assert [p["id"] for p in client.get(f"{API}/people", params={"offset": 3}).json()["people"]] == []
    assert ana == everyone["people"][0]["id"]


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"sort": "age"}, {"tier": "best"}, {"search": "x" * 501}],
)
def test_bad_list_parameters_are_validation_errors(client: TestClient, params: dict[str, Any]) -> None:
    assert client.get(f"{API}/people", params=params).status_code == 422


QUERIES = [
    "",
    "search=ana",
    "search=",
    "search=%20%20",
    "search=%22*%20OR%20ana",
    "search=" + "x" * 500,
    "tag=MENTOR&organisation=acme&search=cy",
    "tier=inner",
    "tier=casual&sort=recent",
    "sort=last_contact&limit=1&offset=1",
    "sort=recent&limit=1",
    "limit=500&offset=1000000000",
    "offset=0",
]
"""Queries the quick reading takes (``plain_people_query``)."""
CHECKED = [
    *(f"{query}&search=bo" for query in QUERIES[1:4]),
    "limit=5&limit=5",
    "limit=050",
    "limit=+5",
    "limit=%205",
    "limit=5.0",
    "limit=",
    "offset=-0",
    "limit=501",
    "offset=1000000001",
    "tier=INNER",
    "sort=",
    "search=" + "x" * 501,
    "tag=" + "x" * 201,
    "organisation=" + "x" * 301,
]
"""Queries it leaves to FastAPI: a parameter twice, one it does not know, or any not written plainly."""


def _answer(response: httpx2.Response) -> tuple[int, dict[str, str], bytes]:
    headers = {
        name: value for name, value in response.headers.items() if name not in {"server-timing", "set-cookie"}
    }
    return response.status_code, headers, response.content


def test_a_plain_list_query_is_read_without_fastapi_and_answered_the_same(
    client: TestClient, network: Network
) -> None:
    from starlette.requests import Request

    from orchardist.web.api.people import plain_people_query

    def reads(query: str) -> bool:
        scope = {"type": "http", "query_string": query.encode(), "headers": [], "app": client.app}
        return plain_people_query(Request(scope)) is not None

    _add(network, "Ana Silva", organisation="Acme", tags=("mentor",), tier=Tier.CASUAL)
    bo = _add(network, "Bo Chen", organisation="Northwind")
    log_interaction(network, [bo], direction=Direction.GAVE, kind="coffee", summary="Coffee")
    for query in QUERIES:
        assert reads(query), query
        # An unknown parameter, which FastAPI ignores, sends the same query through FastAPI's reading.
        assert not reads(f"{query}&unknown=1")
        quick, checked = client.get(f"{API}/people?{query}"), client.get(f"{API}/people?{query}&unknown=1")
        assert quick.status_code == 200, query
        assert _answer(quick) == _answer(checked), query
    for query in CHECKED:
        assert not reads(query), query


def test_a_quick_list_is_read_on_the_event_loop_only_from_sqlite(
    client: TestClient, network: Network, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchardist.web.api import people as api

    on_the_loop: list[bool] = []
    browse = api.browse_people

    def recorded(*args: Any, **kwargs: Any) -> Any:
        try:
            asyncio.get_running_loop()
            on_the_loop.append(True)
        except RuntimeError:  # a worker thread runs no event loop
            on_the_loop.append(False)
        return browse(*args, **kwargs)

    monkeypatch.setattr(api, "browse_people", recorded)
    _add(network, "Ana Silva")
    assert client.get(f"{API}/people?search=ana").json()["total"] == 1
    # A query FastAPI reads (an unknown parameter) goes to a worker thread on either database.
    assert client.get(f"{API}/people?search=ana&unknown=1").json()["total"] == 1
    # SQLite is read inside the process, where a reader never waits for a writer; PostgreSQL is a
    # server a read may wait on, which would hold up every other request on the loop.
    assert on_the_loop == [store.is_sqlite, False]


def test_the_list_shows_only_this_network(
    client: TestClient, network: Network, other_network: Network
) -> None:
    _add(network, "Ana Silva")
    _add(other_network, "Dan Park")
    listed = client.get(f"{API}/people").json()
    assert listed["total"] == 1 and [p["name"] for p in listed["people"]] == ["Ana Silva"]
    assert client.get(f"{API}/people", params={"search": "dan"}).json()["total"] == 0


# Adding ------------------------------------------------------------------------------------------


def test_a_script_adds_a_person_with_json(script: ScriptClient, network: Network) -> None:
    body = {
        "given_name": " Amira ",
        "family_name": "Haddad",
        "emails": ["amira@example.org"],
        "tags": ["mentor", "mentor"],
        "tier": "inner",
        "every_days": 30,
        "birthday": "--03-29",
        "dates": [{"label": "connected", "date": "2021-05-04"}],
        "notes": "Met at the library",
    }
    response = script.post(f"{API}/people", json=body)
    assert response.status_code == 201, response.text
    person = response.json()
    assert set(person) == PERSON_KEYS
    assert (person["name"], person["given_name"], person["tags"]) == ("Amira Haddad", "Amira", ["mentor"])
    assert (person["birthday"], person["dates"]) == ("--03-29", body["dates"])
    assert person["sources"]["emails"] == ["manual"]
    stored = get_person(network, person["id"])
    assert stored is not None and person == person_to_dict(stored, None, coworker=NOT_FLAGGED)


@pytest.mark.parametrize(
    ("body", "field", "status"),
    [
        ({"name": " "}, "name", 400),
        ({"name": " ", "given_name": "\t", "family_name": ""}, "name", 400),
        ({"name": "Bo", "emails": ["not-an-address"]}, "emails", 400),
        # Naming someone not in this network is a 404, as in the address, still naming the field.
        ({"name": "Bo", "met_through_id": 999_999}, "met_through_id", 404),
    ],
)
def test_refused_people_name_the_field(
    client: TestClient, csrf: str, network: Network, body: dict[str, Any], field: str, status: int
) -> None:
    response = client.post(f"{API}/people", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == status
    assert response.json()["field"] == field and field in response.json()["detail"]
    assert count_people(network) == 0


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Bo", "email": "bo@example.org"},  # a typo for "emails" is not silently dropped
        {"name": "Bo", "birthday": "1990-02-30"},
        {"name": "Bo", "dates": [{"label": "met", "date": "yesterday"}]},
        {"name": "Bo", "tier": "best friend"},
        {"name": "Bo", "every_days": 0},
        {"name": "Bo", "title": "x" * 501},
        {"name": "Bo", "tags": ["x" * 201]},
        {"name": "Bo", "met_through_id": 2**31},
        {"name": "Bo", "emails": "bo@example.org"},
        {"name": 7},
        ["Bo"],
    ],
)
def test_malformed_people_are_validation_errors(
    client: TestClient, csrf: str, network: Network, body: Any
) -> None:
    response = client.post(f"{API}/people", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 422, response.text
    assert isinstance(response.json()["detail"], list)
    assert count_people(network) == 0


def test_someone_in_another_network_cannot_introduce(
    client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    stranger = _add(other_network, "Dan Park")
    response = client.post(
        f"{API}/people", json={"name": "Bo", "met_through_id": stranger}, headers={"X-CSRF-Token": csrf}
    )
    assert response.status_code == 404 and response.json()["field"] == "met_through_id"
    assert response.json()["code"] == "person.not_found"
    assert count_people(network) == 0


# One person --------------------------------------------------------------------------------------


def test_a_person_shows_with_introducer_and_interactions(client: TestClient, network: Network) -> None:
    introducer = _add(network, "Ana Silva")
    bo = _add(network, "Bo Chen", met_through_id=introducer)
    log_interaction(network, [bo], direction=Direction.ASKED, kind="advice", summary="CV review")
    shown = client.get(f"{API}/people/{bo}").json()
    assert set(shown) == PERSON_KEYS | {
        "met_through",
        "interactions",
        "ledger",
        "next_due",
        "met_at",
        "leads",
        "today",
        "snoozed_until",
        "warnings",
        "likely_duplicates",
    }
    assert shown["met_through"] == {"id": introducer, "name": "Ana Silva"}
    assert shown["ledger"] == {"gave": 0, "asked": 1, "mutual": 0, "social": 0}
    assert [(i["kind"], i["direction"], i["person_ids"]) for i in shown["interactions"]] == [
        ("advice", "asked", [bo])
    ]
    assert shown["last_contact"] == shown["interactions"][0]["date"]
    # What the Person page says before an ask, and the records that are probably them.
    assert [(w["code"], w["params"]) for w in shown["warnings"]] == [
        ("offers.give_before_ask", {"name": "Bo Chen", "asked": 1})
    ]
    assert shown["likely_duplicates"] == []
    twin = _add(network, "Ana Silva")
    ana = client.get(f"{API}/people/{introducer}").json()
    assert ana["met_through"] is None and ana["warnings"] == []
    assert [(item["id"], item["name"]) for item in ana["likely_duplicates"]] == [(twin, "Ana Silva")]


@pytest.mark.parametrize(
    ("person_id", "status"), [("999999", 404), ("0", 422), (str(2**31), 422), ("-1", 404), ("abc", 404)]
)
def test_unknown_or_malformed_ids(client: TestClient, person_id: str, status: int) -> None:
    # An id is digits: anything else is no address of the API at all (404); digits out of range are 422.
    response = client.get(f"{API}/people/{person_id}")
    assert response.status_code == status


def test_changing_a_person_changes_only_the_fields_given(
    client: TestClient, csrf: str, network: Network
) -> None:
    bo = _add(network, "Bo Chen", title="Recruiter", organisation="Acme", every_days=30)
    response = client.patch(
        f"{API}/people/{bo}",
        json={"title": "Lead Recruiter", "tags": ["a", " b "], "every_days": None},
        headers={"X-CSRF-Token": csrf},
    )
    assert response.status_code == 200, response.text
    changed = response.json()
    assert (changed["title"], changed["tags"], changed["every_days"]) == ("Lead Recruiter", ["a", "b"], None)
    assert (changed["organisation"], changed["name"]) == ("Acme", "Bo Chen")
    assert changed["sources"]["title"] == ["manual"]
    renamed = client.patch(f"{API}/people/{bo}", json={"name": "Bo C."}, headers={"X-CSRF-Token": csrf})
    assert renamed.json()["name"] == "Bo C."
    dated = {"birthday": "--02-29", "dates": [{"label": "connected", "date": "2020-01-31"}]}
    response = client.patch(f"{API}/people/{bo}", json=dated, headers={"X-CSRF-Token": csrf})
    assert {name: response.json()[name] for name in dated} == dated
    cleared = client.patch(f"{API}/people/{bo}", json={"birthday": None}, headers={"X-CSRF-Token": csrf})
    assert cleared.json()["birthday"] is None and cleared.json()["dates"] == dated["dates"]


def test_refused_changes_change_nothing(client: TestClient, csrf: str, network: Network) -> None:
    bo = _add(network, "Bo Chen", emails=("bo@example.org",))
    headers = {"X-CSRF-Token": csrf}
    nothing = client.patch(f"{API}/people/{bo}", json={}, headers=headers)
    assert nothing.status_code == 400 and "nothing to change" in nothing.json()["detail"]
    bad = client.patch(f"{API}/people/{bo}", json={"emails": ["nope"]}, headers=headers)
    assert bad.status_code == 400 and bad.json()["field"] == "emails"
    herself = client.patch(f"{API}/people/{bo}", json={"met_through_id": bo}, headers=headers)
    assert herself.status_code == 400 and herself.json()["field"] == "met_through_id"
    assert client.patch(f"{API}/people/{bo}", json={"title": None}, headers=headers).status_code == 422
    assert client.patch(f"{API}/people/999999", json={"title": "x"}, headers=headers).status_code == 404
    stored = get_person(network, bo)
    assert stored is not None and stored.emails == ("bo@example.org",) and stored.met_through_id is None


def test_deleting_a_person_is_real(client: TestClient, csrf: str, network: Network) -> None:
    bo = _add(network, "Bo Chen")
    response = client.delete(f"{API}/people/{bo}", headers={"X-CSRF-Token": csrf})
    assert response.status_code == 204 and response.content == b""
    assert get_person(network, bo) is None
    assert client.get(f"{API}/people/{bo}").status_code == 404
    assert client.delete(f"{API}/people/{bo}", headers={"X-CSRF-Token": csrf}).status_code == 404


def test_merging_folds_the_other_record_in(client: TestClient, csrf: str, network: Network) -> None:
    keep = _add(network, "Ana Silva", emails=("ana@example.org",))
    other = _add(network, "Ana Silva", phones=("+1 514 555 0199",), title="Analyst")
    log_interaction(network, [other], direction=Direction.GAVE, kind="article", summary="Sent a link")
    headers = {"X-CSRF-Token": csrf}
    response = client.post(f"{API}/people/{keep}/merge", json={"other_id": other}, headers=headers)
    assert response.status_code == 200, response.text
    merged = response.json()
    assert (merged["id"], merged["emails"], merged["title"]) == (keep, ["ana@example.org"], "Analyst")
    assert merged["phones"] == ["+1 514 555 0199"] and merged["last_contact"] is not None
    assert get_person(network, other) is None
    assert len(client.get(f"{API}/people/{keep}").json()["interactions"]) == 1
    itself = client.post(f"{API}/people/{keep}/merge", json={"other_id": keep}, headers=headers)
    assert itself.status_code == 400
    gone = client.post(f"{API}/people/{keep}/merge", json={"other_id": other}, headers=headers)
    assert gone.status_code == 404
    assert client.post(f"{API}/people/{keep}/merge", json={}, headers=headers).status_code == 422


def test_likely_duplicates_have_the_cli_shape(
    client: TestClient, network: Network, other_network: Network
) -> None:
    first = _add(network, "Ana Silva", emails=("ana@example.org",))
    second = _add(network, "Ana  Silva", emails=("ANA@example.org",))
    _add(network, "Bo Chen")
    _add(other_network, "Ana Silva", emails=("ana@example.org",))
    listed = client.get(f"{API}/people/duplicates").json()
    assert (listed["total"], listed["limit"], listed["offset"]) == (1, 50, 0)
    (pair,) = listed["pairs"]
    assert set(pair) == {"first", "second", "score", "reasons"}
    assert {pair["first"]["id"], pair["second"]["id"]} == {first, second}
    assert set(pair["first"]) == {"id", "name"} and 0 < pair["score"] <= 1 and pair["reasons"]
    assert client.get(f"{API}/people/duplicates", params={"offset": 1}).json()["pairs"] == []


# Someone else's people answer 404 on every route that takes an id ----------------------------------


def test_another_networks_person_is_not_found_anywhere(
    client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    mine = _add(network, "Ana Silva")
    theirs = _add(other_network, "Dan Park", title="Director")
    headers = {"X-CSRF-Token": csrf}
    assert client.get(f"{API}/people/{theirs}").status_code == 404
    assert client.patch(f"{API}/people/{theirs}", json={"title": "x"}, headers=headers).status_code == 404
    assert client.delete(f"{API}/people/{theirs}", headers=headers).status_code == 404
    for keep, other in ((mine, theirs), (theirs, mine)):
        merged = client.post(f"{API}/people/{keep}/merge", json={"other_id": other}, headers=headers)
        assert merged.status_code == 404
    stored = get_person(other_network, theirs)
    assert stored is not None and stored.title == "Director"
    assert get_person(network, mine) is not None


# Same-origin rules -----------------------------------------------------------------------------


def test_a_cross_site_post_is_refused(client: TestClient, csrf: str, script: ScriptClient) -> None:
    for caller, headers in (
        (client, {"X-CSRF-Token": csrf, "Origin": "https://evil.example"}),
        (client, {"X-CSRF-Token": csrf, "Sec-Fetch-Site": "cross-site"}),
        (script, {"Origin": "https://evil.example"}),
        (script, {"Origin": "null"}),
    ):
        response = caller.post(f"{API}/people", json={"name": "Mallory"}, headers=headers)
        assert response.status_code == 403, headers
    assert client.get(f"{API}/people").json()["total"] == 0


def test_a_browser_change_needs_the_token(client: TestClient, network: Network) -> None:
    bo = _add(network, "Bo Chen")
    assert client.post(f"{API}/people", json={"name": "Mallory"}).status_code == 403
    forged = {"X-CSRF-Token": "forged"}
    assert client.post(f"{API}/people", json={"name": "Mallory"}, headers=forged).status_code == 403
    assert client.patch(f"{API}/people/{bo}", json={"title": "x"}).status_code == 403
    assert client.delete(f"{API}/people/{bo}", headers=JSON).status_code == 403
    assert count_people(network) == 1


def test_a_script_must_send_json(script: ScriptClient, network: Network) -> None:
    form = script.post(f"{API}/people", data={"name": "Mallory"})
    assert form.status_code == 403
    bo = _add(network, "Bo Chen")
    # A DELETE has no body and needs no content type: no page on another site can send one without a
    # CORS preflight, which Orchardist never grants.
    assert script.delete(f"{API}/people/{bo}").status_code == 204
    assert script.delete(f"{API}/people/{bo}", headers=JSON).status_code == 404
    same_origin = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    created = script.post(f"{API}/people", json={"name": "Ana"}, headers=same_origin)
    assert created.status_code == 201
    assert count_people(network) == 1


# The OpenAPI document --------------------------------------------------------------------------

API_OPERATIONS = {
    ("get", "/api/v1/people"),
    ("post", "/api/v1/people"),
    ("get", "/api/v1/people/duplicates"),
    ("get", "/api/v1/people/{person_id}"),
    ("patch", "/api/v1/people/{person_id}"),
    ("delete", "/api/v1/people/{person_id}"),
    ("post", "/api/v1/people/{person_id}/merge"),
    ("get", "/api/v1/people/{person_id}/interactions"),
    ("get", "/api/v1/interactions"),
    ("post", "/api/v1/interactions"),
    ("post", "/api/v1/imports"),
    ("get", "/api/v1/exports/{format}"),
    ("get", "/api/v1/today"),
    ("post", "/api/v1/snoozes"),
    ("post", "/api/v1/snoozes/many"),
    ("delete", "/api/v1/snoozes/{person_id}"),
    ("post", "/api/v1/dismissals"),
    ("delete", "/api/v1/dismissals"),
    ("get", "/api/v1/reconnect"),
    ("post", "/api/v1/reconnect"),
    ("get", "/api/v1/reconnect/suggestions"),
    ("post", "/api/v1/reconnect/many"),
    ("delete", "/api/v1/reconnect/{person_id}"),
    ("get", "/api/v1/people/{person_id}/standing"),
    ("get", "/api/v1/settings"),
    ("patch", "/api/v1/settings"),
    ("get", "/api/v1/progress"),
    ("get", "/api/v1/offers"),
    ("post", "/api/v1/offers"),
    ("get", "/api/v1/offers/matches"),
    ("delete", "/api/v1/offers/{offer_id}"),
    ("post", "/api/v1/coach/check"),
    ("get", "/api/v1/coach/templates"),
    ("post", "/api/v1/coach/templates"),
    ("put", "/api/v1/coach/templates/{code}"),
    ("delete", "/api/v1/coach/templates/{code}"),
    ("post", "/api/v1/coach/draft"),
    ("get", "/api/v1/me"),
    ("put", "/api/v1/me"),
    ("get", "/api/v1/presence"),
    ("get", "/api/v1/presence/check"),
    ("post", "/api/v1/presence/profiles"),
    ("patch", "/api/v1/presence/profiles/{platform}"),
    ("delete", "/api/v1/presence/profiles/{platform}"),
    ("get", "/api/v1/pitch"),
    ("put", "/api/v1/pitch"),
    ("post", "/api/v1/pitch/practice"),
    ("delete", "/api/v1/pitch/practice/{practice_id}"),
    ("get", "/api/v1/card"),
    ("put", "/api/v1/card"),
    ("get", "/api/v1/card/{fmt}"),
    ("get", "/api/v1/leads"),
    ("post", "/api/v1/leads"),
    ("get", "/api/v1/leads/{lead_id}"),
    ("post", "/api/v1/leads/{lead_id}/move"),
    ("post", "/api/v1/leads/{lead_id}/link"),
    ("post", "/api/v1/leads/{lead_id}/pass-on"),
    ("get", "/api/v1/who-knows"),
    ("get", "/api/v1/groups"),
    ("post", "/api/v1/groups"),
    ("get", "/api/v1/groups/{group_id}"),
    ("get", "/api/v1/events"),
    ("post", "/api/v1/events"),
    ("get", "/api/v1/introductions/suggestions"),
    ("get", "/api/v1/introductions"),
    ("post", "/api/v1/introductions"),
    ("get", "/api/v1/introductions/{introduction_id}"),
    ("post", "/api/v1/introductions/{introduction_id}/move"),
    ("post", "/api/v1/introductions/received"),
    ("post", "/api/v1/share/suggestions"),
    ("post", "/api/v1/share/note"),
}


def test_the_openapi_document_describes_every_operation(client: TestClient) -> None:
    document = client.get(f"{API}/openapi.json").json()
    found = {
        (method, path)
        for path, operations in document["paths"].items()
        if path.startswith(API)
        for method in operations
    }
    assert found == API_OPERATIONS
    operation_ids = []
    for method, path in API_OPERATIONS:
        operation = document["paths"][path][method]
        assert operation["summary"] and operation["description"] and operation["tags"], (method, path)
        operation_ids.append(operation["operationId"])
        successes = [code for code in operation["responses"] if code.startswith("2")]
        assert len(successes) == 1, (method, path)
        if method != "get":
            assert "403" in operation["responses"], (method, path)
        if "{person_id}" in path or "{offer_id}" in path:
            assert "404" in operation["responses"], (method, path)
    assert len(set(operation_ids)) == len(operation_ids)


def test_every_schema_reference_resolves(client: TestClient) -> None:
    document = client.get(f"{API}/openapi.json").json()
    schemas = document["components"]["schemas"]

    def references(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from references(value)
        elif isinstance(node, list):
            for item in node:
                yield from references(item)

    found = set(references(document))
    assert found and all(ref.removeprefix("#/components/schemas/") in schemas for ref in found)
    person = schemas["PersonOut"]
    assert set(person["properties"]) == PERSON_KEYS and set(person["required"]) == PERSON_KEYS


def test_answers_fit_the_documented_schemas(client: TestClient, csrf: str, network: Network) -> None:
    document = client.get(f"{API}/openapi.json").json()
    headers = {"X-CSRF-Token": csrf}
    introducer = _add(network, "Ana Silva", emails=("ana@example.org",))

    def check(method: str, path: str, url: str, **kwargs: Any) -> httpx2.Response:
        response = client.request(method, url, **kwargs)
        assert_documented(document, method, path, response)
        return response

    created = check(
        "POST",
        "/api/v1/people",
        f"{API}/people",
        json={"name": "Bo Chen", "met_through_id": introducer, "birthday": "1990-04-01"},
        headers=headers,
    ).json()
    bo = created["id"]
    check("POST", "/api/v1/people", f"{API}/people", json={"name": ""}, headers=headers)
    check("POST", "/api/v1/people", f"{API}/people", json={"nom": "x"}, headers=headers)
    check("POST", "/api/v1/people", f"{API}/people", json={"name": "x"})
    log_interaction(network, [bo, introducer], direction=Direction.MUTUAL, kind="event", summary="Meetup")
    check("GET", "/api/v1/people", f"{API}/people")
    check("GET", "/api/v1/people/{person_id}", f"{API}/people/{bo}")
    check("GET", "/api/v1/people/{person_id}", f"{API}/people/999999")
    check(
        "PATCH", "/api/v1/people/{person_id}", f"{API}/people/{bo}", json={"tier": "inner"}, headers=headers
    )
    twin = _add(network, "Ana Silva", emails=("ana@example.org",))
    check("GET", "/api/v1/people/{person_id}", f"{API}/people/{twin}")  # with a likely duplicate
    log_interaction(network, [twin], direction=Direction.ASKED, kind="advice", summary="CV")
    assert check("GET", "/api/v1/people/{person_id}", f"{API}/people/{twin}").json()["warnings"]
    check("GET", "/api/v1/people/duplicates", f"{API}/people/duplicates")
    check(
        "POST",
        "/api/v1/people/{person_id}/merge",
        f"{API}/people/{introducer}/merge",
        json={"other_id": twin},
        headers=headers,
    )
    check("DELETE", "/api/v1/people/{person_id}", f"{API}/people/{bo}", headers=headers)
    check("DELETE", "/api/v1/people/{person_id}", f"{API}/people/{bo}", headers=headers)


def test_every_operation_is_in_the_api_reference() -> None:
    reference = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    for method, path in sorted(API_OPERATIONS):
        shown = path.removeprefix(API).replace("{person_id}", "{id}").replace("{offer_id}", "{id}")
        heading = f"### `{method.upper()} {shown}`"
        assert heading in reference, heading
