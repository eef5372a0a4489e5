"""The English sentences of the services, formats and domain, recognised and shown in French."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from orchardist.domain.duplicates import find_duplicates
from orchardist.domain.people import Person
from orchardist.web import i18n
from orchardist.web.messages import SENTENCES, translate_message

NBSP = "\u00a0"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _sample(sentence: str) -> tuple[str, dict[str, str]]:
    """The sentence as its source would write it, with made-up values (digits where digits go)."""
    values = {name: str(40 + index) for index, name in enumerate(PLACEHOLDER.findall(sentence))}
    return sentence % values, values


@pytest.fixture
def french() -> Iterator[None]:
    i18n.set_language("fr_CA")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_each_sentence_has_words_of_its_own(sentence: str) -> None:
    # A sentence of placeholders only would claim every message.
    assert len(PLACEHOLDER.sub("", sentence).strip(" :;,()")) >= 4


@pytest.mark.parametrize("sentence", SENTENCES)
def test_english_comes_out_unchanged(sentence: str) -> None:
    text, _values = _sample(sentence)
    assert translate_message(text) == text


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize("sentence", SENTENCES)
def test_each_sentence_is_translated_with_its_values_in_place(sentence: str) -> None:
    text, values = _sample(sentence)
    translated = translate_message(text)
    assert translated == i18n.gettext(sentence) % values
    assert translated != text
    for value in values.values():
        assert value in translated


@pytest.mark.usefixtures("french")
def test_a_reason_inside_a_sentence_is_translated_too() -> None:
    assert translate_message("line 12, field 'email': the file is empty") == (
        f"ligne 12, champ 'email'{NBSP}: le fichier est vide"
    )
    # A library's own explanation stays as it is, inside the French.
    assert translate_message(
        "'bob@' is not an e-mail address: There must be something after the @-sign."
    ) == (f"'bob@' n’est pas une adresse courriel{NBSP}: There must be something after the @-sign.")


@pytest.mark.usefixtures("french")
def test_other_text_is_left_alone() -> None:
    assert translate_message("Coffee with Priya") == "Coffee with Priya"
    assert translate_message("") == ""
    assert translate_message("line twelve: the file is empty") == "line twelve: the file is empty"


@pytest.mark.usefixtures("french")
def test_every_reason_the_duplicate_finder_gives_is_translated() -> None:
    ada = {"emails": ("a@x.example",), "phones": ("+1 514 555 0101",)}
    lea = {"urls": ("https://lea.example",), "linkedin_url": "https://linkedin.com/in/lea"}
    people = [
        Person(id=1, display_name="Tom Becker", given_name="Tom", family_name="Becker", organisation="Acme"),
        Person(
            id=2, display_name="Thomas Becker", given_name="Thomas", family_name="Becker", organisation="Acme"
        ),
        Person(id=3, display_name="Ada Lovelace", given_name="Ada", family_name="Lovelace", **ada),  # type: ignore[arg-type]
        Person(id=4, display_name="Lovelace Ada", given_name="Lovelace", family_name="Ada", **ada),  # type: ignore[arg-type]
        Person(id=5, display_name="Grace M. Hopper", given_name="Grace M.", family_name="Hopper"),
        Person(id=6, display_name="Grace Hopper", given_name="Grace", family_name="Hopper"),
        Person(id=7, display_name="Minh Nguyen", given_name="Minh", family_name="Nguyen"),
        Person(id=8, display_name="Minh Ngyuen", given_name="Minh", family_name="Ngyuen"),
        Person(id=9, display_name="Léa", **lea),  # type: ignore[arg-type]
        Person(id=10, display_name="LEA", **lea),  # type: ignore[arg-type]
    ]
    reasons = {reason for pair in find_duplicates(people) for reason in pair.reasons}
    # Every kind of reason: e-mail, phone, LinkedIn, web address, four kinds of name, organisation.
    assert len(reasons) >= 10, reasons
    untranslated = [reason for reason in reasons if translate_message(reason) == reason]
    assert not untranslated
