"""The Settings page: where the data lives, how much there is, the version, and the language."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from orchardist import __version__
from orchardist.services.interactions import count_interactions
from orchardist.services.network import Network
from orchardist.services.people import count_people
from orchardist.web.app import network_of
from orchardist.web.i18n import LANGUAGE_COOKIE, LANGUAGES, _
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

ONE_YEAR = 365 * 24 * 60 * 60


def _back_to(next_path: str | None) -> str:
    """Where to go after a change: a path of this app, never another site."""
    if next_path and next_path.startswith("/") and not next_path.startswith(("//", "/\\")):
        return next_path
    return "/settings"


@router.get("/settings")
def settings_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return render(
        request,
        "settings/index.html",
        {
            "store": network.store.describe(),
            "store_kind": "sqlite" if network.store.sqlite_path is not None else "server",
            "people": count_people(network),
            "interactions": count_interactions(network),
            "version": __version__,
        },
    )


@router.post("/settings/language", dependencies=[Depends(require_csrf)])
def choose_language(
    request: Request,
    language: Annotated[str, Form()],
    next_path: Annotated[str | None, Form(alias="next")] = None,
) -> Response:
    """Remember the language in a cookie for a year, then go back to the page the user was on."""
    if language not in LANGUAGES:
        raise HTTPException(status_code=400, detail=_("Orchardist speaks English and French (Canada)."))
    response = RedirectResponse(_back_to(next_path), status_code=303)
    response.set_cookie(
        LANGUAGE_COOKIE,
        language,
        max_age=ONE_YEAR,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response
