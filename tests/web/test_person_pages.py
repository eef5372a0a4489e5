"""The Person page: details, editing, the timeline, merging, deleting, and no one else's people."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Channel, Direction
from orchardist.domain.people import NamedDate, PartialDate, Person, Tier
from orchardist.services.interactions import interactions_with, log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person, get_person
from orchardist.store.engine import Store

HTMX = {"HX-Request": "true"}
HTML = {"Accept": "text/html"}


def _add(network: Network, name: str, **fields: object) -> Person:
    given, _, family = name.partition(" ")
    return add_person(network, Person(display_name=name, given_name=given, family_name=family, **fields))  # type: ignore[arg-type]


def _id(person: Person) -> int:
    assert person.id is not None
    return person.id


def _log(network: Network, person: Person, summary: str, days_ago: int) -> None:
    log_interaction(
        network,
        [_id(person)],
        direction=Direction.GAVE,
        kind="article",
        summary=summary,
        on=date.today() - timedelta(days=days_ago),
        channel=Channel.EMAIL,
    )


def test_the_page_shows_every_field_its_sources_and_the_timeline(
    client: TestClient, network: Network
) -> None:
    priya = _add(network, "Priya Raman", organisation="Maple Health", emails=("priya@example.org",))
    yuki = _add(
        network,
        "Yuki Tanaka",
        title="Analyst",
        tags=("mentor", "ex colleague"),
        met_through_id=priya.id,
        birthday=PartialDate(month=3, day=29),
        dates=(NamedDate("work anniversary", PartialDate(month=5, day=1, year=2019)),),
        notes="Likes tea.\nTwo kids.",
    )
    _log(network, yuki, "Sent the data article", 40)
    _log(network, yuki, "Thanked her for the intro", 3)
    response = client.get(f"/people/{_id(yuki)}")
    assert response.status_code == 200
    assert response.template.name == "person/page.html"  # type: ignore[attr-defined]
    context = response.context  # type: ignore[attr-defined]
    assert context["person"] == get_person(network, _id(yuki))
    assert context["met_through"].id == priya.id
    assert {"title", "tags", "met_through_id", "birthday", "dates", "notes", "tier"} <= set(context["filled"])
    assert "E-mails" in context["empty"] and "Title" not in context["empty"]
    assert [item.summary for item in context["interactions"]] == [
        "Thanked her for the intro",
        "Sent the data article",
    ]
    assert context["last_contact"] == date.today() - timedelta(days=3)
    assert ("Title", ["typed in by you"]) in context["sources"]
    assert "Where this came from" in response.text
    assert context["dates_shown"]["birthday"] == "March 29"
    assert context["dates"] == [("work anniversary", "May 1, 2019")]
    assert f'href="/people/{priya.id}"' in response.text and "Priya Raman" in response.text
    assert 'href="/people?tag=ex%20colleague"' in response.text


def test_given_and_family_names_are_listed_only_when_they_say_more_than_the_name(
    client: TestClient, network: Network
) -> None:
    plain = _add(network, "Priya Raman")
    titled = add_person(
        network, Person(display_name="Grace Okafor, PMP", given_name="Grace", family_name="Okafor")
    )
    context = client.get(f"/people/{_id(plain)}").context  # type: ignore[attr-defined]
    assert not {"given_name", "family_name"} & set(context["filled"])
    assert "Given name" not in context["empty"] and "Family name" not in context["empty"]
    context = client.get(f"/people/{_id(titled)}").context  # type: ignore[attr-defined]
    assert {"given_name", "family_name"} <= set(context["filled"])


def test_only_web_addresses_become_links(client: TestClient, network: Network) -> None:
    person = _add(network, "Ann Lee", urls=("javascript:alert(1)", "https://ann.example/"))
    response = client.get(f"/people/{_id(person)}")
    assert 'href="javascript:' not in response.text
    assert 'href="https://ann.example/"' in response.text
    assert response.context["links"] == {
        "javascript:alert(1)": None,
        "https://ann.example/": "https://ann.example/",
    }  # type: ignore[attr-defined]


def test_editing_every_field(client: TestClient, csrf: str, network: Network) -> None:
    friend = _add(network, "Priya Raman")
    person = _add(network, "Bo Chen", title="Recruiter")
    form = client.get(f"/people/{_id(person)}/edit")
    assert form.template.name == "person/edit.html"  # type: ignore[attr-defined]
    values = dict(form.context["values"])  # type: ignore[attr-defined]
    assert values["title"] == "Recruiter" and values["tier"] == "casual"
    values.update(
        {
            "csrf_token": csrf,
            "display_name": "Bo Chen, CPA",
            "pronouns": "he/him",
            "emails": "bo@example.org, bo.chen@example.com",
            "phones": "+1 416 555 0100\n+1 416 555 0101",
            "urls": "https://bo.example/a,b",
            "linkedin_url": "https://www.linkedin.com/in/bo-chen",
            "organisation": "Acme",
            "title": "Lead Recruiter",
            "location": "Toronto",
            "tags": "hiring, mentor",
            "tier": "inner",
            "every_days": "30",
            "interests": "chess\ncycling",
            "can_help_with": "referrals",
            "could_use_help_with": "data jobs",
            "how_met": "meetup",
            "where_met": "Toronto Data",
            "met_through_id": f"Priya Raman (#{friend.id})",
            "birthday": "--03-29",
            "dates": "work anniversary: 2019-05-01",
            "notes": "Met twice.",
        }
    )
    response = client.post(f"/people/{_id(person)}", data=values, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/people/{_id(person)}?saved=1"
    saved = get_person(network, _id(person))
    assert saved is not None
    assert saved.display_name == "Bo Chen, CPA" and saved.pronouns == "he/him"
    assert saved.emails == ("bo@example.org", "bo.chen@example.com")
    assert saved.phones == ("+1 416 555 0100", "+1 416 555 0101")
    assert saved.urls == ("https://bo.example/a,b",)
    assert (saved.organisation, saved.title, saved.location) == ("Acme", "Lead Recruiter", "Toronto")
    assert saved.tags == ("hiring", "mentor") and saved.tier == Tier.INNER and saved.every_days == 30
    assert saved.interests == ("chess", "cycling") and saved.could_use_help_with == ("data jobs",)
    assert saved.met_through_id == friend.id and saved.birthday == PartialDate(month=3, day=29)
    assert saved.dates == (NamedDate("work anniversary", PartialDate(month=5, day=1, year=2019)),)
    assert saved.notes == "Met twice." and saved.sources["tier"] == ("manual",)
    shown = client.get(response.headers["location"])
    assert shown.context["message"] == "Saved."  # type: ignore[attr-defined]
    cleared = client.post(
        f"/people/{_id(person)}", data={"csrf_token": csrf, "met_through_id": "", "tags": ""}
    )
    assert cleared.status_code == 200  # followed the redirect
    after = get_person(network, _id(person))
    assert after is not None and after.met_through_id is None and after.tags == ()
    assert after.title == "Lead Recruiter"  # fields the form did not send are left alone


def test_saving_the_form_leaves_untouched_fields_as_they_were(
    client: TestClient, csrf: str, network: Network
) -> None:
    person = _add(network, "Bo Chen", tags=("ex colleague", "mentor"), can_help_with=("résumés, interviews",))
    form = client.get(f"/people/{_id(person)}/edit").context  # type: ignore[attr-defined]
    values = dict(form["values"])
    assert values["tags"] == "ex colleague, mentor"
    # As a browser sends it: every field, and (hidden) the text each was shown with.
    values.update({f"was:{name}": text for name, text in form["was"].items()})
    values.update({"csrf_token": csrf, "title": "Recruiter", "notes": "Line one\r\nLine two"})
    assert client.post(f"/people/{_id(person)}", data=values, follow_redirects=False).status_code == 303
    saved = get_person(network, _id(person))
    assert saved is not None and saved.title == "Recruiter" and saved.notes == "Line one\nLine two"
    assert saved.tags == ("ex colleague", "mentor") and saved.can_help_with == ("résumés, interviews",)
    assert saved.sources == {**person.sources, "title": ("manual",), "notes": ("manual",)}


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("emails", "bo@example.org\nnot-an-address", "not an e-mail address"),
        ("display_name", "  ", "needs a name"),
        ("birthday", "29/03", "YYYY-MM-DD"),
        ("every_days", "often", "whole number"),
        ("tier", "best-friend", "must be one of"),
        ("dates", "anniversary 2019", "label: YYYY-MM-DD"),
        ("met_through_id", "Priya", "type their number"),
        ("met_through_id", "#999999", "no person with id"),
    ],
)
def test_a_refused_field_brings_the_form_back_and_stores_nothing(
    client: TestClient, csrf: str, network: Network, field: str, value: str, words: str
) -> None:
    person = _add(network, "Bo Chen", title="Recruiter", emails=("bo@example.org",))
    before = get_person(network, _id(person))
    data = {"csrf_token": csrf, "title": "Changed", field: value}
    if field == "display_name":
        data.update({"given_name": "", "family_name": ""})
    response = client.post(f"/people/{_id(person)}", data=data)
    assert response.status_code == 400
    assert response.template.name == "person/edit.html"  # type: ignore[attr-defined]
    errors = response.context["errors"]  # type: ignore[attr-defined]
    assert list(errors) == [field] and words in errors[field]
    assert response.context["values"][field] == value and response.context["values"]["title"] == "Changed"  # type: ignore[attr-defined]
    assert 'aria-invalid="true"' in response.text and f'id="f-{field}-error"' in response.text
    assert get_person(network, _id(person)) == before


def test_someone_elses_person_cannot_introduce(
    client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    person = _add(network, "Bo Chen")
    bob = _add(other_network, "Bob Stone")
    response = client.post(
        f"/people/{_id(person)}", data={"csrf_token": csrf, "met_through_id": f"#{bob.id}"}
    )
    assert response.status_code == 400 and "met_through_id" in response.context["errors"]  # type: ignore[attr-defined]
    assert get_person(network, _id(person)).met_through_id is None  # type: ignore[union-attr]


def test_logging_an_interaction_without_javascript(client: TestClient, csrf: str, network: Network) -> None:
    person = _add(network, "Bo Chen")
    _log(network, person, "Older", 10)
    response = client.post(
        f"/people/{_id(person)}/interactions",
        data={
            "csrf_token": csrf,
            "on": date.today().isoformat(),
            "channel": "call",
            "direction": "asked",
            "kind": "advice",
            "summary": "Asked about data roles",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert [item.summary for item in page.context["interactions"]] == ["Asked about data roles", "Older"]  # type: ignore[attr-defined]
    newest = page.context["interactions"][0]  # type: ignore[attr-defined]
    assert (newest.direction, newest.channel, newest.kind) == (Direction.ASKED, Channel.CALL, "advice")
    assert page.context["message"] == "The interaction is in the timeline."  # type: ignore[attr-defined]
    assert page.context["log"]["on"] == date.today().isoformat()  # type: ignore[attr-defined]


def test_logging_an_interaction_with_htmx_returns_the_timeline(
    client: TestClient, csrf: str, network: Network
) -> None:
    person = _add(network, "Bo Chen")
    _log(network, person, "Older", 10)
    response = client.post(
        f"/people/{_id(person)}/interactions",
        data={
            "on": "2020-01-01",
            "channel": "in_person",
            "direction": "mutual",
            "kind": "Coffee",
            "summary": "Long ago",
        },
        headers={**HTMX, "X-CSRF-Token": csrf},
    )
    assert response.status_code == 200
    assert response.template.name == "person/_timeline.html"  # type: ignore[attr-defined]
    assert [item.summary for item in response.context["interactions"]] == ["Older", "Long ago"]  # type: ignore[attr-defined]
    assert response.context["log"]["summary"] == ""  # type: ignore[attr-defined]
    assert "Long ago" in response.text and 'id="last-contact" hx-swap-oob="innerHTML"' in response.text
    assert "<html" not in response.text


def _transactions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The transactions the store opens from now on, "read" or "write", in order."""
    opened: list[str] = []
    for kind in ("read", "write"):
        original = getattr(Store, kind)

        @contextmanager
        def counted(
            self: Store, *spaces: Any, _original: Any = original, _kind: str = kind
        ) -> Iterator[object]:
            opened.append(_kind)
            with _original(self, *spaces) as conn:
                yield conn

        monkeypatch.setattr(Store, kind, counted)
    return opened


@pytest.mark.parametrize("htmx", [True, False])
def test_logging_from_the_page_is_one_transaction(
    client: TestClient, csrf: str, network: Network, monkeypatch: pytest.MonkeyPatch, htmx: bool
) -> None:
    person = _add(network, "Bo Chen")
    _log(network, person, "Older", 10)
    opened = _transactions(monkeypatch)
    data = {"on": "", "channel": "call", "direction": "asked", "kind": "advice", "summary": "CV"}
    headers = {**(HTMX if htmx else {}), "X-CSRF-Token": csrf}
    response = client.post(
        f"/people/{_id(person)}/interactions", data=data, headers=headers, follow_redirects=False
    )
    assert response.status_code == (200 if htmx else 303)
    # The access gate's look-up (is a passcode set?) comes first, on every request; then the action:
    # the ask warning read before, the interaction stored, and (htmx) the timeline read after, one write.
    assert opened == ["read", "write"]
    if htmx:
        assert [item.summary for item in response.context["interactions"]] == ["CV", "Older"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"direction": ""}, "direction"),
        ({"channel": "pigeon"}, "channel"),
        ({"on": "yesterday"}, "on"),
        ({"on": "2099-01-01"}, "on"),
        ({"kind": " "}, "kind"),
        ({"kind": "k" * 51}, "kind"),
        ({"summary": ""}, "summary"),
        ({"summary": "s" * 2_001}, "summary"),
    ],
)
@pytest.mark.parametrize("htmx", [True, False])
def test_a_refused_interaction_shows_why_and_stores_nothing(
    client: TestClient, csrf: str, network: Network, change: dict[str, str], field: str, htmx: bool
) -> None:
    person = _add(network, "Bo Chen")
    data = {
        "csrf_token": csrf,
        "on": "",
        "channel": "call",
        "direction": "gave",
        "kind": "call",
        "summary": "Hi",
    }
    response = client.post(
        f"/people/{_id(person)}/interactions", data={**data, **change}, headers=HTMX if htmx else {}
    )
    assert response.status_code == 400
    assert response.template.name == ("person/_timeline.html" if htmx else "person/page.html")  # type: ignore[attr-defined]
    assert list(response.context["log_errors"]) == [field]  # type: ignore[attr-defined]
    assert response.context["log"][next(iter(change))] == next(iter(change.values()))  # type: ignore[attr-defined]
    assert "data-swap-invalid" in response.text
    assert interactions_with(network, _id(person)) == []


def test_likely_duplicates_are_suggested_and_merged(client: TestClient, csrf: str, network: Network) -> None:
    keep = _add(network, "Robert Smith", emails=("rob@x.example",))
    other = _add(network, "Bob Smith", emails=("ROB@x.example",), organisation="Acme")
    _add(network, "Ann Smith")
    _log(network, other, "Met at the fair", 5)
    page = client.get(f"/people/{_id(keep)}")
    duplicates = page.context["duplicates"]  # type: ignore[attr-defined]
    assert [item.person.id for item in duplicates] == [other.id]
    assert (
        f'href="/people/{keep.id}/merge?other_id={other.id}"' in page.text
        and 'href="/duplicates"' in page.text
    )
    review = client.get(f"/people/{_id(keep)}/merge", params={"other_id": other.id})
    assert review.template.name == "person/merge.html"  # type: ignore[attr-defined]
    assert ("organisation", "Organisation", "", "Acme", True) in review.context["rows"]  # type: ignore[attr-defined]
    response = client.post(
        f"/people/{_id(keep)}/merge",
        data={"csrf_token": csrf, "other_id": str(other.id)},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == f"/people/{keep.id}?merged=1"
    assert get_person(network, _id(other)) is None
    merged = client.get(response.headers["location"])
    assert merged.context["person"].organisation == "Acme"  # type: ignore[attr-defined]
    assert [item.summary for item in merged.context["interactions"]] == ["Met at the fair"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("other_id", ["", "me", "self"])
def test_a_merge_needs_another_record(client: TestClient, csrf: str, network: Network, other_id: str) -> None:
    person = _add(network, "Bo Chen")
    value = str(person.id) if other_id == "self" else other_id
    response = client.post(
        f"/people/{_id(person)}/merge", data={"csrf_token": csrf, "other_id": value}, headers=HTML
    )
    assert response.status_code == 400
    assert response.template.name == "error.html"  # type: ignore[attr-defined]
    assert get_person(network, _id(person)) is not None


def test_deleting_asks_first_then_deletes(client: TestClient, csrf: str, network: Network) -> None:
    person = _add(network, "Bo Chen")
    _log(network, person, "Coffee", 1)
    confirm = client.get(f"/people/{_id(person)}/delete")
    assert confirm.template.name == "person/delete.html"  # type: ignore[attr-defined]
    assert confirm.context["interaction_count"] == 1  # type: ignore[attr-defined]
    assert get_person(network, _id(person)) is not None
    response = client.post(f"/people/{_id(person)}/delete", data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/people?deleted=1"
    assert get_person(network, _id(person)) is None
    assert client.get(f"/people/{_id(person)}", headers=HTML).status_code == 404


def _routes(person_id: int, other_id: int) -> list[tuple[str, str, dict[str, str]]]:
    return [
        ("GET", f"/people/{person_id}", {}),
        ("GET", f"/people/{person_id}/edit", {}),
        ("POST", f"/people/{person_id}", {"title": "Changed"}),
        (
            "POST",
            f"/people/{person_id}/interactions",
            {"channel": "call", "direction": "gave", "kind": "call", "summary": "x"},
        ),
        ("GET", f"/people/{person_id}/merge?other_id={other_id}", {}),
        ("POST", f"/people/{person_id}/merge", {"other_id": str(other_id)}),
        ("GET", f"/people/{other_id}/merge?other_id={person_id}", {}),
        ("POST", f"/people/{other_id}/merge", {"other_id": str(person_id)}),
        ("GET", f"/people/{person_id}/delete", {}),
        ("POST", f"/people/{person_id}/delete", {}),
    ]


def test_someone_elses_person_is_not_found_on_every_route(
    client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    mine = _add(network, "Ann Lee")
    bob = _add(other_network, "Bob Stone", title="Secret")
    _log(other_network, bob, "Private", 1)
    for method, path, data in _routes(_id(bob), _id(mine)):
        response = client.request(
            method,
            path,
            data={**data, "csrf_token": csrf} if data or method == "POST" else None,
            headers=HTML,
        )
        assert response.status_code == 404, (method, path)
        assert response.template.name == "error.html", (method, path)  # type: ignore[attr-defined]
        assert "Bob" not in response.text and "Secret" not in response.text
    assert get_person(other_network, _id(bob)) == bob
    assert [item.summary for item in interactions_with(other_network, _id(bob))] == ["Private"]
    assert get_person(network, _id(mine)) == mine


def test_an_unknown_id_is_not_found(client: TestClient) -> None:
    response = client.get("/people/999999", headers=HTML)
    assert response.status_code == 404 and response.template.name == "error.html"  # type: ignore[attr-defined]
    assert "999999" in response.text
    assert client.get("/people/999999").json() == {
        "detail": "no person with id 999999",
        "field": None,
        "code": "person.not_found",
        "params": {"id": 999999},
    }


def test_every_change_needs_the_csrf_token(client: TestClient, network: Network) -> None:
    person = _add(network, "Bo Chen")
    other = _add(network, "Bo Chen")
    for method, path, data in _routes(_id(person), _id(other)):
        if method == "POST":
            assert client.post(path, data=data).status_code == 403, path
            assert client.post(path, data={**data, "csrf_token": "forged"}).status_code == 403, path
    assert get_person(network, _id(person)) == person and get_person(network, _id(other)) == other
    assert interactions_with(network, _id(person)) == []


def test_the_timeline_is_grouped_by_year_and_the_profile_named(network: Network, client: TestClient) -> None:
    ana = _add(network, "Ana Silva", linkedin_url="https://www.linkedin.com/in/ana-silva")
    for on, summary in ((date(2024, 3, 2), "Coffee in 2024"), (date(2025, 6, 1), "Call in 2025")):
        log_interaction(network, [_id(ana)], direction=Direction.SOCIAL, kind="call", summary=summary, on=on)
    _log(network, ana, "Message today", 0)
    page = client.get(f"/people/{_id(ana)}", headers=HTML).text
    years = [str(date.today().year), "2025", "2024"]
    positions = [page.index(f'<h3 class="timeline-year">{year}</h3>') for year in years]
    assert positions == sorted(positions)
    assert (
        page.index("Call in 2025")
        < page.index('<h3 class="timeline-year">2024</h3>')
        < page.index("Coffee in 2024")
    )
    assert ">LinkedIn profile</a>" in page and 'title="https://www.linkedin.com/in/ana-silva"' in page


@pytest.mark.parametrize(
    ("picked", "stored"),
    [
        ({"birthday:month": "04", "birthday:day": "12", "birthday:year": ""}, PartialDate(month=4, day=12)),
        (
            {"birthday:month": "04", "birthday:day": "12", "birthday:year": "1990"},
            PartialDate(month=4, day=12, year=1990),
        ),
        ({"birthday:month": "", "birthday:day": "", "birthday:year": ""}, None),
    ],
)
def test_a_birthday_is_picked_month_and_day_with_the_year_if_known(
    client: TestClient, csrf: str, network: Network, picked: dict[str, str], stored: PartialDate | None
) -> None:
    person = _add(network, "Bo Chen", birthday=PartialDate(month=1, day=2))
    data = {"csrf_token": csrf, "was:birthday": "--01-02", **picked}
    response = client.post(f"/people/{_id(person)}", data=data, follow_redirects=False)
    assert response.status_code == 303
    assert get_person(network, _id(person)).birthday == stored  # type: ignore[union-attr]


def test_a_date_half_picked_is_refused_and_shown_as_picked(
    client: TestClient, csrf: str, network: Network
) -> None:
    person = _add(network, "Bo Chen")
    data = {"csrf_token": csrf, "birthday:month": "04", "birthday:day": "", "birthday:year": ""}
    response = client.post(f"/people/{_id(person)}", data=data)
    assert response.status_code == 400 and list(response.context["errors"]) == ["birthday"]  # type: ignore[attr-defined]
    assert response.context["date_parts"]["birthday"] == ("", "04", "")  # type: ignore[attr-defined]
    assert '<option value="04" selected>April</option>' in response.text
    february = {"csrf_token": csrf, "birthday:month": "02", "birthday:day": "31", "birthday:year": ""}
    assert client.post(f"/people/{_id(person)}", data=february).status_code == 400


def test_the_date_pickers_speak_french(client: TestClient, network: Network) -> None:
    person = _add(network, "Bo Chen", birthday=PartialDate(month=4, day=12))
    client.cookies.set("orchardist_lang", "fr_CA")
    page = client.get(f"/people/{_id(person)}/edit")
    assert '<option value="04" selected>avril</option>' in page.text
    assert '<option value="12" selected>12</option>' in page.text
    assert "Année (si connue)" in page.text


def test_a_merge_shows_the_differences_and_keeps_the_value_picked(
    client: TestClient, csrf: str, network: Network
) -> None:
    keep = _add(network, "Robert Smith", emails=("rob@x.example",), title="Engineer", location="Ottawa")
    other = _add(network, "Bob Smith", emails=("rob@x.example",), title="Lead Engineer", location="Ottawa")
    review = client.get(f"/people/{_id(keep)}/merge", params={"other_id": other.id})
    assert review.context["choosable"] == ["display_name", "given_name", "title"]  # type: ignore[attr-defined]
    assert review.context["look_different"] == []  # type: ignore[attr-defined]
    assert 'name="choose:title" value="other"' in review.text and "differs-mark" in review.text
    response = client.post(
        f"/people/{_id(keep)}/merge",
        data={
            "csrf_token": csrf,
            "other_id": str(other.id),
            "choose:title": "other",
            "choose:display_name": "keep",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    merged = get_person(network, _id(keep))
    assert merged is not None and (merged.display_name, merged.title) == ("Robert Smith", "Lead Engineer")


def test_a_merge_warns_when_the_two_look_like_different_people(
    client: TestClient, csrf: str, network: Network
) -> None:
    keep = _add(
        network,
        "Robert Smith",
        linkedin_url="https://www.linkedin.com/in/robert-smith",
        birthday=PartialDate(month=4, day=12),
    )
    other = _add(
        network,
        "Ann Lee",
        linkedin_url="https://www.linkedin.com/in/ann-lee",
        birthday=PartialDate(month=9, day=1),
    )
    review = client.get(f"/people/{_id(keep)}/merge", params={"other_id": other.id})
    warnings = review.context["look_different"]  # type: ignore[attr-defined]
    assert len(warnings) == 3 and "different LinkedIn profiles" in warnings[0]
    assert "These may be two different people" in review.text
    refused = client.post(
        f"/people/{_id(keep)}/merge",
        data={"csrf_token": csrf, "other_id": str(other.id), "choose:emails": "other"},
        headers=HTML,
    )
    assert refused.status_code == 400  # e-mails are put together, not chosen
    assert get_person(network, _id(other)) is not None
