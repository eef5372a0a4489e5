"""``/api/v1/today`` and friends: Today's list, snoozes, dismissals, the reconnect list, a person's
standing, and the network's settings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from orchardist.services import reasons, reconnecting
from orchardist.services import settings as settings_service
from orchardist.services import tending as service
from orchardist.services.network import Network
from orchardist.services.reconnecting import MOST_AT_ONCE
from orchardist.web.api._models import (
    FORBIDDEN,
    MAX_ID,
    NOT_FOUND,
    REFUSED,
    Day,
    PersonId,
    PersonLedgerOut,
    api_router,
    one_of,
)
from orchardist.web.api._settings import SettingsChanges
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("tending")

NetworkDep = Annotated[Network, Depends(network_of)]
PersonPath = Annotated[int, Path(ge=1, le=MAX_ID, description="The person's id.")]
CHANGES = [Depends(require_same_origin_json)]


if TYPE_CHECKING:
    ReasonCode = str
else:
    ReasonCode = one_of(reasons.codes)
"""A reason's code, one of ``orchardist.services.reasons.REASONS``."""


class TodayEntryOut(BaseModel):
    """One item of Today, as ``orchardist today --json`` prints it."""

    person_id: int
    name: str
    reason: ReasonCode = Field(description="Why the person is on the list.")
    why: str = Field(description="A sentence saying why.")
    action: str = Field(description="The suggested action.")
    due: dt.date = Field(description="When the action is due (may be past).")


class SnoozeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person_id: PersonId
    until: Day = Field(description="The last day to keep them off Today (YYYY-MM-DD, today or later).")


class SnoozeOut(BaseModel):
    person_id: int
    until: dt.date


class SnoozeManyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person_ids: list[PersonId] = Field(min_length=1, max_length=service.MOST_SNOOZED_AT_ONCE)
    until: Day = Field(description="The last day to keep them off Today (YYYY-MM-DD, today or later).")


class SnoozedOut(BaseModel):
    person_id: int
    name: str = Field(description="Their name as they write it.")
    until: dt.date


class DismissalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person_id: PersonId
    reason: ReasonCode
    due: Day = Field(description="The item's due day (YYYY-MM-DD), as Today gave it.")


class ReconnectIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person_id: PersonId


class ReconnectOut(BaseModel):
    person_id: int
    name: str = Field(description="Their name as they write it.")
    since: dt.date = Field(description="The day they were put on the list.")


class ReconnectManyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person_ids: list[PersonId] = Field(min_length=1, max_length=MOST_AT_ONCE)


class ReconnectManyOut(BaseModel):
    added: int = Field(description="How many went on the list (the others were on it already).")


class CandidateOut(BaseModel):
    """Someone never contacted and not on the reconnect list."""

    person_id: int
    name: str
    organisation: str
    title: str
    connected_on: dt.date | None = Field(description="The day LinkedIn says you connected, if known.")


class InventoryOut(BaseModel):
    """A page of the people who could go on the reconnect list, oldest connections first."""

    total: int = Field(description="How many people were never contacted and are not on the list.")
    offset: int
    candidates: list[CandidateOut]
    listed: list[ReconnectOut] = Field(description="Who is on the list already, earliest first.")


class StandingOut(BaseModel):
    """A person's give/ask ledger and the day they are next due (null when dormant)."""

    ledger: PersonLedgerOut
    next_due: dt.date | None


@router.get("/today", response_model=list[TodayEntryOut], summary="Today's list, in rank order")
def get_today(
    network: NetworkDep,
    date: Annotated[
        Day | None, Query(description="Evaluate as of this day (YYYY-MM-DD); default today.")
    ] = None,
) -> list[TodayEntryOut]:
    """Whom to tend and why: owed thank-yous and follow-ups, occasions, then the most overdue."""
    return [TodayEntryOut.model_validate(entry.to_dict()) for entry in service.today(network, date)]


@router.post(
    "/snoozes",
    response_model=SnoozeOut,
    status_code=201,
    summary="Snooze a person",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NOT_FOUND},
)
def snooze(network: NetworkDep, body: SnoozeIn) -> SnoozeOut:
    """Keep the person off Today through ``until``; a later snooze replaces an earlier one."""
    service.snooze(network, body.person_id, body.until)
    return SnoozeOut(person_id=body.person_id, until=body.until)


@router.post(
    "/snoozes/many",
    response_model=list[SnoozedOut],
    status_code=201,
    summary="Snooze several people at once",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NOT_FOUND},
)
def snooze_many(network: NetworkDep, body: SnoozeManyIn) -> list[SnoozedOut]:
    """All or none: an id not in this network snoozes no one (404 naming it)."""
    return [
        SnoozedOut(**entry.to_dict()) for entry in service.snooze_many(network, body.person_ids, body.until)
    ]


@router.delete(
    "/snoozes/{person_id:int}",
    status_code=204,
    response_class=Response,
    response_model=None,
    summary="End a person's snooze",
    dependencies=CHANGES,
    responses={**FORBIDDEN, **NOT_FOUND},
)
def end_snooze(network: NetworkDep, person_id: PersonPath) -> Response:
    """End the snooze now (early, or to undo one); nothing happens when they were not snoozed."""
    service.end_snooze(network, [person_id])
    return Response(status_code=204)


@router.post(
    "/dismissals",
    status_code=204,
    response_class=Response,
    response_model=None,
    summary="Dismiss a Today item",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NOT_FOUND},
)
def dismiss(network: NetworkDep, body: DismissalIn) -> Response:
    """Drop one item (person, reason, due day) for good; the person's next item still shows."""
    service.dismiss(network, body.person_id, body.reason, body.due)
    return Response(status_code=204)


@router.delete(
    "/dismissals",
    status_code=204,
    response_class=Response,
    response_model=None,
    summary="Bring back a dismissed Today item",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NOT_FOUND},
)
def undismiss(
    network: NetworkDep,
    person_id: Annotated[int, Query(ge=1, le=MAX_ID, description="The person's id.")],
    reason: Annotated[ReasonCode, Query(description="The item's reason.")],
    due: Annotated[Day, Query(description="The item's due day (YYYY-MM-DD).")],
) -> Response:
    """The undo of a dismissal; nothing happens when the item was not dismissed."""
    service.undismiss(network, person_id, reason, due)
    return Response(status_code=204)


@router.get("/reconnect", response_model=list[ReconnectOut], summary="The reconnect list")
def list_reconnect(network: NetworkDep) -> list[ReconnectOut]:
    """The people you want to reconnect with, and since when, earliest first."""
    return [ReconnectOut(**entry.to_dict()) for entry in reconnecting.reconnect_list(network)]


@router.get(
    "/reconnect/suggestions",
    response_model=InventoryOut,
    summary="Who could go on the reconnect list",
    responses=REFUSED,
)
def reconnect_suggestions(
    network: NetworkDep,
    limit: Annotated[int, Query(ge=1, le=MOST_AT_ONCE)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> InventoryOut:
    """People never contacted and not on the list, the oldest connections first (the day LinkedIn says
    you connected, else the day they were added), with who is on the list already."""
    return InventoryOut(**reconnecting.inventory(network, limit=limit, offset=offset).to_dict())


@router.post(
    "/reconnect/many",
    response_model=ReconnectManyOut,
    summary="Put several people on the reconnect list",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NOT_FOUND},
)
def add_many_reconnect(network: NetworkDep, body: ReconnectManyIn) -> ReconnectManyOut:
    """All or none: an id not in this network puts no one on the list (404 naming it)."""
    return ReconnectManyOut(added=reconnecting.start_reconnecting(network, body.person_ids))


@router.post(
    "/reconnect",
    response_model=ReconnectOut,
    status_code=201,
    summary="Put a person on the reconnect list",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NOT_FOUND},
)
def add_reconnect(network: NetworkDep, body: ReconnectIn) -> ReconnectOut:
    """They show on Today as ``reconnect`` until a contact is logged; already on it changes nothing."""
    entry = reconnecting.add_to_reconnect(network, body.person_id)
    listed = {found.person_id: found for found in reconnecting.reconnect_list(network)}
    return ReconnectOut(**listed[entry.person_id].to_dict())


@router.delete(
    "/reconnect/{person_id:int}",
    status_code=204,
    response_class=Response,
    response_model=None,
    summary="Take a person off the reconnect list",
    dependencies=CHANGES,
    responses={**FORBIDDEN, **NOT_FOUND},
)
def remove_reconnect(network: NetworkDep, person_id: PersonPath) -> Response:
    """Take them off the list (nothing happens when they were not on it)."""
    reconnecting.remove_from_reconnect(network, person_id)
    return Response(status_code=204)


@router.get(
    "/people/{person_id:int}/standing",
    response_model=StandingOut,
    summary="A person's give/ask ledger and next due day",
    responses=NOT_FOUND,
)
def standing(network: NetworkDep, person_id: PersonPath) -> StandingOut:
    """How many interactions gave, asked, were mutual or social, and when they are next due."""
    found = service.standing_of(network, person_id)
    return StandingOut(ledger=PersonLedgerOut(**found.ledger), next_due=found.next_due)


@router.get("/settings", response_model=dict[str, Any], summary="The network's settings")
def get_settings(network: NetworkDep) -> dict[str, Any]:
    """Every setting (as ``orchardist settings show --json``); the SMTP password is masked."""
    return settings_service.shown(settings_service.current(network))


@router.patch(
    "/settings",
    response_model=dict[str, Any],
    summary="Change settings",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN},
)
def patch_settings(network: NetworkDep, body: SettingsChanges) -> dict[str, Any]:
    """Change some settings, all together or none (a wrong one refuses the lot with 400)."""
    return settings_service.shown(settings_service.update(network, body))
