"""Draft a message: ready-to-copy words for a Today reason, and a mailto: link; nothing is sent."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from orchardist.domain.tending import Reason
from orchardist.services import reasons
from orchardist.services.drafts import draft
from orchardist.services.network import Network
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext
from orchardist.web.routes.today import reason_labels
from orchardist.web.templating import render

router = APIRouter()


@router.get("/people/{person_id:int}/draft")
def draft_page(
    request: Request,
    person_id: int,
    network: Annotated[Network, Depends(network_of)],
    reason: str = Reason.OVERDUE.value,
    occasion: str = "",
    holiday: str = "",
) -> Response:
    """A short message for the reason (a Today reason code), addressed by their given name."""
    if reason not in reasons.REASONS:
        raise HTTPException(status_code=400, detail=_("There is no message for that reason."))
    drafted = draft(network, person_id, reason, occasion=occasion, holiday=holiday, _=gettext)
    return render(
        request,
        "person/draft.html",
        {
            "draft": drafted,
            "reasons": reason_labels(),
            "log_kind": reasons.REASONS[drafted.reason].log_kind,
            # The other messages one could send; an occasion's draft needs the occasion it is for.
            "others": [code for code in reasons.codes() if code not in (drafted.reason, Reason.OCCASION)],
        },
    )
