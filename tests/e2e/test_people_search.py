"""Finding someone on the People page by typing (htmx search as you type), then opening them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import LiveServer, Visitor
from tests.e2e.sample import seed

pytestmark = pytest.mark.e2e


def test_typing_narrows_the_list_without_reloading_and_opens_the_person(
    visit: Visitor, live_server: LiveServer
) -> None:
    sample = seed(live_server.network)
    page, _seen = visit.open("/people")
    assert isinstance(page, Page)
    rows = page.locator(".people-table tbody tr")
    expect(rows).to_have_count(8)
    page.evaluate("window.notReloaded = true")

    with page.expect_response(lambda response: "/people?" in response.url and "q=maple" in response.url):
        page.get_by_label("Search by name, organisation, title, tag, place or notes").press_sequentially(
            "maple", delay=30
        )
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Priya Raman")
    expect(page.locator("#result-count")).to_have_text("1–1 of 1")
    assert page.evaluate("window.notReloaded") is True, "the search must not reload the page"
    assert page.url == live_server.url + "/people"

    page.get_by_role("link", name="Priya Raman").click()
    expect(page).to_have_url(f"{live_server.url}/people/{sample.priya}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Priya Raman")


def test_a_search_that_finds_nobody_says_what_to_do(visit: Visitor, live_server: LiveServer) -> None:
    seed(live_server.network)
    page, _seen = visit.open("/people")
    assert isinstance(page, Page)
    page.get_by_label("Search by name, organisation, title, tag, place or notes").fill("zzqx")
    expect(page.get_by_role("heading", name="No one matches")).to_be_visible()
    page.get_by_role("link", name="Show everyone").last.click()
    expect(page.locator(".people-table tbody tr")).to_have_count(8)
