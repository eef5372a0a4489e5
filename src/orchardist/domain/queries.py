"""Composable filters on people: ``Text("dan") & HasTag("mentor") | InTier(Tier.INNER)``.

Each filter can test a person in memory (``matches``); the store translates the same objects into
SQL, so the rules of a filter live here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from orchardist.domain.matching import fold
from orchardist.domain.people import Person, Tier
from orchardist.domain.search import search_text, words


class Query:
    """A filter on people; combine with ``&`` and ``|``."""

    def matches(self, person: Person) -> bool:
        raise NotImplementedError

    def __and__(self, other: Query) -> Query:
        return All((self, other))

    def __or__(self, other: Query) -> Query:
        return AnyOf((self, other))


@dataclass(frozen=True, slots=True)
class Everyone(Query):
    """No filter at all."""

    def matches(self, person: Person) -> bool:
        return True


@dataclass(frozen=True, slots=True)
class Text(Query):
    """Every word typed is the start of some word the person's record holds (search as you type)."""

    text: str

    @property
    def terms(self) -> list[str]:
        return words(self.text)

    def matches(self, person: Person) -> bool:
        haystack = search_text(person).split()
        return all(any(word.startswith(term) for word in haystack) for term in self.terms)


@dataclass(frozen=True, slots=True)
class HasTag(Query):
    """Tagged with ``tag`` (case and accents ignored)."""

    tag: str

    def matches(self, person: Person) -> bool:
        return any(fold(tag) == fold(self.tag) for tag in person.tags)


@dataclass(frozen=True, slots=True)
class InTier(Query):
    tier: Tier

    def matches(self, person: Person) -> bool:
        return person.tier == self.tier


@dataclass(frozen=True, slots=True)
class AtOrganisation(Query):
    """Works at ``name`` (case and accents ignored)."""

    name: str

    def matches(self, person: Person) -> bool:
        return bool(person.organisation) and fold(person.organisation) == fold(self.name)


@dataclass(frozen=True, slots=True)
class All(Query):
    parts: tuple[Query, ...]

    def matches(self, person: Person) -> bool:
        return all(part.matches(person) for part in self.parts)


@dataclass(frozen=True, slots=True)
class AnyOf(Query):
    parts: tuple[Query, ...]

    def matches(self, person: Person) -> bool:
        return any(part.matches(person) for part in self.parts)
