"""Which two people in the network should meet, and why, ranked: the suggestions for introductions.

Reasons, strongest first (each with its weight; a pair's score is the sum of its reasons'):

- **A need meets an offer** (3): what one could use help with matches what the other can help with,
  by the offers inventory's rule (``orchardist.domain.offers.keys_match``).
- **Where they want to be** (2.5): one is looking for work (a tag, an interest or a need says so:
  ``SEARCH_PHRASES``) and names an organisation in their needs, interests, tags or notes, where the
  other works.
- **Same field while looking** (1.5): one is looking for work and the other works in the same field
  (their job titles without seniority words, ``field_key``).
- **A shared interest** (1 each, two at most) and, with one, **the same field** (0.75).

Nothing is compared pair by pair across the network: needs are looked up in an index of offers by
word stem, interests in an index of interests (an interest more than ``MOST_SHARING`` people hold
says nothing about any two of them), fields in an index of fields. People at the same organisation,
one introduced by the other, pairs already introduced and people left out (co-workers while the
search is discreet) are never suggested.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from orchardist.domain import wording
from orchardist.domain.discretion import organisation_core
from orchardist.domain.matching import fold
from orchardist.domain.messages import Message, Wording
from orchardist.domain.offers import MIN_PREFIX_STEM, STOP_WORDS, MatchKey, keys_match, match_key

NEED_WEIGHT = 3.0
WANTED_WEIGHT = 2.5
SEARCHING_FIELD_WEIGHT = 1.5
INTEREST_WEIGHT = 1.0
FIELD_WEIGHT = 0.75
MOST_INTERESTS = 2
MOST_SHARING = 25
"""An interest or a field held by more people than this pairs none of them (it would pair thousands)."""
MOST_OFFERERS = 8
"""The most people whose offers are weighed against one need."""
MOST_PER_SEARCHER = 10
"""The most people suggested to one searcher for the same field."""

SEARCH_PHRASES: tuple[str, ...] = (
    "job search",
    "job searching",
    "job seeker",
    "job seeking",
    "job hunting",
    "looking for work",
    "looking for a job",
    "looking for a new job",
    "looking for a new role",
    "open to work",
    "opentowork",
    "between jobs",
    "searching",
    "recherche d emploi",
    "en recherche",
    "chercheur d emploi",
    "chercheuse d emploi",
    "en transition",
)
"""What someone looking for work writes (folded, apostrophes and dashes as spaces)."""


def search_tag_keys() -> list[str]:
    """The tags, folded, that say someone is looking for work ("job seeker", "job-seeker")."""
    keys = {phrase for phrase in SEARCH_PHRASES}
    keys |= {phrase.replace(" ", "-") for phrase in SEARCH_PHRASES}
    keys |= {phrase.replace(" d emploi", " d'emploi") for phrase in SEARCH_PHRASES}
    return sorted(keys)


SENIORITY_WORDS = frozenset(
    """senior sr junior jr lead principal staff head chief associate assistant intern trainee i ii iii iv
    of the and et de du des la le adjoint adjointe principal principale""".split()
)

_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(slots=True)
class Profile:
    """Someone as pairing sees them."""

    person_id: int
    name: str
    organisation: str = ""
    title: str = ""
    tags: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    notes: str = ""
    met_through_id: int | None = None


@dataclass(frozen=True, slots=True)
class Pair:
    """Two people to introduce, ``a`` the one the first reason is about, with the reasons and score."""

    a_id: int
    a_name: str
    b_id: int
    b_name: str
    reasons: tuple[Message, ...]
    score: float

    def why(self, translate: Callable[[str], str] | None = None) -> str:
        """The reasons as one sentence ("; " between them), in the language of ``translate``."""
        return "; ".join(reason.text(translate) if translate else str(reason) for reason in self.reasons)


def _plain_words(text: str) -> list[str]:
    return _WORDS.findall(fold(text))


@lru_cache(maxsize=65_536)
def _core(name: str) -> tuple[str, ...]:
    return organisation_core(name)


@lru_cache(maxsize=65_536)
def field_key(title: str) -> str:
    """A job title's field: its words without seniority ("Senior Software Engineer" -> "software
    engineer"); "" when nothing is left."""
    return " ".join(word for word in _plain_words(title) if word not in SENIORITY_WORDS)


def is_searching(profile: Profile) -> bool:
    """Whether a tag, an interest or a need says this person is looking for work."""
    return any(_says_searching(text) for text in (*profile.tags, *profile.interests, *profile.needs))


@lru_cache(maxsize=65_536)
def _says_searching(text: str) -> bool:
    folded = " " + " ".join(_plain_words(text)) + " "
    return any(f" {phrase} " in folded for phrase in SEARCH_PHRASES)


@dataclass(slots=True)
class Organisations:
    """The organisations of the network by the first word of their core, to find the ones a text
    names without comparing it with each."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, names: Iterable[str]) -> Organisations:
        found: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for name in names:
            core = organisation_core(name)
            # A one-word name that is also a common word ("Health") would be found in any sentence.
            if not core or (len(core) == 1 and (len(core[0]) < 4 or core[0] in STOP_WORDS)):
                continue
            found[core[0]].append((core, name))
        return cls(dict(found))

    def named_in(self, text: str) -> list[str]:
        """The organisations ``text`` names, each once, in the order it names them: at each word the
        longest name that starts there, and none within it ("Maple Health" is not also "Health")."""
        words = _plain_words(text.replace("'", " "))
        named: dict[str, None] = {}
        start = 0
        while start < len(words):
            found = [
                (len(core), name)
                for core, name in self.by_first.get(words[start], ())
                if tuple(words[start : start + len(core)]) == core
            ]
            if found:
                length, name = max(found)
                named[name] = None
                start += length
            else:
                start += 1
        return list(named)


def wanted_organisations(profile: Profile, organisations: Organisations) -> list[str]:
    """The organisations a searcher names (needs, interests, tags, notes) other than their own."""
    own = _core(profile.organisation)
    texts = (*profile.needs, *profile.interests, *profile.tags, profile.notes)
    named: dict[str, None] = {}
    for text in texts:
        for name in organisations.named_in(text):
            if _core(name) != own:
                named[name] = None
    return list(named)


@dataclass(slots=True)
class _Found:
    # Each reason as its weight, wording and values: made into a message only for the pairs shown.
    reasons: list[tuple[float, Wording, dict[str, str]]] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    weight: float = 0.0
    interests: int = 0
    a: Profile | None = None
    b: Profile | None = None


class _Pairs:
    """Reasons gathered per unordered pair, the first reason deciding who is ``a``."""

    def __init__(self, excluded: frozenset[int], known: frozenset[tuple[int, int]]) -> None:
        self.found: dict[tuple[int, int], _Found] = {}
        self.excluded = excluded
        self.known = known

    def allowed(self, one: Profile, other: Profile) -> bool:
        if one.person_id == other.person_id:
            return False
        if one.person_id in self.excluded or other.person_id in self.excluded:
            return False
        if _key(one, other) in self.known:
            return False
        if one.met_through_id == other.person_id or other.met_through_id == one.person_id:
            return False
        core = _core(one.organisation)
        return not (core and core == _core(other.organisation))

    def add(
        self, one: Profile, other: Profile, kind: str, weight: float, reason: Wording, /, **values: str
    ) -> bool:
        if not self.allowed(one, other):
            return False
        key = (
            (one.person_id, other.person_id)
            if one.person_id < other.person_id
            else (other.person_id, one.person_id)
        )
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = _Found(a=one, b=other)
        found.reasons.append((weight, reason, values))
        found.kinds.add(kind)
        if reason is wording.SHARED_INTEREST:
            found.interests += 1
        else:
            found.weight += weight
        return True


def _key(one: Profile, other: Profile) -> tuple[int, int]:
    return min(one.person_id, other.person_id), max(one.person_id, other.person_id)


def _offer_index(profiles: Iterable[Profile]) -> dict[str, list[tuple[Profile, str, MatchKey]]]:
    index: dict[str, list[tuple[Profile, str, MatchKey]]] = defaultdict(list)
    for profile in profiles:
        for offer in profile.offers:
            key = match_key(offer)
            for word_stem in key.stems | {s[:MIN_PREFIX_STEM] for s in key.stems if len(s) > MIN_PREFIX_STEM}:
                index[word_stem].append((profile, offer, key))
    return index


@lru_cache(maxsize=65_536)
def _probes(need: str) -> tuple[str, ...]:
    """What a need is looked up by in the index of offers: its stems and their prefixes."""
    stems = match_key(need).stems
    return tuple(dict.fromkeys([*sorted(stems), *sorted(stem[:MIN_PREFIX_STEM] for stem in stems)]))


def _needs_meet_offers(profiles: list[Profile], pairs: _Pairs) -> None:
    index = _offer_index(profiles)
    if not index:
        return
    for profile in profiles:
        for need in profile.needs:
            key = match_key(need)
            seen: set[tuple[int, str]] = set()
            for probe in _probes(need):
                for other, offer, offer_key in index.get(probe, ()):
                    if len(seen) >= MOST_OFFERERS:
                        break
                    if other.person_id == profile.person_id or (other.person_id, offer) in seen:
                        continue
                    seen.add((other.person_id, offer))
                    if keys_match(offer_key, key):
                        pairs.add(
                            profile,
                            other,
                            "need",
                            NEED_WEIGHT,
                            wording.NEED_MEETS_OFFER,
                            a=profile.name,
                            need=need,
                            b=other.name,
                            offer=offer,
                        )


def _interest_index(profiles: Iterable[Profile]) -> dict[str, list[tuple[Profile, str]]]:
    index: dict[str, list[tuple[Profile, str]]] = defaultdict(list)
    for profile in profiles:
        for interest in profile.interests:
            key = " ".join(sorted(match_key(interest).stems))
            if key:
                index[key].append((profile, interest))
    return index


def _shared_interests(profiles: list[Profile], pairs: _Pairs) -> None:
    for holders in _interest_index(profiles).values():
        if len(holders) < 2 or len(holders) > MOST_SHARING:
            continue
        for at, (one, interest) in enumerate(holders):
            for other, _ in holders[at + 1 :]:
                pairs.add(one, other, "interest", INTEREST_WEIGHT, wording.SHARED_INTEREST, interest=interest)


def _searchers(
    profiles: list[Profile],
    workers: Mapping[str, list[Profile]],
    organisations: Organisations,
    pairs: _Pairs,
) -> None:
    searching = {profile.person_id for profile in profiles if is_searching(profile)}
    if not searching:
        return
    by_field: dict[str, list[Profile]] = defaultdict(list)
    for profile in profiles:
        if profile.title:
            by_field[field_key(profile.title)].append(profile)
    for profile in profiles:
        if profile.person_id not in searching:
            continue
        for name in wanted_organisations(profile, organisations):
            for worker in workers.get(name, ()):
                pairs.add(
                    profile,
                    worker,
                    "wanted",
                    WANTED_WEIGHT,
                    wording.WORKS_WHERE_WANTED,
                    a=profile.name,
                    organisation=name,
                    b=worker.name,
                )
        own_field = field_key(profile.title)
        peers = by_field.get(own_field, []) if own_field else []
        added = 0
        for peer in peers[: MOST_SHARING * 2]:
            if added >= MOST_PER_SEARCHER:
                break
            if peer.person_id in searching:
                continue
            if pairs.add(
                profile,
                peer,
                "searching_field",
                SEARCHING_FIELD_WEIGHT,
                wording.SEARCHING_SAME_FIELD,
                a=profile.name,
                field=profile.title,
                b=peer.name,
            ):
                added += 1


def _same_field_bonus(pairs: _Pairs) -> None:
    for found in pairs.found.values():
        assert found.a is not None and found.b is not None
        if "searching_field" in found.kinds:
            continue
        one, other = field_key(found.a.title), field_key(found.b.title)
        if one and one == other:
            found.reasons.append((FIELD_WEIGHT, wording.SAME_FIELD, {"field": found.a.title}))
            found.weight += FIELD_WEIGHT


def suggest_pairs(
    profiles: list[Profile],
    *,
    workers: Mapping[str, list[Profile]] | None = None,
    organisations: Organisations | None = None,
    excluded: Iterable[int] = (),
    known: Iterable[tuple[int, int]] = (),
    limit: int = 20,
) -> list[Pair]:
    """The pairs worth introducing among ``profiles`` (people with interests, needs, offers or tags),
    best first, at most ``limit``. ``workers`` are the people at each organisation a searcher names
    (by that name, as ``organisations`` finds it); ``excluded`` people are never paired; ``known``
    pairs (the smaller id first) are already introduced."""
    pairs = _Pairs(frozenset(excluded), frozenset(known))
    _needs_meet_offers(profiles, pairs)
    _searchers(profiles, workers or {}, organisations or Organisations(), pairs)
    _shared_interests(profiles, pairs)
    _same_field_bonus(pairs)
    # The best by score, then (among the few at the cut) by names, so the order is always the same.
    scored = [(_score(found), found) for found in pairs.found.values()]
    top = heapq.nlargest(limit, (score for score, _ in scored))
    cut = top[-1] if top else float("inf")
    best = sorted(
        ((score, found) for score, found in scored if score >= cut),
        key=lambda item: (
            -item[0],
            fold(item[1].a.name if item[1].a else ""),
            fold(item[1].b.name if item[1].b else ""),
        ),
    )
    return [_pair(found) for _, found in best[:limit]]


def _kept(found: _Found) -> list[tuple[float, Wording, dict[str, str]]]:
    """The reasons shown, strongest first: every one but shared interests, then two interests at most."""
    interests = [item for item in found.reasons if item[1] is wording.SHARED_INTEREST]
    others = [item for item in found.reasons if item[1] is not wording.SHARED_INTEREST]
    return sorted(others, key=lambda item: -item[0]) + interests[:MOST_INTERESTS]


def _score(found: _Found) -> float:
    return round(found.weight + INTEREST_WEIGHT * min(found.interests, MOST_INTERESTS), 2)


def _pair(found: _Found) -> Pair:
    assert found.a is not None and found.b is not None
    return Pair(
        a_id=found.a.person_id,
        a_name=found.a.name,
        b_id=found.b.person_id,
        b_name=found.b.name,
        reasons=tuple(reason(**values) for _, reason, values in _kept(found)),
        score=_score(found),
    )
