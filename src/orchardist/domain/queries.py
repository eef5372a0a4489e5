"""Composable filters on people: ``Text("dan") & HasTag("mentor") | InTier(Tier.INNER)``.

Each filter can test a person in memory (``matches``); the store translates the same objects into
SQL, so the rules of a filter live here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from orchardist.domain.matching import fold
from orchardist.domain.people import Person, Tier
from orchardist.domain.search import search_text, words

Order = Literal["name", "last_contact", "recent"]
"""How a list of people is sorted: by name, never contacted and longest since first, or latest first."""


class Query:
    """A filter on people; combine with ``&`` and ``|``.

    ``Everyone`` is the identity of ``&`` (``Everyone() & q`` is ``q``) and absorbs ``|``; nested
    ``All`` and ``AnyOf`` are flattened, as khard's query objects are, so a filter built one part at a
    time is the same value as one written at once.
    """

    def matches(self, person: Person) -> bool:
        raise NotImplementedError

    def __and__(self, other: Query) -> Query:
        if isinstance(self, Everyone):
            return other
        if isinstance(other, Everyone):
            return self
        return All((*_parts(self, All), *_parts(other, All)))

    def __or__(self, other: Query) -> Query:
        if isinstance(self, Everyone) or isinstance(other, Everyone):
            return Everyone()
        return AnyOf((*_parts(self, AnyOf), *_parts(other, AnyOf)))


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


def _parts(query: Query, kind: type[All] | type[AnyOf]) -> tuple[Query, ...]:
    return query.parts if isinstance(query, kind) else (query,)


def people_filter(
    search: str | None = None,
    *,
    tag: str | None = None,
    tier: Tier | str | None = None,
    organisation: str | None = None,
) -> Query:
    """The filter every list of people takes (the CLI's options, the People page, the API's query):
    each given part must hold; blank parts are left out, and nothing given is ``Everyone``."""
    query: Query = Everyone()
    if search and search.strip():
        query &= Text(search.strip())
    if tag and tag.strip():
        query &= HasTag(tag.strip())
    if tier:
        query &= InTier(Tier(tier))
    if organisation and organisation.strip():
        query &= AtOrganisation(organisation.strip())
    return query
