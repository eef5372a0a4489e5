"""Today in Chromium: the home page, a thank-you owed logged from it, a snooze."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services.interactions import interactions_with, log_interaction
from orchardist.services.people import add_person, list_people
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
    expect(page.locator(".today-group h2").first).to_contain_text("Thank-you owed")
    expect(cards.first).to_contain_text("Grace Okafor")
    expect(cards.nth(1)).to_contain_text("Priya Raman")
    check_accessibility(page)

    # Logged from the card itself: the thank-you closes Grace's item and the page stays Today.
    cards.first.locator("summary", has_text="Log it").click()
    form = cards.first.get_by_role("form")
    expect(form.get_by_label("Kind")).to_have_value("thank you")
    form.get_by_label("Gave").check()
    form.get_by_label("Summary").fill("Thanked her for the advice")
    form.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("status")).to_contain_text("Logged your contact with Grace Okafor")
    assert page.url.split("?")[0].endswith("/today")
    assert [item.kind for item in interactions_with(live_server.network, grace)][0] == "thank_you"
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Priya Raman")

    # Snoozed from the card's menu, by keyboard: the message names her and the day, Undo brings her back.
    menu = cards.first.locator("details.card-menu > summary")
    menu.focus()
    page.keyboard.press("Enter")
    snooze = cards.first.get_by_role("button", name="Snooze a week")
    snooze.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Snoozed 1 person until")
    expect(page.get_by_role("status")).to_contain_text("Priya Raman")
    expect(page.get_by_role("heading", name="Nobody to tend today")).to_be_visible()
    expect(page.get_by_role("status")).to_be_focused()
    check_accessibility(page)
    page.get_by_role("button", name="Undo").click()
    expect(cards).to_have_count(1)
    expect(page.get_by_role("status")).to_contain_text("the snooze is undone")


def test_several_are_snoozed_together_and_the_focus_moves_to_the_next_card(
    visit: Visitor, live_server: LiveServer
) -> None:
    seed(live_server.network)
    for number, name in enumerate(("Ada Moreau", "Bo Lindqvist", "Chloé Tremblay", "Dev Anand")):
        person = add_person(live_server.network, Person(display_name=name, tier=Tier.INNER))
        log_interaction(
            live_server.network,
            [person.id or 0],
            direction=Direction.GAVE,
            kind="article",
            summary="x",
            on=date.today() - timedelta(days=200 + number),
        )
    page, _seen = visit.open("/today")
    assert isinstance(page, Page)
    cards = page.locator(".today-list > li")
    count = cards.count()
    assert count >= 3
    expect(page.locator(".today-totals")).to_contain_text("All")
    first_name = cards.first.locator("h3").inner_text()
    second_name = cards.nth(1).locator("h3").inner_text()
    third_name = cards.nth(2).locator("h3").inner_text()
    # Dismiss the second card: the third takes its place and has the focus.
    cards.nth(1).locator("details.card-menu > summary").click()
    cards.nth(1).get_by_role("button", name="Dismiss").click()
    expect(page.get_by_role("status")).to_contain_text(second_name)
    expect(cards).to_have_count(count - 1)
    expect(cards.nth(1).locator("article")).to_be_focused()
    expect(cards.nth(1)).to_contain_text(third_name)
    check_accessibility(page)
    # Tick two and snooze them together.
    cards.first.get_by_role("checkbox").check()
    cards.nth(1).get_by_role("checkbox").check()
    page.locator("#today-bulk").get_by_role("button", name="for a month").click()
    expect(page.get_by_role("status")).to_contain_text("Snoozed 2 people until")
    expect(page.get_by_role("status")).to_contain_text(first_name)
    expect(cards).to_have_count(count - 3)
