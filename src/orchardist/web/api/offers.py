"""``/api/v1/offers``: what you can offer, and the people whose needs it meets."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query
from starlette.responses import Response

from orchardist.services import offers as service
from orchardist.services.network import Network
from orchardist.web.api._models import (
    FORBIDDEN,
    MAX_ID,
    REFUSED,
    OfferIn,
    OfferMatchesOut,
    OfferMatchOut,
    OfferOut,
    OffersOut,
    Problem,
    api_router,
)
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("offers")

NetworkDep = Annotated[Network, Depends(network_of)]
CHANGES = [Depends(require_same_origin_json)]
MAX_MATCHES = 1000


@router.get("/offers", response_model=OffersOut, summary="List your offers")
def list_offers(network: NetworkDep) -> OffersOut:
    """Every offer, oldest first."""
    found = service.list_offers(network)
    return OffersOut(
        total=len(found), offers=[OfferOut.model_validate(service.offer_to_dict(offer)) for offer in found]
    )


@router.post(
    "/offers",
    response_model=OfferOut,
    status_code=201,
    summary="Add an offer",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN},
)
def add_offer(network: NetworkDep, offer: OfferIn) -> OfferOut:
    """Store a skill, information or introduction you can give; blank text is refused (400)."""
    return OfferOut.model_validate(service.offer_to_dict(service.add_offer(network, offer.kind, offer.text)))


@router.get("/offers/matches", response_model=OfferMatchesOut, summary="List who could use your offers")
def list_matches(
    network: NetworkDep,
    limit: Annotated[int, Query(ge=1, le=MAX_MATCHES, description="At most this many.")] = 200,
) -> OfferMatchesOut:
    """For each offer, the people whose "could use help with" it fits, with the need it meets."""
    return OfferMatchesOut(
        matches=[
            OfferMatchOut.model_validate(service.match_to_dict(match))
            for match in service.matches(network, limit=limit)
        ]
    )


@router.delete(
    "/offers/{offer_id:int}",
    status_code=204,
    response_class=Response,
    response_model=None,
    summary="Remove an offer",
    dependencies=CHANGES,
    responses={**FORBIDDEN, 404: {"model": Problem, "description": "No such offer in this network."}},
)
def remove_offer(
    network: NetworkDep,
    offer_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The offer's id.")],
) -> Response:
    """Delete the offer for good."""
    service.remove_offer(network, offer_id)
    return Response(status_code=204)
