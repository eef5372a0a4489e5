"""Today's reasons come from one table: a reason added there alone shows everywhere a reason shows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta

import icalendar
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from orchardist.cli.main import cli
from orchardist.domain.people import Person, Tier
from orchardist.domain.rhythm import TendingSettings
from orchardist.domain.tending import OCCASIONS, Tended, TodayItem
from orchardist.services import reasons
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.reasons import ReasonSpec
from orchardist.services.reminders import calendar
from orchardist.services.tending import dismiss, today
from orchardist.services.writing import compose
from orchardist.web.app import create_app
from orchardist.web.security import CSRF_COOKIE

HTML = {"accept": "text/html"}


def _welcome(person: Tended, _settings: TendingSettings, on: date) -> TodayItem | None:
    """Someone added in the last three days whom the user has not been in touch with yet."""
    days = (on - person.added_on).days
    if person.last_contact is not None or not 0 <= days <= 3:
        return None
    return TodayItem(
        person.person_id,
        person.name,
        "welcome",
        person.added_on,
        {"days": days},
        (OCCASIONS, 0.0, person.name),
    )


def _welcome_words(item: TodayItem, _: reasons.Translate) -> tuple[str, str]:
    return _("Added %(days)s days ago.") % {"days": item.detail["days"]}, _("Say hello while it is fresh.")


@pytest.fixture
def welcome() -> Iterator[str]:
    """A reason the domain knows nothing of, added to the table alone."""
    spec = ReasonSpec(
        "welcome",
        "Newly added",
        "message",
        _welcome_words,
        "reconnect",
        rule=_welcome,
        candidates=lambda unit, on: unit.progress.added_between(on - timedelta(days=3), on),
    )
    reasons.REASONS["welcome"] = spec
    yield "welcome"
    del reasons.REASONS["welcome"]


def test_the_built_in_reasons_each_have_their_words_and_a_known_log_kind() -> None:
    from orchardist.domain.interactions import KNOWN_KINDS
    from orchardist.domain.tending import Reason

    assert set(reasons.codes()) == {reason.value for reason in Reason}
    for spec in reasons.REASONS.values():
        assert spec.label and spec.log_kind in KNOWN_KINDS


def test_a_new_reason_in_the_table_shows_in_today_the_cli_the_api_the_pages_and_reminders(
    network: Network, db_arg: str, welcome: str
) -> None:
    on = date.today()
    mei = add_person(network, Person(display_name="Mei Lin", tier=Tier.CASUAL)).id or 0

    entries = today(network, on)
    assert [(entry.item.person_id, entry.item.reason) for entry in entries] == [(mei, welcome)]
    assert (entries[0].why, entries[0].action) == ("Added 0 days ago.", "Say hello while it is fresh.")

    listed = json.loads(CliRunner().invoke(cli, ["--db", db_arg, "today", "--json"]).output)
    assert [(item["reason"], item["why"]) for item in listed] == [(welcome, "Added 0 days ago.")]

    drafted = compose(network, mei, reasons.template_for(welcome))
    assert drafted.letter is not None and drafted.letter.subject == "Hello"

    with TestClient(create_app(network), base_url="http://localhost") as client:
        schema = client.get("/api/v1/openapi.json").json()
        assert welcome in schema["components"]["schemas"]["TodayEntryOut"]["properties"]["reason"]["enum"]
        assert [item["reason"] for item in client.get("/api/v1/today").json()] == [welcome]
        page = client.get("/today", headers=HTML)
        assert "Newly added" in page.text and f"/people/{mei}?kind=message" in page.text
        assert f"/people/{mei}/write?template=reconnect" in page.text
        written = client.get(f"/people/{mei}/write?template=reconnect", headers=HTML)
        assert written.status_code == 200 and "No need to reply" in written.text
        token = client.cookies.get(CSRF_COOKIE) or ""
        dismissed = client.post(
            "/api/v1/dismissals",
            json={"person_id": mei, "reason": welcome, "due": on.isoformat()},
            headers={"X-CSRF-Token": token},
        )
        assert dismissed.status_code == 204
    assert today(network, on) == []


def test_a_new_reason_is_named_in_the_reminders(network: Network, welcome: str) -> None:
    add_person(network, Person(display_name="Mei Lin", tier=Tier.CASUAL))
    events = icalendar.Calendar.from_ical(calendar(network, date.today(), days=1)).walk("VEVENT")
    assert [str(event["DESCRIPTION"]).splitlines()[0] for event in events] == ["Newly added: 1"]


def test_an_unknown_reason_is_refused_where_a_reason_is_given(network: Network) -> None:
    mei = add_person(network, Person(display_name="Mei Lin")).id or 0
    with pytest.raises(ValueError, match="welcome"):
        dismiss(network, mei, "welcome", date.today())


def test_counts_and_days_are_said_as_people_say_them() -> None:
    from orchardist.domain.tending import Reason, TodayItem
    from orchardist.services.tending import describe
    from orchardist.web import i18n

    once = TodayItem(1, "Ana", Reason.GIVE_BEFORE_ASK, date(2026, 12, 5), {"asked": 1})
    assert describe(once).why == "Due for a contact, and so far you have only asked (1 time)."
    twice = TodayItem(1, "Ana", Reason.GIVE_BEFORE_ASK, date(2026, 12, 5), {"asked": 2})
    assert describe(twice).why == "Due for a contact, and so far you have only asked (2 times)."
    overdue = TodayItem(1, "Ana", Reason.OVERDUE, date(2026, 12, 5), {"days_since": 1, "rhythm": 1})
    assert describe(overdue).why == "1 day since your last contact; you aim for a contact every 1 day."
    met = TodayItem(1, "Ana", Reason.FOLLOW_UP_DUE, date(2026, 12, 5), {"met_on": "2026-11-21"})
    assert describe(met).why == "You met on 2026-11-21; a follow-up was due on 2026-12-05."  # the CLI's days
    i18n.set_language("fr_CA")
    try:
        assert describe(met, i18n.speech()).why == (
            "Vous vous êtes rencontrés le 21 nov. 2026\u00a0; une relance était prévue le 5 déc. 2026."
        )
        assert describe(overdue, i18n.speech()).why == (
            "1 jour depuis votre dernier contact\u00a0; vous visez un contact par période de 1 jour."
        )
    finally:
        i18n.set_language("en")
