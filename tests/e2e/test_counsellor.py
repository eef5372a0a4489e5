"""The agency server in Chromium: a counsellor signs in with a one-time code and invites a client; the
client sets up their account and chooses what to share; the counsellor sees the caseload and the client's
file; the client withdraws a group and the counsellor's next page no longer shows it; the client reads
who saw their data. Screenshots at desktop and phone widths, in English and French; axe on each page."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta

import pyotp
import pytest
import uvicorn

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services import accounts
from orchardist.services.interactions import log_contact
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.server import Server
from orchardist.store.engine import Store
from orchardist.web.server_app import create_server_app
from tests.e2e.conftest import (
    DESKTOP,
    PHONE,
    _free_port,
    check_accessibility,
    screenshot,
    watch,
)

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("store", ["postgres"], indirect=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def agency(store: Store, quick_passwords: None) -> Iterator[tuple[str, Server, str]]:
    """The server on a free port, with the agency North and its counsellor Carol (her TOTP secret)."""
    server = Server(store)
    accounts.create_agency(server, "North", "admin@north.example")
    invitation = accounts.add_counsellor(server, "North", "carol@north.example", "Carol")
    secret = accounts.new_totp_secret()
    accounts.complete_setup(
        server, invitation.token, password=PASSWORD, totp_secret=secret, code=pyotp.TOTP(secret).now()
    )
    port = _free_port()
    running = uvicorn.Server(
        uvicorn.Config(create_server_app(server), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", server, secret
    running.should_exit = True
    thread.join(timeout=10)


def test_invitation_grant_caseload_withdrawal_and_the_access_log(
    browser: object, agency: tuple[str, Server, str]
) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    origin, server, secret = agency
    watches = []

    def context(language: str = "en_CA", viewport: dict[str, int] = DESKTOP):  # type: ignore[no-untyped-def]
        made = browser.new_context(base_url=origin, viewport=viewport, locale="en-CA")
        made.add_cookies([{"name": "orchardist_lang", "value": language, "url": origin}])
        made.set_default_timeout(10_000)
        page = made.new_page()
        watches.append(watch(page, origin, (401, 404)))
        return made, page

    # Carol signs in: password, then the code of the next time step (the set-up used this one).
    carol_context, carol = context()
    carol.goto("/caseload")
    expect(carol).to_have_url(f"{origin}/sign-in?next=/caseload")
    check_accessibility(carol)
    screenshot(carol, "server-sign-in")
    carol.get_by_label("E-mail address").fill("carol@north.example")
    carol.get_by_label("Password").fill(PASSWORD)
    carol.get_by_role("button", name="Sign in").click()
    expect(carol).to_have_url(f"{origin}/sign-in/code?next=/caseload")
    carol.get_by_label("The 6-digit code").fill(pyotp.TOTP(secret).at(time.time() + 30))
    carol.get_by_role("button", name="Continue").click()
    expect(carol.get_by_role("heading", name="Caseload")).to_be_visible()

    # She invites Alice.
    carol.get_by_role("button", name="Invite a client").click()
    carol.get_by_label("Their e-mail address").fill("alice@example.org")
    carol.get_by_label("Their name (they can change it)").fill("Alice Tremblay")
    carol.get_by_role("button", name="Make the invitation link").click()
    link = carol.get_by_label("Invitation link").input_value()
    assert "/setup/" in link

    # Alice sets up her account and shares progress, activity and people.
    alice_context, alice = context()
    alice.goto(link.removeprefix(origin))
    expect(alice.get_by_text("invited by Carol")).to_be_visible()
    check_accessibility(alice)
    screenshot(alice, "server-setup")
    alice.get_by_label("Choose a password").fill(PASSWORD)
    alice.get_by_role("checkbox", name=re.compile(r"^People")).check()
    alice.get_by_role("button", name="Set up my account").click()
    expect(alice.locator('a[href="/sharing"]').first).to_be_attached()
    # Her network gets someone and a contact, as an import and a log would.
    client = next(
        account
        for account, _ in accounts.agencies_overview(server)[0].accounts
        if account.email == "alice@example.org"
    )
    network = _fresh(server, client.id)
    person = add_person(
        network,
        Person(display_name="Zephyrine Quartermain", organisation="Maple Health", notes="PRIVATE NOTE"),
    )
    assert person.id is not None
    log_contact(
        network,
        [person.id],
        direction=Direction.GAVE,
        kind="coffee",
        summary="PRIVATE SUMMARY",
        on=date.today() - timedelta(days=1),
    )

    # Carol's caseload and Alice's file.
    carol.goto("/caseload")
    row = carol.get_by_role("row", name="Alice Tremblay")
    expect(row).to_contain_text("1 / 0")
    check_accessibility(carol)
    screenshot(carol, "server-caseload")
    carol.get_by_role("link", name="Alice Tremblay").click()
    expect(carol.get_by_role("rowheader", name="Zephyrine Quartermain")).to_be_visible()
    expect(carol.get_by_text("PRIVATE NOTE")).to_have_count(0)
    expect(carol.get_by_text("PRIVATE SUMMARY")).to_have_count(0)
    check_accessibility(carol)
    screenshot(carol, "server-client")
    file_path = carol.url.removeprefix(origin)

    # Alice withdraws "people": Carol's next page no longer shows the name.
    alice.goto("/sharing")
    alice.get_by_role("checkbox", name=re.compile(r"^People")).uncheck()
    alice.get_by_role("button", name="Save what Carol may see").click()
    expect(alice.get_by_text("Saved: it holds from now on.")).to_be_visible()
    carol.goto(file_path)
    expect(carol.get_by_text("Zephyrine Quartermain")).to_have_count(0)
    expect(carol.get_by_role("region", name="People")).to_contain_text("not shared")

    # Alice reads who saw her data.
    alice.goto("/sharing")
    log = alice.get_by_role("table")
    expect(log).to_contain_text("Carol")
    expect(log).to_contain_text("your file")
    check_accessibility(alice)
    screenshot(alice, "server-sharing")

    # The same pages on a phone and in French.
    for language, viewport, suffix in (
        ("en_CA", PHONE, ""),
        ("fr_CA", DESKTOP, "-fr"),
        ("fr_CA", PHONE, "-fr"),
    ):
        for owner, path, name in (
            (carol_context, "/caseload", "server-caseload"),
            (carol_context, file_path, "server-client"),
            (alice_context, "/sharing", "server-sharing"),
        ):
            owner.add_cookies([{"name": "orchardist_lang", "value": language, "url": origin}])
            page = owner.new_page()
            page.set_viewport_size(viewport)
            watches.append(watch(page, origin))
            page.goto(path)
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= viewport["width"], f"{path} at {viewport['width']} px scrolls sideways ({wide} px)"
            screenshot(page, name + suffix)
            if language == "fr_CA":
                assert page.locator("html").get_attribute("lang") == "fr-CA"
            page.close()
    for made in (carol_context, alice_context):
        made.close()
    for seen in watches:
        seen.check()


def _fresh(server: Server, account_id: int) -> Network:
    with server.reading() as unit:
        account = unit.accounts.get(account_id)
    assert account is not None
    network = server.network_of(account)
    assert network is not None
    return network
