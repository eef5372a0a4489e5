"""Neutral words in everything that leaves the app: digest subjects and bodies, calendar entries, and the
names of exported, backed-up and downloaded files never name a person, the employer or a job search —
in English and in French, whatever the job-search mode."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import NamedDate, PartialDate, Person, Tier
from orchardist.formats import registry
from orchardist.services.digest import compose, message
from orchardist.services.discretion import set_about_me
from orchardist.services.exporting import export_file, write_export_folder
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person, edit_person
from orchardist.services.reminders import calendar, occasions
from orchardist.services.settings import update
from orchardist.web import i18n
from orchardist.web.app import create_app
from orchardist.web.routes.exports import SQLITE_BACKUP_NAME

TELLING = re.compile(
    r"ann|lee|bo chen|contoso|fabrikam|job|search|emploi|recherche|interview|entrevue|r[ée]sum[ée]|\bcv\b|"
    r"discre|looking|cherch",
    re.IGNORECASE,
)
# In French a « résumé » is the digest itself (a CV is the tell there).
TELLING_IN = {
    "en": TELLING,
    "fr_CA": re.compile(TELLING.pattern.replace(r"r[ée]sum[ée]|", ""), re.IGNORECASE),
}


def _network(network: Network, today: date) -> None:
    set_about_me(
        network,
        {
            "my_name": "Dan Wu",
            "employer": "Contoso Ltd",
            "work_domains": ["contoso.com"],
            "search_mode": "discreet",
        },
    )
    ann = add_person(network, Person(display_name="Ann Lee", organisation="Contoso", tier=Tier.INNER))
    bo = add_person(network, Person(display_name="Bo Chen", organisation="Fabrikam", tier=Tier.INNER))
    log_interaction(
        network,
        [ann.id or 0],
        direction=Direction.ASKED,
        kind="coffee",
        summary="Job search advice",
        on=today,
    )
    log_interaction(
        network,
        [bo.id or 0],
        direction=Direction.SOCIAL,
        kind="message",
        summary="x",
        on=today - timedelta(days=40),
    )


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_digest_subjects_and_bodies_are_neutral(today: date, network: Network, language: str) -> None:
    _network(network, today)
    translate = i18n.translations(language).gettext
    telling = TELLING_IN[language]
    digest = compose(network, today, _=translate)
    assert digest.to_tend >= 1
    assert telling.search(digest.subject) is None, digest.subject
    assert telling.search(digest.body) is None, digest.body
    update(
        network, {"digest_to": "me@home.example", "digest_from": "me@home.example", "reminder_names": True}
    )
    mail = message(network, today, _=translate)
    assert telling.search(str(mail["Subject"])) is None  # the subject stays neutral with names on


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_calendar_entries_are_neutral(today: date, network: Network, language: str) -> None:
    _network(network, today)
    telling = TELLING_IN[language]
    data = calendar(network, today, _=i18n.translations(language).gettext)
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert events
    for event in events:
        assert telling.search(str(event["summary"])) is None
        assert telling.search(str(event.get("description", ""))) is None
    assert telling.search(data.decode("utf-8")) is None
    update(network, {"reminder_names": True})
    for event in icalendar.Calendar.from_ical(calendar(network, today)).walk("VEVENT"):
        assert TELLING.search(str(event["summary"])) is None  # names go in the description only


def test_file_names_are_neutral(today: date, network: Network) -> None:
    _network(network, today)
    names = [
        SQLITE_BACKUP_NAME.format(day=today),
        *(written.file_name_on(today) for written in registry.downloads()),
    ]
    names += [export_file(network, written.name, redact=True).file_name for written in registry.downloads()]
    with TestClient(create_app(network), base_url="http://localhost") as client:
        downloads = [client.get(f"/export/{written.name}") for written in registry.downloads()]
        downloads.append(client.get("/reminders.ics"))
        downloads += [client.get(f"/api/v1/exports/{written.name}") for written in registry.downloads()]
    for response in downloads:
        assert response.status_code == 200
        names.append(response.headers["content-disposition"].split("filename=")[1].strip('"'))
    assert "orchardist-reminders.ics" in names
    for name in names:
        assert re.fullmatch(r"orchardist-(backup-|reminders)?(\d{4}-\d{2}-\d{2})?\.\w+", name), name
        assert TELLING.search(name) is None, name


# An occasion's own word holds "ann" (anniversary, anniversaire): only Ann as a word tells of her.
OCCASION_TELLING = {
    language: re.compile(pattern.pattern.replace("ann|", r"\bann\b|"), re.IGNORECASE)
    for language, pattern in TELLING_IN.items()
}


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_the_occasions_calendar_is_neutral_and_never_names_an_employer(
    today: date, network: Network, language: str
) -> None:
    _network(network, today)
    with network.reading() as unit:
        ann, bo = unit.people.all()
    edit_person(network, ann.id or 0, {"birthday": PartialDate(month=3, day=29)})
    edit_person(network, bo.id or 0, {"dates": (NamedDate("anniversary", PartialDate(month=6, day=1)),)})
    translate = i18n.translations(language).gettext
    data = occasions(network, _=translate)
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert len(events) == 2
    assert OCCASION_TELLING[language].search(data.decode("utf-8")) is None
    update(network, {"reminder_names": True})
    named = occasions(network, _=translate).decode("utf-8")
    assert "Ann Lee" in named and "Bo Chen" in named  # the user asked for names: never the employer
    assert re.search("contoso|fabrikam|job|search|emploi|recherche", named, re.IGNORECASE) is None


def test_vdir_files_are_named_after_uids_only(today: date, network: Network, tmp_path: Path) -> None:
    _network(network, today)
    written = write_export_folder(network, "vdir", tmp_path / "cards")
    assert written.written == 2
    for path in (tmp_path / "cards").iterdir():
        assert re.fullmatch(r"[0-9a-f-]{36}\.vcf|\.orchardist-vdir\.json", path.name), path.name
