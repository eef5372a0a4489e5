"""Leads, Who knows and Groups & events in Chromium: a chance encounter turned into a lead on a phone, and
each page accessible, fitting the screen, in English and French at 1280 and 375 px (screenshots)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from orchardist.domain.groups import Event, Group, GroupKind
from orchardist.domain.leads import Lead, LeadStatus
from orchardist.domain.people import Person, Tier
from orchardist.services.groups import add_event, add_group
from orchardist.services.leads import add_lead, list_leads
from orchardist.services.network import Network
from orchardist.services.people import add_person
from tests.e2e.conftest import DESKTOP, PHONE, LiveServer, Visitor, check_accessibility, screenshot

pytestmark = pytest.mark.e2e


def test_a_chance_encounter_becomes_a_lead_and_a_person_on_a_phone(
    visit: Visitor, live_server: LiveServer
) -> None:
    page, _seen = visit.open("/capture", viewport=PHONE)
    assert isinstance(page, Page)
    page.get_by_label("Who did you meet?").fill("Woman at the bus stop")
    page.get_by_label("Where?").fill("Bus 55")
    page.get_by_label("A lead, if any").fill("Northwind is hiring data analysts")
    page.get_by_role("button", name="Save").click()  # the first tap

    expect(page.get_by_role("heading", level=1)).to_have_text("Saved")
    expect(page.locator(".capture-saved")).to_contain_text("The lead is saved too, heard from them.")
    screenshot(page, "capture-lead-saved")
    page.get_by_role("link", name="Open the lead").click()  # the second tap
    expect(page.get_by_role("heading", level=1)).to_have_text("Northwind is hiring data analysts")
    expect(page.locator(".lead-story")).to_contain_text("Told you: Woman at the bus stop")
    check_accessibility(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    screenshot(page, "lead-from-capture")

    [view] = list_leads(live_server.network).leads
    assert view.lead.heard_where == "Bus 55" and view.source_name == "Woman at the bus stop"

    page.get_by_label("Status").select_option("researching")
    page.get_by_label("Next step", exact=True).fill("Look up the team on LinkedIn")
    page.get_by_label("Next step on").fill(date.today().isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The lead is updated.")).to_be_visible()
    page.goto("/today")
    expect(page.locator("main")).to_contain_text("Look up the team on LinkedIn")
    check_accessibility(page)
    screenshot(page, "today-lead-step")


def _seed(network: Network) -> int:
    mei = add_person(network, Person(display_name="Mei Lin", organisation="Contoso", tier=Tier.INNER)).id or 0
    ana = (
        add_person(
            network, Person(display_name="Ana Silva", organisation="IBM Canada Ltd.", met_through_id=mei)
        ).id
        or 0
    )
    add_person(network, Person(display_name="Carl Côté", organisation="I.B.M.", tier=Tier.DORMANT))
    lead = add_lead(
        network,
        Lead(
            organisation="IBM",
            role="Data analyst",
            heard_where="Laval Chamber breakfast",
            heard_on=date.today() - timedelta(days=3),
            source_person_id=ana,
            status=LeadStatus.ASKED_FOR_ADVICE,
            notes="Ana says the team grows in January.",
            next_step="Ask Ana for an introduction to the manager",
            next_step_on=date.today(),
        ),
    ).lead
    add_lead(network, Lead(organisation="Northwind Traders", role="Logistics", status=LeadStatus.CLOSED))
    chamber = add_group(network, Group(name="Laval Chamber of Commerce", kind=GroupKind.CHAMBER))
    add_group(network, Group(name="PyMTL", kind=GroupKind.MEETUP))
    add_event(
        network,
        Event(
            name="Breakfast talk", on=date.today() - timedelta(days=3), group_id=chamber.id, met=(ana, mei)
        ),
    )
    return lead.id or 0


SCREENS = [
    ("leads", lambda lead: "/leads"),
    ("lead", lambda lead: f"/leads/{lead}"),
    ("who-knows", lambda lead: "/who-knows?organisation=I.B.M."),
    ("groups", lambda lead: "/groups"),
]


@pytest.mark.parametrize("language", [None, "fr_CA"], ids=["en", "fr"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(("name", "path"), SCREENS, ids=[name for name, _ in SCREENS])
def test_the_growth_pages_are_accessible_and_fit_the_screen(
    name: str,
    path: object,
    viewport: dict[str, int],
    language: str | None,
    visit: Visitor,
    live_server: LiveServer,
) -> None:
    lead = _seed(live_server.network)
    assert callable(path)
    page, _seen = visit.open(path(lead), viewport=viewport, language=language)
    assert isinstance(page, Page)
    expect(page.locator("h1")).to_have_count(1)
    check_accessibility(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {viewport['width']}px"
    screenshot(page, f"{name}-fr" if language else name)
