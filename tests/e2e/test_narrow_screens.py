"""Every page at the narrowest phones, in English and in French: nothing scrolls sideways, and no text is
squeezed into a column a few letters wide (a French label beside its value once did that)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import LiveServer, Visitor
from tests.e2e.test_every_page import SCREENS, Sample, seed

NARROW = {"width": 320, "height": 640}
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
@pytest.mark.parametrize("width", [320, 375])
def test_no_page_scrolls_sideways_or_squeezes_its_text(
    language: str | None, width: int, visit: Visitor, live_server: LiveServer
) -> None:
    sample: Sample = seed(live_server.network)
    problems = []
    for screen in PATHS:
        if not screen.seeded:
            continue
        assert screen.path is not None
        page, _seen = visit.open(
            screen.path(sample), viewport={**NARROW, "width": width}, language=language or screen.language
        )
        assert isinstance(page, Page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.append(f"{screen.name} scrolls sideways by {overflow}px")
        problems += [f"{screen.name}: {squeezed}" for squeezed in page.evaluate(SQUEEZED)]
        page.context.close()
    assert problems == [], "\n".join(problems)


def test_the_check_would_catch_a_squeezed_column(visit: Visitor, live_server: LiveServer) -> None:
    seed(live_server.network)
    page, _seen = visit.open("/offers", viewport=NARROW)
    assert isinstance(page, Page)
    assert page.evaluate(SQUEEZED) == []
    page.evaluate("""() => { document.querySelector("main hgroup p").style.width = "4ch"; }""")
    squeezed = page.evaluate(SQUEEZED)
    assert len(squeezed) == 1 and squeezed[0].startswith("p "), squeezed
