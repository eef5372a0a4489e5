"""The Card page: the calling card as it prints, what goes on it, and its files to download (vCard,
QR code as PNG or SVG, a PDF sheet of ten on A4 or US Letter)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.card import MAX_EMAIL, MAX_LINE, MAX_PHONE
from orchardist.services.card import FORMATS, PAPERS, CardView, card_file, card_view, set_card
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext, said
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

FIELDS = ("profile", "phone", "email", "url", "line")


def _values(view: CardView) -> dict[str, str]:
    choice = view.choice
    return {
        "profile": view.shown.platform if view.shown else "",
        "phone": choice.phone,
        "email": choice.email,
        "url": choice.url,
        "line": choice.line,
        "show_employer": "yes" if choice.show_employer else "",
    }


def _page(
    request: Request,
    view: CardView,
    *,
    values: dict[str, str] | None = None,
    error: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    card = view.card
    context: dict[str, Any] = {
        "card": card,
        "values": values or _values(view),
        "error": error or {},
        "profiles": [{"platform": profile.platform, "name": said(profile.name)} for profile in view.profiles],
        "discreet": view.about.discreet,
        "has_name": bool(card.name.strip()),
        "formats": list(FORMATS),
        "papers": list(PAPERS),
        "max_phone": MAX_PHONE,
        "max_email": MAX_EMAIL,
        "max_line": MAX_LINE,
        "saved": request.query_params.get("saved") == "1",
    }
    return render(request, "card/page.html", context, status_code=status_code)


@router.get("/card")
def card_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return _page(request, card_view(network))


@router.post("/card", dependencies=[Depends(require_csrf)])
async def save_card(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """Keep what goes on the card; a refused field brings the page back as typed."""
    form = await request.form()
    values = {name: str(form.get(name, "")) for name in FIELDS}
    values["show_employer"] = "yes" if form.get("show_employer") else ""
    try:
        set_card(network, {**values, "show_employer": bool(values["show_employer"])})
    except InputRefused as refusal:
        error = {"field": refusal.field or "", "message": refusal.text(gettext)}
        return _page(request, card_view(network), values=values, error=error, status_code=400)
    return RedirectResponse("/card?saved=1", status_code=303)


@router.get("/card/file/{fmt}")
def download(
    fmt: str, network: Annotated[Network, Depends(network_of)], paper: str = "a4", inline: str = ""
) -> Response:
    """The card as a file to save (or, with ``inline``, the QR code to show on the page)."""
    if fmt not in FORMATS or paper not in PAPERS:
        raise HTTPException(status_code=404, detail=_("There is no card in that format."))
    try:
        made = card_file(network, fmt, paper=paper)
    except InputRefused:
        raise HTTPException(status_code=404, detail=_("Give your name in About me first.")) from None
    name = made.filename if fmt != "pdf" else f"cards-{paper}.pdf"
    disposition = "inline" if inline and fmt in ("png", "svg") else f'attachment; filename="{name}"'
    return Response(
        content=made.content, media_type=made.media_type, headers={"Content-Disposition": disposition}
    )
