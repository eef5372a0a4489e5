"""Organisation names meet across spellings; warmth adds tier, recency and the give/ask balance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.warm_paths import Contactable, employer_key, warmth

ON = date(2026, 12, 7)


@pytest.mark.parametrize(
    "spelling", ["IBM", "I.B.M.", "IBM Canada Ltd.", "ibm corp", "I B M", "IBM Corporation", "The IBM"]
)
def test_spellings_of_ibm_share_one_key(spelling: str) -> None:
    assert employer_key(spelling) == "ibm"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Société Générale S.A.", "Societe Generale"),
        ("Desjardins Groupe", "desjardins"),
        ("Johnson & Johnson", "Johnson and Johnson"),
        ("Bombardier Ltée", "Bombardier Inc."),
    ],
)
def test_accents_punctuation_and_legal_words_do_not_matter(first: str, second: str) -> None:
    assert employer_key(first) == employer_key(second)


def test_names_in_other_scripts_keep_their_letters() -> None:
    assert employer_key("华为") == "华为"
    assert employer_key("Яндекс") == employer_key("ЯНДЕКС") != ""
    assert employer_key("...") == ""


def test_a_leading_country_word_is_kept_and_a_name_is_never_emptied() -> None:
    assert employer_key("Canada Post") == "canada post"
    assert employer_key("Canada Post") != employer_key("Post")
    assert employer_key("Limited") == "limited"
    assert employer_key("IBM") != employer_key("IBEX")


def test_warmth_grows_with_tier_recency_and_giving() -> None:
    base = Contactable(1, "A", "casual", None)
    assert warmth(Contactable(1, "A", "inner", None), ON) > warmth(base, ON)
    recent = Contactable(1, "A", "casual", ON - timedelta(days=1))
    old = Contactable(1, "A", "casual", ON - timedelta(days=400))
    assert warmth(recent, ON) > warmth(old, ON) > warmth(base, ON)
    giver = Contactable(1, "A", "casual", None, gave=3)
    taker = Contactable(1, "A", "casual", None, asked=3)
    assert warmth(giver, ON) == warmth(base, ON) + 1 and warmth(taker, ON) == warmth(base, ON) - 1
