"""Checking a message on SQLite and PostgreSQL: the recipient read from the network in one
transaction (name, what is known of them, the ledger, an offer that meets their needs), the rules
run over the text, and what a check refuses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from orchardist.coach.findings import Recipient
from orchardist.coach.wording import ASKED_MORE_LATELY, OFFER_FIRST, ONLY_ASKED
from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.coaching import MAX_MESSAGE, check_message
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.offers import add_offer
from orchardist.services.people import add_person
from orchardist.web import i18n

TODAY = date(2026, 12, 3)
ASK = "Hello, are you hiring? Could you pass my CV to your HR team?"


@pytest.fixture(autouse=True)
def frozen() -> object:
    with time_machine.travel(datetime(2026, 12, 3, 12, tzinfo=UTC), tick=False) as traveller:
        yield traveller


def _ana(network: Network) -> int:
    person = add_person(
        network,
        Person(
            display_name="Ana Silva",
            given_name="Ana",
            family_name="Silva",
            organisation="Northwind",
            where_met="PyCon Montréal",
            interests=("cycling",),
            could_use_help_with=("résumé review",),
        ),
    )
    assert person.id is not None
    return person.id


def _log(
    network: Network, person_id: int, direction: Direction, days_ago: int, summary: str = "Call"
) -> None:
    log_interaction(
        network,
        [person_id],
        direction=direction,
        kind="call",
        summary=summary,
        on=TODAY - timedelta(days=days_ago),
    )


def test_the_recipient_is_read_from_the_network(network: Network) -> None:
    ana = _ana(network)
    add_offer(network, "information", "Knows the Montréal logistics scene")
    add_offer(network, "skill", "Reviewing résumés")
    _log(network, ana, Direction.GAVE, 200, "Sent her the robotics article")
    _log(network, ana, Direction.MUTUAL, 150)
    _log(network, ana, Direction.ASKED, 20)
    _log(network, ana, Direction.ASKED, 10, "Talked about her move to Québec")
    view = check_message(network, "Hi Ana!", to=ana, sender="me@example.org", lang="en")
    assert view.recipient == Recipient(
        display_name="Ana Silva",
        given_name="Ana",
        context=("Northwind", "PyCon Montréal", "cycling", "Talked about her move to Québec"),
        gives=2,
        asks=2,
        recent_gives=0,
        recent_asks=2,
        offer="Reviewing résumés",
    )


def test_asks_of_someone_only_asked_of_are_warned_with_an_offer(network: Network) -> None:
    ana = _ana(network)
    add_offer(network, "skill", "Reviewing résumés")
    _log(network, ana, Direction.ASKED, 30)
    findings = check_message(network, ASK, to=ana, sender="", lang="en").findings
    assert [finding.rule for finding in findings] == [
        "no-personal-touch",
        "asks-for-job-openings",
        "ask-without-giving",
        "asks-for-job-openings",
    ]
    [giving] = [finding for finding in findings if finding.rule == "ask-without-giving"]
    assert giving.why == ONLY_ASKED(name="Ana", asks=1)
    assert giving.suggestion == OFFER_FIRST(offer="Reviewing résumés")


def test_recent_asks_count_the_last_90_days(network: Network) -> None:
    ana = _ana(network)
    _log(network, ana, Direction.GAVE, 91)
    _log(network, ana, Direction.ASKED, 90)
    _log(network, ana, Direction.ASKED, 1)
    [giving] = [
        finding
        for finding in check_message(network, "Ana, could you introduce me to Marc?", to=ana).findings
        if finding.rule == "ask-without-giving"
    ]
    assert giving.why == ASKED_MORE_LATELY(name="Ana", asks=2, gives=0)


def test_a_first_message_is_one_with_no_contact_logged(network: Network) -> None:
    ana = _ana(network)
    long_message = "Hi Ana, " + "I enjoyed our chat at PyCon about cycling in Montréal. " * 20
    assert "too-long" in {finding.rule for finding in check_message(network, long_message, to=ana).findings}
    _log(network, ana, Direction.SOCIAL, 3)
    assert "too-long" not in {
        finding.rule for finding in check_message(network, long_message, to=ana).findings
    }


def test_without_a_recipient_only_the_text_is_read(network: Network) -> None:
    view = check_message(network, ASK)
    assert view.recipient is None
    assert [finding.rule for finding in view.findings] == ["asks-for-job-openings", "asks-for-job-openings"]


def test_findings_are_said_in_french(network: Network) -> None:
    view = check_message(network, "Avez-vous des postes ouverts ?", lang="fr")
    [said] = view.to_dict(i18n.translations("fr_CA").gettext)["findings"]
    assert said["rule"] == "asks-for-job-openings" and said["severity"] == "warning"
    assert (said["start"], said["end"]) == (0, 28)
    assert said["message"].startswith("Demander s’il y a des postes ouverts")
    assert set(view.to_dict()["findings"][0]) == {"rule", "severity", "start", "end", "message", "suggestion"}


def test_someone_not_in_this_network_is_not_found(network: Network, other_network: Network) -> None:
    bobs = _ana(other_network)
    with pytest.raises(NotFound, match=f"no person with id {bobs}"):
        check_message(network, "Hi Ana", to=bobs)
    with pytest.raises(NotFound):
        check_message(network, "Hi", to=999_999)


@pytest.mark.parametrize(
    ("text", "lang", "field", "code"),
    [
        ("", "en", "text", "coach.nothing_to_check"),
        (" \n\t", "en", "text", "coach.nothing_to_check"),
        ("a\x00b", "en", "text", "text.nul"),
        ("x" * (MAX_MESSAGE + 1), "en", "text", "field.too_long"),
        ("Hi", "de", "lang", "field.one_of"),
    ],
)
def test_what_cannot_be_checked_is_refused(
    network: Network, text: str, lang: str, field: str, code: str
) -> None:
    with pytest.raises(InputRefused) as refused:
        check_message(network, text, lang=lang)
    assert (refused.value.field, refused.value.code) == (field, code)
