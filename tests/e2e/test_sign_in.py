"""Signing in with the access passcode in Chromium: refused, then let in, then signed out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from orchardist.services.access import set_passcode
from tests.e2e.conftest import LiveServer, Visitor, check_accessibility, screenshot
from tests.e2e.sample import seed

pytestmark = pytest.mark.e2e

PASSCODE = "orchard in bloom"


def test_a_browser_signs_in_reaches_the_page_it_asked_for_and_signs_out(
    visit: Visitor, live_server: LiveServer
) -> None:
    seed(live_server.network)
    set_passcode(live_server.network, PASSCODE)
    page, seen = visit.open("/people?q=priya")
    assert isinstance(page, Page)
    expect(page).to_have_url(re.compile(r"/sign-in\?next="))
    expect(page).to_have_title("Sign in · Orchardist")
    assert "Priya" not in page.content()
    field = page.get_by_label("Enter the access passcode")
    expect(field).to_be_focused()
    check_accessibility(page)
    screenshot(page, "sign-in")

    seen.allow(401)
    field.fill("orchard in winter")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("That is not the access passcode.")
    expect(field).to_have_attribute("aria-invalid", "true")
    check_accessibility(page)

    page.get_by_label("Enter the access passcode").fill(PASSCODE)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/people?q=priya")
    expect(page.get_by_role("link", name="Priya Raman")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{live_server.url}/sign-in")
    page.goto("/today")
    expect(page).to_have_url(re.compile(r"/sign-in\?next=/today$"))


def test_the_sign_in_page_in_french(visit: Visitor, live_server: LiveServer) -> None:
    set_passcode(live_server.network, PASSCODE)
    page, _seen = visit.open("/", language="fr_CA")
    assert isinstance(page, Page)
    expect(page).to_have_title("Se connecter · Orchardist")
    expect(page.get_by_label("Entrez le code d’accès")).to_be_visible()
    expect(page.get_by_role("button", name="Se connecter")).to_be_visible()
    check_accessibility(page)
