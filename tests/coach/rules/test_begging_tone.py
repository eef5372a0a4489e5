"""``begging-tone``: pleading words, in English and French, and the calm ones it leaves alone."""

from __future__ import annotations

import pytest

from orchardist.coach.findings import Severity
from tests.coach.rules.helpers import covered, found

RULE = "begging-tone"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I'm desperate at this point.", ["desperate"]),
        ("Honestly I'd take any job right now.", ["take any job"]),
        ("I'll take anything, really.", ["I'll take anything"]),
        ("please please let me know", ["please please"]),
        ("Pleeeease help me out", ["Pleeeease"]),
        ("I'm begging you, anything at all would help.", ["I'm begging", "anything at all"]),
        ("Je suis prête à accepter n'importe quel emploi.", ["Je suis prête à accepter n'importe"]),
        ("Je prendrais n'importe quel emploi.", ["Je prendrais n'importe"]),
        ("N'importe quel poste ferait l'affaire.", ["N'importe quel poste"]),
        ("Je suis désespérée.", ["désespérée"]),
        ("Je suis desespere", ["desespere"]),
        ("Honnêtement, je prends tout.", ["je prends tout"]),
        ("Je vous en supplie, aidez-moi.", ["Je vous en supplie"]),
    ],
)
def test_pleading_words_are_found(text: str, words: list[str]) -> None:
    assert covered(RULE, text) == words
    assert {finding.severity for finding in found(RULE, text)} == {Severity.WARNING}


@pytest.mark.parametrize(
    "text",
    [
        "Do you know of any job openings at Acme?",
        "I'm looking for my next role in logistics, where I can use my planning experience.",
        "Please let me know if Thursday works.",
        "Any advice would be welcome.",
        "Je cherche un poste en logistique où mettre à profit mon expérience.",
        "S'il vous plaît, dites-moi si jeudi vous convient.",
        "Le désespoir d'Hamlet était le sujet de ton article.",
    ],
)
def test_calm_messages_stay_silent(text: str) -> None:
    assert found(RULE, text) == []
