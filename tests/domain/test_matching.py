"""Matching keys fit the columns that hold them, however far folding lengthens a value."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from orchardist.domain.matching import (
    _PUNCTUATION,
    ORGANISATION_KEY_LENGTH,
    bounded,
    email_key,
    fold,
    linkedin_key,
    match_keys,
    name_key,
    name_org_key,
    organisation_key,
    phone_key,
)
from orchardist.domain.people import Person
from tests.strategies import people as people_strategy


def test_a_key_too_long_for_its_column_is_cut_with_a_digest_of_the_whole() -> None:
    assert bounded("maple health", 300) == "maple health"
    first, second = organisation_key("\ufdfa" * 299 + "a"), organisation_key("\ufdfa" * 299 + "b")
    assert len(first) == len(second) == ORGANISATION_KEY_LENGTH
    assert first != second
    assert organisation_key("\ufdfa" * 299 + "A") == first  # still folded alike


def _fold_whole(text: str) -> str:
    """Folding as it was written first: the whole text decomposed at once."""
    folded = text.casefold().translate(_PUNCTUATION)
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(folded.split())


_NAMEISH = st.text(
    st.sampled_from(list("aéZ ß’‐ \u0301\u00a0\u00a8\ufdfa\u2002İıǅﬁ\u0308\t")) | st.characters(), max_size=30
)


@settings(max_examples=500, deadline=None)
@given(text=_NAMEISH)
def test_folding_word_by_word_equals_folding_the_whole_text(text: str) -> None:
    assert fold.__wrapped__(text) == _fold_whole(text)


def test_folding_drops_accents_and_squeezes_spaces() -> None:
    assert fold("  José  D’ÁLVAREZ ") == "jose d'alvarez"
    assert fold("Zoë \u0301Côté\u00a0Müller ¨") == "zoe cote muller"


def _keys_one_by_one(person: Person) -> list[tuple[str, str]]:
    """Matching keys as they were first worked out, each key function on its own."""
    keys: list[tuple[str, str]] = [("uid", person.uid)] if person.uid else []
    for url in (person.linkedin_url, *person.urls):
        key = linkedin_key(url)
        if key and ("linkedin", key) not in keys:
            keys.append(("linkedin", key))
    keys.extend(("email", email_key(email)) for email in person.emails if email_key(email))
    keys.extend(("phone", phone_key(phone)) for phone in person.phones if len(phone_key(phone)) >= 7)
    if name_org := name_org_key(person):
        keys.append(("name_org", name_org))
    if name := name_key(person):
        keys.append(("name", name))
    return keys


@settings(max_examples=300, deadline=None)
@given(person=people_strategy)
def test_match_keys_are_the_keys_each_key_function_gives(person: Person) -> None:
    assert match_keys(person) == _keys_one_by_one(person)
