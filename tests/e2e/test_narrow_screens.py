"""Every page at the narrowest phones, in English and in French: nothing scrolls sideways, and no text is
squeezed into a column a few letters wide (a French label beside its value once did that)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import LiveServer, Visitor
from tests.e2e.test_every_page import SCREENS, Sample, seed

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}
WIDTHS = (375, 320)
PATHS = [screen for screen in SCREENS if screen.path is not None and screen.status == 200]

# Elements holding ten characters or more of their own text, wrapped onto three lines or more in a
# column narrower than ten characters.
SQUEEZED = """() => {
  const probe = document.createElement("span");
  probe.style.display = "inline-block";
  probe.style.width = "10ch";
  document.body.appendChild(probe);
  const ten = probe.getBoundingClientRect().width;
  probe.remove();
  const found = [];
  for (const element of document.querySelectorAll("body *")) {
    if (element.closest(".phone-bar")) continue;  // the bar's labels are two short lines by design
    const texts = [...element.childNodes].filter((node) => node.nodeType === 3);
    const own = texts.map((node) => node.textContent).join("").trim();
    const box = element.getBoundingClientRect();
    // Wrapped onto three lines or more within less than ten characters (a visually hidden heading,
    // one pixel wide, is not shown at all).
    const line = parseFloat(getComputedStyle(element).lineHeight) || 20;
    if (own.length >= 10 && box.width > 2 && box.width < ten && box.height > 2.5 * line) {
      found.push(`${element.tagName.toLowerCase()} ${Math.round(box.width)}px: ${own.slice(0, 24)}`);
    }
  }
  return found;
}"""


@pytest.mark.slow
@pytest.mark.parametrize("language", [None, "fr_CA"], ids=["en", "fr"])
def test_no_page_scrolls_sideways_or_squeezes_its_text(
    language: str | None, visit: Visitor, live_server: LiveServer
) -> None:
    # One browser page walks every path, each looked at 375 then 320 pixels wide: the layout follows
    # the width without a reload. French pages are looked at in the English walk already.
    sample: Sample = seed(live_server.network)
    page, _seen = visit.open("/welcome", viewport=NARROW)
    assert isinstance(page, Page)
    problems = []
    for screen in PATHS:
        if not screen.seeded or (language and screen.language):
            continue
        assert screen.path is not None
        page.context.clear_cookies()
        if wanted := language or screen.language:
            page.context.add_cookies([{"name": "orchardist_lang", "value": wanted, "url": live_server.url}])
        response = page.goto(screen.path(sample))
        assert response is not None and response.status == 200, f"{screen.name} answered {response}"
        for width in WIDTHS:
            page.set_viewport_size({**NARROW, "width": width})
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{screen.name} scrolls sideways by {overflow}px at {width}px")
            problems += [f"{screen.name} at {width}px: {squeezed}" for squeezed in page.evaluate(SQUEEZED)]
    assert problems == [], "\n".join(problems)


def test_the_check_would_catch_a_squeezed_column(visit: Visitor, live_server: LiveServer) -> None:
    seed(live_server.network)
    page, _seen = visit.open("/offers", viewport=NARROW)
    assert isinstance(page, Page)
    assert page.evaluate(SQUEEZED) == []
    page.evaluate("""() => { document.querySelector("main hgroup p").style.width = "4ch"; }""")
    squeezed = page.evaluate(SQUEEZED)
    assert len(squeezed) == 1 and squeezed[0].startswith("p "), squeezed
