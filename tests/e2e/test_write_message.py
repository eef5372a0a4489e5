"""Writing to a co-worker while looking discreetly: the coach warns as the user types, its suggestion
applies in one click, and the message is logged in one more; in English and French, on a desktop and a
phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from orchardist.services.discretion import set_about_me
from orchardist.services.interactions import interactions_with
from tests.e2e.conftest import DESKTOP, PHONE, LiveServer, Visitor, check_accessibility, screenshot
from tests.e2e.sample import seed

pytestmark = pytest.mark.e2e

WORDS = {
    None: ("By the way, I am looking for a new job.", "Take this sentence out", "Sent: log it"),
    "fr_CA": ("Entre nous, je cherche un nouvel emploi.", "Retirer cette phrase", "Envoyé\u00a0: le noter"),
}


@pytest.mark.parametrize(
    ("language", "viewport"), [(None, DESKTOP), ("fr_CA", PHONE)], ids=["en-desktop", "fr-phone"]
)
def test_writing_to_a_coworker_in_discreet_mode(
    visit: Visitor, live_server: LiveServer, viewport: dict[str, int], language: str | None
) -> None:
    sample = seed(live_server.network)
    set_about_me(live_server.network, {"employer": "Maple Health Inc.", "search_mode": "discreet"})
    page, _seen = visit.open(
        f"/people/{sample.priya}/write?template=check-in", viewport=viewport, language=language
    )
    assert isinstance(page, Page)
    revealing, take_out, log_it = WORDS[language]
    message = page.locator("#body-0")
    drafted = message.input_value()
    assert drafted.startswith("Hi Priya," if language is None else "Bonjour Priya,")
    warning = page.locator('[data-rule="reveals-job-search-to-unsafe-contact"]')
    expect(warning).to_have_count(0)

    # Telling of the search in the message: the warning shows as the user types, without a click.
    greeting, *rest = drafted.split("\n\n")
    message.fill("\n\n".join([greeting, revealing, *rest])[:-1])
    message.press_sequentially(drafted[-1], delay=5)
    expect(warning).to_have_count(1)
    expect(warning).to_contain_text("Priya Raman")
    suffix = "" if language is None else "-fr"
    check_accessibility(page)
    screenshot(page, f"write-coworker{suffix}")

    # One click takes the sentence out; the rest of the message stays as it was.
    warning.get_by_role("button", name=take_out).click()
    expect(page.locator('[data-rule="reveals-job-search-to-unsafe-contact"]')).to_have_count(0)
    mended = page.locator("#body-0").input_value()
    assert mended == drafted
    screenshot(page, f"write-mended{suffix}")

    # Typing goes on working on the new text area; then one click logs it.
    page.locator("#body-0").press_sequentially(" " + revealing, delay=5)  # after "Best wishes,"
    expect(page.locator('[data-rule="reveals-job-search-to-unsafe-contact"]')).to_have_count(1)
    before = len(interactions_with(live_server.network, sample.priya))
    with page.expect_navigation():
        page.get_by_role("button", name=log_it).click()
    assert page.url.endswith(f"/people/{sample.priya}?logged=1#timeline")
    logged = interactions_with(live_server.network, sample.priya)
    assert len(logged) == before + 1
    assert (logged[0].kind, logged[0].direction.value) == ("message", "social")


def test_a_work_account_is_named_as_the_user_fills_in_the_sender(
    visit: Visitor, live_server: LiveServer
) -> None:
    sample = seed(live_server.network)
    set_about_me(live_server.network, {"work_domains": ["maplehealth.example"], "search_mode": "open"})
    page, _seen = visit.open(f"/people/{sample.tom}/write?template=reconnect")
    assert isinstance(page, Page)
    page.get_by_label("Sending from (optional)").fill("me@maplehealth.example")
    page.locator("#body-0").press_sequentially(" ", delay=5)
    expect(page.locator('[data-rule="sent-from-work-account"]')).to_have_count(1)
