"""What full-text search sees of a person, and how a search box's text becomes terms.

Text is folded (case, accents) and cut into words here, once, so SQLite's FTS5 and PostgreSQL's
text search index exactly the same words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from orchardist.domain.matching import SORT_KEY_LENGTH, bounded, fold
from orchardist.domain.people import Person

_NOT_WORD = re.compile(r"[\W_]+")


def words(text: str) -> list[str]:
    """Folded words of ``text``: ``"O’Brien-Smith, PhD"`` -> ``["o", "brien", "smith", "phd"]``."""
    return [word for word in _NOT_WORD.split(fold(text)) if word]


@lru_cache(maxsize=16_384)
def _joined_words(text: str) -> str:
    return " ".join(words(text))


def topic_words(person: Person) -> str:
    """The words of what someone cares about: their interests, what they can help with and what they
    could use help with (indexed last, so sharing an article finds people by them)."""
    return " ".join(
        _joined_words(part)
        for part in (*person.interests, *person.can_help_with, *person.could_use_help_with)
        if part
    )


def search_text(person: Person) -> str:
    """The words search indexes: names, organisation, title, tags, location, e-mails, notes, then
    interests and what they can help with or could use help with."""
    parts = (
        person.display_name,
        person.given_name,
        person.family_name,
        person.organisation,
        person.title,
        *person.tags,
        person.location,
        *person.emails,
    )
    # Names, employers and titles repeat across a network, so each part's words are cached.
    indexed = " ".join([_joined_words(part) for part in parts if part])
    if person.notes:
        indexed = f"{indexed} {' '.join(words(person.notes))}"
    topics = topic_words(person)
    return f"{indexed} {topics}" if topics else indexed


def sort_key(person: Person) -> str:
    """Folded ``family given`` (or the display name), so lists sort alike on every database."""
    return bounded(
        fold(f"{person.family_name} {person.given_name}".strip() or person.display_name), SORT_KEY_LENGTH
    )
