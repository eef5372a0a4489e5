"""Nobody else gets in: with an access passcode set, every request needs a signed-in session."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2
import pytest
from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.access import AccessWatch, access, clear_passcode, set_passcode
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.reminders import new_feed
from orchardist.store.engine import Store
from orchardist.web.access import SESSION_COOKIE, SIGN_IN_ASSETS, Sessions, Throttle
from orchardist.web.app import create_app
from orchardist.web.security import CSRF_COOKIE

PASSCODE = "orchard in bloom"
HTML = {"accept": "text/html"}
# From another computer on the network: TestClient's own address is "testclient".
LAN = "192.168.1.23"


@pytest.fixture
def locked(network: Network) -> Network:
    add_person(network, Person(display_name="Ada Lovelace"))
    set_passcode(network, PASSCODE)
    return network


def browser(network: Network, *, shared: bool = False) -> TestClient:
    """A browser on another computer: its first visit gets the CSRF cookie, as any page gives."""
    client = TestClient(create_app(network, shared=shared), base_url="http://localhost", client=(LAN, 50000))
    client.get("/sign-in", headers=HTML)
    return client


def sign_in(client: TestClient, passcode: str = PASSCODE, next_path: str = "/") -> httpx2.Response:
    return client.post(
        "/sign-in",
        data={"csrf_token": client.cookies.get(CSRF_COOKIE), "passcode": passcode, "next": next_path},
        headers=HTML,
        follow_redirects=False,
    )


@pytest.fixture
def visitor(locked: Network) -> Iterator[TestClient]:
    with browser(locked) as client:
        yield client


def test_without_a_passcode_on_this_computer_nothing_changes(client: TestClient) -> None:
    assert client.get("/people", headers=HTML).status_code == 200
    assert client.get("/api/v1/people").status_code == 200
    assert SESSION_COOKIE not in client.cookies


def test_every_page_api_and_asset_needs_a_session(visitor: TestClient) -> None:
    page = visitor.get("/people?q=ada", headers=HTML, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/sign-in?next=/people%3Fq%3Dada"
    for path in ("/api/v1/people", "/export/json", "/api/v1/openapi.json"):
        refused = visitor.get(path)
        assert refused.status_code == 401 and "Ada" not in refused.text, path
        assert refused.headers["www-authenticate"].startswith("Cookie")
    assert visitor.get("/static/people.js").status_code == 401
    created = visitor.post("/api/v1/people", json={"name": "Eve"})
    assert created.status_code == 401
    assert (
        visitor.post("/capture", data={"name": "Eve"}, headers=HTML, follow_redirects=False).status_code
        == 303
    )


def test_only_what_the_sign_in_page_needs_and_the_feed_are_open(locked: Network, visitor: TestClient) -> None:
    for asset in SIGN_IN_ASSETS:
        assert visitor.get(asset).status_code == 200, asset
    token = new_feed(locked)
    assert visitor.get(f"/feed/{token}.ics").status_code == 200
    assert visitor.get("/feed/wrong.ics").status_code == 404


def test_htmx_is_sent_to_the_sign_in_page(visitor: TestClient) -> None:
    response = visitor.get("/people/suggestions?q=a", headers={"hx-request": "true", **HTML})
    assert response.status_code == 401 and response.headers["hx-redirect"] == "/sign-in"


def test_the_right_passcode_gives_a_strict_session_and_the_page_asked_for(visitor: TestClient) -> None:
    page = visitor.get("/sign-in?next=/people", headers=HTML)
    assert page.status_code == 200
    assert page.template.name == "access/sign_in.html"  # type: ignore[attr-defined]
    assert "Enter the access passcode" in page.text and "<script" not in page.text
    assert "Ada" not in page.text
    response = sign_in(visitor, next_path="/people")
    assert response.status_code == 303 and response.headers["location"] == "/people"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Max-Age" not in cookie and "expires" not in cookie.lower()  # ends with the browser
    assert visitor.get("/api/v1/people").json()["total"] == 1
    people = visitor.get("/people", headers=HTML)
    assert "Ada Lovelace" in people.text and 'action="/sign-out"' in people.text


def test_a_wrong_passcode_is_refused_and_named_on_the_page(visitor: TestClient) -> None:
    response = sign_in(visitor, "orchard in winter")
    assert response.status_code == 401
    assert response.context["error"] == "That is not the access passcode."  # type: ignore[attr-defined]
    assert 'aria-invalid="true"' in response.text and SESSION_COOKIE not in visitor.cookies
    assert visitor.get("/api/v1/people").status_code == 401


def test_signing_in_needs_the_forms_token(visitor: TestClient) -> None:
    response = visitor.post("/sign-in", data={"passcode": PASSCODE}, headers=HTML, follow_redirects=False)
    assert response.status_code == 403 and SESSION_COOKIE not in visitor.cookies


def test_the_next_page_is_always_one_of_this_app(visitor: TestClient) -> None:
    for elsewhere in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        assert sign_in(visitor, next_path=elsewhere).headers["location"] == "/"


def test_a_forged_or_foreign_session_is_refused(locked: Network, visitor: TestClient) -> None:
    for forged in ("x", "a.b.c", Sessions().new(access(locked))):
        visitor.cookies.set(SESSION_COOKIE, forged)
        assert visitor.get("/api/v1/people").status_code == 401


def test_changing_or_clearing_the_passcode_ends_every_session(locked: Network, visitor: TestClient) -> None:
    sign_in(visitor)
    assert visitor.get("/api/v1/people").status_code == 200
    set_passcode(locked, PASSCODE)  # the same words again: still a new passcode
    assert visitor.get("/api/v1/people").status_code == 401
    sign_in(visitor)
    assert visitor.get("/api/v1/people").status_code == 200
    clear_passcode(locked)
    set_passcode(locked, "another passcode")
    assert visitor.get("/api/v1/people").status_code == 401


def test_a_passcode_changed_by_another_program_holds_at_the_next_request(
    store: Store, locked: Network, visitor: TestClient
) -> None:
    # As ``orchardist passcode set`` does while the server runs: connections of its own.
    elsewhere = Store(store.url.render_as_string(hide_password=False))
    try:
        other = Network(elsewhere, locked.space_id)
        sign_in(visitor)
        for _ in range(3):  # read once, then known without reading
            assert visitor.get("/api/v1/people").status_code == 200
        set_passcode(other, PASSCODE)
        assert visitor.get("/api/v1/people").status_code == 401
        sign_in(visitor)
        assert visitor.get("/api/v1/people").status_code == 200
        clear_passcode(other)
        assert visitor.get("/api/v1/people").status_code == 200, "no passcode: open on this computer again"
        assert visitor.get("/sign-in", headers=HTML, follow_redirects=False).status_code == 303
    finally:
        elsewhere.dispose()


def test_the_gate_reads_the_passcode_again_only_after_a_change(locked: Network) -> None:
    watch = AccessWatch(locked)
    assert watch.known() is None, "nothing read yet"
    now = watch.read()
    assert now == access(locked) and now.passcode_set
    if not locked.on_sqlite_file:
        assert watch.known() is None, "PostgreSQL: read on every request"
        return
    assert watch.known() == now
    add_person(locked, Person(display_name="Grace Hopper"))
    assert watch.known() is None, "any commit: read again"
    assert watch.read() == now and watch.known() == now
    set_passcode(locked, "a new passcode")
    assert watch.known() is None
    assert watch.read().stamp != now.stamp


def test_signing_out_ends_the_session_even_if_its_cookie_is_kept(visitor: TestClient) -> None:
    sign_in(visitor)
    kept = visitor.cookies[SESSION_COOKIE]
    response = visitor.post(
        "/sign-out", data={"csrf_token": visitor.cookies[CSRF_COOKIE]}, headers=HTML, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/sign-in"
    visitor.cookies.set(SESSION_COOKIE, kept)
    assert visitor.get("/api/v1/people").status_code == 401


def test_a_server_restart_ends_the_sessions(locked: Network, visitor: TestClient) -> None:
    sign_in(visitor)
    kept = visitor.cookies[SESSION_COOKIE]
    with browser(locked) as restarted:
        restarted.cookies.set(SESSION_COOKIE, kept)
        assert restarted.get("/api/v1/people").status_code == 401


def test_a_shared_app_with_no_passcode_answers_nobody(network: Network) -> None:
    add_person(network, Person(display_name="Ada Lovelace"))
    with browser(network, shared=True) as client:
        page = client.get("/people", headers=HTML)
        assert page.status_code == 503 and "orchardist passcode set" in page.text and "Ada" not in page.text
        assert client.get("/api/v1/people").status_code == 503
        assert client.get("/sign-in", headers=HTML).status_code == 503


def test_on_this_computer_with_no_passcode_the_sign_in_page_steps_aside(client: TestClient) -> None:
    response = client.get("/sign-in?next=/today", headers=HTML, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/today"


def test_the_sign_in_page_speaks_french(visitor: TestClient) -> None:
    page = visitor.get("/sign-in", headers={"accept": "text/html", "accept-language": "fr-CA"})
    assert "Entrez le code d’accès" in page.text and '<html lang="fr-CA"' in page.text
    assert "<title>Se connecter · Orchardist</title>" in page.text


def test_wrong_tries_are_throttled_per_address_with_retry_after(visitor: TestClient) -> None:
    for _ in range(5):
        assert sign_in(visitor, "not the passcode").status_code == 401
    throttled = sign_in(visitor)  # even the right passcode waits now
    # 30 seconds from the fifth wrong try (which took a moment to check).
    assert throttled.status_code == 429 and 20 <= int(throttled.headers["retry-after"]) <= 30
    assert "wait 1 minute" in throttled.context["error"]  # type: ignore[attr-defined]
    assert SESSION_COOKIE not in visitor.cookies


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def wrong_tries(throttle: Throttle, clock: Clock, address: str, count: int) -> None:
    """``count`` wrong tries from ``address``, each made as soon as it is allowed."""
    for _ in range(count):
        wait = throttle.start(address)
        if wait:
            clock.now += wait
            assert throttle.start(address) == 0.0


def test_the_wait_grows_and_the_right_passcode_starts_afresh() -> None:
    clock = Clock()
    throttle = Throttle(clock=clock)
    wrong_tries(throttle, clock, LAN, 4)
    assert throttle.start(LAN) == 0.0  # the fifth try may still be made
    assert throttle.start(LAN) == 30.0
    wrong_tries(throttle, clock, LAN, 3)
    assert throttle.start(LAN) == 30.0 * 2**3  # 30 s, 1 min, 2 min, then 4 min
    assert throttle.start("192.168.1.24") == 0.0  # another computer is not held up
    clock.now += 240
    assert throttle.start(LAN) == 0.0
    throttle.succeeded(LAN)
    assert [throttle.start(LAN) for _ in range(5)] == [0.0] * 5


def test_the_longest_wait_is_an_hour_and_ipv6_counts_per_network() -> None:
    clock = Clock()
    throttle = Throttle(clock=clock)
    wrong_tries(throttle, clock, "2001:db8::1", 20)
    assert throttle.start("2001:db8::ffff") == 3600.0  # the same /64 network
    assert throttle.start("2001:db8:0:1::1") == 0.0
    assert Throttle.who("::ffff:192.168.1.23") == "192.168.1.23"


def test_a_signed_in_script_reads_and_changes_through_the_api(visitor: TestClient) -> None:
    sign_in(visitor)
    token = visitor.cookies[CSRF_COOKIE]
    created = visitor.post("/api/v1/people", json={"name": "Ana"}, headers={"X-CSRF-Token": token})
    assert created.status_code == 201, created.text
    assert visitor.get("/api/v1/people").json()["total"] == 2


def test_many_addresses_do_not_multiply_the_tries() -> None:
    clock = Clock()
    throttle = Throttle(clock=clock)
    for number in range(50):
        assert throttle.start(f"10.0.{number // 250}.{number % 250}") == 0.0
    assert throttle.start("10.0.9.9") == 30.0  # a fresh address, but 50 wrong tries in a row in all
    clock.now += 30
    throttle.succeeded("10.0.0.1")
    assert throttle.start("10.0.9.9") == 0.0
