"""Introductions the user brokers: the pairs worth introducing, and each introduction's steps, drafts and
outcome (a double opt-in: ask one, ask the other, introduce both, follow up).

Suggestions are worked out when read (``orchardist.domain.pairing``) from the people with interests,
needs, offers or a tag saying they are looking for work, and the people at the organisations those
name; pairs already introduced are left out, and while the user's search is discreet, so is everyone
flagged as a co-worker (or maybe one) who does not know of it. Each step the user takes may be logged
in the give/ask ledger as they mark it, in the same transaction.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from orchardist.coach.builtin_templates import BUILTIN
from orchardist.domain import wording
from orchardist.domain.discretion import Workplace, unsafe_contact
from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.introductions import (
    MAX_OUTCOME,
    STEPS,
    Introduction,
    IntroState,
    Moved,
    Side,
    Step,
    can_move,
)
from orchardist.domain.limits import text_problem
from orchardist.domain.messages import Message, Translate
from orchardist.domain.pairing import Organisations, Pair, is_searching, suggest_pairs, wanted_organisations
from orchardist.domain.people import Person
from orchardist.domain.wording import NO_SUCH_INTRODUCTION, NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.discretion import about_me_in, flag_of, overview_in
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import checked_contact, record_in
from orchardist.services.network import Network
from orchardist.services.writing import Letter, letter_in, template_in
from orchardist.store.unit import Unit

DEFAULT_SUGGESTIONS = 20
MOST_SUGGESTIONS = 500
MOST_AT_ORGANISATION = 5
"""The most people at one organisation suggested to a searcher who names it."""
STATES = tuple(state.value for state in IntroState)


def _same(text: str) -> str:
    return text


# Suggestions -------------------------------------------------------------------------------------


def _excluded_in(unit: Unit) -> set[int]:
    """While the search is discreet: everyone flagged as a co-worker, or maybe one, who does not know."""
    overview = overview_in(unit)
    if not overview.about.discreet:
        return set()
    return {
        item.person_id
        for item in (*overview.coworkers, *overview.maybe)
        if unsafe_contact(item.flag, item.knows_search)
    }


# Suggesting weighs everyone with interests, needs or offers (about a second at 30,000 people), so the
# pairs are kept until the people, the introductions or who is left out change.
_cache: dict[str, tuple[tuple[Any, ...], list[Pair]]] = {}
_cache_lock = threading.Lock()


def suggestions_in(unit: Unit, *, limit: int = DEFAULT_SUGGESTIONS, key: str = "") -> list[Pair]:
    """``suggest_introductions`` within a transaction; ``key`` (the network's) keeps the pairs for the
    next call until the network changes."""
    excluded = _excluded_in(unit)
    version = (unit.matching.version(), unit.introductions.version(), frozenset(excluded))
    if key:
        with _cache_lock:
            cached = _cache.get(key)
        if cached is not None and cached[0] == version:
            return cached[1][:limit]
    profiles = unit.introductions.profiles()
    searchers = [profile for profile in profiles if is_searching(profile)]
    organisations = (
        Organisations.of(unit.introductions.organisation_names()) if searchers else Organisations()
    )
    wanted = sorted({name for profile in searchers for name in wanted_organisations(profile, organisations)})
    workers = unit.introductions.people_at(wanted, most=MOST_AT_ORGANISATION)
    pairs = suggest_pairs(
        profiles,
        workers=workers,
        organisations=organisations,
        excluded=excluded,
        known=unit.introductions.pairs(),
        limit=MOST_SUGGESTIONS,
    )
    if key:
        with _cache_lock:
            _cache[key] = (version, pairs)
    return pairs[:limit]


def suggest_introductions(network: Network, *, limit: int = DEFAULT_SUGGESTIONS) -> list[Pair]:
    """The pairs worth introducing, best first, each with its reasons and score (at most ``limit``)."""
    if not 1 <= limit <= MOST_SUGGESTIONS:
        raise InputRefused(wording.NUMBER_RANGE(least=1, most=MOST_SUGGESTIONS, value=limit), field="limit")
    with network.reading() as unit:
        return suggestions_in(unit, limit=limit, key=network.key)


def _reason_in(unit: Unit, a_id: int, b_id: int, _: Translate) -> str:
    """Why these two should meet, as a suggestion would say it ("" when nothing says so)."""
    profiles = {profile.person_id: profile for profile in unit.introductions.profiles_of([a_id, b_id])}
    a, b = profiles[a_id], profiles[b_id]
    names = [name for name in (a.organisation, b.organisation) if name]
    found = suggest_pairs(
        [a, b],
        workers={b.organisation: [b], a.organisation: [a]},
        organisations=Organisations.of(names),
        limit=1,
    )
    return found[0].why(_) if found else ""


def pair_to_dict(pair: Pair, translate: Translate | None = None) -> dict[str, Any]:
    """A suggestion as ``intro suggest --json`` and the API give it."""
    return {
        "a": {"id": pair.a_id, "name": pair.a_name},
        "b": {"id": pair.b_id, "name": pair.b_name},
        "why": pair.why(translate),
        "reasons": [reason.to_dict() for reason in pair.reasons],
        "score": pair.score,
    }


# The workflow -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Draft:
    """The messages of one step of an introduction: whom they go to and the words, checked."""

    step: Step
    letters: list[Letter]


@dataclass(frozen=True, slots=True)
class IntroductionView:
    """One introduction as its page, ``intro start`` and ``intro move`` show it: where it stands,
    the drafts of its next step, what was logged, and the discretion warnings."""

    introduction: Introduction
    draft: Draft | None
    logged: list[Interaction] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def _warnings_in(unit: Unit, people: list[Person]) -> list[Message]:
    about = about_me_in(unit)
    if not about.discreet:
        return []
    workplace = Workplace.of(about)
    return [
        wording.INTRODUCE_COWORKER(name=person.display_name)
        for person in people
        if unsafe_contact(flag_of(workplace, person), person.knows_search)
    ]


def _two_in(unit: Unit, a_id: int, b_id: int) -> tuple[Person, Person]:
    if a_id == b_id:
        raise InputRefused(refusals.INTRODUCE_TWO(), field="b")
    found = unit.people.get_many([a_id, b_id])
    for person_id, name in ((a_id, "a"), (b_id, "b")):
        if person_id not in found:
            raise NotFound(NO_SUCH_PERSON(id=person_id), field=name)
    return found[a_id], found[b_id]


def _draft_in(unit: Unit, introduction: Introduction, step: Step, lang: str, _: Translate) -> Draft | None:
    if step.side is None or not step.template:
        return None
    a, b = _two_in(unit, introduction.a_id, introduction.b_id)
    template = template_in(unit, step.template, lang, _)
    if step.side is Side.A:
        letters = [letter_in(unit, a, b, template, lang=lang, _=_)]
    elif step.side is Side.B:
        letters = [letter_in(unit, b, a, template, lang=lang, _=_)]
    elif step.state is IntroState.INTRODUCED:
        # One note to both: addressed to the first, sent to both addresses.
        letter = letter_in(unit, a, b, template, lang=lang, _=_)
        both = ",".join(address for address in (letter.email, b.emails[0] if b.emails else "") if address)
        letters = [replace(letter, email=both)]
    else:
        letters = [
            letter_in(unit, a, b, template, lang=lang, _=_),
            letter_in(unit, b, a, template, lang=lang, _=_),
        ]
    return Draft(step, letters)


def _get_in(unit: Unit, introduction_id: int) -> Introduction:
    found = unit.introductions.get(introduction_id)
    if found is None:
        raise NotFound(NO_SUCH_INTRODUCTION(id=introduction_id))
    return found


def _view_in(
    unit: Unit, introduction: Introduction, lang: str, _: Translate, logged: list[Interaction] | None = None
) -> IntroductionView:
    step = introduction.next_step
    a, b = _two_in(unit, introduction.a_id, introduction.b_id)
    return IntroductionView(
        introduction=introduction,
        draft=_draft_in(unit, introduction, step, lang, _) if step is not None else None,
        logged=logged or [],
        warnings=_warnings_in(unit, [a, b]),
    )


def _why(text: str) -> str:
    cleaned = " ".join(text.split())
    problem = text_problem(cleaned, MAX_OUTCOME)
    if problem is not None:
        raise InputRefused(problem, field="why")
    return cleaned


def start_introduction(
    network: Network,
    a_id: int,
    b_id: int,
    *,
    why: str = "",
    lang: str = "en",
    _: Translate = _same,
    on: date | None = None,
) -> IntroductionView:
    """Start introducing ``a_id`` to ``b_id`` (``a`` is asked first). Without ``why``, the reason
    it would be suggested with, if any. Refused when the two are one person, or already being
    introduced; NotFound for someone not in this network. In discreet mode it warns about a co-worker."""
    reason = _why(why)
    with network.writing() as unit:
        _two_in(unit, a_id, b_id)
        pair = (min(a_id, b_id), max(a_id, b_id))
        for existing in unit.introductions.all():
            if existing.pair() == pair and not existing.state.closed:
                raise InputRefused(refusals.INTRODUCTION_OPEN(id=existing.id), field="b")
        if not reason:
            reason = _reason_in(unit, a_id, b_id, _)
        introduction = unit.introductions.add(a_id, b_id, reason, on or date.today())
        return _view_in(unit, introduction, lang, _)


def _summary(introduction: Introduction, state: IntroState, _: Translate) -> tuple[list[int], str]:
    a, b = introduction.a_name, introduction.b_name
    if state is IntroState.ASKED_A:
        return [introduction.a_id], _("Asked %(name)s whether they would like to meet %(other)s") % {
            "name": a,
            "other": b,
        }
    if state is IntroState.ASKED_B:
        return [introduction.b_id], _("Asked %(name)s whether they would like to meet %(other)s") % {
            "name": b,
            "other": a,
        }
    if state is IntroState.INTRODUCED:
        return [introduction.a_id, introduction.b_id], _("Introduced %(a)s and %(b)s to each other") % {
            "a": a,
            "b": b,
        }
    return [introduction.a_id, introduction.b_id], _("Asked %(a)s and %(b)s how their introduction went") % {
        "a": a,
        "b": b,
    }


def move_introduction(
    network: Network,
    introduction_id: int,
    state: str | IntroState,
    *,
    outcome: str | None = None,
    log: bool = False,
    lang: str = "en",
    _: Translate = _same,
    on: date | None = None,
) -> IntroductionView:
    """Move an introduction to ``state`` (forward, or ``declined``), recording ``outcome`` when given.
    With ``log``, the step's message is logged as a give with the people it went to (the ledger's
    one click), in the same transaction. Refused for an unknown state or a move back; NotFound for
    an introduction not in this network."""
    try:
        wanted = IntroState(str(state).strip().lower())
    except ValueError:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(STATES)), field="state") from None
    said = None if outcome is None else _why(outcome)
    day = on or date.today()
    with network.writing() as unit:
        introduction = _get_in(unit, introduction_id)
        if not can_move(introduction.state, wanted):
            raise InputRefused(
                refusals.INTRODUCTION_MOVE(current=introduction.state.value, wanted=wanted.value),
                field="state",
            )
        step = STEPS[wanted]
        logged: list[Interaction] = []
        if log and step.log_kind:
            people, summary = _summary(introduction, wanted, _)
            contact = checked_contact(
                people, direction=Direction.GAVE, kind=step.log_kind, summary=summary, on=day
            )
            logged.append(record_in(unit, contact))
        moved = replace(
            introduction,
            state=wanted,
            outcome=introduction.outcome if said is None else said,
            history=(*introduction.history, Moved(wanted, day)),
        )
        unit.introductions.update(moved)
        return _view_in(unit, moved, lang, _, logged)


def introduction_view(
    network: Network, introduction_id: int, *, lang: str = "en", _: Translate = _same
) -> IntroductionView:
    """One introduction with the drafts of its next step; NotFound when there is none."""
    with network.reading() as unit:
        return _view_in(unit, _get_in(unit, introduction_id), lang, _)


def list_introductions(network: Network) -> list[Introduction]:
    """Every introduction the user brokers, newest first."""
    with network.reading() as unit:
        return unit.introductions.all()


@dataclass(frozen=True, slots=True)
class IntroductionsBoard:
    """The Introductions page: the suggestions and every introduction by state."""

    suggestions: list[Pair]
    introductions: list[Introduction]

    def in_state(self, state: IntroState) -> list[Introduction]:
        return [item for item in self.introductions if item.state is state]


def introductions_board(network: Network, *, limit: int = DEFAULT_SUGGESTIONS) -> IntroductionsBoard:
    """What the Introductions page shows, read in one transaction."""
    with network.reading() as unit:
        return IntroductionsBoard(
            suggestions_in(unit, limit=limit, key=network.key), unit.introductions.all()
        )


def record_received(network: Network, introducer_id: int, person_id: int) -> Person:
    """Record that ``introducer_id`` introduced the user to ``person_id``: they are the person's
    "introduced by", shown on their page. NotFound for someone not in this network."""
    if introducer_id == person_id:
        raise InputRefused(refusals.SELF_INTRODUCED(), field="by")
    with network.writing() as unit:
        found = unit.people.get_many([introducer_id, person_id])
        for wanted, name in ((introducer_id, "by"), (person_id, "person")):
            if wanted not in found:
                raise NotFound(NO_SUCH_PERSON(id=wanted), field=name)
        person = replace(found[person_id], met_through_id=introducer_id)
        unit.people.update(person)
        return person


def introduction_to_dict(introduction: Introduction) -> dict[str, Any]:
    """An introduction as ``intro list --json`` and the API give it."""
    return {
        "id": introduction.id,
        "a": {"id": introduction.a_id, "name": introduction.a_name},
        "b": {"id": introduction.b_id, "name": introduction.b_name},
        "state": introduction.state.value,
        "why": introduction.why,
        "outcome": introduction.outcome,
        "history": [
            {"state": moved.state.value, "on": moved.on.isoformat()} for moved in introduction.history
        ],
        "created_at": (
            introduction.created_at.isoformat().replace("+00:00", "Z") if introduction.created_at else None
        ),
    }


def view_to_dict(view: IntroductionView, translate: Translate | None = None) -> dict[str, Any]:
    """An introduction with the drafts of its next step and what was logged (``intro start/move --json``)."""
    draft = view.draft
    return {
        **introduction_to_dict(view.introduction),
        "next": (
            {
                "state": draft.step.state.value,
                "template": draft.step.template,
                "messages": [letter.to_dict(translate) for letter in draft.letters],
            }
            if draft is not None
            else None
        ),
        "logged": [item.id for item in view.logged],
        "warnings": [
            {"detail": warning.text(translate) if translate else str(warning), **warning.to_dict()}
            for warning in view.warnings
        ],
    }


assert all(step.template in BUILTIN for step in STEPS.values() if step.template)
