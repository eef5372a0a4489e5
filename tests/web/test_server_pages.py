"""The agency server's pages: signing in, the caseload, a client's file, the Sharing page, inviting and
setting up, the report, signing out."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from orchardist.services.server import Server
from orchardist.store.engine import Store
from orchardist.web.server_app import create_server_app
from tests.server_personas import PASSWORD, Cast, cast
from tests.web.server_browsers import browsers, csrf


@pytest.fixture
def the_cast(store: Store, quick_passwords: None) -> Cast:
    return cast(Server(store))


@pytest.fixture
def people(the_cast: Cast) -> Iterator[dict[str, TestClient]]:
    with browsers(create_server_app(the_cast.server), the_cast) as found:
        yield found


def test_signed_out_pages_go_to_sign_in_and_the_api_says_401(people: dict[str, TestClient]) -> None:
    anonymous = people["anonymous"]
    page = anonymous.get("/today", headers={"accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"] == "/sign-in?next=/today"
    assert anonymous.get("/api/v1/people").status_code == 401
    assert anonymous.get("/sign-in").status_code == 200


def test_a_wrong_password_is_refused_in_the_same_words_as_an_unknown_address(
    people: dict[str, TestClient],
) -> None:
    anonymous = people["anonymous"]
    wrong = anonymous.post(
        "/sign-in",
        data={"email": "alice@example.org", "password": "nope nope nope", "csrf_token": csrf(anonymous)},
    )
    unknown = anonymous.post(
        "/sign-in",
        data={"email": "nobody@example.org", "password": "nope nope nope", "csrf_token": csrf(anonymous)},
    )
    assert wrong.status_code == unknown.status_code == 401
    message = "that e-mail address and password do not match an account"
    assert message in wrong.text and message in unknown.text


def test_the_caseload_says_not_shared_where_a_client_keeps_it(people: dict[str, TestClient]) -> None:
    page = people["carol"].get("/caseload")
    assert page.status_code == 200
    assert "Alice" in page.text and "Bob" in page.text and "Mallory" not in page.text
    assert "not shared" in page.text
    assert people["carol"].get("/").headers["location"] == "/caseload"


def test_a_client_file_and_its_report(people: dict[str, TestClient], the_cast: Cast) -> None:
    carol = people["carol"]
    alice_id = the_cast.alice.account.id
    page = carol.get(f"/clients/{alice_id}")
    assert page.status_code == 200 and "Zephyrine Quartermain" in page.text
    assert "ALICE-PRIVATE-NOTE" not in page.text and "ALICE-SUMMARY" not in page.text
    note = carol.post(
        f"/clients/{alice_id}/notes", data={"text": "Two coffees booked.", "csrf_token": csrf(carol)}
    )
    assert note.status_code == 303
    pdf = carol.get(f"/clients/{alice_id}/report.pdf", params={"month": "2026-12"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "Alice" not in pdf.headers["content-disposition"]
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)
    assert "Alice" in text and "Two coffees booked." in text and "Zephyrine" not in text
    bob = carol.get(f"/clients/{the_cast.bob.account.id}")
    assert "Barnabus" not in bob.text


def test_a_withdrawal_holds_at_the_counsellors_next_request(
    people: dict[str, TestClient], the_cast: Cast
) -> None:
    alice, carol = people["alice"], people["carol"]
    alice_id, carol_id = the_cast.alice.account.id, the_cast.carol.account.id
    assert "Zephyrine" in carol.get(f"/clients/{alice_id}").text
    saved = alice.post(f"/sharing/{carol_id}", data={"groups": ["progress"], "csrf_token": csrf(alice)})
    assert saved.status_code == 303
    assert "Zephyrine" not in carol.get(f"/clients/{alice_id}").text
    log = alice.get("/sharing")
    assert log.status_code == 200 and "Carol" in log.text and "your file" in log.text
    history = alice.get("/sharing/history.json").json()
    assert history["reads"] and [grant["shares"] for grant in history["grants"]][-1] == ["progress"]


def test_inviting_a_client_and_setting_up(people: dict[str, TestClient], the_cast: Cast) -> None:
    carol = people["carol"]
    made = carol.post(
        "/caseload/invite", data={"email": "erin@example.org", "name": "Erin", "csrf_token": csrf(carol)}
    )
    assert made.status_code == 200
    link = re.search(r'value="(http://[^"]+/setup/[^"]+)"', made.text)
    assert link
    path = link.group(1).removeprefix("http://localhost")
    newcomer = people["anonymous"]
    form = newcomer.get(path)
    assert form.status_code == 200 and "invited by Carol" in form.text
    weak = newcomer.post(
        path, data={"password": "password1234", "groups": ["progress"], "csrf_token": csrf(newcomer)}
    )
    assert weak.status_code == 400 and "most common" in weak.text
    done = newcomer.post(
        path, data={"password": PASSWORD, "groups": ["progress", "activity"], "csrf_token": csrf(newcomer)}
    )
    assert done.status_code == 303
    assert newcomer.get("/today").status_code == 200
    assert newcomer.get(path).status_code == 404  # good once
    assert "Erin" in carol.get("/caseload").text


def test_each_kind_of_account_keeps_to_its_area(people: dict[str, TestClient], the_cast: Cast) -> None:
    assert people["carol"].get("/today").status_code == 404
    assert people["carol"].get("/api/v1/people").status_code == 404
    assert people["alice"].get("/caseload").status_code == 404
    assert people["alice"].get("/api/v1/caseload").status_code == 404
    assert people["carol"].get("/sharing").status_code == 404
    assert people["alice"].get("/export/backup").status_code == 404
    caseload = people["carol"].get("/api/v1/caseload").json()
    assert {row["name"] for row in caseload["clients"]} == {"Alice", "Bob"}


def test_signing_out_ends_the_session_on_the_server(people: dict[str, TestClient]) -> None:
    alice = people["alice"]
    cookie = alice.cookies.get("orchardist_account")
    assert cookie
    out = alice.post("/sign-out", data={"csrf_token": csrf(alice)})
    assert out.status_code == 303
    alice.cookies.set("orchardist_account", cookie)  # the old cookie, kept by someone
    assert alice.get("/api/v1/people").status_code == 401


def test_over_https_the_cookie_is_host_only_secure_and_strict(the_cast: Cast) -> None:
    with TestClient(
        create_server_app(the_cast.server), base_url="https://localhost", follow_redirects=False
    ) as browser:
        browser.get("/static/favicon.svg")
        answer = browser.post(
            "/sign-in", data={"email": "alice@example.org", "password": PASSWORD, "csrf_token": csrf(browser)}
        )
        assert answer.status_code == 303
        cookie = next(
            value
            for name, value in answer.headers.multi_items()
            if name == "set-cookie" and "orchardist" in value and "csrf" not in value
        )
        assert cookie.startswith("__Host-orchardist=")
        for part in ("Secure", "HttpOnly", "Path=/", "SameSite=strict"):
            assert part.lower() in cookie.lower()
        assert "domain=" not in cookie.lower()
        assert browser.get("/api/v1/people").status_code == 200


def test_wrong_passwords_are_answered_429_with_retry_after(people: dict[str, TestClient]) -> None:
    anonymous = people["anonymous"]
    for n in range(10):
        wrong = anonymous.post(
            "/sign-in",
            data={
                "email": "bob@example.org",
                "password": f"not it {n} at all",
                "csrf_token": csrf(anonymous),
            },
        )
        assert wrong.status_code == 401
    throttled = anonymous.post(
        "/sign-in", data={"email": "bob@example.org", "password": PASSWORD, "csrf_token": csrf(anonymous)}
    )
    assert throttled.status_code == 429 and 0 < int(throttled.headers["retry-after"]) <= 901
    assert "too many wrong tries" in throttled.text


def test_a_client_asks_for_the_weekly_digest_in_settings(
    people: dict[str, TestClient], the_cast: Cast
) -> None:
    alice = people["alice"]
    page = alice.get("/settings")
    assert page.status_code == 200
    assert 'id="agency-digest-heading"' in page.text and "alice@example.org" in page.text
    # The local app's own mail server, feed and file location are not a client's business here.
    assert 'id="mail-heading"' not in page.text and "/settings/feed" not in page.text
    assert "postgresql" not in page.text and "sqlite" not in page.text.lower().replace("sqlite3", "")
    saved = alice.post("/settings/weekly-email", data={"digest_weekday": "friday", "csrf_token": csrf(alice)})
    assert saved.status_code == 303
    assert '<option value="friday" selected>' in alice.get("/settings").text
    assert (
        alice.post(
            "/settings/weekly-email", data={"digest_weekday": "someday", "csrf_token": csrf(alice)}
        ).status_code
        == 400
    )
