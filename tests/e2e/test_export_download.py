"""Exporting the network as vCard from the Export page: a real download, under a neutral name."""

from __future__ import annotations

import re

import pytest
import vobject
from playwright.sync_api import Page, expect

from tests.e2e.conftest import LiveServer, Visitor
from tests.e2e.sample import seed

pytestmark = pytest.mark.e2e


def test_the_vcard_export_downloads_a_neutral_file_with_everyone(
    visit: Visitor, live_server: LiveServer
) -> None:
    seed(live_server.network)
    page, _seen = visit.open("/export")
    assert isinstance(page, Page)
    link = page.get_by_role("button", name=re.compile(r"^Download orchardist-\d{4}-\d{2}-\d{2}\.vcf$"))
    expect(link).to_be_visible()
    with page.expect_download() as waiting:
        link.click()
    download = waiting.value
    assert download.failure() is None

    name = download.suggested_filename
    assert re.fullmatch(r"orchardist-\d{4}-\d{2}-\d{2}\.vcf", name), name
    words = name.lower()
    for telling in ("priya", "raman", "becker", "maple", "northwind", "job", "search", "resume", "résumé"):
        assert telling not in words, f"{name} names {telling!r}"

    path = download.path()
    text = path.read_text(encoding="utf-8")
    cards = list(vobject.readComponents(text))
    assert {card.fn.value for card in cards} == {
        "Priya Raman",
        "Tom Becker",
        "Thomas Becker",
        "Marc-André Tremblay",
        "Grace Okafor, PMP",
        "Wei Chen",
        "Sofia Costa",
        "Kwame Mensah",
    }
    priya = next(card for card in cards if card.fn.value == "Priya Raman")
    assert priya.email.value == "priya.raman@example.org"
    assert priya.org.value == ["Maple Health"]
    assert page.url == live_server.url + "/export", "the page stays where it was"
