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


def _network_to_tend(network: Network, today: date) -> tuple[int, int]:
    helper = add_person(network, Person(display_name="Ana Silva", tier=Tier.INNER))
    log_interaction(
        network, [helper.id or 0], direction=Direction.ASKED, kind="coffee", summary="CV", on=today
    )
    drifting = add_person(network, Person(display_name="Ben Roy", tier=Tier.ACTIVE))
    log_interaction(
        network,
        [drifting.id or 0],
        direction=Direction.GAVE,
        kind="article",
        summary="x",
        on=today - timedelta(days=400),
    )
    return helper.id or 0, drifting.id or 0


def test_today_lists_each_person_with_the_reason_why_and_the_actions(
    today: date, client: TestClient, network: Network
) -> None:
    helper, drifting = _network_to_tend(network, today)
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
    assert 'action="/today/log"' in page.text and 'class="card-menu"' in page.text


def test_the_log_form_starts_with_the_suggested_kind(
    today: date, client: TestClient, network: Network
) -> None:
    helper, _ = _network_to_tend(network, today)
    page = client.get(f"/people/{helper}?kind=thank_you", headers=HTML)
    assert page.context["log"]["kind"] == "thank you"  # type: ignore[attr-defined]
    page = client.get(f"/people/{helper}?kind=nonsense", headers=HTML)
    assert page.context["log"]["kind"] == ""  # type: ignore[attr-defined]


def test_snooze_and_dismiss_take_people_off_today(
    today: date, client: TestClient, network: Network, csrf: str
) -> None:
    helper, drifting = _network_to_tend(network, today)
    done = client.post(
        "/today/snooze",
        data={"csrf_token": csrf, "person_id": str(helper), "length": "week"},
        follow_redirects=False,
    )
    until = (today + timedelta(days=7)).isoformat()
    assert done.status_code == 303
    assert done.headers["location"] == f"/today?done=snoozed&who={helper}&until={until}#today-main"
    page = client.get(done.headers["location"], headers=HTML)
    assert [e.item.person_id for e in page.context["entries"]] == [drifting]  # type: ignore[attr-defined]
    assert page.context["who"] == [(helper, "Ana Silva")]  # type: ignore[attr-defined]
    assert (
        "Snoozed 1 person until" in page.text
        and "Ana Silva" in page.text
        and 'action="/today/unsnooze"' in page.text
    )
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


def test_losing_touch_lists_the_furthest_gone_first(
    today: date, client: TestClient, network: Network
) -> None:
    _helper, drifting = _network_to_tend(network, today)
    page = client.get("/today/losing-touch", headers=HTML)
    assert [p.person_id for p in page.context["people"]] == [drifting]  # type: ignore[attr-defined]
    assert "Ben Roy" in page.text


def test_an_empty_today_says_what_to_do(client: TestClient) -> None:
    page = client.get("/today", headers=HTML)
    assert page.context["entries"] == [] and "Nobody to tend today" in page.text  # type: ignore[attr-defined]


def _many_overdue(network: Network, today: date, count: int) -> list[int]:
    ids = []
    for number in range(count):
        person = add_person(network, Person(display_name=f"Person {number:02d}", tier=Tier.INNER))
        log_interaction(
            network,
            [person.id or 0],
            direction=Direction.GAVE,
            kind="article",
            summary="x",
            on=today - timedelta(days=300 + number),
        )
        ids.append(person.id or 0)
    return ids


def test_today_shows_totals_per_reason_groups_and_a_page_at_a_time(
    today: date, client: TestClient, network: Network
) -> None:
    helper, _drifting = _network_to_tend(network, today)
    _many_overdue(network, today, 9)
    page = client.get("/today", headers=HTML)
    view = page.context["view"]  # type: ignore[attr-defined]
    assert [(t.reason, t.count) for t in view.totals] == [("thank_you_owed", 1), ("overdue", 10)]
    assert [group.reason for group in view.groups] == ["thank_you_owed", "overdue"]
    assert view.shown == 10 and view.total == 11 and view.more == 1
    page = client.get("/today?shown=4", headers=HTML)
    view = page.context["view"]  # type: ignore[attr-defined]
    assert len(view.entries) == 4 and view.more == 7
    assert "Show 7 more" in page.text and "shown=14" in page.text
    more = client.get("/today?shown=14&focus=4", headers=HTML)
    assert len(more.context["entries"]) == 11  # type: ignore[attr-defined]
    assert 'id="card-4" aria-labelledby="today-4" tabindex="-1" autofocus' in more.text
    only = client.get("/today?reason=thank_you_owed", headers=HTML)
    assert [e.item.person_id for e in only.context["entries"]] == [helper]  # type: ignore[attr-defined]


def test_several_people_are_snoozed_together_and_the_undo_brings_them_back(
    today: date, client: TestClient, network: Network, csrf: str
) -> None:
    ids = _many_overdue(network, today, 3)
    done = client.post(
        "/today/snooze",
        data={"csrf_token": csrf, "person_id": [str(i) for i in ids[:2]], "length": "month"},
        follow_redirects=False,
    )
    page = client.get(done.headers["location"], headers=HTML)
    assert [e.item.person_id for e in page.context["entries"]] == [ids[2]]  # type: ignore[attr-defined]
    assert "Snoozed 2 people until" in page.text
    undone = client.post(
        "/today/unsnooze",
        data={"csrf_token": csrf, "person_id": [str(i) for i in ids[:2]]},
        follow_redirects=False,
    )
    page = client.get(undone.headers["location"], headers=HTML)
    assert sorted(e.item.person_id for e in page.context["entries"]) == sorted(ids)  # type: ignore[attr-defined]
    assert "the snooze is undone" in page.text


def test_a_dismissal_names_the_person_and_day_and_can_be_undone(
    today: date, client: TestClient, network: Network, csrf: str
) -> None:
    _helper, drifting = _network_to_tend(network, today)
    item = next(
        e.item
        for e in client.get("/today", headers=HTML).context["entries"]  # type: ignore[attr-defined]
        if e.item.person_id == drifting
    )
    form = {"csrf_token": csrf, "person_id": str(drifting), "reason": "overdue", "due": item.due.isoformat()}
    done = client.post("/today/dismiss", data={**form, "focus": "1"}, follow_redirects=False)
    page = client.get(done.headers["location"], headers=HTML)
    assert "Ben Roy" in page.text and "Dismissed" in page.text and 'action="/today/undismiss"' in page.text
    assert drifting not in [e.item.person_id for e in page.context["entries"]]  # type: ignore[attr-defined]
    undone = client.post("/today/undismiss", data=form, follow_redirects=False)
    page = client.get(undone.headers["location"], headers=HTML)
    assert drifting in [e.item.person_id for e in page.context["entries"]]  # type: ignore[attr-defined]


def test_a_contact_is_logged_without_leaving_today(
    today: date, client: TestClient, network: Network, csrf: str
) -> None:
    helper, drifting = _network_to_tend(network, today)
    form = {"csrf_token": csrf, "person_id": str(helper), "direction": "gave", "kind": "thank you"}
    done = client.post(
        "/today/log", data={**form, "summary": "Thanked her", "focus": "0"}, follow_redirects=False
    )
    assert done.headers["location"].startswith("/today?done=logged")
    page = client.get(done.headers["location"], headers=HTML)
    assert [e.item.person_id for e in page.context["entries"]] == [drifting]  # type: ignore[attr-defined]
    assert "Logged your contact with Ana Silva." in page.text
    refused = client.post("/today/log", data=form, follow_redirects=False)
    assert "error=1" in refused.headers["location"]
    assert "Nothing was logged" in client.get(refused.headers["location"], headers=HTML).text


def test_the_person_page_shows_their_today_status_and_the_snooze_can_end_early(
    today: date, client: TestClient, network: Network, csrf: str
) -> None:
    _helper, drifting = _network_to_tend(network, today)
    page = client.get(f"/people/{drifting}", headers=HTML)
    assert page.context["standing"].today.value == "due"  # type: ignore[attr-defined]
    assert "Due: on your Today list." in page.text and f'action="/people/{drifting}/snooze"' in page.text
    assert f'href="/people/{drifting}/write"' in page.text
    done = client.post(
        f"/people/{drifting}/snooze", data={"csrf_token": csrf, "length": "month"}, follow_redirects=False
    )
    assert done.headers["location"] == f"/people/{drifting}?snoozed=1"
    page = client.get(done.headers["location"], headers=HTML)
    assert page.context["standing"].today.value == "snoozed"  # type: ignore[attr-defined]
    assert "Snoozed until" in page.text and f'action="/people/{drifting}/unsnooze"' in page.text
    ended = client.post(f"/people/{drifting}/unsnooze", data={"csrf_token": csrf}, follow_redirects=False)
    page = client.get(ended.headers["location"], headers=HTML)
    assert page.context["standing"].today.value == "due"  # type: ignore[attr-defined]
    assert "The snooze has ended" in page.text
    assert (
        client.post(
            f"/people/{drifting}/snooze", data={"csrf_token": csrf, "length": "year"}, headers=HTML
        ).status_code
        == 400
    )
    assert client.post("/people/999/unsnooze", data={"csrf_token": csrf}, headers=HTML).status_code == 404
