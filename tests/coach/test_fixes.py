"""Applying a finding's suggestion: the sentence it is in comes out or is replaced, in the message's
language, and what the rule found is gone; a rule that cannot mend by itself leaves the message."""

from __future__ import annotations

from typing import Any

import pytest

from orchardist.coach.checker import check
from orchardist.coach.findings import MessageContext, Recipient
from orchardist.coach.fixes import before_sentence, sentence_around, with_sentence, without_sentence
from orchardist.coach.rules import BY_ID, RULES
from orchardist.domain.discretion import SearchMode as Mode
from orchardist.web.i18n import translations

FRENCH = translations("fr_CA").gettext
COWORKER = Recipient(display_name="Sam Lee", given_name="Sam", context=("Contoso",), gives=1, coworker=True)


def _same(text: str) -> str:
    return text


def test_the_sentence_around_a_span() -> None:
    text = "Hi Ana,\n\nI hope you are well. Are you hiring at the moment? Thanks!"
    start = text.index("hiring")
    left, right = sentence_around(text, start, start + 6)
    assert text[left:right] == "Are you hiring at the moment? "
    assert without_sentence(text, start, start + 6) == "Hi Ana,\n\nI hope you are well. Thanks!"
    assert with_sentence(text, start, start + 6, "Could I ask your advice?") == (
        "Hi Ana,\n\nI hope you are well. Could I ask your advice? Thanks!"
    )
    assert before_sentence(text, start, "I can help with X.") == (
        "Hi Ana,\n\nI hope you are well. I can help with X. Are you hiring at the moment? Thanks!"
    )


def test_a_paragraph_left_empty_leaves_no_gap() -> None:
    text = "Hi Ana,\n\nI am looking for a new job.\n\nBest wishes,"
    start = text.index("looking")
    assert without_sentence(text, start, start + 7) == "Hi Ana,\n\nBest wishes,"


def test_a_french_question_mark_after_a_space_ends_the_sentence() -> None:
    text = "Bonjour\u00a0! Recrutez-vous en ce moment\u00a0? Merci."
    start = text.index("Recrutez")
    assert without_sentence(text, start, start + 8) == "Bonjour\u00a0! Merci."


def _mended(rule: str, text: str, translate: Any = _same, **context: Any) -> tuple[str, list[str]]:
    """The message with the first finding of ``rule`` mended, and the rules that still find something."""
    reading = MessageContext(text=text, **context)
    finding = next(item for item in check(reading) if item.rule == rule)
    spec = BY_ID[rule]
    assert spec.fix is not None and spec.fix_label
    mended = spec.fix(reading, finding, translate)
    assert mended is not None
    return mended, [item.rule for item in check(MessageContext(text=mended, **context))]


@pytest.mark.parametrize(
    ("lang", "text", "translate", "words"),
    [
        ("en", "Hi Sam,\n\nDo you know of any openings at Acme? Thanks.", _same, "Could I ask your advice"),
        ("fr", "Bonjour Sam,\n\nAvez-vous des postes ouverts chez Acme\u00a0? Merci.", FRENCH, "Pourrais-je"),
    ],
)
def test_an_ask_for_openings_becomes_an_ask_for_advice(
    lang: str, text: str, translate: Any, words: str
) -> None:
    mended, still = _mended("asks-for-job-openings", text, translate, lang=lang)
    assert words in mended and "asks-for-job-openings" not in still
    assert mended.startswith(text.split("\n\n")[0]) and mended.endswith(
        "Merci." if lang == "fr" else "Thanks."
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Hi Sam,\n\nBetween us, I am looking for a new job. How was the offsite?"),
        ("fr", "Bonjour Sam,\n\nEntre nous, je cherche un nouvel emploi. Comment était la retraite\u00a0?"),
    ],
)
def test_telling_a_coworker_comes_out(lang: str, text: str) -> None:
    context = {"lang": lang, "recipient": COWORKER, "search_mode": Mode.DISCREET}
    mended, still = _mended("reveals-job-search-to-unsafe-contact", text, **context)
    assert "reveals-job-search-to-unsafe-contact" not in still
    assert mended.startswith(text.split("\n\n")[0]) and mended.rstrip().endswith(
        ("offsite?", "retraite\u00a0?")
    )


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("begging-tone", "Hi Sam,\n\nI'm desperate at this point. Could we talk?"),
        ("begging-tone", "Bonjour Sam,\n\nJe prendrais n'importe quel emploi. Pouvons-nous parler\u00a0?"),
        ("confidential-detail", "Hi Sam,\n\nI make $85,000 a year now. Could we talk?"),
    ],
)
def test_begging_and_confidential_sentences_come_out(rule: str, text: str) -> None:
    mended, still = _mended(rule, text, recipient=COWORKER)
    assert rule not in still and mended.startswith(("Hi Sam,", "Bonjour Sam,"))


def test_asking_without_giving_puts_the_offer_first() -> None:
    ana = Recipient(
        display_name="Ana Silva", given_name="Ana", context=(), gives=0, offer="Reviewing résumés"
    )
    text = "Hi Ana,\n\nCould you introduce me to your manager?"
    mended, _still = _mended("ask-without-giving", text, recipient=ana)
    assert mended == (
        "Hi Ana,\n\nI would be glad to help with “Reviewing résumés”, if that is useful. "
        "Could you introduce me to your manager?"
    )
    french, _still = _mended(
        "ask-without-giving",
        "Bonjour Ana,\n\nPourriez-vous me présenter Omar\u00a0?",
        FRENCH,
        recipient=ana,
        lang="fr",
    )
    assert "Je serais heureux de vous aider avec «\u00a0Reviewing résumés\u00a0»" in french


def test_asking_without_giving_and_no_offer_is_left_to_the_writer() -> None:
    ana = Recipient(display_name="Ana Silva", given_name="Ana", gives=0)
    reading = MessageContext(text="Hi Ana, could you introduce me to Omar?", recipient=ana)
    finding = next(item for item in check(reading) if item.rule == "ask-without-giving")
    fix = BY_ID["ask-without-giving"].fix
    assert fix is not None and fix(reading, finding, _same) is None


def test_no_personal_touch_opens_with_their_name() -> None:
    ana = Recipient(display_name="Ana Silva", given_name="Ana", context=("Northwind",), gives=1)
    mended, still = _mended("no-personal-touch", "Good morning.\n\nI hope all is well.", recipient=ana)
    assert mended == "Hi Ana,\n\nGood morning.\n\nI hope all is well." and "no-personal-touch" not in still


def test_the_rules_that_cannot_mend_say_so() -> None:
    assert {rule.id for rule in RULES if rule.fix is None} == {"too-long", "sent-from-work-account"}
