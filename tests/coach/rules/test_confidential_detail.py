"""``confidential-detail``: salary figures, the writer's health, the employer's internal affairs."""

from __future__ import annotations

import pytest

from orchardist.coach.wording import EMPLOYER_WHY, HEALTH_WHY, SALARY_WHY
from tests.coach.rules.helpers import covered, found

RULE = "confidential-detail"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("My current salary is $85,000 plus bonus.", ["$85,000"]),
        ("I'm at 85k right now.", ["85k"]),
        ("I was making $92K at Acme.", ["$92K"]),
        ("Mon salaire actuel est de 85 000 $ par année.", ["85 000 $"]),
        ("Je gagne 85\u00a0000\u00a0$.", ["85\u00a0000\u00a0$"]),
        ("They paid me 38$/h.", ["38$/h"]),
        ("My salary was 78000 before the cut.", ["salary was 78000"]),
    ],
)
def test_salary_figures_are_found(text: str, words: list[str]) -> None:
    assert covered(RULE, text) == words
    assert {finding.why.code for finding in found(RULE, text)} == {SALARY_WHY.code}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I'm on medical leave until March.", ["medical leave"]),
        ("After my burnout I took some time to think.", ["burnout"]),
        ("I was diagnosed with ADHD last year.", ["diagnosed"]),
        ("Je suis en congé de maladie depuis janvier.", ["congé de maladie"]),
        ("J'ai fait un burn-out l'an dernier.", ["burn-out"]),
        ("je suis en conge maladie", ["conge maladie"]),
    ],
)
def test_the_writers_health_is_found(text: str, words: list[str]) -> None:
    assert covered(RULE, text) == words
    assert {finding.why.code for finding in found(RULE, text)} == {HEALTH_WHY.code}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Between us, layoffs are planned for June.", ["Between us", "layoffs are planned"]),
        ("This is confidential, but the merger talks are on.", ["confidential", "merger talks"]),
        ("The deck is internal only.", ["internal only"]),
        (
            "A restructuring is coming that hasn't been announced yet.",
            ["restructuring is coming", "hasn't been announced"],
        ),
        ("Des mises à pied sont prévues en juin.", ["mises à pied sont prévues"]),
        (
            "C'est confidentiel : la restructuration n'est pas encore annoncée.",
            ["confidentiel", "pas encore annoncée"],
        ),
        ("Document à usage interne seulement.", ["usage interne seulement"]),
    ],
)
def test_the_employers_internal_affairs_are_found(text: str, words: list[str]) -> None:
    assert covered(RULE, text) == words
    assert {finding.why.code for finding in found(RULE, text)} == {EMPLOYER_WHY.code}


@pytest.mark.parametrize(
    "text",
    [
        "I read your article about burnout in nursing and it resonated.",
        "Is your team's medical leave policy something people talk about?",
        "We ran a 10k together last spring!",
        "The conference is on May 12 at 9:30, room 2040.",
        "Your company announced the new office today, congrats!",
        "J'ai lu ton article sur l'épuisement professionnel des infirmières.",
        "Le colloque est le 12 mai, salle 2040.",
        "Could you give me a sense of typical salary ranges for analysts?",
    ],
)
def test_other_messages_stay_silent(text: str) -> None:
    assert found(RULE, text) == []
