"""What the user can offer others, matched to what people could use help with; give before you ask.

An offer is a skill, some information or an introduction the user can give ("Reviewing résumés",
"Knows the Montréal logistics scene", "Can introduce you to hiring managers at Northwind").

**Matching rule.** An offer matches a need ("résumé review") when, after both texts are folded (case,
accents, apostrophes and dashes, as ``orchardist.domain.matching.fold``) and their stop words dropped —
English and French function words, and the filler of how people phrase help ("help", "need",
"advice", "aide", "besoin", …) —

1. they share a meaningful word stem: each word is stemmed by dropping a plural ``s`` and then one
   common English or French ending (``ing``, ``ed``, ``ion``, ``ment``, ``eur``, ``e``, …); two stems
   are shared when they are equal, or when the shorter has at least ``MIN_PREFIX_STEM`` letters and
   begins the longer ("introduc" in "introduct"); or
2. rapidfuzz's ``token_set_ratio`` of the two remaining texts is at least ``FUZZY_THRESHOLD`` (80),
   which catches typos and words run together ("javascript" / "java script").

A text left with no meaningful word (only "the", "help with") matches nothing.

**Give before you ask.** Someone you have only asked of — at least one ask, no give and nothing
mutual — is owed a give first: ``orchardist.domain.interactions.only_took``. Today ranks them as
``give_before_ask``, and the app warns before the next ask.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from orchardist.domain.limits import MAX_OFFER_TEXT
from orchardist.domain.matching import fold
from orchardist.domain.messages import Message
from orchardist.domain.wording import GIVE_BEFORE_ASK

FUZZY_THRESHOLD = 80
MIN_PREFIX_STEM = 6
MAX_TEXT = MAX_OFFER_TEXT


class OfferKind(enum.StrEnum):
    """What sort of thing is offered."""

    SKILL = "skill"
    INFORMATION = "information"
    INTRODUCTION = "introduction"


@dataclass(frozen=True, slots=True)
class Offer:
    """Something the user can give."""

    id: int
    kind: OfferKind
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class OfferMatch:
    """An offer that fits what someone could use help with."""

    offer: Offer
    person_id: int
    name: str
    need: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An offer to make someone before asking them, with the need it meets ("" when none is known)."""

    offer: Offer
    need: str = ""


@dataclass(frozen=True, slots=True)
class AskWarning:
    """Someone the user has only asked of: the counts, and what to offer them first."""

    person_id: int
    name: str
    gave: int
    asked: int
    mutual: int
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def message(self) -> Message:
        """The warning in words (``offers.give_before_ask``), as the command line and the API say it."""
        return GIVE_BEFORE_ASK(name=self.name, asked=self.asked)

    @property
    def matched(self) -> bool:
        """Whether the suggestions meet a need they wrote down (else they are simply the user's offers)."""
        return any(suggestion.need for suggestion in self.suggestions)


_ENGLISH_STOP_WORDS = """
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours yourself yourselves
"""
_FRENCH_STOP_WORDS = """
a au aux avec ce ces c ceci cela celle celui comme dans de des du d elle elles en est et etre eux il ils
j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous on ou par pas pour
qu que qui s sa sans se ses si son sur t ta te tes toi ton tu un une vos votre vous y
"""
# How people phrase asking or offering help, in both languages: shared by needs that have nothing
# else in common ("help with moving" is not "help with a résumé").
_FILLER_WORDS = """
help helping helps need needs needed looking want wants get getting some someone something advice tips tip
info information question questions assistance
aide aider besoin besoins cherche chercher conseil conseils quelqu quelque chose un peu
"""
STOP_WORDS: frozenset[str] = frozenset((_ENGLISH_STOP_WORDS + _FRENCH_STOP_WORDS + _FILLER_WORDS).split())

# Endings dropped after a plural "s", longest first; one is dropped per word.
_ENDINGS = (
    "ations",
    "ation",
    "ements",
    "ement",
    "ments",
    "ment",
    "ings",
    "ing",
    "ions",
    "ion",
    "euses",
    "euse",
    "eurs",
    "eur",
    "ers",
    "er",
    "ed",
    "es",
    "e",
)
_MIN_STEM = 3
_WORD = re.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    """A folded word without its plural and one common ending: "reviewing" and "reviews" -> "review"."""
    if len(word) > _MIN_STEM + 1 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


@dataclass(frozen=True, slots=True)
class MatchKey:
    """A text as matching sees it: its meaningful words and their stems."""

    words: tuple[str, ...]
    stems: frozenset[str]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@lru_cache(maxsize=65_536)
def match_key(text: str) -> MatchKey:
    """Fold ``text``, drop stop words and one-letter words, and stem what is left (cached)."""
    words = tuple(word for word in _WORD.findall(fold(text)) if len(word) > 1 and word not in STOP_WORDS)
    return MatchKey(words=words, stems=frozenset(stem(word) for word in words))


def _stems_meet(first: frozenset[str], second: frozenset[str]) -> bool:
    if first & second:
        return True
    for one in first:
        for other in second:
            shorter, longer = (one, other) if len(one) <= len(other) else (other, one)
            if len(shorter) >= MIN_PREFIX_STEM and longer.startswith(shorter):
                return True
    return False


def keys_match(offer: MatchKey, need: MatchKey) -> bool:
    """Whether two prepared texts match by the rule in this module's docstring."""
    if not offer.words or not need.words:
        return False
    if _stems_meet(offer.stems, need.stems):
        return True
    from rapidfuzz import fuzz  # loaded when a match is judged, not by every command that names an offer

    return fuzz.token_set_ratio(offer.text, need.text) >= FUZZY_THRESHOLD


def matches(offer: str, need: str) -> bool:
    """Whether an offer's text fits a need's text ("Reviewing résumés" fits "resume review")."""
    return keys_match(match_key(offer), match_key(need))


def matching_needs(offer: str, needs: tuple[str, ...] | list[str]) -> list[str]:
    """The needs an offer fits, in their order."""
    key = match_key(offer)
    return [need for need in needs if keys_match(key, match_key(need))]
