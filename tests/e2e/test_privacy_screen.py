"""The privacy screen: one button (or Alt+P) blurs names, notes and messages for screen sharing, stays on
from page to page until turned off, and says whether it is on (aria-pressed)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from orchardist.services.discretion import set_about_me
from tests.e2e.conftest import DESKTOP, PHONE, LiveServer, Visitor, check_accessibility, screenshot
from tests.e2e.sample import seed

pytestmark = pytest.mark.e2e

LABELS = {None: ("Privacy screen", "People"), "fr_CA": ("Écran de confidentialité", "Personnes")}


def _blurred(locator: Locator) -> bool:
    return "blur" in str(locator.evaluate("element => getComputedStyle(element).filter"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("language", [None, "fr_CA"], ids=["en", "fr"])
def test_the_privacy_screen_blurs_names_across_pages_until_turned_off(
    visit: Visitor, live_server: LiveServer, viewport: dict[str, int], language: str | None
) -> None:
    sample = seed(live_server.network)
    set_about_me(live_server.network, {"employer": "Maple Health", "search_mode": "discreet"})
    page, _seen = visit.open(f"/people/{sample.priya}", viewport=viewport, language=language)
    assert isinstance(page, Page)
    toggle_name, people_link = LABELS[language]
    toggle = page.get_by_role("button", name=toggle_name)
    name = page.get_by_role("heading", level=1)
    expect(toggle).to_have_attribute("aria-pressed", "false")
    assert not _blurred(name)

    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert _blurred(name) and _blurred(page.locator(".timeline-list"))
    assert not _blurred(page.locator("#timeline-heading")) and not _blurred(toggle)
    suffix = "" if language is None else "-fr"
    check_accessibility(page)
    screenshot(page, f"privacy-person{suffix}")

    # Another page: blurred from the start, the button still pressed.
    page.get_by_role("link", name=people_link, exact=True).first.click()
    expect(page.locator("html")).to_have_class("privacy-screen")
    expect(page.get_by_role("button", name=toggle_name)).to_have_attribute("aria-pressed", "true")
    assert _blurred(page.locator("tbody").first)
    screenshot(page, f"privacy-people{suffix}")

    # Alt+P turns it off and on again; the button turns it off for good.
    page.keyboard.press("Alt+KeyP")
    expect(page.get_by_role("button", name=toggle_name)).to_have_attribute("aria-pressed", "false")
    assert not _blurred(page.locator("tbody").first)
    page.keyboard.press("Alt+KeyP")
    assert _blurred(page.locator("tbody").first)
    page.get_by_role("button", name=toggle_name).click()
    page.goto(f"/people/{sample.priya}")
    expect(page.get_by_role("button", name=toggle_name)).to_have_attribute("aria-pressed", "false")
    assert not _blurred(page.get_by_role("heading", level=1))


def test_the_button_is_reached_with_the_keyboard(visit: Visitor, live_server: LiveServer) -> None:
    seed(live_server.network)
    page, _seen = visit.open("/today")
    assert isinstance(page, Page)
    page.emulate_media(reduced_motion="reduce")
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.privacyToggle !== undefined"):
            break
    else:
        raise AssertionError("Tab never reached the privacy screen's button")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_class("privacy-screen")
    page.keyboard.press("Space")
    expect(page.locator("html")).not_to_have_class("privacy-screen")
