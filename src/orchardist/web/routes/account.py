"""Signing in to the agency server, the one-time code, setting up an account from its link, resetting a
password, and signing out (``orchardist serve --server``; see ``orchardist.web.server_gate``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.accounts import Role
from orchardist.domain.messages import Refused
from orchardist.services import accounts
from orchardist.services.accounts import Throttled
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.server import Server
from orchardist.services.server_mail import reset_sender
from orchardist.web.access import client_address, local_path
from orchardist.web.app import server_of
from orchardist.web.i18n import _, gettext
from orchardist.web.security import require_csrf
from orchardist.web.server_gate import (
    CODE,
    HOME,
    SIGN_IN,
    clear_session_cookie,
    session_cookie,
    set_session_cookie,
)
from orchardist.web.templating import render

router = APIRouter()
ServerOf = Annotated[Server, Depends(server_of)]


def _home(request: Request, wanted: str | None, role: Role) -> str:
    return local_path(wanted, HOME.get(role, "/"))


def _sign_in_page(
    request: Request,
    *,
    next_path: str = "",
    error: str = "",
    email: str = "",
    status: int = 200,
    notice: str = "",
) -> Response:
    return render(
        request,
        "account/sign_in.html",
        {"next": next_path, "error": error, "email": email, "notice": notice},
        status_code=status,
    )


@router.get(SIGN_IN)
def sign_in_page(
    request: Request,
    next_path: Annotated[str | None, Query(alias="next")] = None,
    done: Annotated[str, Query()] = "",
) -> Response:
    session = getattr(request.state, "session", None)
    if session is not None and session.complete:
        return RedirectResponse(_home(request, next_path, session.account.role), status_code=303)
    notice = _("Your new password is set: sign in with it.") if done == "reset" else ""
    return _sign_in_page(request, next_path=local_path(next_path, ""), notice=notice)


def _throttled(request: Request, error: Throttled, template: str, context: dict[str, object]) -> Response:
    response = render(request, template, {**context, "error": error.text(gettext)}, status_code=429)
    response.headers["Retry-After"] = str(error.retry_after)
    return response


@router.post(SIGN_IN, dependencies=[Depends(require_csrf)])
def sign_in(
    request: Request,
    server: ServerOf,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next_path: Annotated[str | None, Form(alias="next")] = None,
) -> Response:
    """Check the password (a sync route: argon2id runs in a worker thread); a counsellor or an admin
    goes on to the one-time code."""
    wanted = local_path(next_path, "")
    try:
        signed = accounts.sign_in(server, email, password, client_address(request))
    except Throttled as error:
        return _throttled(
            request, error, "account/sign_in.html", {"next": wanted, "email": email, "notice": ""}
        )
    except Refused as error:
        return _sign_in_page(request, next_path=wanted, error=error.text(gettext), email=email, status=401)
    target = (
        _home(request, wanted, signed.account.role)
        if signed.complete
        else CODE + (f"?next={wanted}" if wanted else "")
    )
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, signed.session)
    return response


@router.get(CODE)
def code_page(request: Request, next_path: Annotated[str | None, Query(alias="next")] = None) -> Response:
    session = getattr(request.state, "session", None)
    if session is None:
        return RedirectResponse(SIGN_IN, status_code=303)
    if session.complete:
        return RedirectResponse(_home(request, next_path, session.account.role), status_code=303)
    return render(request, "account/code.html", {"next": local_path(next_path, ""), "error": ""})


@router.post(CODE, dependencies=[Depends(require_csrf)])
def give_code(
    request: Request,
    server: ServerOf,
    code: Annotated[str, Form()] = "",
    next_path: Annotated[str | None, Form(alias="next")] = None,
) -> Response:
    wanted = local_path(next_path, "")
    token = session_cookie(request)
    if not token:
        return RedirectResponse(SIGN_IN, status_code=303)
    try:
        signed = accounts.give_code(server, token, code, client_address(request))
    except Throttled as error:
        return _throttled(request, error, "account/code.html", {"next": wanted})
    except NotFound:
        return RedirectResponse(SIGN_IN, status_code=303)
    except Refused as error:
        return render(
            request, "account/code.html", {"next": wanted, "error": error.text(gettext)}, status_code=401
        )
    response = RedirectResponse(_home(request, wanted, signed.account.role), status_code=303)
    set_session_cookie(request, response, signed.session)
    return response


def _setup_page(
    request: Request,
    token: str,
    view: accounts.LinkView,
    *,
    error: str = "",
    field: str = "",
    name: str = "",
    chosen: frozenset[str] | None = None,
    status: int = 200,
) -> Response:
    secret = qr = uri = ""
    if view.needs_second_factor:
        import segno

        secret = accounts.new_totp_secret()
        uri = accounts.totp_uri(secret, view.account.email)
        qr = segno.make(uri, error="m").svg_data_uri(scale=4, border=2)
    checked = chosen if chosen is not None else frozenset(code for code, *_rest, on in view.groups if on)
    return render(
        request,
        "account/setup.html",
        {
            "token": token,
            "view": view,
            "error": error,
            "field": field,
            "name": name or view.account.name,
            "checked": checked,
            "secret": secret,
            "qr": qr,
            "uri": uri,
        },
        status_code=status,
    )


@router.get("/setup/{token}")
def setup_page(request: Request, server: ServerOf, token: str) -> Response:
    view = accounts.link_view(server, token)
    return _setup_page(request, token, view)


@router.post("/setup/{token}", dependencies=[Depends(require_csrf)])
def set_up(
    request: Request,
    server: ServerOf,
    token: str,
    password: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    groups: Annotated[list[str] | None, Form()] = None,
    secret: Annotated[str, Form()] = "",
    code: Annotated[str, Form()] = "",
) -> Response:
    view = accounts.link_view(server, token)
    try:
        done = accounts.complete_setup(
            server, token, password=password, name=name, groups=groups or (), totp_secret=secret, code=code
        )
    except InputRefused as error:
        return _setup_page(
            request,
            token,
            view,
            error=error.text(gettext),
            field=error.field or "",
            name=name,
            chosen=frozenset(groups or ()),
            status=400,
        )
    response: Response
    if done.recovery_codes:
        response = render(
            request,
            "account/recovery_codes.html",
            {"codes": done.recovery_codes, "home": HOME.get(done.account.role, "/")},
        )
    else:
        response = RedirectResponse("/", status_code=303)
    set_session_cookie(request, response, done.session)
    return response


@router.get("/reset")
def reset_page(request: Request) -> Response:
    return render(request, "account/reset.html", {"sent": False, "email": ""})


@router.post("/reset", dependencies=[Depends(require_csrf)])
def ask_for_reset(request: Request, server: ServerOf, email: Annotated[str, Form()] = "") -> Response:
    """The same answer whether or not the address has an account [6.4.x]."""
    accounts.request_reset(server, email, reset_sender(str(request.base_url)))
    return render(request, "account/reset.html", {"sent": True, "email": ""})


@router.get("/reset/{token}")
def new_password_page(request: Request, server: ServerOf, token: str) -> Response:
    accounts.link_view(server, token)
    return render(request, "account/new_password.html", {"token": token, "error": ""})


@router.post("/reset/{token}", dependencies=[Depends(require_csrf)])
def set_new_password(
    request: Request, server: ServerOf, token: str, password: Annotated[str, Form()] = ""
) -> Response:
    try:
        accounts.complete_reset(server, token, password)
    except InputRefused as error:
        return render(
            request,
            "account/new_password.html",
            {"token": token, "error": error.text(gettext)},
            status_code=400,
        )
    response = RedirectResponse(f"{SIGN_IN}?done=reset", status_code=303)
    clear_session_cookie(request, response)
    return response


@router.post("/sign-out", dependencies=[Depends(require_csrf)])
def sign_out(request: Request, server: ServerOf) -> Response:
    accounts.sign_out(server, session_cookie(request))
    response = RedirectResponse(SIGN_IN, status_code=303)
    clear_session_cookie(request, response)
    return response
