"""``too-long``: a first message over 150 words; any length for a follow-up."""

from __future__ import annotations

from orchardist.coach.findings import Severity
from orchardist.coach.rules.too_long import MOST_WORDS, word_count
from orchardist.coach.wording import TOO_LONG_BETTER, TOO_LONG_WHY
from tests.coach.rules.helpers import found

RULE = "too-long"
LONG_ENGLISH = " ".join(["I would love to hear how you moved into product management."] * 15)
LONG_FRENCH = " ".join(["J'aimerais beaucoup savoir comment tu es passée à la gestion de produit."] * 15)


def test_a_long_first_message_gets_advice_about_the_whole_message() -> None:
    [finding] = found(RULE, LONG_ENGLISH, first_message=True)
    assert (finding.severity, finding.start, finding.end) == (Severity.ADVICE, 0, 0)
    assert finding.why == TOO_LONG_WHY(words=word_count(LONG_ENGLISH))
    assert finding.suggestion == TOO_LONG_BETTER(most=MOST_WORDS)
    assert str(finding.why).startswith("A first message of 165 words")


def test_french_words_count_as_a_reader_counts_them() -> None:
    assert word_count("J'aimerais qu'on se parle de l'équipe, peut-être mardi.") == 8
    assert len(found(RULE, LONG_FRENCH, first_message=True)) == 1


def test_a_short_first_message_or_a_long_follow_up_is_fine() -> None:
    short = " ".join(["word"] * MOST_WORDS)
    assert found(RULE, short, first_message=True) == []
    assert found(RULE, LONG_ENGLISH, first_message=False) == []
