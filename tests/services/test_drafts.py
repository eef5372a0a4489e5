"""Drafted messages for Today's reasons, on SQLite and PostgreSQL, in English and French."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from orchardist.domain.people import Person
from orchardist.domain.tending import Reason
from orchardist.services.drafts import addressed_to, draft
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.offers import add_offer
from orchardist.services.people import add_person
from orchardist.services.reasons import REASONS
from orchardist.web.i18n import translations

# What an ask sounds like: a reconnect message must hold none of it.
ASK_WORDS = re.compile(
    r"\b(could you|would you|can you|will you|please|favou?r|advice|introduc\w*|opening|job|help|"
    r"refer\w*|let me know|get back)\b|\?",
    re.IGNORECASE,
)


def _person(network: Network, **fields: object) -> int:
    values: dict[str, object] = {"display_name": "Ana Silva", "given_name": "Ana", "family_name": "Silva"}
    values.update(fields)
    person = add_person(network, Person(**values))  # type: ignore[arg-type]
    assert person.id is not None
    return person.id


def _french(text: str) -> str:
    return translations("fr_CA").gettext(text)


@pytest.mark.parametrize("reason", list(REASONS))
def test_every_reason_has_a_message_addressed_by_given_name(network: Network, reason: str) -> None:
    ana = _person(network, organisation="Northwind")
    drafted = draft(network, ana, reason)
    assert drafted.reason is Reason(reason)
    assert drafted.body.startswith("Hi Ana,\n\n") and drafted.body.endswith("\n\nBest wishes,")
    assert drafted.subject and "Silva" not in drafted.subject
    assert drafted.addressed_to == "Ana" and drafted.name == "Ana Silva"
    assert drafted.mailto == ""  # no e-mail address


def test_the_reconnect_message_asks_for_nothing(network: Network) -> None:
    ana = _person(network, organisation="Northwind", could_use_help_with=("résumé review",))
    add_offer(network, "skill", "Reviewing résumés")
    body = draft(network, ana, "reconnect").body
    assert ASK_WORDS.search(body) is None, body
    assert "Northwind" not in body


def test_the_other_messages_say_what_they_are_for(network: Network) -> None:
    ana = _person(network, organisation="Northwind")
    assert "Thank you again" in draft(network, ana, "thank_you_owed").body
    assert "follow up" in draft(network, ana, "follow_up_due").body
    assert "How are things going at Northwind?" in draft(network, ana, "overdue").body


@pytest.mark.parametrize(
    ("occasion", "holiday", "words"),
    [
        ("birthday", "", "Happy birthday!"),
        ("work_anniversary", "", "Congratulations on your work anniversary at Northwind!"),
        ("new_job", "", "Congratulations on your new role at Northwind!"),
        ("holiday", "canada_day", "With Canada Day here"),
        ("", "", "warm wishes"),
        ("holiday", "no_such_day", "warm wishes"),
    ],
)
def test_occasion_messages(network: Network, occasion: str, holiday: str, words: str) -> None:
    ana = _person(network, organisation="Northwind")
    assert words in draft(network, ana, "occasion", occasion=occasion, holiday=holiday).body


def test_give_before_ask_offers_the_matching_offer(network: Network) -> None:
    add_offer(network, "skill", "Gardening")
    resumes = add_offer(network, "skill", "Reviewing résumés")
    ana = _person(network, could_use_help_with=("moving", "résumé review"))
    drafted = draft(network, ana, "give_before_ask")
    assert drafted.suggestion is not None
    assert (drafted.suggestion.offer, drafted.suggestion.need) == (resumes, "résumé review")
    assert "help with “résumé review”" in drafted.body and "“Reviewing résumés”" in drafted.body


def test_give_before_ask_offers_the_first_offer_when_none_matches(network: Network) -> None:
    gardening = add_offer(network, "skill", "Gardening")
    ana = _person(network, could_use_help_with=("moving",))
    drafted = draft(network, ana, "give_before_ask")
    assert drafted.suggestion is not None and drafted.suggestion.offer == gardening
    assert "“Gardening”" in drafted.body and "moving" not in drafted.body


def test_give_before_ask_without_offers_still_offers_help(network: Network) -> None:
    drafted = draft(network, _person(network), "give_before_ask")
    assert drafted.suggestion is None
    assert "whether I can be of help to you" in drafted.body


def test_another_networks_offers_are_never_offered(network: Network, other_network: Network) -> None:
    add_offer(other_network, "skill", "Reviewing résumés")
    ana = _person(network, could_use_help_with=("résumé review",))
    drafted = draft(network, ana, "give_before_ask")
    assert drafted.suggestion is None and "Reviewing" not in drafted.body
    with pytest.raises(NotFound):
        draft(other_network, ana, "overdue")


def test_the_mailto_link_carries_the_subject_and_body(network: Network) -> None:
    ana = _person(network, emails=("ana+jobs@example.org",))
    drafted = draft(network, ana, "thank_you_owed")
    link = urlsplit(drafted.mailto)
    assert link.scheme == "mailto" and unquote(link.path) == "ana+jobs@example.org"
    query = parse_qs(link.query)
    assert query == {"subject": ["Thank you"], "body": [drafted.body]}
    assert "+" not in link.query  # spaces are %20: a mail program reads + as a plus sign


def test_the_given_name_falls_back_to_the_first_name_part(network: Network) -> None:
    ana = _person(network, display_name="Dr. Ana Silva, PhD", given_name="", family_name="")
    assert draft(network, ana, "overdue").body.startswith("Hi Ana,")
    assert addressed_to(Person(display_name="Cher")) == "Cher"


def test_in_french(network: Network) -> None:
    ana = _person(network, organisation="Northwind")
    drafted = draft(network, ana, "reconnect", _=_french)
    assert drafted.body.startswith("Bonjour Ana,") and drafted.subject == _french("Hello")
    assert drafted.subject != "Hello"
    assert ASK_WORDS.search(drafted.body) is None


def test_unknown_reason_and_person(network: Network) -> None:
    with pytest.raises(InputRefused, match="reason: must be one of"):
        draft(network, _person(network), "gossip")
    with pytest.raises(NotFound, match="no person with id 999"):
        draft(network, 999, "overdue")
