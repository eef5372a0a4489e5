"""Who do I know at X: the people there now or before, and those linked to them by an introduction,
warmest first, each with the path from the user spelled out (``orchardist.domain.warm_paths``).

What it reads grows with the organisation, not the network: the organisations' names (to match every
spelling), the people at the matching ones, the jobs imports saw people leave, and the introductions of
those people, through the index on who introduced whom.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from orchardist.domain import wording
from orchardist.domain.messages import Message, Translate
from orchardist.domain.warm_paths import Contactable, Relation, WarmPath, employer_key, rank
from orchardist.services import refusals
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.store.unit import Unit

DEFAULT_LIMIT = 50
MAX_QUERY = 300


def who_knows(
    network: Network, organisation: str, *, on: date | None = None, limit: int = DEFAULT_LIMIT
) -> list[WarmPath]:
    """The people the user could ask about ``organisation``, warmest first (at most ``limit``)."""
    wanted = employer_key(" ".join(organisation.split())[:MAX_QUERY])
    if not wanted:
        raise InputRefused(refusals.WHO_KNOWS_WHERE(), field="organisation")
    with network.reading() as unit:
        return who_knows_in(unit, wanted, on or date.today())[:limit]


def _keys_of(unit: Unit, key: str) -> set[str]:
    """``key``, and when it is the user's employer (About me) any of its names, all of them."""
    from orchardist.services.discretion import about_me_in

    about = about_me_in(unit)
    names = {employer_key(name) for name in (about.employer, *about.employer_aliases) if name.strip()}
    return names | {key} if key in names else {key}


def who_knows_in(unit: Unit, key: str, on: date) -> list[WarmPath]:
    """``who_knows`` within a transaction, for an organisation's ``employer_key``."""
    keys = _keys_of(unit, key)
    named: dict[int, str] = {}
    for organisation_id, name, aliases in unit.warm_paths.organisations():
        if any(employer_key(spelling) in keys for spelling in (name, *aliases)):
            named[organisation_id] = name
    candidates: list[tuple[Contactable, Relation, str, Contactable | None]] = []
    there: dict[int, tuple[Contactable, int | None]] = {}
    if named:
        for person, introducer in unit.warm_paths.working_at(named):
            there[person.person_id] = (person, introducer)
            candidates.append((person, Relation.NOW, person.organisation, None))
    left = {
        person_id: organisation
        for person_id, organisation in unit.warm_paths.past_positions()
        if employer_key(organisation) in keys
    }
    if left:
        for person, _introducer in unit.warm_paths.people(left):
            if person.person_id not in there:
                candidates.append((person, Relation.BEFORE, left[person.person_id], None))
    if there:
        for person, introducer in unit.warm_paths.introduced_by(there):
            if introducer is not None and person.person_id not in there:
                via = there[introducer][0]
                candidates.append((person, Relation.INTRODUCED_BY, via.organisation, via))
        introducers = {introducer: person_id for person_id, (_p, introducer) in there.items() if introducer}
        outside = [person_id for person_id in introducers if person_id not in there]
        if outside:
            for person, _introducer in unit.warm_paths.people(outside):
                via = there[introducers[person.person_id]][0]
                candidates.append((person, Relation.INTRODUCED, via.organisation, via))
    return rank(candidates, on)


def why(path: WarmPath) -> Message:
    """Why someone is listed, as a message (said in English by the CLI and API, translated on pages)."""
    if path.relation is Relation.NOW:
        return wording.WORKS_THERE(organisation=path.organisation)
    if path.relation is Relation.BEFORE:
        return wording.WORKED_THERE(organisation=path.organisation)
    assert path.via is not None
    if path.relation is Relation.INTRODUCED_BY:
        return wording.INTRODUCED_BY_SOMEONE_THERE(name=path.via.name, organisation=path.organisation)
    return wording.INTRODUCED_SOMEONE_THERE(name=path.via.name, organisation=path.organisation)


def path_text(path: WarmPath, _: Translate = lambda text: text) -> str:
    """The path from the user: "You → Ana Silva (IBM)", or "You → Ben Ortiz → Ana Silva (IBM)"."""
    steps = [_("You"), path.person.name]
    if path.via is not None:
        steps.append(path.via.name)
    return " → ".join(steps) + f" ({path.organisation})"


def path_to_dict(path: WarmPath) -> dict[str, Any]:
    """A warm path as ``orchardist who-knows --json`` and the API give it."""
    return {
        "person_id": path.person.person_id,
        "name": path.person.name,
        "path": path_text(path),
        "why": str(why(path)),
        "relation": path.relation.value,
        "organisation": path.organisation,
        "via": None if path.via is None else {"id": path.via.person_id, "name": path.via.name},
        "warmth": round(path.warmth, 2),
        "score": path.score,
    }
