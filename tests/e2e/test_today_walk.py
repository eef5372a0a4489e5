"""Today in Chromium: the home page, a thank-you owed logged from it, a snooze."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from orchardist.domain.interactions import Direction
from orchardist.services.interactions import interactions_with, log_interaction
from orchardist.services.people import list_people
from tests.e2e.conftest import LiveServer, Visitor, check_accessibility
from tests.e2e.sample import seed

pytestmark = pytest.mark.e2e


def test_today_is_home_and_its_actions_work(visit: Visitor, live_server: LiveServer) -> None:
    seed(live_server.network)
    grace = next(
        item.person.id for item in list_people(live_server.network) if item.person.given_name == "Grace"
    )
    assert grace is not None
    log_interaction(
        live_server.network,
        [grace],
        direction=Direction.ASKED,
        kind="coffee",
        summary="Advice",
        on=date.today(),
    )
    page, _seen = visit.open("/")
    assert isinstance(page, Page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Today")
    cards = page.locator(".today-list > li")
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("Thank-you owed")
    expect(cards.first).to_contain_text("Grace Okafor")
    expect(cards.nth(1)).to_contain_text("Priya Raman")
    check_accessibility(page)

    cards.first.get_by_role("button", name="Log it").click()
    form = page.locator("form").filter(has=page.get_by_role("button", name="Log it"))
    expect(form.get_by_label("Kind")).to_have_value("thank you")
    form.get_by_label("Gave").check()
    form.get_by_label("Summary").fill("Thanked her for the advice")
    form.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("status")).to_have_text("Logged.")
    assert [item.kind for item in interactions_with(live_server.network, grace)][0] == "thank_you"

    page.get_by_role("link", name="Today", exact=True).first.click()
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Priya Raman")
    cards.first.get_by_role("button", name="Snooze a week").click()
    expect(page.get_by_role("status")).to_contain_text("Snoozed")
    expect(page.get_by_role("heading", name="Nobody to tend today")).to_be_visible()
    check_accessibility(page)
