"""``/api/v1/leads`` and ``/api/v1/who-knows``: job leads with their story, and warm paths to an employer."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Path, Query

from orchardist.domain.leads import Lead, LeadStatus
from orchardist.services import leads as service
from orchardist.services import warm_paths
from orchardist.services.network import Network
from orchardist.services.serialisers import interaction_to_dict
from orchardist.web.api._growth_models import LeadIn, LeadLinkIn, LeadMoveIn, LeadOut, PassOnIn, WarmPathOut
from orchardist.web.api._models import FORBIDDEN, MAX_ID, REFUSED, InteractionOut, Problem, api_router
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("leads")

NetworkDep = Annotated[Network, Depends(network_of)]
LeadPath = Annotated[int, Path(ge=1, le=MAX_ID, description="The lead's id.")]
CHANGES = [Depends(require_same_origin_json)]
MISSING: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such lead (or person) in this network."}
}


def _out(view: service.LeadView) -> LeadOut:
    return LeadOut.model_validate(service.lead_to_dict(view))


@router.get("/leads", response_model=list[LeadOut], summary="List your leads")
def list_leads(
    network: NetworkDep, status: Annotated[LeadStatus | None, Query(description="Only this status.")] = None
) -> list[LeadOut]:
    """Every lead (or those of one status), open ones first, newest first."""
    overview = service.list_leads(network, status=status.value if status else None)
    return [_out(view) for view in overview.leads]


@router.post(
    "/leads",
    response_model=LeadOut,
    status_code=201,
    summary="Add a lead",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **MISSING},
)
def add_lead(network: NetworkDep, body: LeadIn) -> LeadOut:
    """Store a lead: an organisation or a role, where and when heard, from whom, its next step."""
    lead = Lead(**{**body.model_dump(), "heard_on": body.heard_on or date.today()})
    return _out(service.add_lead(network, lead))


@router.get("/leads/{lead_id:int}", response_model=LeadOut, summary="A lead and its story", responses=MISSING)
def get_lead(network: NetworkDep, lead_id: LeadPath) -> LeadOut:
    """The lead, and its story: who told you, who introduced you to them, and further back."""
    return _out(service.show_lead(network, lead_id))


@router.post(
    "/leads/{lead_id:int}/move",
    response_model=LeadOut,
    summary="Move a lead along",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **MISSING},
)
def move_lead(network: NetworkDep, lead_id: LeadPath, body: LeadMoveIn) -> LeadOut:
    """A new status, and the next step set or cleared."""
    return _out(
        service.move_lead(
            network,
            lead_id,
            body.status,
            next_step=body.next_step,
            next_step_on=body.next_step_on,
            clear_next_step=body.clear_next_step,
        )
    )


@router.post(
    "/leads/{lead_id:int}/link",
    response_model=LeadOut,
    summary="Say whom a lead came from",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **MISSING},
)
def link_lead(network: NetworkDep, lead_id: LeadPath, body: LeadLinkIn) -> LeadOut:
    """The person it came from, or the lead it came by way of."""
    return _out(service.link_lead(network, lead_id, person_id=body.person_id, via_lead_id=body.via_lead_id))


@router.post(
    "/leads/{lead_id:int}/pass-on",
    response_model=InteractionOut,
    status_code=201,
    summary="Pass a lead on (a give)",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **MISSING},
)
def pass_on(network: NetworkDep, lead_id: LeadPath, body: PassOnIn) -> InteractionOut:
    """Log that you passed the lead on to someone: a give in your ledger."""
    return InteractionOut.model_validate(
        interaction_to_dict(service.pass_on_lead(network, lead_id, body.person_id))
    )


@router.get(
    "/who-knows",
    response_model=list[WarmPathOut],
    summary="Who do I know at an organisation",
    responses=REFUSED,
)
def who_knows(
    network: NetworkDep,
    organisation: Annotated[
        str, Query(min_length=1, max_length=300, description="Any spelling of its name.")
    ],
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many.")] = 50,
) -> list[WarmPathOut]:
    """People there now or before, and those linked to them by an introduction, warmest first."""
    found = warm_paths.who_knows(network, organisation, limit=limit)
    return [WarmPathOut.model_validate(warm_paths.path_to_dict(path)) for path in found]
