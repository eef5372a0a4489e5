"""``no-personal-touch``: a message with neither the recipient's given name nor anything the network
knows of them (organisation, how and where met, interests, last conversation)."""

from __future__ import annotations

import pytest

from orchardist.coach.findings import Severity
from orchardist.coach.wording import IMPERSONAL_BETTER, IMPERSONAL_BETTER_HINT, IMPERSONAL_WHY
from tests.coach.rules.helpers import ana, found

RULE = "no-personal-touch"
GENERIC = "Hello, I hope you are well. I would like to connect and learn from your experience."
KNOWN = ("Northwind Traders", "met at PyCon Montréal 2024", "cycling", "Talked about her move to Québec")


def test_a_message_that_could_go_to_anyone_gets_advice_with_a_hint() -> None:
    [finding] = found(RULE, GENERIC, recipient=ana(context=KNOWN))
    assert (finding.severity, finding.start, finding.end) == (Severity.ADVICE, 0, 0)
    assert finding.why == IMPERSONAL_WHY(name="Ana")
    assert finding.suggestion == IMPERSONAL_BETTER_HINT(hint="Northwind Traders")


def test_without_context_the_advice_is_general() -> None:
    [finding] = found(RULE, GENERIC, recipient=ana(context=()))
    assert finding.suggestion == IMPERSONAL_BETTER()


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ana, I hope you are well.",
        "hi ana! hope you're well",
        "Great to meet you at PyCon last week.",
        "How is everything at Northwind these days?",
        "Did you get out cycling this weekend?",
        "Comment se passe la vie à Quebec depuis ton déménagement ?",
        "J'ai repensé à notre discussion sur ton déménagement au Québec.",
        "Bonjour Ana, j'espère que tu vas bien.",
    ],
)
def test_the_name_or_something_of_theirs_is_a_personal_touch(text: str) -> None:
    assert found(RULE, text, recipient=ana(context=KNOWN)) == []


def test_the_display_name_stands_in_for_a_missing_given_name() -> None:
    recipient = ana(given_name="", display_name="Ana Silva", context=())
    assert found(RULE, "Hello Ana!", recipient=recipient) == []
    [finding] = found(RULE, "Hello there!", recipient=recipient)
    assert finding.why == IMPERSONAL_WHY(name="Ana Silva")


def test_a_long_hint_is_shortened_and_no_recipient_means_no_finding() -> None:
    [finding] = found(RULE, GENERIC, recipient=ana(context=("x" * 100,)))
    assert len(finding.suggestion.params["hint"]) == 60
    assert found(RULE, GENERIC) == []
