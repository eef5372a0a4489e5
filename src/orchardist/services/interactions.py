"""Logging and reading interactions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.store.interactions import InteractionsRepository
from orchardist.store.tables import interaction_people, interactions


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


def recent_interactions(network: Network, *, limit: int = 50, offset: int = 0) -> list[Interaction]:
    """Interactions across the whole network, newest first (by date, then the latest logged)."""
    with network.store.read() as conn:
        rows = conn.execute(
            sa.select(
                interactions.c.id,
                interactions.c.on_date,
                interactions.c.direction,
                interactions.c.kind,
                interactions.c.summary,
                interactions.c.channel,
                interactions.c.notes,
            )
            .where(interactions.c.space_id == network.space_id)
            .order_by(interactions.c.on_date.desc(), interactions.c.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
        involved: dict[int, list[int]] = {row.id: [] for row in rows}
        if involved:
            for interaction_id, person_id in conn.execute(
                sa.select(interaction_people.c.interaction_id, interaction_people.c.person_id)
                .where(
                    interaction_people.c.space_id == network.space_id,
                    interaction_people.c.interaction_id.in_(list(involved)),
                )
                .order_by(interaction_people.c.interaction_id, interaction_people.c.person_id)
            ):
                involved[interaction_id].append(person_id)
    return [
        Interaction(
            id=row.id,
            on=row.on_date,
            direction=Direction(row.direction),
            kind=row.kind,
            summary=row.summary,
            person_ids=tuple(involved[row.id]),
            channel=Channel(row.channel),
            notes=row.notes,
        )
        for row in rows
    ]


def count_interactions(network: Network) -> int:
    """How many interactions the network holds."""
    with network.store.read() as conn:
        return InteractionsRepository(conn, network.space_id).count()
