"""The Presence, Pitch and Card pages, the pitch on the quick capture page, in English and French."""

from __future__ import annotations

import io
import zipfile
from html import unescape

import pytest
import zxingcpp
from fastapi.testclient import TestClient
from PIL import Image

from orchardist.services.card import set_card
from orchardist.services.discretion import set_about_me
from orchardist.services.network import Network
from orchardist.services.pitch import pitch_view, set_parts
from orchardist.services.presence import add_profile, list_profiles

HTML = {"accept": "text/html"}
FRENCH = {"orchardist_lang": "fr_CA"}


def _discreet_profiles(network: Network) -> None:
    set_about_me(network, {"my_name": "Amélie Côté", "employer": "Maple Health", "search_mode": "discreet"})
    add_profile(
        network,
        "linkedin",
        {
            "display_name": "Amélie Côté",
            "title": "Data Analyst",
            "open_to_work": True,
            "url": "https://x.example/a",
        },
    )
    add_profile(network, "facebook", {"display_name": "Amélie Côté", "title": "Student"})


def test_the_presence_page_puts_the_review_on_top(client: TestClient, network: Network) -> None:
    _discreet_profiles(network)
    page = client.get("/presence", headers=HTML)
    assert page.status_code == 200 and page.template.name == "presence/page.html"  # type: ignore[attr-defined]
    context = page.context  # type: ignore[attr-defined]
    assert [profile["platform"] for profile in context["profiles"]] == ["linkedin", "facebook"]
    lines = {line["code"]: line for line in context["checklist"]}
    assert lines["open_to_work_public"]["findings"][0]["platforms"] == ["LinkedIn"]
    assert lines["name_differs"]["findings"] == []
    text = unescape(page.text)
    assert text.index("Profile review") < text.index("Your profiles") < text.index("Add a profile")
    assert "Your LinkedIn profile shows “open to work” to everyone" in text
    client.cookies.update(FRENCH)
    french = client.get("/presence", headers=HTML)
    assert "Révision des profils" in unescape(french.text)
    assert "Votre profil LinkedIn affiche" in unescape(french.text)


def test_adding_editing_reviewing_and_removing_a_profile(
    client: TestClient, csrf: str, network: Network
) -> None:
    form = {
        "csrf_token": csrf,
        "platform": "github",
        "other_platform": "",
        "display_name": "Amélie",
        "visibility": "public",
    }
    added = client.post("/presence", data=form, follow_redirects=False)
    assert added.status_code == 303 and added.headers["location"] == "/presence?done=added"
    other = client.post("/presence", data={**form, "other_platform": "Mastodon"}, follow_redirects=False)
    assert other.status_code == 303
    assert [profile.platform for profile in list_profiles(network)] == ["github", "mastodon"]
    refused = client.post(
        "/presence/github/edit", data={**form, "position_start": "March", "display_name": "Amy"}, headers=HTML
    )
    assert refused.status_code == 400
    assert "Current position since: expected a month as YYYY-MM, got March" in unescape(refused.text)
    assert 'value="Amy"' in refused.text  # as typed
    saved = client.post("/presence/github/edit", data={**form, "title": "Analyst"}, follow_redirects=False)
    assert saved.status_code == 303
    assert (
        client.post(
            "/presence/github/reviewed", data={"csrf_token": csrf}, follow_redirects=False
        ).status_code
        == 303
    )
    [github, _mastodon] = list_profiles(network)
    assert github.title == "Analyst" and github.reviewed_on is not None
    assert (
        client.post("/presence/github/remove", data={"csrf_token": csrf}, follow_redirects=False).status_code
        == 303
    )
    missing = client.post("/presence/github/remove", data={"csrf_token": csrf}, headers=HTML)
    assert missing.status_code == 404


def test_importing_the_linkedin_export_from_the_page(client: TestClient, csrf: str, network: Network) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Profile.csv", "First Name,Last Name,Headline\nAmélie,Côté,Analyst\n")
    done = client.post(
        "/presence/import",
        data={"csrf_token": csrf},
        files={"export": ("export.zip", buffer.getvalue(), "application/zip")},
        follow_redirects=False,
    )
    assert done.status_code == 303
    [profile] = list_profiles(network)
    assert (profile.platform, profile.display_name) == ("linkedin", "Amélie Côté")
    refused = client.post(
        "/presence/import",
        data={"csrf_token": csrf},
        files={"export": ("notes.txt", b"hello", "text/plain")},
        headers=HTML,
    )
    assert refused.status_code == 400 and "is not LinkedIn" in unescape(refused.text)


def test_the_pitch_page_and_its_practice_log(client: TestClient, csrf: str, network: Network) -> None:
    parts = {
        "who": "I am Amélie, a data analyst.",
        "best": "",
        "exploring": "",
        "ask": "Any openings at your agency?",
    }
    saved = client.post("/pitch", data={"csrf_token": csrf, **parts}, follow_redirects=False)
    assert saved.status_code == 303
    page = client.get("/pitch", headers=HTML)
    context = page.context  # type: ignore[attr-defined]
    assert context["pace"] == 140 and context["words"] == 11
    assert [version["limit"] for version in context["versions"]] == [30, 60]
    assert context["ask_findings"]
    assert "at a natural pace of 140 words a minute" in unescape(page.text)
    practised = client.post(
        "/pitch/practice",
        data={"csrf_token": csrf, "where": "Meetup", "note": "Good", "on": ""},
        follow_redirects=False,
    )
    assert practised.status_code == 303
    [practice] = pitch_view(network).practice
    refused = client.post("/pitch/practice", data={"csrf_token": csrf, "where": " ", "on": ""}, headers=HTML)
    assert refused.status_code == 400 and "say where you gave your pitch" in refused.text
    removed = client.post(
        f"/pitch/practice/{practice.id}/remove", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert removed.status_code == 303 and pitch_view(network).practice == []
    client.cookies.update(FRENCH)
    french = unescape(client.get("/pitch", headers=HTML).text)
    assert "Qui je suis" in french and "140 mots à la minute" in french


def test_the_pitch_is_at_hand_on_the_quick_capture_page(client: TestClient, network: Network) -> None:
    assert client.get("/capture", headers=HTML).context["pitch"] is None  # type: ignore[attr-defined]
    set_parts(network, {"who": "I am Amélie.", "ask": "Who should I talk to?"})
    page = client.get("/capture", headers=HTML)
    assert "Your 30-second pitch" in page.text and "I am Amélie." in unescape(page.text)


def test_the_card_page_previews_saves_and_downloads(client: TestClient, csrf: str, network: Network) -> None:
    empty = client.get("/card", headers=HTML)
    assert "Your card needs your name first." in empty.text
    assert client.get("/card/file/vcf").status_code == 404
    _discreet_profiles(network)
    page = client.get("/card", headers=HTML)
    assert page.context["card"].employer_hidden  # type: ignore[attr-defined]
    assert "does not name your employer" in page.text
    saved = client.post(
        "/card",
        data={
            "csrf_token": csrf,
            "profile": "linkedin",
            "phone": "+1 514 555 0199",
            "email": "a@example.org",
            "url": "",
            "line": "Hi",
            "show_employer": "yes",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    vcf = client.get("/card/file/vcf")
    assert vcf.headers["content-disposition"] == 'attachment; filename="card.vcf"'
    assert "ORG:Maple Health" in vcf.text and "FN:Amélie Côté" in vcf.text
    png = client.get("/card/file/png")
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)))
    assert code.text == vcf.text
    assert client.get("/card/file/svg?inline=1").headers["content-disposition"] == "inline"
    pdf = client.get("/card/file/pdf?paper=letter")
    assert pdf.content.startswith(b"%PDF") and "cards-letter.pdf" in pdf.headers["content-disposition"]
    assert client.get("/card/file/doc").status_code == 404
    refused = client.post(
        "/card", data={"csrf_token": csrf, "email": "nope", "profile": "linkedin"}, headers=HTML
    )
    assert refused.status_code == 400 and 'aria-invalid="true"' in refused.text


@pytest.mark.parametrize("path", ["/presence", "/pitch", "/card", "/me"])
def test_the_pages_link_to_each_other(client: TestClient, network: Network, path: str) -> None:
    set_card(network, {"phone": "1"})
    text = client.get(path, headers=HTML).text
    for href in ("/me", "/presence", "/pitch", "/card"):
        assert f'href="{href}"' in text


def test_another_networks_practice_is_not_found(
    client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    from datetime import date

    from orchardist.services.pitch import log_practice

    theirs = log_practice(other_network, "Bob's meetup", "", on=date(2026, 12, 1))
    gone = client.post(f"/pitch/practice/{theirs.id}/remove", data={"csrf_token": csrf}, headers=HTML)
    assert gone.status_code == 404
    assert len(pitch_view(other_network).practice) == 1
    assert "Bob" not in client.get("/pitch", headers=HTML).text
