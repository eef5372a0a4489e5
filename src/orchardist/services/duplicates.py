"""Records that are probably one person: finding them, reviewing them side by side, merging them."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from orchardist.domain.duplicates import DuplicatePair, duplicates_of, find_duplicates
from orchardist.domain.merging import choosable, look_different, merge_people
from orchardist.domain.messages import Message
from orchardist.domain.people import Person
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.discretion import flags_in
from orchardist.services.errors import NotFound
from orchardist.services.network import Network
from orchardist.services.person_input import PersonError
from orchardist.services.views import PersonListing
from orchardist.store.unit import Unit

# A person page compares its person with at most this many who share a contact or a family name.
CANDIDATES = 300


@dataclass(frozen=True, slots=True)
class LikelyDuplicate:
    """Another record that is probably the same person, with the score and the reasons."""

    person: Person
    score: float
    reasons: tuple[Message, ...]


@dataclass(frozen=True, slots=True)
class RecordPair:
    """Two records side by side, with the people who introduced each (for the "met through" row)."""

    first: Person
    second: Person
    introducers: dict[int, Person]
    score: float = 0.0
    reasons: tuple[Message, ...] = ()
    # Before a merge: the fields where the user picks whose value stays, and why the two records
    # look like two people (a warning, not a refusal).
    choosable: tuple[str, ...] = ()
    look_different: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class DuplicateReview:
    """A page of the likely pairs, most likely first, and how many there are in all; ``merged`` is the
    record a merge just kept, when one is named (the page confirms it)."""

    total: int
    pairs: list[RecordPair]
    merged: Person | None = None
    ready: bool = True  # False while the pairs are being found in the background


def likely_duplicates_in(unit: Unit, person: Person) -> list[LikelyDuplicate]:
    """The people probably the same as ``person``, most likely first.

    Judged like the whole-network comparison but only against the people who share an e-mail, a phone,
    a web address or a word of the family name, so a person page stays fast in a network of 30,000.
    Typos in a family name are left to the Duplicates page.
    """
    assert person.id is not None
    candidates = unit.matching.sharing_with(person, limit=CANDIDATES) - {person.id}
    others = unit.people.get_many(sorted(candidates))
    found = []
    for pair in duplicates_of(person, list(others.values())):
        if person.id in (pair.first_id, pair.second_id):
            other_id = pair.second_id if pair.first_id == person.id else pair.first_id
            found.append(LikelyDuplicate(person=others[other_id], score=pair.score, reasons=pair.reasons))
    return found


# Finding duplicates compares the whole network (about 2 s at 30,000 people), so the pairs are kept
# until the people change: the key is how many there are, the newest id and the latest update.
_pairs_cache: dict[str, tuple[tuple[Any, ...], list[DuplicatePair]]] = {}
_pairs_lock = threading.Lock()


# The networks whose pairs a background thread is finding, each with what says it is done.
_finding: dict[str, threading.Event] = {}


def _cached_in(unit: Unit, key: str) -> list[DuplicatePair] | None:
    """The pairs kept for the people as they are now, or None when there are none yet."""
    version = unit.matching.version()
    with _pairs_lock:
        cached = _pairs_cache.get(key)
    return list(cached[1]) if cached is not None and cached[0] == version else None


def _pairs_in(unit: Unit, key: str) -> list[DuplicatePair]:
    found = _cached_in(unit, key)
    if found is not None:
        return found
    version = unit.matching.version()
    pairs = find_duplicates(unit.people.all())
    with _pairs_lock:
        _pairs_cache[key] = (version, pairs)
    return list(pairs)


def duplicate_pairs(network: Network) -> list[DuplicatePair]:
    """Likely duplicate pairs in the network, most likely first."""
    with network.reading() as unit:
        return _pairs_in(unit, network.key)


QUICK = 0.5  # seconds the page waits for a search before it says it is looking


def find_in_background(network: Network, *, within: float = 0.0) -> bool:
    """Find the network's likely pairs in a thread of their own (unless one is at it already) and
    keep them; the Duplicates page shows them once they are kept. Returns whether they were found
    within ``within`` seconds."""
    key = network.key
    with _pairs_lock:
        running = _finding.get(key)
        if running is None:
            running = _finding[key] = threading.Event()

            def find() -> None:
                try:
                    with network.reading() as unit:
                        _pairs_in(unit, key)
                except Exception:  # noqa: BLE001 - the page asks again; nothing about the people is logged
                    pass
                finally:
                    with _pairs_lock:
                        _finding.pop(key, None)
                    running.set()

            threading.Thread(target=find, name="orchardist-duplicates", daemon=True).start()
    return running.wait(within) if within > 0 else running.is_set()


def duplicate_review(
    network: Network,
    *,
    offset: int = 0,
    limit: int = 50,
    merged: int | None = None,
    wait: bool = True,
) -> DuplicateReview:
    """The likely pairs from ``offset``, at most ``limit``, with both records of each loaded at once:
    the Duplicates page, ``people duplicates`` and ``GET /api/v1/people/duplicates``.

    Without ``wait`` (the page), pairs not found yet for the people as they are are looked for in the
    background (``find_in_background``), and unless they are found within ``QUICK`` seconds the review
    says it is not ``ready``: comparing a network of 30,000 takes seconds, which the page spends
    saying so rather than blank."""
    review = _review(network, offset, limit, merged, wait)
    if review is None and find_in_background(network, within=QUICK):
        review = _review(network, offset, limit, merged, False)
    if review is None:
        with network.reading() as unit:
            kept = unit.people.get(merged) if merged is not None else None
        return DuplicateReview(total=0, pairs=[], merged=kept, ready=False)
    return review


def _review(
    network: Network, offset: int, limit: int, merged: int | None, wait: bool
) -> DuplicateReview | None:
    with network.reading() as unit:
        pairs = _pairs_in(unit, network.key) if wait else _cached_in(unit, network.key)
        if pairs is None:
            return None
        shown = pairs[offset : offset + limit]
        people = unit.people.get_many([i for pair in shown for i in (pair.first_id, pair.second_id)])
        introducers = _introducers(unit, people.values())
        kept = unit.people.get(merged) if merged is not None else None
    return DuplicateReview(
        merged=kept,
        total=len(pairs),
        pairs=[
            RecordPair(people[pair.first_id], people[pair.second_id], introducers, pair.score, pair.reasons)
            for pair in shown
            if pair.first_id in people and pair.second_id in people
        ],
    )


def compare_people(network: Network, first_id: int, second_id: int) -> RecordPair:
    """Two records side by side before the user merges them; NotFound names one that is missing."""
    if first_id == second_id:
        raise PersonError(refusals.MERGE_WITH_SELF())
    with network.reading() as unit:
        first, second = _both(unit, first_id, second_id)
        return RecordPair(
            first,
            second,
            _introducers(unit, (first, second)),
            choosable=tuple(choosable(first, second)),
            look_different=tuple(look_different(first, second)),
        )


def merge(
    network: Network, keep_id: int, other_id: int, chosen: Mapping[str, str] | None = None
) -> PersonListing:
    """Fold ``other`` into ``keep``: fields, interactions and introductions move over; ``other`` goes.
    ``chosen`` names, for fields where both hold a different value, whose stays ("keep" or "other")."""
    if keep_id == other_id:
        raise PersonError(refusals.MERGE_WITH_SELF())
    with network.writing() as unit:
        before = unit.matching.version()
        merged = merge_people(*_both(unit, keep_id, other_id), chosen)
        if merged.met_through_id == other_id:
            merged = replace(merged, met_through_id=None)
        unit.people.update(merged)
        unit.interactions.move_person(other_id, keep_id)
        unit.people.repoint_introductions(other_id, keep_id)
        unit.leads.move_person(other_id, keep_id)
        unit.groups.move_person(other_id, keep_id)
        unit.people.delete(other_id)
        kept = unit.people.require(keep_id)
        listing = PersonListing(
            kept, unit.people.last_contacts([keep_id]).get(keep_id), flags_in(unit, [kept])[keep_id]
        )
        version = unit.matching.version()
        candidates = unit.matching.sharing_with(kept, limit=CANDIDATES) - {keep_id}
        fresh = duplicates_of(kept, list(unit.people.get_many(sorted(candidates)).values()))
    _after_merge(network.key, before, version, keep_id, other_id, fresh)
    return listing


def _after_merge(
    key: str,
    before: tuple[Any, ...],
    version: tuple[Any, ...],
    keep_id: int,
    other_id: int,
    fresh: list[DuplicatePair],
) -> None:
    """Keep the pairs found before a merge, so the Duplicates page needs no new search after one: the
    pairs of the record merged away go, and those of the kept record are judged again against the
    records that share something with it (as its own page does)."""
    with _pairs_lock:
        cached = _pairs_cache.get(key)
        if cached is None or cached[0] != before:
            return
        gone = {other_id, keep_id}
        pairs = [pair for pair in cached[1] if not gone & {pair.first_id, pair.second_id}]
        pairs += [pair for pair in fresh if keep_id in (pair.first_id, pair.second_id)]
        pairs.sort(key=lambda pair: (-pair.score, pair.first_id, pair.second_id))
        _pairs_cache[key] = (version, pairs)


def _both(unit: Unit, first_id: int, second_id: int) -> tuple[Person, Person]:
    """The two people, or NotFound naming the first of them who is not in this network."""
    found = unit.people.get_many([first_id, second_id])
    for person_id in (first_id, second_id):
        if person_id not in found:
            raise NotFound(NO_SUCH_PERSON(id=person_id))
    return found[first_id], found[second_id]


def _introducers(unit: Unit, people: Any) -> dict[int, Person]:
    wanted = sorted({person.met_through_id for person in people if person.met_through_id is not None})
    return unit.people.get_many(wanted) if wanted else {}
