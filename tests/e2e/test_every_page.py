"""Every page at desktop and phone width: accessible (axe, WCAG 2.1 AA), no horizontal scrolling,
no CSP, console or third-party errors, and a screenshot to look at in test-artifacts/screenshots.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from orchardist.domain.people import Person
from orchardist.services.discretion import set_about_me
from orchardist.services.importing import import_file
from orchardist.services.network import Network
from orchardist.services.people import add_person, list_people
from tests.e2e.conftest import DESKTOP, PHONE, LiveServer, Visitor, check_accessibility, screenshot
from tests.e2e.sample import LINKEDIN_ROWS, Sample, seed
from tests.exports import linkedin_2024

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class Stage:
    """What the steps to reach a page may use."""

    network: Network
    corpus: Path
    tmp: Path


def _preview(page: Page, stage: Stage) -> None:
    """Upload a newer LinkedIn export: a new person, a job change, people already here, a row left
    nameless by LinkedIn."""
    older = stage.tmp / "Connections-2023.csv"
    older.write_bytes(linkedin_2024(stage.corpus, LINKEDIN_ROWS))
    import_file(stage.network, older)
    moved = [
        row if row[0] != "Juliana" else (*row[:4], "Maple Health", "Career Services Lead", row[6])
        for row in LINKEDIN_ROWS
    ]
    rows = [
        *moved,
        (
            "Yusuf",
            "Demir",
            "https://www.linkedin.com/in/yusuf-demir-e2e",
            "",
            "Harbour Port Authority",
            "Logistics Analyst",
            "11 Jan 2026",
        ),
        ("", "", "", "", "", "", "07 Jun 2020"),
    ]
    newer = stage.tmp / "Connections.csv"
    newer.write_bytes(linkedin_2024(stage.corpus, rows))
    page.goto("/import")
    # By the form's parts rather than their words: the same steps in French.
    page.locator('input[type="file"]').set_input_files(newer)
    page.locator('form[action="/import/preview"] button[type="submit"]').click()
    expect(page.locator("#people-heading")).to_be_visible()


def _imported(page: Page, stage: Stage) -> None:
    _preview(page, stage)
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import done")


def _captured(page: Page, stage: Stage) -> None:
    page.goto("/capture")
    page.get_by_label("Who did you meet?").fill("Lena, volunteer at the food bank")
    page.get_by_label("Where?").fill("Bus stop on King St")
    page.get_by_label("What did you talk about?").fill("Her food bank needs a data volunteer")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Saved")


def _about_me(page: Page, stage: Stage) -> None:
    """A discreet search at Maple Health: Priya works there, Tom may (Maple Health Foods)."""
    set_about_me(
        stage.network,
        {"employer": "Maple Health Inc.", "work_domains": ["maple.example"], "search_mode": "discreet"},
    )
    add_person(stage.network, Person(display_name="Lou Maple", organisation="Maple Health Foods"))
    page.goto("/me")


def _coworker(page: Page, stage: Stage) -> None:
    """The Person page of a co-worker in discreet mode: the warning beside the log form."""
    _about_me(page, stage)
    priya = next(
        item.person for item in list_people(stage.network) if item.person.display_name == "Priya Raman"
    )
    page.goto(f"/people/{priya.id}")


def _demo(page: Page, stage: Stage) -> None:
    page.get_by_role("button", name="Load the demo network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    page.goto("/welcome")


@dataclass(frozen=True)
class Screen:
    """One page to look at: how to reach it, and whether the network is seeded first."""

    name: str
    path: Callable[[Sample], str] | None = None
    steps: Callable[[Page, Stage], None] | None = None
    seeded: bool = True
    language: str | None = None
    status: int = 200


SCREENS = [
    Screen("welcome", lambda s: "/", seeded=False),
    Screen("welcome-demo", steps=_demo, seeded=False),
    Screen("today", lambda s: "/today"),
    Screen("today-empty", lambda s: "/today", seeded=False),
    Screen("losing-touch", lambda s: "/today/losing-touch"),
    Screen("reconnect", lambda s: "/reconnect"),
    Screen("reconnect-fr", lambda s: "/reconnect", language="fr_CA"),
    Screen("today-fr", lambda s: "/today", language="fr_CA"),
    Screen("people", lambda s: "/people"),
    Screen("people-empty", lambda s: "/people", seeded=False),
    Screen("people-fr", lambda s: "/people", language="fr_CA"),
    Screen("person", lambda s: f"/people/{s.priya}"),
    Screen("person-fr", lambda s: f"/people/{s.priya}", language="fr_CA"),
    Screen("person-new", lambda s: f"/people/{s.thomas}"),
    Screen("person-edit", lambda s: f"/people/{s.priya}/edit"),
    Screen("person-delete", lambda s: f"/people/{s.priya}/delete"),
    Screen("person-merge", lambda s: f"/people/{s.tom}/merge?other_id={s.thomas}"),
    Screen("capture", lambda s: "/capture", seeded=False),
    Screen("capture-saved", steps=_captured, seeded=False),
    Screen("import", lambda s: "/import"),
    Screen("import-preview", steps=_preview),
    Screen("import-preview-fr", steps=_preview, language="fr_CA"),
    Screen("import-done", steps=_imported),
    Screen("export", lambda s: "/export"),
    Screen("duplicates", lambda s: "/duplicates"),
    Screen("duplicates-fr", lambda s: "/duplicates", language="fr_CA"),
    Screen("offers", lambda s: "/offers"),
    Screen("offers-fr", lambda s: "/offers", language="fr_CA"),
    Screen("leads-list", lambda s: "/leads"),
    Screen("leads-list-fr", lambda s: "/leads", language="fr_CA"),
    Screen("who-knows-search", lambda s: "/who-knows?organisation=Maple+Health+Inc."),
    Screen("who-knows-search-fr", lambda s: "/who-knows?organisation=maple+health", language="fr_CA"),
    Screen("groups-events", lambda s: "/groups"),
    Screen("groups-events-fr", lambda s: "/groups", language="fr_CA"),
    Screen("introductions-board", lambda s: "/introductions"),
    Screen("introductions-board-fr", lambda s: "/introductions", language="fr_CA"),
    Screen("share-empty", lambda s: "/share"),
    Screen("share-empty-fr", lambda s: "/share", language="fr_CA"),
    Screen("write", lambda s: f"/people/{s.priya}/write?template=advice"),
    Screen("write-fr", lambda s: f"/people/{s.priya}/write?template=information", language="fr_CA"),
    Screen("write-introduction", lambda s: f"/people/{s.priya}/write?template=double-opt-in&with={s.tom}"),
    Screen("templates-fr", lambda s: "/templates?lang=fr", language="fr_CA"),
    Screen("template-edit-fr", lambda s: "/templates/greeting/edit?lang=fr", language="fr_CA"),
    Screen("progress", lambda s: "/progress"),
    Screen("progress-empty", lambda s: "/progress", seeded=False),
    Screen("progress-fr", lambda s: "/progress", language="fr_CA"),
    Screen("me", steps=_about_me),
    Screen("me-fr", steps=_about_me, language="fr_CA"),
    Screen("person-coworker", steps=_coworker),
    Screen("person-coworker-fr", steps=_coworker, language="fr_CA"),
    Screen("settings", lambda s: "/settings"),
    Screen("settings-fr", lambda s: "/settings", language="fr_CA"),
    Screen("not-found", lambda s: "/people/99999", status=404),
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_the_page_is_accessible_and_fits_the_screen(
    screen: Screen,
    viewport: dict[str, int],
    visit: Visitor,
    live_server: LiveServer,
    corpus: Path,
    tmp_path: Path,
) -> None:
    sample = seed(live_server.network) if screen.seeded else Sample(0, 0, 0)
    path = screen.path(sample) if screen.path else "/welcome"
    page, _seen = visit.open(path, viewport=viewport, language=screen.language, status=screen.status)
    assert isinstance(page, Page)
    if screen.steps is not None:
        screen.steps(page, Stage(live_server.network, corpus, tmp_path))
    expect(page.locator("h1")).to_have_count(1)
    check_accessibility(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{screen.name} scrolls sideways by {overflow}px at {viewport['width']}px"
    screenshot(page, screen.name)
