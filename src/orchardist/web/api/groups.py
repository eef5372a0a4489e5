"""``/api/v1/groups`` and ``/api/v1/events``: where you belong, where you went, and whom you met."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Path

from orchardist.domain.groups import Event, Group
from orchardist.services import groups as service
from orchardist.services.network import Network
from orchardist.web.api._growth_models import EventIn, EventOut, GroupDetailOut, GroupIn, GroupOut
from orchardist.web.api._models import FORBIDDEN, MAX_ID, REFUSED, Problem, api_router
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("groups")

NetworkDep = Annotated[Network, Depends(network_of)]
CHANGES = [Depends(require_same_origin_json)]
MISSING: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such group (or person) in this network."}
}


@router.get("/groups", response_model=list[GroupOut], summary="List your groups")
def list_groups(network: NetworkDep) -> list[GroupOut]:
    """Every group, by name."""
    return [GroupOut.model_validate(service.group_to_dict(group)) for group in service.list_groups(network)]


@router.post(
    "/groups",
    response_model=GroupOut,
    status_code=201,
    summary="Add a group",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN},
)
def add_group(network: NetworkDep, body: GroupIn) -> GroupOut:
    """An association, chamber of commerce, meetup or alumni group you belong to."""
    return GroupOut.model_validate(
        service.group_to_dict(service.add_group(network, Group(**body.model_dump())))
    )


@router.get(
    "/groups/{group_id:int}",
    response_model=GroupDetailOut,
    summary="A group and its events",
    responses=MISSING,
)
def get_group(
    network: NetworkDep, group_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The group's id.")]
) -> GroupDetailOut:
    """The group and its events, newest first, with the people you met at each."""
    view = service.show_group(network, group_id)
    return GroupDetailOut.model_validate(
        {
            **service.group_to_dict(view.group),
            "events": [service.event_to_dict(event) for event in view.events],
        }
    )


@router.get("/events", response_model=list[EventOut], summary="List your events")
def list_events(network: NetworkDep) -> list[EventOut]:
    """Every event, newest first, with the people you met there."""
    return [EventOut.model_validate(service.event_to_dict(view)) for view in service.list_events(network)]


@router.post(
    "/events",
    response_model=EventOut,
    status_code=201,
    summary="Add an event and whom you met",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **MISSING},
)
def add_event(network: NetworkDep, body: EventIn) -> EventOut:
    """An event you attended; a follow-up is owed to each person you met there (Today)."""
    event = Event(
        name=body.name,
        on=body.date or date.today(),
        place=body.place,
        group_id=body.group_id,
        notes=body.notes,
        met=tuple(body.met),
    )
    return EventOut.model_validate(service.event_to_dict(service.add_event(network, event)))
