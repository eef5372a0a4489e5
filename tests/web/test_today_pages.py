"""The Today page: the ranked list with its actions, snoozing and dismissing, and the losing-touch view."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person

HTML = {"accept": "text/html"}
TODAY = date.today()


def _network_to_tend(network: Network) -> tuple[int, int]:
    helper = add_person(network, Person(display_name="Ana Silva", tier=Tier.INNER))
    log_interaction(
        network, [helper.id or 0], direction=Direction.ASKED, kind="coffee", summary="CV", on=TODAY
    )
    drifting = add_person(network, Person(display_name="Ben Roy", tier=Tier.ACTIVE))
    log_interaction(
        network,
        [drifting.id or 0],
        direction=Direction.GAVE,
        kind="article",
        summary="x",
        on=TODAY - timedelta(days=400),
    )
    return helper.id or 0, drifting.id or 0


def test_today_lists_each_person_with_the_reason_why_and_the_actions(
    client: TestClient, network: Network
) -> None:
    helper, drifting = _network_to_tend(network)
    page = client.get("/today", headers=HTML)
    assert page.status_code == 200 and page.template.name == "today/page.html"  # type: ignore[attr-defined]
    entries = page.context["entries"]  # type: ignore[attr-defined]
    assert [(e.item.person_id, e.item.reason.value) for e in entries] == [
        (helper, "thank_you_owed"),
        (drifting, "overdue"),
    ]
    assert "Thank-you owed" in page.text and entries[0].why in page.text
    assert f'href="/people/{helper}?kind=thank_you#log-heading"' in page.text
    assert 'action="/today/snooze"' in page.text and 'action="/today/dismiss"' in page.text


def test_the_log_form_starts_with_the_suggested_kind(client: TestClient, network: Network) -> None:
    helper, _ = _network_to_tend(network)
    page = client.get(f"/people/{helper}?kind=thank_you", headers=HTML)
    assert page.context["log"]["kind"] == "thank you"  # type: ignore[attr-defined]
    page = client.get(f"/people/{helper}?kind=nonsense", headers=HTML)
    assert page.context["log"]["kind"] == ""  # type: ignore[attr-defined]


def test_snooze_and_dismiss_take_people_off_today(client: TestClient, network: Network, csrf: str) -> None:
    helper, drifting = _network_to_tend(network)
    done = client.post(
        "/today/snooze",
        data={"csrf_token": csrf, "person_id": str(helper), "length": "week"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/today?done=snoozed"
    page = client.get("/today?done=snoozed", headers=HTML)
    assert [e.item.person_id for e in page.context["entries"]] == [drifting]  # type: ignore[attr-defined]
    (item,) = [e.item for e in page.context["entries"]]  # type: ignore[attr-defined]
    client.post(
        "/today/dismiss",
        data={
            "csrf_token": csrf,
            "person_id": str(drifting),
            "reason": item.reason.value,
            "due": item.due.isoformat(),
        },
    )
    assert client.get("/today", headers=HTML).context["entries"] == []  # type: ignore[attr-defined]
    bad = client.post(
        "/today/snooze", data={"csrf_token": csrf, "person_id": str(helper), "length": "year"}, headers=HTML
    )
    assert bad.status_code == 400
    missing = client.post(
        "/today/snooze", data={"csrf_token": csrf, "person_id": "999", "length": "week"}, headers=HTML
    )
    assert missing.status_code == 404
    forged = client.post("/today/snooze", data={"person_id": str(helper), "length": "week"}, headers=HTML)
    assert forged.status_code == 403


def test_someone_elses_person_cannot_be_snoozed(
    client: TestClient, other_network: Network, csrf: str
) -> None:
    bob = add_person(other_network, Person(display_name="Bob"))
    response = client.post(
        "/today/snooze", data={"csrf_token": csrf, "person_id": str(bob.id), "length": "week"}, headers=HTML
    )
    assert response.status_code == 404


def test_losing_touch_lists_the_furthest_gone_first(client: TestClient, network: Network) -> None:
    _helper, drifting = _network_to_tend(network)
    page = client.get("/today/losing-touch", headers=HTML)
    assert [p.person_id for p in page.context["people"]] == [drifting]  # type: ignore[attr-defined]
    assert "Ben Roy" in page.text


def test_an_empty_today_says_what_to_do(client: TestClient) -> None:
    page = client.get("/today", headers=HTML)
    assert page.context["entries"] == [] and "Nobody to tend today" in page.text  # type: ignore[attr-defined]
