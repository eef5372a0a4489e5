"""``asks-for-job-openings``: every way of asking for openings, and the good asks it leaves alone."""

from __future__ import annotations

import pytest

from orchardist.coach.findings import Severity
from orchardist.coach.wording import OPENINGS_BETTER, OPENINGS_WHY
from tests.coach.rules.helpers import covered, found

RULE = "asks-for-job-openings"

ASKS = [
    # English, formal and casual, typos and shorthands.
    ("any openings?", "any openings"),
    ("Hey, are you guys hiring?", "are you guys hiring"),
    ("do u know of any positions in logistics", "any positions"),
    ("Please keep me in mind if anything comes up.", "keep me in mind"),
    ("Could you pass my resume to HR?", "pass my resume to"),
    ("Could you pass my résumé to HR?", "pass my résumé to"),
    ("could you pass my CV to your hiring manager", "pass my CV to"),
    ("Would you refer me for the data analyst role?", "refer me for"),
    ("Is your team hirring right now?", "Is your team hirring"),
    ("Do you have any opennings in the Ottawa office?", "have any opennings"),
    ("I was wondering whether there are open positons at Bell.", "there are open positons"),
    # French, with and without accents.
    ("Avez-vous des postes ouverts ?", "Avez-vous des postes ouverts"),
    ("Est-ce que vous embauchez ?", "embauchez"),
    ("Pensez à moi si un poste se libère.", "Pensez à moi si un poste se libère"),
    ("Pourriez-vous transmettre mon CV aux RH ?", "transmettre mon CV"),
    ("Pourriez-vous me recommander pour le poste ?", "me recommander pour le poste"),
    ("Y a-t-il des offres d'emploi chez vous ?", "Y a-t-il des offres d'emploi"),
    ("embauchez-vous des etudiants cet ete ?", "embauchez-vous des etudiants"),
    ("pourrais tu passer mon cv a ta gestionnaire", "passer mon cv"),
    ("penses a moi si jamais ca embauche chez vous", "penses a moi si jamais ca embauche"),
]


@pytest.mark.parametrize(("text", "words"), ASKS)
def test_asks_for_openings_are_found_over_their_words(text: str, words: str) -> None:
    assert covered(RULE, text)[:1] == [words]


def test_a_finding_is_a_warning_suggesting_the_advice_ask() -> None:
    [finding] = found(RULE, "Are there any openings on your team?")
    assert finding.severity is Severity.WARNING
    assert (finding.why.code, finding.suggestion.code) == (OPENINGS_WHY.code, OPENINGS_BETTER.code)


def test_each_ask_in_a_message_is_a_finding_of_its_own() -> None:
    text = "Any openings at Acme? If not, keep me in mind. Pourriez-vous transmettre mon CV ?"
    assert covered(RULE, text) == ["Any openings", "keep me in mind", "transmettre mon CV"]


GOOD_OR_NEUTRAL = [
    "Could I ask your advice on moving from teaching into instructional design?",
    "Would you introduce me to someone on the analytics team?",
    "Who else should I talk to?",
    "Congrats on hiring your new team lead!",
    "Great position on the climate debate last night.",
    "Congratulations on your new position at RBC!",
    "Could you look over my résumé and tell me what you think?",
    "What do hiring managers look for in a portfolio?",
    "I'm not in any position to complain.",
    "Could you refer me to someone who knows about grant writing?",
    "Pourriez-vous me présenter à quelqu'un de votre équipe ?",
    "Auriez-vous 20 minutes pour me conseiller ?",
    "Félicitations pour l'embauche de votre nouvelle directrice !",
    "Félicitations pour ton nouveau poste !",
    "Qu'est-ce que tu aimes le plus de ton poste actuel ?",
    "Pourrais-tu me recommander un bon livre sur la gestion de projet ?",
    "Bravo pour la grande ouverture de ton café !",
    "My manager is hiring an intern, do you know anyone who might like it?",
]


@pytest.mark.parametrize("text", GOOD_OR_NEUTRAL)
def test_good_asks_and_other_senses_stay_silent(text: str) -> None:
    assert found(RULE, text) == []


def test_the_span_covers_the_characters_typed_whatever_the_accents_and_ligatures() -> None:
    text = "Cœur sur toi 💛 — est-ce que vous embauchez des étudiants ?"
    assert covered(RULE, text) == ["embauchez des étudiants"]
