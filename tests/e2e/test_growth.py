"""Brokering an introduction and sharing an article in Chromium: from the suggestion to the give logged,
in English and French, on a desktop and a phone; screenshots of each page at both widths."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from orchardist.domain.people import Person
from orchardist.services.interactions import interactions_with
from orchardist.services.network import Network
from orchardist.services.people import add_person
from tests.e2e.conftest import DESKTOP, PHONE, LiveServer, Visitor, check_accessibility, screenshot

pytestmark = pytest.mark.e2e

VIEWS = [(None, DESKTOP), ("fr_CA", PHONE), (None, PHONE), ("fr_CA", DESKTOP)]
IDS = ["en-desktop", "fr-phone", "en-phone", "fr-desktop"]
WORDS = {
    None: {
        "introduce": "Introduce them",
        "log": "Sent: mark the step and log the give",
        "logged": "the give logged",
        "find": "Find whom it suits",
        "share": "Draft the note and log the give",
        "noted": "Logged in your ledger as a give",
    },
    "fr_CA": {
        "introduce": "Les mettre en relation",
        "log": "Envoyé\u00a0: marquer l’étape et noter le don",
        "logged": "le don noté",
        "find": "Trouver à qui il convient",
        "share": "Rédiger le mot et noter le don",
        "noted": "Noté comme un don",
    },
}


def _people(network: Network) -> dict[str, int]:
    found = {}
    for person in (
        Person(
            "Priya Raman",
            given_name="Priya",
            title="Systems Administrator",
            organisation="Harbour Bank",
            could_use_help_with=("cloud certifications",),
            emails=("priya@example.org",),
        ),
        Person(
            "Omar Haddad",
            given_name="Omar",
            title="Site Reliability Engineer",
            organisation="Cedar Software",
            can_help_with=("coaching for cloud certification exams",),
            interests=("Kubernetes", "observability"),
            emails=("omar@example.org",),
        ),
        Person("Grace Tremblay", given_name="Grace", interests=("sourdough baking",), notes="Bakes bread"),
        Person("Lukas Becker", given_name="Lukas", interests=("road cycling", "Kubernetes")),
        Person("Tom Wilson", given_name="Tom", interests=("road cycling",)),
    ):
        added = add_person(network, person)
        assert added.id is not None
        found[person.given_name or person.display_name] = added.id
    return found


def _suffix(language: str | None) -> str:
    return "" if language is None else "-fr"


@pytest.mark.parametrize(("language", "viewport"), VIEWS, ids=IDS)
def test_brokering_an_introduction(
    visit: Visitor, live_server: LiveServer, language: str | None, viewport: dict[str, int]
) -> None:
    ids = _people(live_server.network)
    words = WORDS[language]
    page, _seen = visit.open("/introductions", viewport=viewport, language=language)
    assert isinstance(page, Page)
    first = page.locator(".pair-list > li").first
    expect(first).to_contain_text("Priya Raman")
    expect(first).to_contain_text("Omar Haddad")
    check_accessibility(page)
    screenshot(page, f"introductions{_suffix(language)}")

    with page.expect_navigation():
        first.get_by_role("button", name=words["introduce"]).click()
    body = page.locator("#body-0")
    expect(body).to_have_value(re.compile("^Bonjour Priya," if language else "^Hi Priya,"))
    expect(body).to_have_value(re.compile("Omar Haddad"))
    check_accessibility(page)
    screenshot(page, f"introduction{_suffix(language)}")

    with page.expect_navigation():
        page.get_by_role("button", name=words["log"]).click()
    expect(page.get_by_role("status")).to_contain_text(words["logged"])
    [logged] = interactions_with(live_server.network, ids["Priya"])
    assert (logged.kind, logged.direction.value) == ("introduction", "gave")
    # The next step drafts the question to the other side.
    expect(page.locator("#body-0")).to_have_value(re.compile("^Bonjour Omar," if language else "^Hi Omar,"))
    screenshot(page, f"introduction-asked{_suffix(language)}")


@pytest.mark.parametrize(("language", "viewport"), VIEWS, ids=IDS)
def test_sharing_an_article(
    visit: Visitor, live_server: LiveServer, language: str | None, viewport: dict[str, int]
) -> None:
    ids = _people(live_server.network)
    words = WORDS[language]
    page, seen = visit.open("/share", viewport=viewport, language=language)
    assert isinstance(page, Page)
    check_accessibility(page)
    page.locator("#article-title").fill("Running Kubernetes clusters without tears")
    page.locator("#article-link").fill("https://example.org/2026/kubernetes-observability")
    page.locator("#article-text").fill(
        "Operators who run Kubernetes in production keep hitting the same walls; observability helps."
    )
    with page.expect_navigation():
        page.get_by_role("button", name=words["find"]).click()
    ranked = page.locator(".suited-list > li")
    expect(ranked.first).to_contain_text("Omar Haddad")
    expect(ranked.first.locator("mark").first).to_have_text("Kubernetes")
    expect(page.locator(".suited-list")).not_to_contain_text("Grace Tremblay")
    check_accessibility(page)
    screenshot(page, f"share{_suffix(language)}")

    with page.expect_navigation():
        ranked.first.get_by_role("button").click()
    expect(page.get_by_role("status")).to_contain_text(words["noted"])
    expect(page.locator("#body-0")).to_have_value(
        re.compile("https://example.org/2026/kubernetes-observability")
    )
    [logged] = interactions_with(live_server.network, ids["Omar"])
    assert (logged.kind, logged.direction.value) == ("article", "gave")
    check_accessibility(page)
    screenshot(page, f"share-note{_suffix(language)}")
    seen.check()
