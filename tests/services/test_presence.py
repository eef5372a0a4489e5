"""Presence, pitch and card use cases, on SQLite and PostgreSQL, each space seeing only its own."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from orchardist.domain.presence import Visibility
from orchardist.services.card import card_file, card_view, set_card
from orchardist.services.discretion import set_about_me
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.pitch import log_practice, pitch_to_dict, pitch_view, remove_practice, set_parts
from orchardist.services.presence import (
    add_profile,
    edit_profile,
    import_linkedin,
    list_profiles,
    presence_overview,
    profile_to_dict,
    remove_profile,
    report_to_dict,
)

TODAY = date(2026, 12, 7)


def test_profiles_are_added_edited_listed_and_removed(network: Network, other_network: Network) -> None:
    added = add_profile(
        network, "LinkedIn", {"display_name": " Amélie  Côté ", "open_to_work": "yes"}, today=TODAY
    )
    assert (added.platform, added.display_name, added.open_to_work) == ("linkedin", "Amélie Côté", True)
    add_profile(network, "Mastodon", {"display_name": "Amélie"})
    add_profile(network, "github", {})
    with pytest.raises(InputRefused) as exists:
        add_profile(network, "linked in", {})
    assert exists.value.code == "presence.exists"
    changed = edit_profile(
        network, "linkedin", {"reviewed_on": "today", "visibility": "contacts"}, today=TODAY
    )
    assert changed.reviewed_on == TODAY and changed.visibility is Visibility.CONTACTS
    assert changed.display_name == "Amélie Côté"
    assert [profile.platform for profile in list_profiles(network)] == ["linkedin", "github", "mastodon"]
    assert profile_to_dict(list_profiles(network)[2])["name"] == "Mastodon"
    assert list_profiles(other_network) == []
    with pytest.raises(NotFound):
        edit_profile(other_network, "linkedin", {"title": "x"})
    remove_profile(network, "github")
    with pytest.raises(NotFound):
        remove_profile(network, "github")
    assert len(list_profiles(network)) == 2


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"position_start": "March 2021"}, "position_start"),
        ({"url": "linkedin.com/in/amelie"}, "url"),
        ({"open_to_work": "maybe"}, "open_to_work"),
        ({"visibility": "friends"}, "visibility"),
        ({"reviewed_on": "yesterday"}, "reviewed_on"),
        ({"colour": "blue"}, "colour"),
        ({"headline": "x" * 501}, "headline"),
    ],
)
def test_refusals_name_the_field(network: Network, values: dict[str, str], field: str) -> None:
    with pytest.raises(InputRefused) as refused:
        add_profile(network, "linkedin", values)
    assert refused.value.field == field
    assert list_profiles(network) == []


def test_the_report_reads_the_search_mode(network: Network) -> None:
    add_profile(network, "linkedin", {"open_to_work": "yes", "reviewed_on": TODAY.isoformat()})
    assert presence_overview(network, today=TODAY).findings == []
    set_about_me(network, {"search_mode": "discreet"})
    overview = presence_overview(network, today=TODAY)
    assert report_to_dict(overview)["findings"][0]["rule"] == "open_to_work_public"
    [line] = [item for item in overview.checklist if item.rule.code == "open_to_work_public"]
    assert len(line.findings) == 1


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "Basic_LinkedInDataExport_12-07-2026.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "Profile.csv",
            'First Name,Last Name,Headline,Geo Location\nAmélie,Côté,Data Analyst,"Montréal, QC"\n',
        )
        archive.writestr(
            "Positions.csv",
            "Company Name,Title,Description,Location,Started On,Finished On\n"
            "Maple Health,Analyst,,,Mar 2021,\n",
        )
    return path


def test_importing_the_export_fills_the_linkedin_profile(network: Network, tmp_path: Path) -> None:
    add_profile(network, "linkedin", {"url": "https://www.linkedin.com/in/amelie", "title": "Old title"})
    done = import_linkedin(network, _export(tmp_path))
    assert not done.added and done.positions == 1 and done.files == ("Positions.csv", "Profile.csv")
    [profile] = list_profiles(network)
    assert (profile.display_name, profile.title, profile.employer, profile.position_start) == (
        "Amélie Côté",
        "Analyst",
        "Maple Health",
        "2021-03",
    )
    assert profile.url == "https://www.linkedin.com/in/amelie"  # the export left it out: it stays


def test_a_refused_import_changes_nothing(network: Network, tmp_path: Path) -> None:
    bad = tmp_path / "Positions.csv"
    bad.write_text("Company Name,Title,Started On,Finished On\nMaple,Analyst,Someday,\n")
    with pytest.raises(InputRefused, match="line 2, Started On"):
        import_linkedin(network, bad)
    assert list_profiles(network) == []
    with pytest.raises(InputRefused, match="cannot read"):
        import_linkedin(network, tmp_path / "missing.zip")


def test_the_pitch_its_versions_the_coach_and_the_log(network: Network, other_network: Network) -> None:
    view = set_parts(network, {"who": "I am Amélie, a data analyst.", "ask": "Do you know of any openings?"})
    assert view.words == 12 and view.seconds == 5
    assert [finding.rule for finding in view.ask_findings] == ["asks-for-job-openings"]
    shown = pitch_to_dict(pitch_view(network), seconds=30)
    assert (
        shown["words"] == 12 and shown["words_per_minute"] == 140 and shown["versions"]["30"]["dropped"] == []
    )
    set_parts(network, {"ask": "Who would you suggest I talk to about public health?"})
    assert pitch_view(network).ask_findings == []
    set_parts(network, {"ask": ""})
    assert "ask" not in pitch_view(network).parts
    with pytest.raises(InputRefused) as unknown:
        set_parts(network, {"why": "x"})
    assert unknown.value.field == "part"
    practice = log_practice(network, "Bus stop", "Too fast", on=TODAY)
    assert [item.place for item in pitch_view(network).practice] == ["Bus stop"]
    assert pitch_view(other_network).practice == [] and pitch_view(other_network).parts == {}
    with pytest.raises(NotFound):
        remove_practice(other_network, practice.id)
    with pytest.raises(InputRefused):
        log_practice(network, " ", "")
    remove_practice(network, practice.id)
    assert pitch_view(network).practice == []


def test_the_card_follows_about_me_the_profile_and_discretion(network: Network) -> None:
    with pytest.raises(InputRefused) as nameless:
        card_file(network, "vcf")
    assert nameless.value.code == "card.needs_name"
    set_about_me(network, {"my_name": "Amélie Côté", "employer": "Maple Health", "search_mode": "discreet"})
    add_profile(network, "linkedin", {"title": "Data Analyst", "url": "https://www.linkedin.com/in/amelie"})
    view = set_card(network, {"phone": "+1 514 555 0199", "email": "amelie@example.org"})
    assert view.card.employer == "" and view.card.employer_hidden
    text = card_file(network, "vcf").content.decode()
    assert "FN:Amélie Côté" in text and "ORG:" not in text and "TEL;TYPE=CELL:+1 514 555 0199" in text
    set_card(network, {"show_employer": True})
    assert "ORG:Maple Health" in card_file(network, "vcf").content.decode()
    assert card_view(network).choice.phone == "+1 514 555 0199"
    assert card_file(network, "pdf", paper="letter").content.startswith(b"%PDF")
    with pytest.raises(InputRefused) as paper:
        card_file(network, "pdf", paper="a5")
    assert paper.value.field == "paper"
    with pytest.raises(InputRefused) as email:
        set_card(network, {"email": "amelie"})
    assert email.value.field == "email"


def test_the_card_reimports_as_a_person(network: Network, other_network: Network, tmp_path: Path) -> None:
    from orchardist.services.importing import import_file

    set_about_me(network, {"my_name": "Amélie Côté"})
    add_profile(network, "linkedin", {"title": "Data Analyst", "employer": "Maple Health"})
    set_card(network, {"email": "amelie@example.org"})
    path = tmp_path / "card.vcf"
    path.write_bytes(card_file(network, "vcf").content)
    import_file(other_network, path)
    from orchardist.services.people import list_people

    [listed] = list_people(other_network)
    person = listed.person
    assert (person.display_name, person.organisation, person.title) == (
        "Amélie Côté",
        "Maple Health",
        "Data Analyst",
    )
    assert person.emails == ("amelie@example.org",)


def test_a_backup_carries_the_professional_self(
    network: Network, other_network: Network, tmp_path: Path
) -> None:
    from orchardist.services.exporting import export_file, restore, snapshot

    set_about_me(network, {"my_name": "Amélie Côté", "search_mode": "discreet"})
    add_profile(
        network,
        "linkedin",
        {"display_name": "Amélie Côté", "open_to_work": True, "reviewed_on": "2026-11-02"},
    )
    add_profile(network, "Mastodon", {"url": "https://mastodon.example/@amelie", "visibility": "contacts"})
    set_parts(network, {"who": "I am Amélie.", "ask": "Who should I talk to?"})
    log_practice(network, "Meetup", "Good", on=TODAY)
    set_card(network, {"profile": "mastodon", "phone": "+1 514 555 0199", "show_employer": True})
    path = tmp_path / "backup.json"
    path.write_bytes(export_file(network, "json").content)
    assert '"version": 6' in path.read_text(encoding="utf-8")
    restore(other_network, path)
    assert list_profiles(other_network) == [
        replace(profile, id=mine.id)
        for profile, mine in zip(list_profiles(network), list_profiles(other_network), strict=True)
    ]
    assert pitch_view(other_network).parts == pitch_view(network).parts
    assert [(item.on, item.place, item.note) for item in pitch_view(other_network).practice] == [
        (TODAY, "Meetup", "Good")
    ]
    assert card_view(other_network).choice == card_view(network).choice
    restore(other_network, path)  # a second restore replaces, never doubles
    assert len(pitch_view(other_network).practice) == 1 and len(list_profiles(other_network)) == 2
    redacted = snapshot(network, redact=True)
    assert redacted.professional.profiles == () and redacted.professional.card is None


def test_a_backup_without_presence_still_restores(network: Network, tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text('{"format": "orchardist-backup", "version": 5, "people": []}', encoding="utf-8")
    from orchardist.services.exporting import restore

    add_profile(network, "linkedin", {})
    restore(network, path)
    assert list_profiles(network) == []
