"""``/api/v1/interactions``: log a contact, and read them back newest first."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query

from orchardist.domain.interactions import Interaction
from orchardist.services import interactions as service
from orchardist.services.network import Network
from orchardist.services.serialisers import interaction_to_dict
from orchardist.web.api._models import (
    DEFAULT_PAGE,
    FORBIDDEN,
    MAX_ID,
    MAX_OFFSET,
    MAX_PAGE,
    NOT_FOUND,
    REFUSED,
    InteractionIn,
    InteractionOut,
    InteractionPage,
    LoggedOut,
    LogWarningOut,
    Problem,
    api_router,
)
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("interactions")

NetworkDep = Annotated[Network, Depends(network_of)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many first.")]


def _out(interaction: Interaction) -> InteractionOut:
    return InteractionOut.model_validate(interaction_to_dict(interaction))


@router.get("/interactions", response_model=InteractionPage, summary="List interactions, newest first")
def list_interactions(
    network: NetworkDep, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> InteractionPage:
    """Every interaction in the network, newest first, a page at a time."""
    found = service.recent_interactions(network, limit=limit, offset=offset)
    return InteractionPage(
        total=found.total,
        limit=limit,
        offset=offset,
        interactions=[_out(item) for item in found.interactions],
    )


def _warnings(logged: service.Logged) -> list[LogWarningOut]:
    said = [(warning.person_id, warning.message) for warning in logged.warnings]
    said += [(warning.person_id, warning.message) for warning in logged.coworkers]
    return [
        LogWarningOut(person_id=person_id, detail=str(message), **message.to_dict())
        for person_id, message in said
    ]


@router.post(
    "/interactions",
    response_model=LoggedOut,
    status_code=201,
    summary="Log an interaction",
    dependencies=[Depends(require_same_origin_json)],
    responses={
        **REFUSED,
        **FORBIDDEN,
        404: {"model": Problem, "description": "One of the people is not in this network."},
    },
)
def log_interaction(network: NetworkDep, interaction: InteractionIn) -> LoggedOut:
    """Record a contact with one or more people; it resets their stay-in-touch clock. An ask comes back
    with warnings: someone you had only asked of, or, when your search is discreet, a co-worker who does
    not know you are looking."""
    # A person not in this network is NotFound (404), naming the first; nothing is logged.
    logged = service.log_contact(
        network,
        list(dict.fromkeys(interaction.person_ids)),
        direction=interaction.direction,
        kind=interaction.kind,
        summary=interaction.summary,
        on=interaction.date,
        channel=interaction.channel,
        notes=interaction.notes,
    )
    return LoggedOut.model_validate(
        {**interaction_to_dict(logged.interaction), "warnings": _warnings(logged)}
    )


@router.get(
    "/people/{person_id:int}/interactions",
    response_model=InteractionPage,
    summary="List a person's interactions, newest first",
    responses=NOT_FOUND,
)
def list_person_interactions(
    network: NetworkDep,
    person_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The person's id.")],
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> InteractionPage:
    """One person's interactions, newest first, a page at a time."""
    found = service.person_interactions(network, person_id, limit=limit, offset=offset)
    return InteractionPage(
        total=found.total,
        limit=limit,
        offset=offset,
        interactions=[_out(item) for item in found.interactions],
    )
