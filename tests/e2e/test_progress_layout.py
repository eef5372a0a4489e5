"""Progress in Chromium: the goal's button is as tall as its box, and the weeks' table fits a phone
without scrolling sideways (each week a small card), in English and in French."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page

from orchardist.domain.interactions import Direction
from orchardist.services.interactions import log_interaction
from tests.e2e.conftest import DESKTOP, PHONE, LiveServer, Visitor
from tests.e2e.sample import Sample, seed

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", [None, "fr_CA"], ids=["en", "fr"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_goal_button_matches_its_box_and_the_weeks_fit(
    viewport: dict[str, int], language: str | None, visit: Visitor, live_server: LiveServer
) -> None:
    sample: Sample = seed(live_server.network)
    log_interaction(
        live_server.network,
        [sample.priya],
        direction=Direction.GAVE,
        kind="article",
        summary="x",
        on=date.today() - timedelta(days=30),
    )
    page, _seen = visit.open("/progress", viewport=viewport, language=language)
    assert isinstance(page, Page)
    box = page.locator("#weekly-goal").bounding_box()
    button = page.locator(".goal-form button").bounding_box()
    assert box is not None and button is not None
    assert abs(box["height"] - button["height"]) <= 1, (box, button)
    assert abs(box["y"] - button["y"]) <= 1
    region = page.locator(".weeks-table").evaluate(
        "table => [table.closest('.table-region').scrollWidth, table.closest('.table-region').clientWidth]"
    )
    assert region[0] <= region[1], f"the weeks' table scrolls sideways: {region}"
    assert page.locator(".empty-weeks").count() >= 1
