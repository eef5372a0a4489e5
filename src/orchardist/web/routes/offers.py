"""The Offers page: what you can offer, adding and removing offers, and who could use them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.offers import MAX_TEXT, OfferKind
from orchardist.services.errors import NotFound
from orchardist.services.network import Network
from orchardist.services.offers import OfferError, add_offer, offers_overview, remove_offer
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

DONE = ("added", "removed")


def offer_kind_labels() -> dict[str, str]:
    """What each kind of offer is called on the page, in the current language."""
    return {
        OfferKind.SKILL.value: _("Skill"),
        OfferKind.INFORMATION.value: _("Information"),
        OfferKind.INTRODUCTION.value: _("Introduction"),
    }


def _page(
    request: Request,
    network: Network,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    done: str = "",
    status_code: int = 200,
) -> Response:
    overview = offers_overview(network)
    context: dict[str, Any] = {
        "offers": overview.offers,
        "matches": overview.matches,
        "kinds": offer_kind_labels(),
        "values": values or {"kind": OfferKind.SKILL.value, "text": ""},
        "errors": errors or {},
        "max_text": MAX_TEXT,
        "done": done if done in DONE else "",
    }
    return render(request, "offers/page.html", context, status_code=status_code)


@router.get("/offers")
def offers_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return _page(request, network, done=request.query_params.get("done", ""))


@router.post("/offers", dependencies=[Depends(require_csrf)])
def add_from_page(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    kind: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
) -> Response:
    """Store an offer; a refused field brings the page back with the reason beside it."""
    try:
        add_offer(network, kind, text)
    except OfferError as error:
        if error.field == "kind":
            message = _("Choose whether it is a skill, information or an introduction.")
        else:
            message = error.text(gettext)
        return _page(
            request,
            network,
            values={"kind": kind, "text": text},
            errors={error.field or "text": message},
            status_code=400,
        )
    return RedirectResponse("/offers?done=added", status_code=303)


@router.post("/offers/{offer_id:int}/remove", dependencies=[Depends(require_csrf)])
def remove_from_page(offer_id: int, network: Annotated[Network, Depends(network_of)]) -> Response:
    try:
        remove_offer(network, offer_id)
    except NotFound:
        raise HTTPException(status_code=404, detail=_("There is no such offer in your network.")) from None
    return RedirectResponse("/offers?done=removed", status_code=303)
