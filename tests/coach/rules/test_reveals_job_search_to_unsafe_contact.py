"""reveals-job-search-to-unsafe-contact: in discreet mode, the search named to a co-worker (or maybe
one) who does not know of it, in English and in French."""

from __future__ import annotations

import pytest

from orchardist.coach.checker import check
from orchardist.coach.findings import MessageContext, Recipient, Severity
from orchardist.coach.rules import BY_ID
from orchardist.coach.rules.reveals_job_search_to_unsafe_contact import ID, search_words
from orchardist.domain.discretion import SearchMode

ANN = Recipient(display_name="Ann Lee", given_name="Ann", coworker=True)


def _found(
    text: str, recipient: Recipient | None = ANN, mode: SearchMode = SearchMode.DISCREET, lang: str = "en"
):
    context = MessageContext(text=text, lang=lang, recipient=recipient, search_mode=mode)
    return [finding for finding in check(context) if finding.rule == ID]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Between us, I'm looking for a new job.", "looking for a new job"),
        ("I am thinking of leaving my job next spring.", "leaving my job"),
        ("I had an interview at Northwind yesterday!", "interview"),
        ("Could you look over my résumé?", "résumé"),
        ("Could you look over my resume?", "my resume"),
        ("I attached my CV.", "CV"),
        ("My job search is going slowly.", "job search"),
        ("I'm open to new opportunities these days.", "open to new opportunities"),
        ("Do you know of any openings on your team?", "any openings"),
        ("A recruiter called me.", "recruiter"),
        ("Would you be a reference for me?", "be a reference"),
    ],
)
def test_english_words_of_a_search_to_a_coworker(text: str, words: str) -> None:
    found = _found(text)
    assert [text[item.start : item.end] for item in found] == [words]
    finding = found[0]
    assert finding.severity is Severity.WARNING
    assert finding.why.code == "coach.reveals_job_search_to_unsafe_contact.coworker"
    assert finding.why.params == {"words": words, "name": "Ann Lee"}
    assert "Ann Lee" in finding.to_dict()["message"] and finding.to_dict()["suggestion"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Entre nous, je cherche un emploi.", "je cherche un emploi"),
        ("J’ai une entrevue jeudi.", "entrevue"),
        ("Je pense quitter mon poste au printemps.", "quitter mon poste"),
        ("Je t’envoie mon CV.", "CV"),
        ("J'ai eu un entretien d'embauche hier.", "entretien d'embauche"),
        ("Ma recherche d’emploi avance.", "recherche d’emploi"),
        ("As-tu vu des offres d'emploi chez vous ?", "offres d'emploi"),
        ("Un chasseur de têtes m’a appelé.", "chasseur de têtes"),
        ("Je vais postuler chez Northwind.", "postuler"),
    ],
)
def test_french_words_of_a_search_to_a_coworker(text: str, words: str) -> None:
    found = _found(text, lang="fr")
    assert [text[item.start : item.end] for item in found] == [words]
    assert found[0].to_dict()["rule"] == ID


def test_every_mention_is_found_in_order() -> None:
    text = "I'm job hunting: an interview Monday, and my CV is out there."
    assert [match.group() for match in search_words(text)] == ["job hunting", "interview", "CV"]
    assert [item.start for item in _found(text)] == sorted(item.start for item in _found(text))


def test_a_maybe_coworker_is_warned_about_in_its_own_words() -> None:
    maybe = Recipient(display_name="Bo", coworker=None)
    (finding,) = _found("I'm looking for a new role.", recipient=maybe)
    assert finding.why.code == "coach.reveals_job_search_to_unsafe_contact.maybe_coworker"


@pytest.mark.parametrize(
    ("recipient", "mode"),
    [
        (ANN, SearchMode.OPEN),
        (ANN, SearchMode.OFF),
        (Recipient(display_name="Ann", coworker=True, knows_search=True), SearchMode.DISCREET),
        (Recipient(display_name="Cy", coworker=False), SearchMode.DISCREET),
        (None, SearchMode.DISCREET),
    ],
)
def test_no_warning_when_the_search_is_safe_to_tell(recipient: Recipient | None, mode: SearchMode) -> None:
    assert _found("I'm looking for a new job and have an interview.", recipient=recipient, mode=mode) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the coffee, it was great to catch up.",
        "Let's resume the meeting on Monday.",
        "Merci pour le café, à bientôt !",
        "The gallery had its opening on Friday.",
        "Cv est une abréviation.",
    ],
)
def test_nothing_found_in_words_that_are_not_about_a_search(text: str) -> None:
    assert _found(text) == []


def test_the_rule_is_registered() -> None:
    assert BY_ID[ID].severity is Severity.WARNING and BY_ID[ID].label
