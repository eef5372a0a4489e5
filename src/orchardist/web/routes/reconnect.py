"""The Reconnect page: who you never contacted, oldest connections first, to pick the few to start with;
and who is on the reconnect list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.services.network import Network
from orchardist.services.reconnecting import (
    MOST_AT_ONCE,
    inventory,
    remove_from_reconnect,
    start_reconnecting,
)
from orchardist.web.app import network_of
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

PAGE = 20  # people shown at a time: the 10 to 20 to start with fit on one page


def _whole(text: str | None) -> int:
    """A count from the address (``?offset=20``), 0 when absent or not one."""
    return int(text) if text and text.isdigit() else 0


@router.get("/reconnect")
def reconnect_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    offset = _whole(request.query_params.get("offset"))
    found = inventory(network, limit=PAGE, offset=offset)
    return render(
        request,
        "reconnect/page.html",
        {
            "inventory": found,
            "page": PAGE,
            "added": _whole(request.query_params.get("added")),
            "removed": request.query_params.get("removed") == "1",
        },
    )


@router.post("/reconnect", dependencies=[Depends(require_csrf)])
async def start_from_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """Put the ticked people on the list; nothing ticked shows the page again."""
    form = await request.form()
    ids = [int(value) for value in form.getlist("person_id") if isinstance(value, str) and value.isdigit()]
    if not ids:
        return RedirectResponse("/reconnect", status_code=303)
    added = start_reconnecting(network, ids[:MOST_AT_ONCE])
    return RedirectResponse(f"/reconnect?added={added}", status_code=303)


@router.post("/reconnect/{person_id:int}/remove", dependencies=[Depends(require_csrf)])
def remove_from_page(person_id: int, network: Annotated[Network, Depends(network_of)]) -> Response:
    remove_from_reconnect(network, person_id)
    return RedirectResponse("/reconnect?removed=1", status_code=303)
