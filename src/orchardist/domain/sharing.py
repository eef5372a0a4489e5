"""Share an article: the people it suits, ranked by what they care about, each with the words that matched.

An article is its text, or its title and link (words of the link's path count; the link is never
fetched). Its **terms** are the stems (``orchardist.domain.offers.stem``) of its words without stop
words, the commonest first; a word of the title or the link counts three times. The store finds the
people whose indexed words hold any term (full-text search, ``candidate_terms``); each is then
scored here, field by field (``SHARE_FIELDS``): a term found in someone's interests counts three
times as much as one found in their notes. A term most candidates hold counts less than a rare one
(it is weighed by ``log(1 + candidates / holders)``), and a term counts once per person, in the
field where it weighs most.

A person's word matches a term when it is the term, or starts with it and the term has at least
``PREFIX_STEM`` letters ("certific" matches "certification" and "certificate").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol
from urllib.parse import unquote, urlsplit

from orchardist.domain import wording
from orchardist.domain.matching import fold
from orchardist.domain.messages import Message, Wording
from orchardist.domain.offers import STOP_WORDS, stem

MOST_TERMS = 30
PREFIX_STEM = 4
TITLE_COUNT = 3
MAX_ARTICLE = 200_000
"""The most characters of an article read (the rest is left out)."""

# Words any article is full of that say nothing of whom it suits, in English and French.
ARTICLE_WORDS = frozenset(
    """
    new one two three many much also like just may might must make makes made way ways year years
    time times day days people person said says say will can could would should first last next
    well good great best better more most less very even still every each other others thing things
    article read reading post blog week weeks month months today yesterday tomorrow www http https com
    html org net amp use used using work works worked working new news said according however because
    plus tres aussi comme faire fait peut cette ces tout tous toute toutes ans annee annees jour jours
    nouveau nouvelle nouvelles selon lire article
    """.split()
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Term:
    """A stem the article is about, and how much it counts."""

    stem: str
    weight: float

    @property
    def prefix(self) -> bool:
        """Whether a word starting with the stem matches it (else only the stem itself)."""
        return len(self.stem) >= PREFIX_STEM


class Readable(Protocol):
    """Someone as sharing reads them: a ``Profile`` of ``orchardist.domain.pairing``."""

    @property
    def person_id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def organisation(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def interests(self) -> tuple[str, ...]: ...
    @property
    def needs(self) -> tuple[str, ...]: ...
    @property
    def offers(self) -> tuple[str, ...]: ...
    @property
    def notes(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ShareField:
    """A part of a person an article may match, its weight and its label (a wording, translated
    where shown)."""

    name: str
    weight: float
    label: Wording
    read: Callable[[Readable], Sequence[str]]


SHARE_FIELDS: tuple[ShareField, ...] = (
    ShareField("interests", 3.0, wording.SHARE_INTERESTS, lambda p: p.interests),
    ShareField("needs", 3.0, wording.SHARE_NEEDS, lambda p: p.needs),
    ShareField("tags", 2.5, wording.SHARE_TAGS, lambda p: p.tags),
    ShareField("title", 2.0, wording.SHARE_TITLE, lambda p: (p.title,)),
    ShareField("offers", 1.5, wording.SHARE_OFFERS, lambda p: p.offers),
    ShareField("organisation", 1.5, wording.SHARE_ORGANISATION, lambda p: (p.organisation,)),
    ShareField("notes", 1.0, wording.SHARE_NOTES, lambda p: (p.notes,)),
)
"""What an article is matched against, most telling first."""


def _meaningful(word: str) -> bool:
    return len(word) > 2 and not word.isdigit() and word not in STOP_WORDS and word not in ARTICLE_WORDS


def link_words(link: str) -> list[str]:
    """The folded words of a link's path ("https://x.org/2024/kubernetes-guide.html" -> kubernetes,
    guide), never its host nor its query."""
    try:
        path = unquote(urlsplit(link.strip()).path)
    except ValueError:
        return []
    path = re.sub(r"\.(html?|php|aspx?)$", "", path)
    return [word for word in _WORD.findall(fold(path).replace("_", " "))]


def article_terms(text: str, title: str = "", link: str = "") -> tuple[Term, ...]:
    """The terms of an article, the commonest first (at most ``MOST_TERMS``)."""
    counts: Counter[str] = Counter()
    for words, times in (
        (_WORD.findall(fold(title)), TITLE_COUNT),
        (link_words(link), TITLE_COUNT),
        (_WORD.findall(fold(text[:MAX_ARTICLE]).replace("_", " ")), 1),
    ):
        for word in words:
            if _meaningful(word):
                word_stem = stem(word)
                if len(word_stem) > 2:
                    counts[word_stem] += times
    ranked = sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[:MOST_TERMS]
    return tuple(Term(word_stem, 1.0 + math.log(count)) for word_stem, count in ranked)


@dataclass(frozen=True, slots=True)
class Suited:
    """Someone an article suits: the score and, per field, the words of theirs that matched."""

    person_id: int
    name: str
    score: float
    matched: tuple[tuple[ShareField, tuple[str, ...]], ...]

    @property
    def reasons(self) -> tuple[Message, ...]:
        return tuple(
            wording.SHARE_MATCHED(field=item.label(), words=list(words)) for item, words in self.matched
        )

    def why(self, translate: Callable[[str], str] | None = None) -> str:
        """The matched words, field by field ("interests: Kubernetes; notes: cloud")."""
        return "; ".join(reason.text(translate) if translate else str(reason) for reason in self.reasons)


@lru_cache(maxsize=65_536)
def _folded_words(text: str) -> tuple[tuple[str, str, str], ...]:
    """Each word of ``text`` as written, folded, and stemmed (words under three letters left out)."""
    found = []
    for written in _WORD.findall(text):
        word = fold(written)
        if len(word) >= 3:
            found.append((written, word, stem(word)))
    return tuple(found)


def _field_hits(person: Readable, terms: Sequence[Term]) -> dict[str, dict[str, list[str]]]:
    """For each term, the words of each field that match it (as the person wrote them)."""
    exact = {term.stem for term in terms}
    prefixes = [term.stem for term in terms if term.prefix]
    found: dict[str, dict[str, list[str]]] = {}
    for share_field in SHARE_FIELDS:
        for text in share_field.read(person):
            if not text:
                continue
            for written, word, word_stem in _folded_words(text):
                matched = {one for one in (word, word_stem) if one in exact}
                matched.update(prefix for prefix in prefixes if word.startswith(prefix))
                for term_stem in matched:
                    words = found.setdefault(term_stem, {}).setdefault(share_field.name, [])
                    if written not in words:
                        words.append(written)
    return found


def rank_people(terms: Sequence[Term], people: Iterable[Readable], *, limit: int = 10) -> list[Suited]:
    """The people ``terms`` suit best, best first, at most ``limit``; nobody whom no term matches."""
    weights = {share_field.name: share_field.weight for share_field in SHARE_FIELDS}
    by_name = {share_field.name: share_field for share_field in SHARE_FIELDS}
    hits = [(person, _field_hits(person, terms)) for person in people]
    hits = [(person, found) for person, found in hits if found]
    holders = Counter(term_stem for _, found in hits for term_stem in found)
    candidates = len(hits)
    ranked: list[Suited] = []
    for person, found in hits:
        score = 0.0
        shown: dict[str, list[str]] = {}
        for term in terms:
            fields = found.get(term.stem)
            if not fields:
                continue
            rarity = math.log(1.0 + candidates / holders[term.stem])
            best = max(weights[name] for name in fields)
            # A term found in several fields counts a little more than in its best one alone.
            score += term.weight * rarity * (best + 0.25 * (len(fields) - 1))
            for name, words in fields.items():
                kept = shown.setdefault(name, [])
                kept.extend(word for word in words if word not in kept)
        matched = tuple((by_name[name], tuple(shown[name])) for name in weights if name in shown)
        ranked.append(Suited(person.person_id, person.name, round(score, 2), matched))
    ranked.sort(key=lambda item: (-item.score, fold(item.name), item.person_id))
    return ranked[:limit]
