"""``ask-without-giving``: an ask of someone the ledger shows the writer has not given to, or has
lately asked more than given; the suggestion names an offer that meets their needs."""

from __future__ import annotations

import pytest

from orchardist.coach.findings import Severity
from orchardist.coach.wording import (
    ASKED_MORE_LATELY,
    GIVE_FIRST,
    NOTHING_GIVEN,
    OFFER_FIRST,
    ONLY_ASKED,
)
from tests.coach.rules.helpers import ana, covered, found

RULE = "ask-without-giving"
ASK = "Hi Ana, great to see you at the meetup. Could you introduce me to someone in data science?"


def test_only_asks_in_the_ledger_is_a_warning_naming_the_offer() -> None:
    recipient = ana(gives=0, asks=2, offer="Reviewing résumés")
    [finding] = found(RULE, ASK, recipient=recipient)
    assert finding.severity is Severity.WARNING
    assert finding.why == ONLY_ASKED(name="Ana", asks=2)
    assert finding.suggestion == OFFER_FIRST(offer="Reviewing résumés")
    assert str(finding.suggestion) == "Offer first: Reviewing résumés"
    assert ASK[finding.start : finding.end] == "Could you introduce me to someone in data science"


def test_an_empty_ledger_is_advice_to_give_first() -> None:
    [finding] = found(RULE, ASK, recipient=ana(gives=0, asks=0))
    assert (finding.severity, finding.why, finding.suggestion) == (
        Severity.ADVICE,
        NOTHING_GIVEN(name="Ana"),
        GIVE_FIRST(),
    )


def test_recent_asks_outnumbering_recent_gives_is_advice() -> None:
    recipient = ana(gives=3, asks=5, recent_gives=1, recent_asks=2)
    [finding] = found(RULE, ASK, recipient=recipient)
    assert (finding.severity, finding.why) == (
        Severity.ADVICE,
        ASKED_MORE_LATELY(name="Ana", asks=2, gives=1),
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Would you have 20 minutes for a coffee next week?",
            ["Would you have 20 minutes for a coffee next week"],
        ),
        ("Bonjour Ana ! Pourrais-tu me présenter à Marc ?", ["Pourrais-tu me présenter à Marc"]),
        ("Are you hiring?", ["Are you hiring"]),
        ("Salut, tu connais quelqu'un chez Mila ?", ["tu connais quelqu'un chez Mila"]),
    ],
)
def test_any_kind_of_ask_counts(text: str, words: list[str]) -> None:
    assert covered(RULE, text, recipient=ana(gives=0)) == words


@pytest.mark.parametrize(
    "text",
    [
        "Congrats on the launch, Ana! The demo was great.",
        "Would you like me to introduce you to my friend who runs a design studio?",
        "Here is the article on remote work I mentioned. Enjoy!",
        "Joyeux anniversaire Ana ! J'espère que tu passes une belle journée.",
    ],
)
def test_a_message_that_asks_nothing_is_fine(text: str) -> None:
    assert found(RULE, text, recipient=ana(gives=0, asks=3)) == []


def test_a_balanced_ledger_or_an_unknown_recipient_is_fine() -> None:
    assert found(RULE, ASK, recipient=ana(gives=2, asks=2, recent_gives=1, recent_asks=1)) == []
    assert found(RULE, ASK) == []
