"""Logging an interaction on the Person page: it shows on the timeline at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from orchardist.services.interactions import interactions_with
from tests.e2e.conftest import LiveServer, Visitor
from tests.e2e.sample import seed

pytestmark = pytest.mark.e2e


def test_an_interaction_logged_on_the_person_page_appears_on_the_timeline(
    visit: Visitor, live_server: LiveServer
) -> None:
    sample = seed(live_server.network)
    page, _seen = visit.open(f"/people/{sample.priya}")
    assert isinstance(page, Page)
    form = page.locator("form").filter(has=page.get_by_role("button", name="Log it"))

    form.get_by_label("Date").fill("2026-03-02")
    form.get_by_label("How").select_option(label="Phone call")
    form.get_by_label("Asked").check()
    form.get_by_label("Kind").fill("advice")
    form.get_by_label("Summary").fill("Asked how her team hires analysts")
    form.get_by_role("button", name="Log it").click()

    timeline = page.locator(".timeline-list > li")
    expect(timeline).to_have_count(3)
    expect(timeline.first).to_contain_text("Asked how her team hires analysts")
    expect(timeline.first).to_contain_text("Asked")
    expect(timeline.first).to_contain_text("Phone call")
    expect(timeline.first.locator("time")).to_have_attribute("datetime", "2026-03-02")
    expect(page.get_by_role("status")).to_have_text("Logged.")
    expect(page.locator("#last-contact time")).to_have_attribute("datetime", "2026-03-02")
    logged = interactions_with(live_server.network, sample.priya)
    assert [(item.summary, item.kind, item.direction.value) for item in logged][:1] == [
        ("Asked how her team hires analysts", "advice", "asked")
    ]


def test_a_missing_summary_is_explained_beside_the_field(visit: Visitor, live_server: LiveServer) -> None:
    sample = seed(live_server.network)
    page, seen = visit.open(f"/people/{sample.tom}")
    assert isinstance(page, Page)
    seen.allow(400)
    form = page.locator("form").filter(has=page.get_by_role("button", name="Log it"))
    form.get_by_label("Gave").check()
    form.get_by_label("Kind").fill("coffee")
    # The browser's own check would stop an empty summary; a single space passes it and the app refuses.
    form.get_by_label("Summary").fill(" ")
    form.get_by_role("button", name="Log it").click()
    expect(page.locator("#log-summary-error")).to_have_text("Write a few words about it.")
    expect(page.get_by_label("Summary")).to_have_attribute("aria-invalid", "true")
    assert interactions_with(live_server.network, sample.tom) == []
