"""Records that are probably the same person: pairs with a score and the reasons, for the user to decide.

``find_duplicates`` only compares people who share a block (an e-mail, a phone, a LinkedIn profile, a
family name, the same name tokens, a sound-alike family name), so 30,000 people take about a second
rather than the hours all 450 million pairs would. How two records become one is
``orchardist.domain.merging``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from orchardist.domain import wording
from orchardist.domain.matching import email_key, fold, linkedin_key, phone_key
from orchardist.domain.messages import Message
from orchardist.domain.nicknames import nickname_groups, same_given_name
from orchardist.domain.people import Person

DEFAULT_THRESHOLD = 0.7

# How strongly each kind of evidence alone says "same person"; several combine as independent
# evidence (1 - product of the doubts). Documented in docs/formats-export.md.
SAME_LINKEDIN = 0.97
SAME_EMAIL = 0.95
SAME_PHONE = 0.85
SAME_WEB_ADDRESS = 0.8
SAME_NAME = 0.85
SAME_SINGLE_NAME = 0.6  # "Mike" and "Mike": a lone given name says little
SWAPPED_NAMES = 0.8
NICKNAME = 0.75
MIDDLE_INITIAL = 0.8
SIMILAR_NAME = 0.8  # times the name similarity
SAME_ORGANISATION = 0.5
# Counter-evidence, as factors on the score.
NAMES_DISAGREE = 0.75  # a shared identifier but unrelated names: a couple's phone, a team inbox
DIFFERENT_LINKEDIN = 0.6  # no identifier shared and two different LinkedIn profiles
DIFFERENT_EMAILS = 0.9  # no identifier shared, and both have e-mails but none in common
DIFFERENT_ORGANISATIONS = 0.9  # no identifier shared, and both name a different organisation

# An identifier held by more people than this is a shared line or inbox (a switchboard, info@),
# not a person: it neither blocks nor counts as evidence.
MAX_KEY_HOLDERS = 5
# Blocks larger than this ("Smith", "Nguyen") are split on a finer key, then compared only with
# their nearest neighbours in sorted order, so no block goes quadratic.
BLOCK_CAP = 100
WINDOW = 12
_DISAGREE_BELOW = 60.0

_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
_DROPPED = re.compile(r"[.,'’`´()\"“”]")
_SOUNDEX = str.maketrans("bfpvcgjkqsxzdtlmnr", "111122222222334556")


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two stored people who are probably the same; ``first_id`` is the smaller id."""

    first_id: int
    second_id: int
    score: float
    reasons: tuple[Message, ...]


@dataclass(frozen=True, slots=True)
class _Profile:
    """What comparing needs about one person, computed once."""

    id: int
    given: str
    family: str
    full: str
    given_core: str  # the given name without middle initials
    shown_given: str
    groups: frozenset[int]
    keys: Mapping[tuple[str, str], str]  # identifying key -> how a reason shows it
    linkedin: frozenset[str]
    has_email: bool
    organisation: str


@lru_cache(maxsize=1 << 16)
def _clean(text: str) -> str:
    """Folded words only: names and organisations repeat, so each spelling is cleaned once."""
    return " ".join(_SEPARATORS.sub(" ", _DROPPED.sub("", fold(text))).split())


def _web_address_key(url: str) -> str:
    text = url.strip().casefold()
    for prefix in ("https://", "http://"):
        text = text.removeprefix(prefix)
    return text.removeprefix("www.").rstrip("/")


def _identifiers(person: Person) -> dict[tuple[str, str], str]:
    keys: dict[tuple[str, str], str] = {}
    web_addresses = []
    for url in (person.linkedin_url, *person.urls):
        key = linkedin_key(url)
        if key:
            keys.setdefault(("linkedin", key), "")
        elif url is not person.linkedin_url and _web_address_key(url):
            web_addresses.append(url)
    for email in person.emails:
        key = email_key(email)
        if key:
            keys.setdefault(("email", key), key)
    for phone in person.phones:
        key = phone_key(phone)
        if len(key) >= 7:
            keys.setdefault(("phone", key), phone.strip())
    for url in web_addresses:
        keys.setdefault(("url", _web_address_key(url)), url.strip())
    return keys


def _profile(
    person_id: int, person: Person, identifiers: dict[tuple[str, str], str], common: set[tuple[str, str]]
) -> _Profile:
    given, family = _clean(person.given_name), _clean(person.family_name)
    shown_given = person.given_name.strip()
    if not given and not family:
        # Only a display name: read its first word as the given name and its last as the family name.
        words = _clean(person.display_name).split()
        given = " ".join(words[:1])
        family = words[-1] if len(words) > 1 else ""
        shown_given = person.display_name.strip().split()[0] if words else ""
    keys = {key: shown for key, shown in identifiers.items() if key not in common}
    return _Profile(
        id=person_id,
        given=given,
        given_core=_without_initials(given),
        family=family,
        full=f"{given} {family}".strip(),
        shown_given=shown_given,
        groups=nickname_groups(given),
        keys=keys,
        linkedin=frozenset(key for kind, key in keys if kind == "linkedin"),
        has_email=any(key[0] == "email" for key in keys),
        organisation=_clean(person.organisation),
    )


@lru_cache(maxsize=1 << 16)
def _soundex(word: str) -> str:
    """American Soundex of the ASCII letters of ``word``; the first three letters when it has none."""
    letters = "".join(ch for ch in word if "a" <= ch <= "z")
    if not letters:
        return word[:3]
    digits = letters.translate(_SOUNDEX)
    code, previous = letters[0], digits[0]
    for letter, digit in zip(letters[1:], digits[1:], strict=True):
        if digit.isdigit() and digit != previous:
            code += digit
        if letter not in "hw":
            previous = digit
    return (code + "000")[:4]


def _without_initials(given: str) -> str:
    words = given.split()
    return " ".join(words[:1] + [word for word in words[1:] if len(word) > 1])


def _given_close(a: _Profile, b: _Profile) -> bool:
    if not a.given or not b.given:
        return False
    if a.given == b.given or not a.groups.isdisjoint(b.groups):
        return True
    if a.given_core == b.given_core:
        return True  # "John A." and "John": a middle initial on one side only
    # A typo inside a long enough name (Micheal, Bryan); a different first or last letter usually
    # makes another name (Jason/Mason, Andrea/Andrew, Christian/Christina, Daniel/Danielle).
    return (
        a.given[:2] == b.given[:2]
        and a.given[-1] == b.given[-1]
        and min(len(a.given), len(b.given)) >= 5
        and OSA.distance(a.given, b.given, score_cutoff=1) <= 1
    )


def _family_close(a: _Profile, b: _Profile) -> bool:
    if not a.family or not b.family:
        return False
    if a.family == b.family:
        return True
    # A typo (Smith/Smyth, Nguyen/Ngyuen) but not another name (Wang/Wong, Martin/Martinez).
    shortest = min(len(a.family), len(b.family))
    allowed = 2 if shortest >= 10 else 1 if shortest >= 6 else 0
    return allowed > 0 and OSA.distance(a.family, b.family, score_cutoff=allowed) <= allowed


def _name_evidence(a: _Profile, b: _Profile) -> tuple[float, Message] | None:
    if not a.full or not b.full:
        return None
    if a.full == b.full:
        strength = SAME_NAME if a.given and a.family else SAME_SINGLE_NAME
        return strength, wording.SAME_NAME()
    if a.given and a.family and (a.given, a.family) == (b.family, b.given):
        return SWAPPED_NAMES, wording.SWAPPED_NAMES()
    if a.family and a.family == b.family and a.given_core == b.given_core:
        return MIDDLE_INITIAL, wording.MIDDLE_INITIAL()
    if a.family and a.family == b.family and same_given_name(a.given, b.given):
        return NICKNAME, wording.NICKNAME(first=a.shown_given, second=b.shown_given)
    if _given_close(a, b) and _family_close(a, b):
        similarity = fuzz.ratio(a.full, b.full) / 100
        return SIMILAR_NAME * similarity, wording.SIMILAR_NAME(score=f"{similarity:.2f}")
    return None


_IDENTIFIER_STRENGTHS = (
    ("linkedin", SAME_LINKEDIN),
    ("email", SAME_EMAIL),
    ("phone", SAME_PHONE),
    ("url", SAME_WEB_ADDRESS),
)


def _same_identifier(kind: str, shown: str) -> Message:
    if kind == "linkedin":
        return wording.SAME_LINKEDIN()
    if kind == "email":
        return wording.SAME_EMAIL(email=shown)
    if kind == "phone":
        return wording.SAME_PHONE(phone=shown)
    return wording.SAME_WEB_ADDRESS(address=shown)


def _judge(a: _Profile, b: _Profile) -> tuple[float, tuple[Message, ...]]:
    """The score and reasons for one pair; ``a`` has the smaller id."""
    strengths: list[float] = []
    reasons: list[Message] = []
    shared = [key for key in a.keys if key in b.keys]
    for kind, strength in _IDENTIFIER_STRENGTHS:
        for key in shared:
            if key[0] == kind:
                strengths.append(strength)
                reasons.append(_same_identifier(kind, a.keys[key]))
    name = _name_evidence(a, b)
    if name is not None:
        strengths.append(name[0])
        reasons.append(name[1])
    same_organisation = bool(a.organisation) and a.organisation == b.organisation
    if same_organisation:
        strengths.append(SAME_ORGANISATION)
        reasons.append(wording.SAME_ORGANISATION())
    doubt = 1.0
    for strength in strengths:
        doubt *= 1 - strength
    score = 1 - doubt
    if name is None and a.full and b.full and fuzz.token_sort_ratio(a.full, b.full) < _DISAGREE_BELOW:
        score *= NAMES_DISAGREE
    if not shared:
        if a.linkedin and b.linkedin:
            score *= DIFFERENT_LINKEDIN
        if a.has_email and b.has_email:
            score *= DIFFERENT_EMAILS
        if a.organisation and b.organisation and not same_organisation:
            score *= DIFFERENT_ORGANISATIONS
    return round(score, 3), tuple(reasons)


Pair = tuple[int, int]
Related = Callable[[_Profile, _Profile], bool]


def _pair(a: _Profile, b: _Profile) -> Pair:
    return (a.id, b.id) if a.id < b.id else (b.id, a.id)


def _always(a: _Profile, b: _Profile) -> bool:
    return True


def _compare_within(
    members: list[_Profile], related: Related, order: Callable[[_Profile], str], pairs: set[Pair]
) -> None:
    """Add the related pairs of one block; an oversized block compares only sorted neighbours."""
    if len(members) <= BLOCK_CAP:
        pairs.update(_pair(a, b) for a, b in combinations(members, 2) if related(a, b))
        return
    ordered = sorted(members, key=lambda profile: (order(profile), profile.id))
    for index, a in enumerate(ordered):
        pairs.update(_pair(a, b) for b in ordered[index + 1 : index + 1 + WINDOW] if related(a, b))


def _full_name_related(a: _Profile, b: _Profile) -> bool:
    return _given_close(a, b) and _family_close(a, b)


def _by_given(profile: _Profile) -> str:
    return profile.given


def _by_full(profile: _Profile) -> str:
    return profile.full


def _blocks(items: Iterable[tuple[Hashable, _Profile]]) -> list[list[_Profile]]:
    grouped: defaultdict[Hashable, list[_Profile]] = defaultdict(list)
    for key, profile in items:
        grouped[key].append(profile)
    return [members for members in grouped.values() if len(members) > 1]


def _candidate_pairs(profiles: list[_Profile]) -> set[Pair]:
    pairs: set[Pair] = set()
    for members in _blocks((key, p) for p in profiles for key in p.keys):
        pairs.update(_pair(a, b) for a, b in combinations(members, 2))
    # Same words in any order: the same name, and given and family names swapped.
    for members in _blocks((" ".join(sorted(p.full.split())), p) for p in profiles if p.full):
        _compare_within(members, _always, _by_full, pairs)
    # Same family name: nicknames, typos and middle names in the given name.
    for members in _blocks((p.family, p) for p in profiles if p.family):
        if len(members) <= BLOCK_CAP:
            _compare_within(members, _given_close, _by_given, pairs)
            continue
        finer = ((key, p) for p in members for key in (p.given[:1], *p.groups))
        for sub_block in _blocks(finer):
            _compare_within(sub_block, _given_close, _by_given, pairs)
    # Sound-alike family name and the same initial: typos in the family name.
    named = [p for p in profiles if p.family and p.given]
    for members in _blocks(((_soundex(p.family), p.given[:1]), p) for p in named):
        _compare_within(members, _full_name_related, _by_full, pairs)
    return pairs


def _profiles(people: Sequence[Person]) -> dict[int, _Profile]:
    """Each stored person's profile; a key held by many people identifies nobody and is dropped."""
    holders: defaultdict[tuple[str, str], int] = defaultdict(int)
    identifiers: dict[int, dict[tuple[str, str], str]] = {}
    for person in people:
        if person.id is None:
            raise ValueError(f"find_duplicates needs stored people; {person.display_name!r} has no id")
        if person.id in identifiers:
            raise ValueError(f"two people share the id {person.id}")
        identifiers[person.id] = _identifiers(person)
        for key in identifiers[person.id]:
            holders[key] += 1
    common = {key for key, count in holders.items() if count > MAX_KEY_HOLDERS}
    return {
        person.id: _profile(person.id, person, identifiers[person.id], common)
        for person in people
        if person.id is not None
    }


def find_duplicates(people: Sequence[Person], *, threshold: float = DEFAULT_THRESHOLD) -> list[DuplicatePair]:
    """Pairs of stored people scoring at least ``threshold`` (0-1), the most likely first.

    Every person needs an id. The result is the same for the same people in any order.
    """
    profiles = _profiles(people)
    found = []
    for first, second in _candidate_pairs(list(profiles.values())):
        score, reasons = _judge(profiles[first], profiles[second])
        if score >= threshold:
            found.append(DuplicatePair(first, second, score, reasons))
    found.sort(key=lambda pair: (-pair.score, pair.first_id, pair.second_id))
    return found


def _could_match(a: _Profile, b: _Profile) -> bool:
    """Whether ``find_duplicates``' blocking would put ``a`` and ``b`` together for judging."""
    if not a.keys.keys().isdisjoint(b.keys.keys()):
        return True
    if a.full and sorted(a.full.split()) == sorted(b.full.split()):
        return True
    if a.family and a.family == b.family and _given_close(a, b):
        return True
    return bool(
        a.family
        and b.family
        and a.given[:1]
        and a.given[:1] == b.given[:1]
        and _soundex(a.family) == _soundex(b.family)
        and _full_name_related(a, b)
    )


def duplicates_of(
    person: Person, others: Sequence[Person], *, threshold: float = DEFAULT_THRESHOLD
) -> list[DuplicatePair]:
    """The pairs of ``person`` with each of ``others`` that ``find_duplicates`` would report.

    Judges one person against a few candidates, never the candidates among themselves.
    """
    profiles = _profiles([person, *others])
    own = profiles[person.id or 0]
    found = []
    for other_id, other in profiles.items():
        if other_id == own.id or not _could_match(own, other):
            continue
        score, reasons = _judge(*sorted((own, other), key=lambda profile: profile.id))
        if score >= threshold:
            found.append(DuplicatePair(*_pair(own, other), score, reasons))
    found.sort(key=lambda pair: (-pair.score, pair.first_id, pair.second_id))
    return found
