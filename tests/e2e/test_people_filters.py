"""The People page on a phone: the filters fold away behind one button unless one is set, and the bar that
tags the ticked people shows once someone is ticked; on a wide screen the filters stay open."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, LiveServer, Visitor
from tests.e2e.sample import seed

pytestmark = pytest.mark.e2e


def test_filters_fold_on_a_phone_and_the_tag_bar_waits_for_a_tick(
    visit: Visitor, live_server: LiveServer
) -> None:
    seed(live_server.network)
    page, _seen = visit.open("/people", viewport=PHONE)
    assert isinstance(page, Page)
    filters = page.locator("details.more-filters")
    expect(filters).not_to_have_attribute("open", "")
    expect(page.get_by_label("Tier")).to_be_hidden()
    expect(page.locator(".bulk-controls")).to_be_hidden()
    page.locator("input.pick").first.check()
    expect(page.locator(".bulk-controls")).to_be_visible()
    page.get_by_text("Filters and order").click()
    expect(page.get_by_label("Tier")).to_be_visible()

    narrowed, _seen = visit.open("/people?tier=inner", viewport=PHONE)
    assert isinstance(narrowed, Page)
    expect(narrowed.get_by_label("Tier")).to_be_visible()  # a filter that is set stays in sight

    wide, _seen = visit.open("/people", viewport=DESKTOP)
    assert isinstance(wide, Page)
    expect(wide.get_by_label("Tier")).to_be_visible()
    expect(wide.get_by_text("Filters and order")).to_be_hidden()
