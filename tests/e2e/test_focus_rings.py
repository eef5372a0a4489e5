"""Focus rings a keyboard user can see: every link and button reached with Tab draws an outline with at
least 3:1 contrast against what is behind it (WCAG 2.2's focus appearance); and ARIA roles only where the
element allows them (the capture form's error summary once put ``alert`` on an article)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import AXE, DESKTOP, PHONE, LiveServer, Visitor
from tests.e2e.sample import Sample, seed

pytestmark = pytest.mark.e2e

# The focused element, its outline's colour blended over the first opaque background behind it (the
# outline is drawn outside the element), and the contrast ratio of the two.
RING = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const parse = (text) => {
    const found = text.match(/rgba?\\(([^)]+)\\)/);
    if (!found) return null;
    const parts = found[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  // The backgrounds behind the element, a tinted one laid over those under it, down to an opaque one.
  const behind = (node) => {
    const layers = [];
    for (let at = node; at; at = at.parentElement) {
      const colour = parse(getComputedStyle(at).backgroundColor);
      if (colour && colour.a > 0) layers.push(colour);
      if (colour && colour.a >= 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), {r: 255, g: 255, b: 255, a: 1});
  };
  const luminance = (c) => {
    const channel = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  const style = getComputedStyle(el);
  const interactive = el.matches('a, button, summary, [role=button]');
  const label = el.getAttribute('aria-label') || el.textContent || '';
  const name = label.trim().replace(/\\s+/g, ' ').slice(0, 40);
  const where = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}"`;
  const back = behind(el.parentElement);
  const drawn = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const ring = drawn ? parse(style.outlineColor) : null;
  if (!ring) return {where, interactive, ratio: 0};
  const mixed = over(ring, back);
  const [light, dark] = [luminance(mixed), luminance(back)].sort((x, y) => y - x);
  return {where, interactive, ratio: (light + 0.05) / (dark + 0.05)};
}"""

PAGES = [
    ("today", lambda s: "/today"),
    ("person", lambda s: f"/people/{s.priya}"),
    ("person-edit", lambda s: f"/people/{s.priya}/edit"),
    ("people", lambda s: "/people"),
    ("settings", lambda s: "/settings"),
    ("progress", lambda s: "/progress"),
    ("duplicates", lambda s: "/duplicates"),
    ("capture", lambda s: "/capture"),
    ("import", lambda s: "/import"),
]


def _rings(page: Page, *, limit: int = 150) -> list[str]:
    """Tab through the page (until the focus comes round again) and name each link or button whose
    ring is missing or faint."""
    weak: list[str] = []
    seen: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = page.evaluate(RING)
        if found is None:
            continue
        if seen and found["where"] == seen[0]:
            break
        seen.append(found["where"])
        if found["interactive"] and found["ratio"] < 3:
            weak.append(f"{found['where']}: {found['ratio']:.2f}:1")
    assert len(seen) > 3, f"Tab reached almost nothing: {seen}"
    return weak


@pytest.mark.slow
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_link_and_button_shows_a_ring_of_three_to_one(
    viewport: dict[str, int], visit: Visitor, live_server: LiveServer
) -> None:
    sample: Sample = seed(live_server.network)
    problems = []
    for name, path in PAGES:
        page, _seen = visit.open(path(sample), viewport=viewport)
        assert isinstance(page, Page)
        page.emulate_media(reduced_motion="reduce")
        problems += [f"{name}: {weak}" for weak in _rings(page)]
    assert problems == [], "\n".join(problems)


def test_the_capture_error_and_the_import_problem_use_roles_their_elements_allow(
    visit: Visitor, live_server: LiveServer
) -> None:
    page, seen = visit.open("/capture")
    assert isinstance(page, Page)
    seen.allow(400)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("alert").wait_for()
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'rule', values: ['aria-allowed-role']}})"
    )
    assert [item["id"] for item in result["violations"]] == []
