"""The presence, pitch and card API: the CLI's JSON shapes, refusals naming the field, each network apart."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from orchardist.services.network import Network
from orchardist.services.presence import list_profiles
from orchardist.web.app import create_app
from tests.web.test_api_people import ScriptClient, assert_documented

API = "/api/v1"


@pytest.fixture
def script(network: Network) -> Iterator[ScriptClient]:
    with ScriptClient(create_app(network), base_url="http://localhost") as client:
        yield client


@pytest.fixture
def document(script: ScriptClient) -> dict[str, Any]:
    return script.get(f"{API}/openapi.json").json()  # type: ignore[no-any-return]


def test_profiles_and_the_report(
    script: ScriptClient, network: Network, other_network: Network, document: dict[str, Any]
) -> None:
    script.put(f"{API}/me", json={"search_mode": "discreet", "name": "Amélie Côté"})
    created = script.post(
        f"{API}/presence/profiles",
        json={
            "platform": "LinkedIn",
            "display_name": "Amélie Côté",
            "open_to_work": True,
            "position_start": "2021-03",
        },
    )
    assert created.status_code == 201, created.text
    assert_documented(document, "POST", "/api/v1/presence/profiles", created)
    assert created.json()["platform"] == "linkedin" and created.json()["open_to_work"] is True
    again = script.post(f"{API}/presence/profiles", json={"platform": "linkedin"})
    assert again.status_code == 400 and again.json()["code"] == "presence.exists"
    changed = script.patch(
        f"{API}/presence/profiles/linkedin", json={"title": "Analyst", "open_to_work": None}
    )
    assert changed.status_code == 200 and changed.json()["open_to_work"] is None
    assert_documented(document, "PATCH", "/api/v1/presence/profiles/{platform}", changed)
    script.patch(f"{API}/presence/profiles/linkedin", json={"open_to_work": True})
    report = script.get(f"{API}/presence/check")
    assert_documented(document, "GET", "/api/v1/presence/check", report)
    assert report.json()["findings"][0]["rule"] == "open_to_work_public"
    shown = script.get(f"{API}/presence")
    assert_documented(document, "GET", "/api/v1/presence", shown)
    assert [profile["platform"] for profile in shown.json()["profiles"]] == ["linkedin"]
    assert list_profiles(other_network) == []
    bad = script.patch(f"{API}/presence/profiles/linkedin", json={"url": "nope"})
    assert bad.status_code == 422  # the schema says what an address is
    assert script.patch(f"{API}/presence/profiles/github", json={"title": "x"}).status_code == 404
    assert script.delete(f"{API}/presence/profiles/linkedin").status_code == 204
    assert script.delete(f"{API}/presence/profiles/linkedin").status_code == 404


def test_the_pitch_and_its_practice(script: ScriptClient, document: dict[str, Any]) -> None:
    written = script.put(f"{API}/pitch", json={"who": "I am Amélie, a data analyst.", "ask": "Any openings?"})
    assert written.status_code == 200, written.text
    assert_documented(document, "PUT", "/api/v1/pitch", written)
    body = written.json()
    assert body["words_per_minute"] == 140 and body["ask_findings"][0]["rule"] == "asks-for-job-openings"
    shown = script.get(f"{API}/pitch", params={"seconds": 30, "lang": "fr"})
    assert_documented(document, "GET", "/api/v1/pitch", shown)
    assert shown.json()["versions"]["30"]["parts"] == ["who", "ask"]
    practice = script.post(f"{API}/pitch/practice", json={"where": "Meetup", "note": "Good"})
    assert practice.status_code == 201
    assert_documented(document, "POST", "/api/v1/pitch/practice", practice)
    future = script.post(f"{API}/pitch/practice", json={"where": "Later", "on": "2999-01-01"})
    assert future.status_code == 400 and future.json()["code"] == "pitch.practice_in_future"
    assert script.delete(f"{API}/pitch/practice/{practice.json()['id']}").status_code == 204
    assert script.delete(f"{API}/pitch/practice/{practice.json()['id']}").status_code == 404


def test_the_card_and_its_files(script: ScriptClient, document: dict[str, Any]) -> None:
    nameless = script.get(f"{API}/card/vcf")
    assert nameless.status_code == 400 and nameless.json()["code"] == "card.needs_name"
    script.put(
        f"{API}/me", json={"name": "Amélie Côté", "employer": "Maple Health", "search_mode": "discreet"}
    )
    changed = script.put(f"{API}/card", json={"email": "amelie@example.org", "phone": "+1 514 555 0199"})
    assert changed.status_code == 200
    assert_documented(document, "PUT", "/api/v1/card", changed)
    assert changed.json()["card"]["employer_hidden"] is True and changed.json()["card"]["employer"] == ""
    vcf = script.get(f"{API}/card/vcf")
    assert vcf.status_code == 200 and "EMAIL;TYPE=INTERNET:amelie@example.org" in vcf.text
    pdf = script.get(f"{API}/card/pdf", params={"paper": "letter"})
    assert pdf.headers["content-type"] == "application/pdf"
    assert script.get(f"{API}/card/doc").status_code == 422
    assert script.put(f"{API}/card", json={"colour": "red"}).status_code == 422
