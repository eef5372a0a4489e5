"""The sign-in page ("Enter the access passcode") and signing out; see ``orchardist.web.access``."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.services.access import access, passcode_matches
from orchardist.services.network import Network
from orchardist.web.access import (
    CHALLENGE,
    SESSION_COOKIE,
    SIGN_IN,
    SIGN_OUT,
    Sessions,
    Throttle,
    client_address,
    local_path,
)
from orchardist.web.app import network_of
from orchardist.web.i18n import _, ngettext
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()


def _sessions(request: Request) -> Sessions:
    sessions: Sessions = request.app.state.sessions
    return sessions


def _throttle(request: Request) -> Throttle:
    throttle: Throttle = request.app.state.throttle
    return throttle


def _page(
    request: Request,
    *,
    next_path: str = "/",
    error: str = "",
    closed: bool = False,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    response = render(
        request,
        "access/sign_in.html",
        {"next": next_path, "error": error, "closed": closed},
        status_code=status_code,
    )
    response.headers.update(headers or {})
    return response


def closed_page(request: Request) -> Response:
    """What a browser is shown while the app is reachable from other computers with no passcode."""
    return _page(request, closed=True, status_code=503)


@router.get(SIGN_IN)
def sign_in_page(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    next_path: Annotated[str | None, Query(alias="next")] = None,
) -> Response:
    """The sign-in form; straight on to the page asked for when there is nothing to sign in to."""
    wanted = local_path(next_path)
    now = access(network)
    if not now.passcode_set:
        if request.app.state.shared:
            return closed_page(request)
        return RedirectResponse(wanted, status_code=303)
    if _sessions(request).valid(request.cookies.get(SESSION_COOKIE), now):
        return RedirectResponse(wanted, status_code=303)
    return _page(request, next_path=wanted)


@router.post(SIGN_IN, dependencies=[Depends(require_csrf)])
def sign_in(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    passcode: Annotated[str, Form()] = "",
    next_path: Annotated[str | None, Form(alias="next")] = None,
) -> Response:
    """Check the passcode (throttled per address); on success, the session cookie and the page.

    A sync route: FastAPI runs it in a worker thread, so argon2id's deliberate fraction of a second
    does not hold up other requests."""
    wanted = local_path(next_path)
    address = client_address(request)
    wait = _throttle(request).start(address)
    if wait:
        seconds = math.ceil(wait)
        minutes = math.ceil(seconds / 60)
        message = ngettext(
            "Too many wrong passcodes: wait %(num)d minute before trying again.",
            "Too many wrong passcodes: wait %(num)d minutes before trying again.",
            minutes,
        ) % {"num": minutes}
        return _page(
            request,
            next_path=wanted,
            error=message,
            status_code=429,
            headers={"Retry-After": str(seconds)},
        )
    matched = passcode_matches(network, passcode)
    if matched is None:
        if not access(network).passcode_set:
            return RedirectResponse(wanted, status_code=303)
        return _page(
            request,
            next_path=wanted,
            error=_("That is not the access passcode."),
            status_code=401,
            headers=CHALLENGE,
        )
    _throttle(request).succeeded(address)
    response = RedirectResponse(wanted, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        _sessions(request).new(matched),
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post(SIGN_OUT, dependencies=[Depends(require_csrf)])
def sign_out(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """End this browser's session."""
    _sessions(request).end(request.cookies.get(SESSION_COOKIE), access(network))
    response = RedirectResponse(SIGN_IN, status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
