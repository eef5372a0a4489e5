"""``/api/v1/me``: About me — your employer, your work e-mail domains and your job search."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from orchardist.services.discretion import about_me, set_about_me
from orchardist.services.network import Network
from orchardist.services.serialisers import about_me_to_dict
from orchardist.web.api._models import FORBIDDEN, REFUSED, AboutMeIn, AboutMeOut, api_router
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("me")

NetworkDep = Annotated[Network, Depends(network_of)]


@router.get("/me", response_model=AboutMeOut, summary="Show About me")
def show_me(network: NetworkDep) -> AboutMeOut:
    """What you said about yourself, who is flagged as a co-worker (for sure or maybe, and why), who
    knows you are looking, and, in discreet mode, where your search could leak."""
    return AboutMeOut.model_validate(about_me_to_dict(about_me(network)))


@router.put(
    "/me",
    response_model=AboutMeOut,
    summary="Change About me",
    dependencies=[Depends(require_same_origin_json)],
    responses={**REFUSED, **FORBIDDEN},
)
def change_me(network: NetworkDep, about: AboutMeIn) -> AboutMeOut:
    """Change what you say about yourself; fields left out keep their value. Co-worker flags follow at
    once: they are worked out whenever a person is read."""
    return AboutMeOut.model_validate(about_me_to_dict(set_about_me(network, about.changes())))
