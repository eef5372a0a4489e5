"""Importing LinkedIn's Connections.csv through the Import page: upload, preview, commit, report."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import LiveServer, Visitor
from tests.e2e.sample import LINKEDIN_ROWS
from tests.exports import linkedin_2024

pytestmark = pytest.mark.e2e


def _count(page: Page, label: str) -> str:
    """The number shown under one heading of the counts (To add, Merged, …)."""
    box = page.locator(".import-counts > div").filter(has=page.get_by_text(label, exact=True))
    return box.locator("strong").inner_text()


def test_a_linkedin_export_is_previewed_then_imported_and_listed(
    visit: Visitor, live_server: LiveServer, corpus: Path, tmp_path: Path
) -> None:
    export = tmp_path / "Connections.csv"
    export.write_bytes(linkedin_2024(corpus, LINKEDIN_ROWS))
    assert export.read_text(encoding="utf-8").startswith("Notes:\n")  # LinkedIn's own preamble

    page, _seen = visit.open("/import")
    assert isinstance(page, Page)
    page.get_by_label("Contacts file").set_input_files(export)
    page.get_by_role("button", name="Preview the import").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
    expect(page.get_by_text("Connections.csv, read as LinkedIn connections")).to_be_visible()
    assert (_count(page, "To add"), _count(page, "To merge"), _count(page, "To skip")) == ("3", "0", "0")
    assert _names(live_server) == [], "a preview stores nothing"

    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import done")
    expect(page.get_by_role("status")).to_contain_text("Connections.csv was imported as LinkedIn connections")
    assert (_count(page, "Added"), _count(page, "Merged"), _count(page, "Skipped")) == ("3", "0", "0")

    page.get_by_role("button", name="See your people").click()
    expect(page).to_have_url(live_server.url + "/people")
    names = page.locator(".people-table tbody th[scope=row]")
    expect(names).to_have_text(["Amira Haddad", "Dan Ocampo", "Juliana Reyes"])
    expect(page.locator(".people-table tbody")).to_contain_text("Northwind Labs")


def test_importing_the_same_file_again_adds_nobody(visit: Visitor, corpus: Path, tmp_path: Path) -> None:
    export = tmp_path / "Connections.csv"
    export.write_bytes(linkedin_2024(corpus, LINKEDIN_ROWS))
    page, _seen = visit.open("/import")
    assert isinstance(page, Page)
    for _round in range(2):
        page.goto(page.url.split("/import")[0] + "/import")
        page.get_by_label("Contacts file").set_input_files(export)
        page.get_by_role("button", name="Preview the import").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
        if _count(page, "To add") == "3":
            page.get_by_role("button", name="Import", exact=True).click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Import done")
    assert _count(page, "To add") == "0"
    expect(page.get_by_role("button", name="Import", exact=True)).to_have_count(0)
    expect(page.get_by_role("status")).to_contain_text("importing it would change nothing")


def _names(live_server: LiveServer) -> list[str]:
    from orchardist.services.people import list_people

    return [item.person.display_name for item in list_people(live_server.network)]
