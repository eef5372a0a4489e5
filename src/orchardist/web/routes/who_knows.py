"""The Who knows page: whom the user knows at an organisation, warmest first, with the path spelled out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from orchardist.services.network import Network
from orchardist.services.warm_paths import MAX_QUERY, path_text, who_knows, why
from orchardist.web.app import network_of
from orchardist.web.i18n import gettext
from orchardist.web.templating import render

router = APIRouter()


@router.get("/who-knows")
def who_knows_page(
    request: Request, network: Annotated[Network, Depends(network_of)], organisation: str = ""
) -> Response:
    """The search box, and for an organisation typed, the people linked to it."""
    typed = " ".join(organisation.split())[:MAX_QUERY]
    found = who_knows(network, typed) if typed.strip(" .,&'-") else []
    rows = [
        {"path": path, "why": why(path).text(gettext), "steps": path_text(path, gettext)} for path in found
    ]
    return render(request, "who_knows/page.html", {"organisation": typed, "rows": rows})
