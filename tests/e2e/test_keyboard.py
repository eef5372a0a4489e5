"""Keyboard only: from the People page to a person and their log-an-interaction form, with focus
visible at every step and the form sent with Enter.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import LiveServer, Visitor
from tests.e2e.sample import seed

pytestmark = pytest.mark.e2e

# What the focused element is, and whether the page shows where the focus is (an outline or a ring).
# Pico draws the ring of a button inside a [role=group] around the whole group.
FOCUSED = """() => {
  const el = document.activeElement;
  const shows = (node) => {
    const style = getComputedStyle(node);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      || (style.boxShadow && style.boxShadow !== 'none');
  };
  const group = el.closest('[role=group]');
  const ring = shows(el) || (group !== null && shows(group));
  const label = el.labels && el.labels[0] ? el.labels[0].textContent.trim() : '';
  return {
    tag: el.tagName.toLowerCase(), id: el.id, type: el.type || '',
    name: (el.getAttribute('aria-label') || label || el.textContent || '').trim().slice(0, 60),
    visible: el === document.body || ring,
  };
}"""


def _tab_to(page: Page, wanted: str, *, limit: int = 40) -> dict[str, str]:
    """Press Tab until the focus is on the element whose id or name is ``wanted``; each stop must show
    where the focus is."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        stops.append(focused)
        assert focused["visible"], f"no visible focus on {focused}, after {stops[:-1]}"
        if wanted in (focused["id"], focused["name"]):
            return focused  # type: ignore[no-any-return]
    raise AssertionError(f"Tab never reached {wanted!r}; it went through {stops}")


def test_a_person_is_found_opened_and_an_interaction_logged_with_the_keyboard_alone(
    visit: Visitor, live_server: LiveServer
) -> None:
    sample = seed(live_server.network)
    page, _seen = visit.open("/people")
    assert isinstance(page, Page)
    # No transitions, so the focus ring is read as it settles, not halfway through fading in.
    page.emulate_media(reduced_motion="reduce")

    first = _tab_to(page, "Skip to content", limit=1)
    assert first["tag"] == "a"
    _tab_to(page, "people-search")
    page.keyboard.type("Priya")
    expect(page.locator(".people-table tbody tr")).to_have_count(1)
    _tab_to(page, "Priya Raman")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/people/{sample.priya}")

    _tab_to(page, "log-channel", limit=60)
    page.keyboard.type("Phone")  # a closed list picks the option whose name is typed
    expect(page.locator("#log-channel")).to_have_value("call")
    radio = _tab_to(page, "Gave")
    assert radio["type"] == "radio"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # the arrows move within the group: Asked
    expect(page.get_by_label("Asked")).to_be_checked()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Mutual")).to_be_checked()
    _tab_to(page, "log-kind")
    page.keyboard.type("call")
    _tab_to(page, "log-summary")
    page.keyboard.type("Talked through her team's plans for the spring")
    page.keyboard.press("Enter")

    newest = page.locator(".timeline-list > li").first
    expect(newest).to_contain_text("Talked through her team's plans for the spring")
    expect(newest).to_contain_text("Mutual")
    expect(newest).to_contain_text("Phone call")
    # After the timeline is replaced, the focus lands on the confirmation, not lost at the top.
    expect(page.get_by_role("status")).to_be_focused()
    assert page.evaluate(FOCUSED)["visible"]
