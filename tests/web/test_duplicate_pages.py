"""The Duplicates page: likely pairs side by side, a merge chosen by the user, and nothing of Bob's."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.interactions import interactions_with, log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person, count_people, get_person
from orchardist.web.routes import duplicates

HTML = {"accept": "text/html"}


def _add(network: Network, name: str, **fields: object) -> int:
    given, family = name.split(" ", 1)
    person = add_person(network, Person(display_name=name, given_name=given, family_name=family, **fields))  # type: ignore[arg-type]
    assert person.id is not None
    return person.id


@pytest.fixture
def beckers(network: Network) -> tuple[int, int]:
    """Tom Becker, recorded twice: once by hand, once as Thomas from another address book."""
    tom = _add(network, "Tom Becker", emails=("tom@northwind.example",), organisation="Northwind Labs")
    thomas = _add(
        network, "Thomas Becker", emails=("tom@northwind.example",), phones=("+1 514 555 0101",), title="CTO"
    )
    return tom, thomas


def test_no_pairs_shows_the_empty_state(client: TestClient, network: Network) -> None:
    _add(network, "Amira Haddad")
    _add(network, "Dan Ocampo")
    response = client.get("/duplicates", headers=HTML)
    assert response.status_code == 200
    assert response.template.name == "duplicates/index.html"  # type: ignore[attr-defined]
    assert response.context["pairs"] == [] and response.context["total"] == 0  # type: ignore[attr-defined]
    assert "No likely duplicates" in response.text


def test_a_pair_is_shown_side_by_side_with_score_and_reasons(
    client: TestClient, network: Network, beckers: tuple[int, int]
) -> None:
    tom, thomas = beckers
    response = client.get("/duplicates", headers=HTML)
    context = response.context  # type: ignore[attr-defined]
    assert context["total"] == 1
    [view] = context["pairs"]
    assert (view["first"].id, view["second"].id) == (tom, thomas)
    assert 0 < view["percent"] <= 100 and view["pair"].reasons
    rows = {row["field"]: row for row in view["rows"]}
    assert rows["display_name"]["first"] == ["Tom Becker"] and rows["display_name"]["second"] == [
        "Thomas Becker"
    ]
    assert rows["emails"]["same"] is True
    assert rows["organisation"]["first"] == ["Northwind Labs"] and rows["organisation"]["second"] == []
    assert rows["phones"]["second"] == ["+1 514 555 0101"] and rows["phones"]["same"] is False
    assert rows["title"]["second"] == ["CTO"]
    assert "pronouns" not in rows  # neither has any
    assert rows["sources"]["first"] == ["typed in by you"]  # in the user's words, not a stored code
    page = response.text
    for reason in view["pair"].reasons:
        assert str(reason) in page
    assert f'name="keep_id" value="{tom}"' in page and f'name="keep_id" value="{thomas}"' in page


def test_merging_keeps_the_chosen_record_and_confirms(
    client: TestClient, network: Network, beckers: tuple[int, int], csrf: str
) -> None:
    tom, thomas = beckers
    log_interaction(network, [tom], direction=Direction.GAVE, kind="coffee", summary="Coffee")
    response = client.post(
        "/duplicates/merge",
        data={"csrf_token": csrf, "keep_id": thomas, "other_id": tom},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/duplicates?merged={thomas}&page=1"
    assert get_person(network, tom) is None
    kept = get_person(network, thomas)
    assert kept is not None and kept.display_name == "Thomas Becker" and kept.organisation == "Northwind Labs"
    assert len(interactions_with(network, thomas)) == 1

    page = client.get(response.headers["location"], headers=HTML)
    assert page.context["merged_person"].id == thomas  # type: ignore[attr-defined]
    assert page.context["pairs"] == []  # type: ignore[attr-defined]
    assert "The two records are now one: Thomas Becker." in page.text


def test_merging_unknown_or_someone_elses_people_is_not_found(
    client: TestClient, network: Network, other_network: Network, beckers: tuple[int, int], csrf: str
) -> None:
    tom, _thomas = beckers
    bobs = _add(other_network, "Tom Becker", emails=("tom@northwind.example",))
    for keep_id, other_id in ((tom, bobs), (bobs, tom), (tom, 999_999)):
        response = client.post(
            "/duplicates/merge",
            data={"csrf_token": csrf, "keep_id": keep_id, "other_id": other_id},
            headers=HTML,
        )
        assert response.status_code == 404
        assert response.template.name == "error.html"  # type: ignore[attr-defined]
    assert get_person(other_network, bobs) is not None
    assert count_people(network) == 2


def test_merging_a_person_with_themselves_is_refused(
    client: TestClient, network: Network, beckers: tuple[int, int], csrf: str
) -> None:
    tom, _thomas = beckers
    response = client.post(
        "/duplicates/merge", data={"csrf_token": csrf, "keep_id": tom, "other_id": tom}, headers=HTML
    )
    assert response.status_code == 400
    assert get_person(network, tom) is not None


def test_bobs_people_never_appear_in_alices_pairs(
    client: TestClient, network: Network, other_network: Network
) -> None:
    _add(network, "Tom Becker", emails=("tom@northwind.example",))
    _add(other_network, "Tom Becker", emails=("tom@northwind.example",))
    _add(other_network, "Thomas Becker", emails=("tom@northwind.example",))
    assert client.get("/duplicates", headers=HTML).context["total"] == 0  # type: ignore[attr-defined]


def test_many_pairs_are_shown_a_page_at_a_time(
    client: TestClient, network: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(duplicates, "PAGE_SIZE", 2)
    for name, email in (
        ("Tom Becker", "tom@northwind.example"),
        ("Ana Silva", "ana@silva.example"),
        ("Jun Park", "jun@park.example"),
    ):
        _add(network, name, emails=(email,))
        _add(network, name, emails=(email,))
    first = client.get("/duplicates", headers=HTML).context  # type: ignore[attr-defined]
    assert (first["total"], first["pages"], len(first["pairs"])) == (3, 2, 2)
    assert (first["first_shown"], first["last_shown"]) == (1, 2)
    second = client.get("/duplicates?page=2", headers=HTML)
    assert second.context["page"] == 2 and len(second.context["pairs"]) == 1  # type: ignore[attr-defined]
    assert "Pairs 3 to 3 of 3." in second.text and 'href="/duplicates?page=1"' in second.text
    beyond = client.get("/duplicates?page=9", headers=HTML).context  # type: ignore[attr-defined]
    assert beyond["page"] == 2


def test_merging_needs_the_csrf_token(client: TestClient, network: Network, beckers: tuple[int, int]) -> None:
    tom, thomas = beckers
    response = client.post("/duplicates/merge", data={"keep_id": tom, "other_id": thomas})
    assert response.status_code == 403
    assert count_people(network) == 2


def test_a_slow_search_says_it_is_looking_and_the_page_asks_again(
    client: TestClient, beckers: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 30,000 people finding the pairs takes seconds: the page says so at once, asks again every
    second with htmx, and shows the pairs once the background search has kept them."""
    import threading

    from orchardist.services import duplicates as service

    first, second = beckers
    release = threading.Event()
    real = service.find_duplicates

    def slow(people):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(people)

    monkeypatch.setattr(service, "find_duplicates", slow)
    monkeypatch.setattr(service, "QUICK", 0.05)
    looking = client.get("/duplicates", headers=HTML)
    assert looking.status_code == 200 and looking.context["ready"] is False  # type: ignore[attr-defined]
    assert "Looking for duplicates…" in looking.text
    assert 'hx-get="/duplicates?page=1" hx-trigger="load delay:1s"' in looking.text
    release.set()
    for _attempt in range(50):
        shown = client.get("/duplicates?page=1", headers={**HTML, "hx-request": "true"})
        if shown.context["ready"]:  # type: ignore[attr-defined]
            break
        threading.Event().wait(0.1)
    pairs = shown.context["pairs"]  # type: ignore[attr-defined]
    assert [(view["first"].id, view["second"].id) for view in pairs] == [(first, second)]
    assert "Looking for duplicates" not in shown.text


def test_a_merge_keeps_the_pairs_found_so_the_page_needs_no_new_search(
    client: TestClient, network: Network, beckers: tuple[int, int], csrf: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchardist.services import duplicates as service

    first, second = beckers
    _add(network, "Ann Lee", emails=("ann@x.example",))
    _add(network, "Ann  Lee", emails=("ann@x.example",))
    assert len(client.get("/duplicates", headers=HTML).context["pairs"]) == 2  # type: ignore[attr-defined]

    def never(people):  # type: ignore[no-untyped-def]
        raise AssertionError("the whole network was compared again")

    monkeypatch.setattr(service, "find_duplicates", never)
    client.post("/duplicates/merge", data={"csrf_token": csrf, "keep_id": first, "other_id": second})
    after = client.get("/duplicates", headers=HTML)
    assert after.context["ready"] and len(after.context["pairs"]) == 1  # type: ignore[attr-defined]
