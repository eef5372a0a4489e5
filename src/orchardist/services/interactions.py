"""Logging and reading interactions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.store.interactions import InteractionsRepository


class InteractionError(InputRefused):
    """An interaction cannot be logged as given."""


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
    """Record a contact with one or more people; it resets their stay-in-touch clock."""
    if not person_ids:
        raise InteractionError("an interaction needs at least one person")
    kind = kind.strip().lower().replace(" ", "_").replace("-", "_")
    if not kind:
        raise InteractionError("an interaction needs a kind, such as coffee, call or introduction")
    if not summary.strip():
        raise InteractionError("an interaction needs a short summary")
    interaction = Interaction(
        on=on or date.today(),
        direction=direction,
        kind=kind,
        summary=summary.strip(),
        person_ids=tuple(person_ids),
        channel=channel,
        notes=notes,
    )
    with network.store.write() as conn:
        # An unknown person raises LookupError, which callers report as "not found".
        return InteractionsRepository(conn, network.space_id).add(interaction)


def interactions_with(network: Network, person_id: int) -> list[Interaction]:
    """A person's interactions, newest first."""
    with network.store.read() as conn:
        return InteractionsRepository(conn, network.space_id).for_person(person_id)
