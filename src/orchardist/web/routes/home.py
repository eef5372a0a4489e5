"""The front door: "/" leads to the people (or to the welcome on a first run); the welcome offers
a clearly marked demo network, an import, or a first quick capture, and removes the demo in one click.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.services import demo
from orchardist.services.demo import DEMO_TAG, load_demo, remove_demo
from orchardist.services.network import Network
from orchardist.web.app import network_of
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()


@router.get("/")
def home(network: Annotated[Network, Depends(network_of)]) -> Response:
    """Today's list when there are people; the welcome on a first run."""
    target = "/today" if demo.welcome(network).people else "/welcome"
    return RedirectResponse(target, status_code=303)


@router.get("/welcome")
def welcome(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """How to start: try the demo network, import your contacts, or capture someone you just met."""
    removed = request.query_params.get("removed", "")
    found = demo.welcome(network)
    return render(
        request,
        "welcome.html",
        {
            "people_count": found.people,
            "demo_count": found.demo,
            "demo_tag": DEMO_TAG,
            "removed": int(removed) if removed.isdigit() else None,
        },
    )


@router.post("/welcome/demo", dependencies=[Depends(require_csrf)])
def add_demo(network: Annotated[Network, Depends(network_of)]) -> Response:
    """Load the demo network once, then show its people, filtered on their "demo" tag."""
    load_demo(network, if_absent=True)
    return RedirectResponse(f"/people?tag={DEMO_TAG}", status_code=303)


@router.post("/welcome/remove-demo", dependencies=[Depends(require_csrf)])
def drop_demo(network: Annotated[Network, Depends(network_of)]) -> Response:
    """Delete every demo person and their interactions; the user's own people stay."""
    removed = remove_demo(network)
    return RedirectResponse(f"/welcome?removed={removed}", status_code=303)
