"""The Presence, Pitch and Card pages at desktop and phone widths, in English and French: accessible
(axe, WCAG 2.1 AA), no sideways scrolling, no CSP or console errors, and a screenshot of each to look
at in test-artifacts/screenshots (``presence-desktop.png``, ``pitch-fr-phone.png``…)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from orchardist.services.card import set_card
from orchardist.services.discretion import set_about_me
from orchardist.services.network import Network
from orchardist.services.pitch import log_practice, set_parts
from orchardist.services.presence import add_profile
from tests.e2e.conftest import DESKTOP, PHONE, LiveServer, Visitor, check_accessibility, screenshot

pytestmark = pytest.mark.e2e


def seed_self(network: Network) -> None:
    """Amélie, quietly looking: three profiles that disagree, a pitch, a practice and a card."""
    set_about_me(network, {"my_name": "Amélie Côté", "employer": "Maple Health", "search_mode": "discreet"})
    add_profile(
        network,
        "linkedin",
        {
            "display_name": "Amélie Côté",
            "headline": "Data analyst · seeking new opportunities",
            "title": "Data Analyst",
            "employer": "Maple Health Inc.",
            "location": "Montréal, QC",
            "open_to_work": True,
            "url": "https://www.linkedin.com/in/amelie-cote",
            "position_start": "2021-03",
            "reviewed_on": date.today() - timedelta(days=30),
        },
    )
    add_profile(
        network, "facebook", {"display_name": "Amy Cote", "title": "Student", "visibility": "contacts"}
    )
    add_profile(
        network,
        "resume",
        {
            "display_name": "Amélie Côté",
            "title": "Data Analyst",
            "employer": "Maple Health",
            "position_start": "2021-05",
        },
    )
    set_parts(
        network,
        {
            "who": "I’m Amélie Côté, a data analyst in health care.",
            "best": "I turn messy hospital data into dashboards that nurses actually use; last year one cut "
            "emergency wait times by a fifth.",
            "exploring": "I’m curious about public health agencies: how they plan for flu season, how they "
            "share what they learn with hospitals, and the small teams that build and run their forecasting "
            "tools.",
            "ask": "Who would you suggest I talk to about forecasting in public health?",
        },
    )
    log_practice(network, "Data meetup", "Too fast; slow down on the ask", on=date.today())
    set_card(
        network, {"phone": "+1 514 555 0199", "email": "amelie@example.org", "line": "Dashboards nurses use"}
    )


PAGES = [("presence", "/presence"), ("pitch", "/pitch"), ("card", "/card"), ("capture-pitch", "/capture")]


@pytest.mark.slow
@pytest.mark.parametrize("language", [None, "fr_CA"], ids=["en", "fr"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_pages_at_both_widths_in_both_languages(
    language: str | None, viewport: dict[str, int], visit: Visitor, live_server: LiveServer
) -> None:
    seed_self(live_server.network)
    for name, path in PAGES:
        page, _seen = visit.open(path, viewport=viewport, language=language)
        assert isinstance(page, Page)
        expect(page.locator("h1")).to_have_count(1)
        if name == "capture-pitch":
            page.locator(".pitch-at-hand summary").click()
        check_accessibility(page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {viewport['width']}px"
        screenshot(page, f"{name}-fr" if language else name)


def test_a_profile_is_reviewed_and_the_card_downloaded(visit: Visitor, live_server: LiveServer) -> None:
    seed_self(live_server.network)
    page, _seen = visit.open("/presence")
    assert isinstance(page, Page)
    expect(page.locator(".checklist .open")).to_have_count(6)
    page.locator("#profile-facebook summary").click()
    page.locator("#profile-facebook").get_by_role("button", name="I read it through today").click()
    expect(page.get_by_text("Marked reviewed today.")).to_be_visible()
    card, _seen = visit.open("/card")
    assert isinstance(card, Page)
    expect(card.locator(".card-preview img")).to_have_js_property("complete", True)
    assert card.locator(".card-preview img").evaluate("image => image.naturalWidth") > 0
    with card.expect_download() as download:
        card.get_by_role("button", name="10 cards to print, A4 (PDF)").click()
    assert download.value.suggested_filename == "cards-a4.pdf"
