"""The People page: the list, search as you type, filters, sorting, pages and bulk tagging."""

from __future__ import annotations

import html
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.domain.queries import HasTag
from orchardist.services.demo import load_demo
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person, count_people, get_person

HTMX = {"HX-Request": "true"}


def _add(network: Network, name: str, **fields: object) -> int:
    given, _, family = name.partition(" ")
    person = add_person(network, Person(display_name=name, given_name=given, family_name=family, **fields))  # type: ignore[arg-type]
    assert person.id is not None
    return person.id


def _names(response: object) -> list[str]:
    return [item.person.display_name for item in response.context["people"]]  # type: ignore[attr-defined]


def test_an_empty_network_points_to_import_and_the_demo(client: TestClient) -> None:
    response = client.get("/people")
    assert response.status_code == 200
    assert response.template.name == "people/page.html"  # type: ignore[attr-defined]
    assert response.context["people"] == [] and response.context["anyone"] is False  # type: ignore[attr-defined]
    assert 'href="/import"' in response.text and 'href="/welcome"' in response.text
    assert 'id="people-search"' not in response.text


def test_everyone_is_listed_by_name_with_the_count(client: TestClient, network: Network) -> None:
    load_demo(network)
    response = client.get("/people")
    assert response.status_code == 200
    context = response.context  # type: ignore[attr-defined]
    assert context["total"] == 8 and (context["first"], context["last"]) == (1, 8)
    assert _names(response)[:3] == ["Tom Becker", "Lucía Fernández", "Ahmed Haddad"]
    assert context["filters"] == {"q": "", "tag": "", "tier": "", "org": "", "sort": "name", "page": 1}
    assert "1–8 of 8" in response.text
    priya = next(item for item in context["people"] if item.person.given_name == "Priya")
    assert f'href="/people/{priya.person.id}"' in response.text
    assert "never" in response.text  # Sam has no logged contact


def test_search_as_you_type_answers_htmx_with_the_results_only(client: TestClient, network: Network) -> None:
    load_demo(network)
    response = client.get("/people", params={"q": "pri"}, headers=HTMX)
    assert response.status_code == 200
    assert response.template.name == "people/_results.html"  # type: ignore[attr-defined]
    assert _names(response) == ["Priya Raman"]
    assert "<html" not in response.text and 'hx-swap-oob="innerHTML"' in response.text
    page = client.get("/people", params={"q": "pri"})
    assert 'hx-trigger="input changed delay:250ms, search"' in page.text
    assert 'hx-push-url="false"' in page.text


def test_no_match_says_so(client: TestClient, network: Network) -> None:
    load_demo(network)
    response = client.get("/people", params={"q": "nobody-by-this-name"}, headers=HTMX)
    assert response.context["people"] == [] and response.context["anyone"] is True  # type: ignore[attr-defined]
    assert "No one matches" in response.text


@pytest.mark.parametrize("text", ['"dan*" OR', "NEAR(", "'; --", "   ", "%_"])
def test_any_search_text_is_safe(client: TestClient, network: Network, text: str) -> None:
    _add(network, "Dan Ortiz")
    response = client.get("/people", params={"q": text}, headers=HTMX)
    assert response.status_code == 200
    assert _names(response) in (["Dan Ortiz"], [])


def test_filters_combine(client: TestClient, network: Network) -> None:
    _add(network, "Ann Lee", tags=("mentor",), tier=Tier.ACTIVE, organisation="Acme")
    _add(network, "Bo Chen", tags=("mentor",), tier=Tier.INNER, organisation="Acme")
    _add(network, "Cy Park", tags=("mentor",), tier=Tier.ACTIVE, organisation="Zeta")
    _add(network, "Di Roy", tier=Tier.ACTIVE, organisation="Acme")
    assert _names(client.get("/people", params={"tag": "Mentor"})) == ["Bo Chen", "Ann Lee", "Cy Park"]
    both = client.get("/people", params={"tag": "mentor", "tier": "active"})
    assert _names(both) == ["Ann Lee", "Cy Park"]
    response = client.get("/people", params={"tag": "mentor", "tier": "active", "org": "acme", "q": "ann"})
    assert _names(response) == ["Ann Lee"]
    assert response.context["filters"] == {  # type: ignore[attr-defined]
        "q": "ann",
        "tag": "mentor",
        "tier": "active",
        "org": "acme",
        "sort": "name",
        "page": 1,
    }
    page = client.get("/people")
    assert [item.name for item in page.context["tags"]] == ["mentor"]  # type: ignore[attr-defined]
    assert [item.name for item in page.context["organisations"]] == ["Acme", "Zeta"]  # type: ignore[attr-defined]


def test_unknown_filter_values_fall_back_to_everyone(client: TestClient, network: Network) -> None:
    _add(network, "Ann Lee")
    response = client.get("/people", params={"tier": "best-friends", "sort": "shoe-size", "page": "x"})
    assert response.status_code == 200
    assert response.context["filters"]["tier"] == "" and response.context["filters"]["sort"] == "name"  # type: ignore[attr-defined]
    assert _names(response) == ["Ann Lee"]


def test_sorting_by_last_contact(client: TestClient, network: Network) -> None:
    today = date.today()
    ann, bo = _add(network, "Ann Lee"), _add(network, "Bo Chen")
    _add(network, "Cy Park")
    for person_id, days_ago in ((ann, 30), (bo, 2)):
        log_interaction(
            network,
            [person_id],
            direction=Direction.SOCIAL,
            kind="coffee",
            summary="Coffee",
            on=today - timedelta(days=days_ago),
        )
    assert _names(client.get("/people", params={"sort": "last_contact"})) == ["Cy Park", "Ann Lee", "Bo Chen"]
    recent = client.get("/people", params={"sort": "recent"})
    assert _names(recent) == ["Bo Chen", "Ann Lee", "Cy Park"]
    assert recent.context["people"][0].last_contact == today - timedelta(days=2)  # type: ignore[attr-defined]


def test_pages_of_fifty(client: TestClient, network: Network) -> None:
    for number in range(101):
        _add(network, f"Person{number:03d} Tester", tags=("many",))
    first = client.get("/people", params={"tag": "many"})
    context = first.context  # type: ignore[attr-defined]
    assert (context["total"], context["page"], context["pages"]) == (101, 1, 3)
    assert len(context["people"]) == 50 and (context["first"], context["last"]) == (1, 50)
    assert context["previous_url"] is None
    assert parse_qs(urlsplit(context["next_url"]).query) == {"tag": ["many"], "page": ["2"]}
    assert "1–50 of 101" in first.text
    last = client.get("/people", params={"tag": "many", "page": 3})
    assert _names(last) == ["Person100 Tester"]
    assert (last.context["first"], last.context["last"], last.context["next_url"]) == (101, 101, None)  # type: ignore[attr-defined]
    assert "101–101 of 101" in last.text
    beyond = client.get("/people", params={"tag": "many", "page": 99})
    assert beyond.context["page"] == 3 and _names(beyond) == ["Person100 Tester"]  # type: ignore[attr-defined]
    second = client.get("/people", params={"tag": "many", "page": 2}, headers=HTMX)
    assert _names(second)[0] == "Person050 Tester" and len(second.context["people"]) == 50  # type: ignore[attr-defined]


def test_bulk_tag_adds_the_tag_and_returns_to_the_same_view(
    client: TestClient, csrf: str, network: Network
) -> None:
    ann, bo = _add(network, "Ann Lee", tier=Tier.ACTIVE), _add(network, "Bo Chen", tier=Tier.ACTIVE)
    _add(network, "Cy Park")
    response = client.post(
        "/people/bulk-tag",
        data={
            "csrf_token": csrf,
            "ids": [str(ann), str(bo)],
            "tag": " hiring ",
            "back": "tier=active&q=&page=1",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    target = urlsplit(response.headers["location"])
    assert target.path == "/people"
    assert parse_qs(target.query) == {"tier": ["active"], "tagged": ["2"], "added": ["hiring"]}
    assert count_people(network, HasTag("hiring")) == 2
    shown = client.get(response.headers["location"])
    assert shown.context["message"] == "Added the tag “hiring” to 2 people."  # type: ignore[attr-defined]
    assert shown.context["filters"]["tier"] == "active"  # type: ignore[attr-defined]
    again = client.post("/people/bulk-tag", data={"csrf_token": csrf, "ids": [str(ann)], "tag": "Hiring"})
    assert again.status_code == 200 and "already had the tag" in again.text


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"tag": "   "}, "Type the tag to add"),
        ({"tag": "x" * 201}, "too long"),
        ({"tag": "mentor", "ids": []}, "Tick at least one person"),
        ({"tag": "mentor", "ids": ["seven"]}, "is not a person's number"),
    ],
)
def test_bulk_tag_refuses_bad_input_and_changes_nothing(
    client: TestClient, csrf: str, network: Network, form: dict[str, object], message: str
) -> None:
    ann = _add(network, "Ann Lee")
    data = {"csrf_token": csrf, "ids": [str(ann)], **form}
    response = client.post("/people/bulk-tag", data=data)
    assert response.status_code == 400
    assert response.template.name == "people/page.html"  # type: ignore[attr-defined]
    assert message in response.context["error"]  # type: ignore[attr-defined]
    assert message in html.unescape(response.text)
    assert get_person(network, ann).tags == ()  # type: ignore[union-attr]


def test_bulk_tag_with_someone_elses_person_changes_nothing(
    client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    ann = _add(network, "Ann Lee")
    bob = _add(other_network, "Bob Stone")
    response = client.post(
        "/people/bulk-tag", data={"csrf_token": csrf, "ids": [str(ann), str(bob)], "tag": "x"}
    )
    assert response.status_code == 400
    assert "no longer in your network" in response.context["error"]  # type: ignore[attr-defined]
    assert response.context["chosen"]["ids"] == [str(ann), str(bob)]  # type: ignore[attr-defined]
    assert get_person(network, ann).tags == () and get_person(other_network, bob).tags == ()  # type: ignore[union-attr]


def test_bulk_tag_needs_the_csrf_token(client: TestClient, network: Network) -> None:
    ann = _add(network, "Ann Lee")
    response = client.post("/people/bulk-tag", data={"ids": [str(ann)], "tag": "x"})
    assert response.status_code == 403
    assert get_person(network, ann).tags == ()  # type: ignore[union-attr]


def test_the_list_and_suggestions_show_only_this_network(
    client: TestClient, network: Network, other_network: Network
) -> None:
    _add(network, "Ann Lee")
    _add(other_network, "Anna Secret")
    assert _names(client.get("/people")) == ["Ann Lee"]
    assert _names(client.get("/people", params={"q": "anna"}, headers=HTMX)) == []
    suggestions = client.get("/people/suggestions", params={"met_through_id": "ann"})
    assert suggestions.template.name == "people/_suggestions.html"  # type: ignore[attr-defined]
    assert "Ann Lee (#" in suggestions.text and "Secret" not in suggestions.text


def test_a_deletion_is_confirmed_on_the_list(client: TestClient) -> None:
    response = client.get("/people", params={"deleted": "1"})
    assert response.context["message"] == "The person was deleted."  # type: ignore[attr-defined]
