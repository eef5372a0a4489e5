"""An admin's page on the agency server: the agency's counsellors and admins, and adding a counsellor
(who gets a set-up link). An admin sees no client's network."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from orchardist.domain.accounts import Account, Role
from orchardist.services import accounts
from orchardist.services.errors import InputRefused
from orchardist.services.server import Server
from orchardist.services.server_mail import base_url
from orchardist.web.app import server_of
from orchardist.web.i18n import gettext
from orchardist.web.security import require_csrf
from orchardist.web.server_gate import signed_in_account
from orchardist.web.templating import render

router = APIRouter()
ServerOf = Annotated[Server, Depends(server_of)]


Me = Annotated[Account, Depends(signed_in_account)]


def _page(request: Request, server: Server, me: Account, **extra: object) -> Response:
    listing = next(item for item in accounts.agencies_overview(server) if item.id == me.agency_id)
    staff = [(account, clients) for account, clients in listing.accounts if account.role is not Role.CLIENT]
    clients = sum(1 for account, _ in listing.accounts if account.role is Role.CLIENT)
    context = {"agency": listing, "staff": staff, "clients": clients, "error": "", "link": "", **extra}
    status = 400 if extra.get("error") else 200
    return render(request, "agency/page.html", context, status_code=status)


@router.get("/agency")
def agency_page(request: Request, server: ServerOf, me: Me) -> Response:
    return _page(request, server, me)


@router.post("/agency/counsellors", dependencies=[Depends(require_csrf)])
def add_counsellor(
    request: Request,
    server: ServerOf,
    me: Me,
    email: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
) -> Response:
    listing = next(item for item in accounts.agencies_overview(server) if item.id == me.agency_id)
    try:
        invitation = accounts.add_counsellor(server, listing.name, email, name)
    except InputRefused as error:
        return _page(request, server, me, error=error.text(gettext))
    return _page(request, server, me, link=base_url(str(request.base_url)) + invitation.path())
