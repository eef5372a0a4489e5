"""Matching offers to needs, and who counts as "only taken from"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orchardist.domain.interactions import only_took
from orchardist.domain.offers import (
    AskWarning,
    Offer,
    OfferKind,
    Suggestion,
    match_key,
    matches,
    matching_needs,
    stem,
)


@pytest.mark.parametrize(
    ("offer", "need"),
    [
        ("Reviewing résumés", "resume review"),  # accents, plural and -ing folded
        ("RÉSUMÉ REVIEW", "résumé review"),  # case
        ("Relecture de CV", "CV review"),  # French stop word dropped, "cv" kept
        ("Introductions to hiring managers at Northwind", "an introduction to someone at Northwind"),
        ("Cover letters", "writing a cover letter"),
        ("Marketing strategy", "market research"),
        ("javascript", "java script"),  # written together: rapidfuzz
        ("Data analysis", "data analyses"),  # stems that begin one another
        ("Connaissance du marché montréalais", "s'installer à Montréal"),
    ],
)
def test_an_offer_fits_a_need(offer: str, need: str) -> None:
    assert matches(offer, need)
    assert matches(need, offer)  # the rule is symmetric


@pytest.mark.parametrize(
    ("offer", "need"),
    [
        ("the", "the"),  # only stop words: nothing meaningful to match
        ("Help with the move", "help with a résumé"),  # "help with" is how needs are phrased, not a need
        ("Le réseau de la santé", "la fiscalité des entreprises"),  # French stop words alone
        ("Data analysis", "date"),
        ("Python", "pytorch"),
        ("Tax returns", "taxi"),
        ("Excel", "excellence"),  # a five-letter stem does not begin a longer word for a match
        ("", "résumé review"),
        ("Reviewing résumés", "   "),
    ],
)
def test_no_false_match(offer: str, need: str) -> None:
    assert not matches(offer, need)


def test_the_key_folds_case_and_accents_and_drops_stop_words() -> None:
    key = match_key("  Les CV   et l’Entrevue d'EMBAUCHE  ")
    assert key.words == ("cv", "entrevue", "embauche")
    assert key.stems == frozenset({"cv", "entrevu", "embauch"})
    assert match_key("the of and with help").words == ()


def test_stems_drop_a_plural_and_one_ending() -> None:
    assert stem("reviewing") == stem("reviews") == stem("review") == "review"
    assert stem("resumes") == stem("resume") == "resum"
    assert stem("introductions") == stem("introduction") == "introduct"
    assert stem("class") == "class"  # a double s is not a plural
    assert stem("bus") == "bus"  # too short to lose anything


def test_matching_needs_keeps_the_needs_order() -> None:
    needs = ["moving house", "résumé review", "a resume template", "the"]
    assert matching_needs("Reviewing résumés", needs) == ["résumé review", "a resume template"]


@pytest.mark.parametrize(
    ("gave", "asked", "mutual", "expected"),
    [
        (0, 1, 0, True),
        (0, 5, 0, True),
        (0, 0, 0, False),  # never asked: nothing taken yet
        (1, 3, 0, False),
        (0, 3, 1, False),  # something mutual counts as giving back
    ],
)
def test_only_took(gave: int, asked: int, mutual: int, expected: bool) -> None:
    assert only_took(gave, asked, mutual) is expected


def test_a_warning_is_matched_only_when_a_suggestion_meets_a_need() -> None:
    offer = Offer(
        id=1, kind=OfferKind.SKILL, text="Reviewing résumés", created_at=datetime(2026, 12, 3, tzinfo=UTC)
    )
    plain = AskWarning(person_id=1, name="Ana", gave=0, asked=2, mutual=0, suggestions=(Suggestion(offer),))
    fitting = AskWarning(
        person_id=1, name="Ana", gave=0, asked=2, mutual=0, suggestions=(Suggestion(offer, "résumé review"),)
    )
    assert not plain.matched and fitting.matched
