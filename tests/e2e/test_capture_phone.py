"""Quick capture of a chance encounter on a phone-sized screen."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from orchardist.services.interactions import interactions_with
from orchardist.services.people import list_people
from tests.e2e.conftest import PHONE, LiveServer, Visitor, check_accessibility

pytestmark = pytest.mark.e2e


def test_a_chance_encounter_is_saved_from_a_phone_in_a_few_steps(
    visit: Visitor, live_server: LiveServer
) -> None:
    page, _seen = visit.open("/capture", viewport=PHONE)
    assert isinstance(page, Page)
    started = time.monotonic()
    who = page.get_by_label("Who did you meet?")
    expect(who).to_be_focused()  # ready to type as soon as the page opens
    who.fill("Lena, volunteer at the food bank")
    page.get_by_label("Where?").fill("Bus stop on King St")
    page.get_by_label("What did you talk about?").fill("Her food bank needs a data volunteer")
    page.get_by_label("A lead, if any").fill("Volunteer coordinator: Wei")
    save = page.get_by_role("button", name="Save")
    box = save.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= PHONE["width"] * 0.8, box
    save.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Saved")
    expect(page.get_by_role("status")).to_have_text(
        "Lena, volunteer at the food bank is in your network now."
    )
    expect(page.locator(".capture-saved")).to_contain_text("Bus stop on King St")
    assert time.monotonic() - started < 30
    check_accessibility(page)

    [person] = [item.person for item in list_people(live_server.network)]
    assert person.where_met == "Bus stop on King St"
    [encounter] = interactions_with(live_server.network, person.id or 0)
    assert "Volunteer coordinator: Wei" in encounter.notes

    page.get_by_role("button", name="Open Lena, volunteer at the food bank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lena, volunteer at the food bank")
    expect(page.locator(".timeline-list")).to_contain_text("Her food bank needs a data volunteer")


def test_saving_without_anyone_says_what_to_write(visit: Visitor) -> None:
    page, seen = visit.open("/capture", viewport=PHONE)
    assert isinstance(page, Page)
    seen.allow(400)
    page.get_by_label("Where?").fill("Library")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Write a name, or a few words to remember them by.")
    expect(page.get_by_label("Who did you meet?")).to_be_focused()
    expect(page.get_by_label("Where?")).to_have_value("Library")
