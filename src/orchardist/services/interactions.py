"""Logging contacts and reading them back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from orchardist.domain.interactions import Channel, Direction, Interaction, canonical_kind
from orchardist.domain.limits import interaction_problem
from orchardist.domain.offers import AskWarning
from orchardist.domain.wording import AFTER_TODAY, NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.discretion import CoworkerWarning, ask_warnings_in
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.offers import ask_warning_in

if TYPE_CHECKING:
    from orchardist.services.people import PersonOverview
    from orchardist.store.unit import Unit


class InteractionError(InputRefused):
    """An interaction cannot be logged as given."""


@dataclass(frozen=True, slots=True)
class Logged:
    """A contact just logged: the interaction; the give-before-ask warnings of the people who had only
    been asked of until this ask; in discreet mode, the co-workers an ask could tell of the search;
    and, when asked for, a person's page as it now stands."""

    interaction: Interaction
    warnings: list[AskWarning]
    overview: PersonOverview | None = None
    coworkers: list[CoworkerWarning] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class InteractionPage:
    """A page of interactions, newest first, and how many there are in all."""

    total: int
    interactions: list[Interaction]


def _checked(
    person_ids: Sequence[int],
    direction: Direction,
    kind: str,
    summary: str,
    on: date | None,
    channel: Channel,
    notes: str,
) -> Interaction:
    if not person_ids:
        raise InteractionError(refusals.NEEDS_PERSON())
    kind = canonical_kind(kind)
    if not kind:
        raise InteractionError(refusals.NEEDS_KIND())
    if not summary.strip():
        raise InteractionError(refusals.NEEDS_SUMMARY())
    today = date.today()
    if on is not None and on > today:
        # A contact dated ahead would hide the person from Today until then.
        raise InteractionError(AFTER_TODAY(value=on.isoformat(), today=today.isoformat()), field="date")
    interaction = Interaction(
        on=on or today,
        direction=direction,
        kind=kind,
        summary=summary.strip(),
        person_ids=tuple(dict.fromkeys(person_ids)),
        channel=channel,
        notes=notes,
    )
    problem = interaction_problem(interaction)
    if problem is not None:
        raise InteractionError(problem[1], field=problem[0])
    return interaction


def checked_contact(
    person_ids: Sequence[int],
    *,
    direction: Direction,
    kind: str,
    summary: str,
    on: date | None = None,
    channel: Channel = Channel.OTHER,
) -> Interaction:
    """A contact checked as ``log_contact`` checks it, not yet stored (InteractionError if refused)."""
    return _checked(person_ids, direction, kind, summary, on, channel, "")


def record_in(unit: Unit, interaction: Interaction) -> Interaction:
    """Store a checked contact within a transaction already open, resetting its people's clocks."""
    stored = unit.interactions.add(interaction)
    unit.tending.reconnected(stored.person_ids, stored.on)
    return stored


def log_contact(
    network: Network,
    person_ids: Sequence[int],
    *,
    direction: Direction,
    kind: str,
    summary: str,
    on: date | None = None,
    channel: Channel = Channel.OTHER,
    notes: str = "",
    overview_of: int | None = None,
) -> Logged:
    """Record a contact with one or more people, in one transaction; it resets their stay-in-touch clock.

    An ask of someone the user had only asked of so far is logged all the same, with a warning naming
    an offer to make first; so is an ask, in discreet mode, of a co-worker (or maybe one) who does not
    know the user is looking, with a warning that it could tell them. With ``overview_of``, the
    person's page as it stands after the contact. NotFound names the first person not in this
    network; nothing is logged then.
    """
    interaction = _checked(person_ids, direction, kind, summary, on, channel, notes)
    with network.writing() as unit:
        warnings: list[AskWarning] = []
        coworkers: list[CoworkerWarning] = []
        if direction is Direction.ASKED:
            for person_id in interaction.person_ids:
                warning = ask_warning_in(unit, person_id)
                if warning is not None:
                    warnings.append(warning)
            asked = unit.people.get_many(interaction.person_ids)
            coworkers = ask_warnings_in(unit, [asked[i] for i in interaction.person_ids if i in asked])
        # Off the reconnect list first: the weekly figures, counted as the contact is stored, then
        # count it as the reconnection it is.
        unit.tending.reconnected(interaction.person_ids, interaction.on)
        stored = unit.interactions.add(interaction)
        overview = None
        if overview_of is not None:
            from orchardist.services.people import overview_in

            overview = overview_in(unit, overview_of)
    return Logged(interaction=stored, warnings=warnings, overview=overview, coworkers=coworkers)


def log_interaction(
    network: Network,
    person_ids: Sequence[int],
    *,
    direction: Direction,
    kind: str,
    summary: str,
    on: date | None = None,
    channel: Channel = Channel.OTHER,
    notes: str = "",
) -> Interaction:
    """``log_contact`` for callers that want only the stored interaction."""
    return log_contact(
        network,
        person_ids,
        direction=direction,
        kind=kind,
        summary=summary,
        on=on,
        channel=channel,
        notes=notes,
    ).interaction


def interactions_with(network: Network, person_id: int) -> list[Interaction]:
    """A person's interactions, newest first."""
    with network.reading() as unit:
        return unit.interactions.for_person(person_id)


def person_interactions(network: Network, person_id: int, *, limit: int, offset: int = 0) -> InteractionPage:
    """A page of one person's interactions, newest first; NotFound when they are not in this network."""
    with network.reading() as unit:
        if not unit.people.exists(person_id):
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        found = unit.interactions.for_person(person_id)
    return InteractionPage(total=len(found), interactions=found[offset : offset + limit])


def recent_interactions(network: Network, *, limit: int = 50, offset: int = 0) -> InteractionPage:
    """Interactions across the whole network, newest first (by date, then the latest logged)."""
    with network.reading() as unit:
        return InteractionPage(
            total=unit.interactions.count(), interactions=unit.interactions.recent(limit=limit, offset=offset)
        )


def count_interactions(network: Network) -> int:
    """How many interactions the network holds."""
    with network.reading() as unit:
        return unit.interactions.count()
