"""Who do I know at X: the people there now or before, and the people linked to them by an introduction,
ranked by warmth, each with the path spelled out.

**Same organisation.** Two names are one organisation when their ``employer_key``s are equal: folded (case,
accents, apostrophes, dashes), initials run together ("I.B.M." and "I B M" are "ibm"), "&", "and", "et" and a
leading "the" dropped, and trailing legal or country words dropped ("IBM Canada Ltd." is "ibm"; "Canada
Post" keeps its "canada", which leads).

**Warmth** (``warmth``) adds up, for the person the user would ask:

- their tier: inner 4, active 3, casual 1.5, dormant 0;
- how recent the last contact is: 3 on the day, halving every ``HALF_LIFE_DAYS`` (0 with none logged);
- the give/ask balance: half a point for each give or mutual exchange beyond the asks, within ±1.

**Ranking.** Each person is listed once, by their best link: working there now adds ``NOW_BONUS``, having
worked there before ``BEFORE_BONUS``, knowing someone there through an introduction nothing. So a close
friend who introduced the user to someone at X can rank above a contact at X not heard from in years.
Ties go by name.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from orchardist.domain.matching import fold
from orchardist.domain.people import Tier

HALF_LIFE_DAYS = 90
NOW_BONUS = 1.5
BEFORE_BONUS = 0.5
TIER_POINTS: dict[str, float] = {Tier.INNER: 4.0, Tier.ACTIVE: 3.0, Tier.CASUAL: 1.5, Tier.DORMANT: 0.0}

_LEGAL_WORDS = frozenset(
    """
    inc incorporated corp corporation co company cos ltd limited ltee limitee llc llp lp plc pllc gmbh ag
    sa sas sarl srl spa bv nv pty pte kk oy ab as cie enr holdings holding group groupe
    canada usa us america international intl worldwide global
    """.split()
)
_SMALL_WORDS = frozenset({"and", "et", "&"})
_LEADING_WORDS = frozenset({"the", "le", "la", "les", "l"})
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script


@lru_cache(maxsize=65_536)
def employer_key(name: str) -> str:
    """The key under which spellings of one organisation meet ("IBM Canada Ltd." and "I.B.M." are "ibm")."""
    folded = fold(name).replace(".", "").replace("'", "")
    words = [word for word in _WORD.findall(folded) if word not in _SMALL_WORDS]
    joined: list[str] = []
    single = False  # whether the last word joined is a run of one-letter words ("i b m" is "ibm")
    for word in words:
        if len(word) == 1 and single:
            joined[-1] += word
        else:
            joined.append(word)
            single = len(word) == 1
    while len(joined) > 1 and joined[0] in _LEADING_WORDS:
        joined.pop(0)
    while len(joined) > 1 and joined[-1] in _LEGAL_WORDS:
        joined.pop()
    return " ".join(joined)


class Relation(enum.StrEnum):
    """How someone links the user to the organisation."""

    NOW = "works_there"  # works there now
    BEFORE = "worked_there"  # worked there before (a job change an import saw)
    INTRODUCED_BY = "introduced_by_someone_there"  # was introduced to the user by someone there
    INTRODUCED = "introduced_someone_there"  # introduced the user to someone there


RELATION_BONUS: dict[Relation, float] = {
    Relation.NOW: NOW_BONUS,
    Relation.BEFORE: BEFORE_BONUS,
    Relation.INTRODUCED_BY: 0.0,
    Relation.INTRODUCED: 0.0,
}


@dataclass(frozen=True, slots=True)
class Contactable:
    """What ranking needs of a person."""

    person_id: int
    name: str
    tier: str
    last_contact: date | None
    gave: int = 0
    asked: int = 0
    mutual: int = 0
    organisation: str = ""


@dataclass(frozen=True, slots=True)
class WarmPath:
    """Someone the user could ask about the organisation: how they link to it, through whom, and how warm.

    ``organisation`` is the name as the user's records spell it; ``via`` the person at the organisation
    when the link is an introduction.
    """

    person: Contactable
    relation: Relation
    organisation: str
    via: Contactable | None
    warmth: float
    score: float


def warmth(person: Contactable, on: date) -> float:
    """How warm the user's tie to ``person`` is, by the rule in this module's docstring."""
    points = TIER_POINTS.get(person.tier, 0.0)
    if person.last_contact is not None:
        days = max(0, (on - person.last_contact).days)
        points += 3.0 * 0.5 ** (days / HALF_LIFE_DAYS)
    balance = person.gave + person.mutual - person.asked
    return points + max(-1.0, min(1.0, 0.5 * balance))


def rank(candidates: list[tuple[Contactable, Relation, str, Contactable | None]], on: date) -> list[WarmPath]:
    """Each person once, by their best link, warmest first (then by name)."""
    best: dict[int, WarmPath] = {}
    for person, relation, organisation, via in candidates:
        heat = warmth(person, on)
        path = WarmPath(person, relation, organisation, via, heat, round(heat + RELATION_BONUS[relation], 3))
        held = best.get(person.person_id)
        if held is None or (path.score, -_order(path.relation)) > (held.score, -_order(held.relation)):
            best[person.person_id] = path
    return sorted(
        best.values(), key=lambda path: (-path.score, fold(path.person.name), path.person.person_id)
    )


def _order(relation: Relation) -> int:
    return list(Relation).index(relation)
