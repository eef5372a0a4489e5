"""What full-text search sees of a person, and how a search box's text becomes terms.

Text is folded (case, accents) and cut into words here, once, so SQLite's FTS5 and PostgreSQL's
text search index exactly the same words.
"""

from __future__ import annotations

import re

from orchardist.domain.matching import fold
from orchardist.domain.people import Person

_NOT_WORD = re.compile(r"[\W_]+")


def words(text: str) -> list[str]:
    """Folded words of ``text``: ``"O’Brien-Smith, PhD"`` -> ``["o", "brien", "smith", "phd"]``."""
    return [word for word in _NOT_WORD.split(fold(text)) if word]


def search_text(person: Person) -> str:
    """The words search indexes: names, organisation, title, tags, location, e-mails and notes."""
    parts = [
        person.display_name,
        person.given_name,
        person.family_name,
        person.organisation,
        person.title,
        " ".join(person.tags),
        person.location,
        " ".join(person.emails),
        person.notes,
    ]
    return " ".join(words(" ".join(parts)))


def sort_key(person: Person) -> str:
    """Folded ``family given`` (or the display name), so lists sort alike on every database."""
    return fold(f"{person.family_name} {person.given_name}".strip() or person.display_name)
