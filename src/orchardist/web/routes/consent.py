"""A client's Sharing page on the agency server: what each counsellor may see (changed at once), who
looked at what and when, the counsellors' notes about meetings, and the whole history as a download."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.accounts import READ_PAGES, SHARING_GROUPS, Account
from orchardist.services import consent
from orchardist.services.server import Server
from orchardist.services.server_digest import set_weekly_email
from orchardist.web.app import server_of
from orchardist.web.security import require_csrf
from orchardist.web.server_gate import signed_in_account
from orchardist.web.templating import render

router = APIRouter()
ServerOf = Annotated[Server, Depends(server_of)]


Me = Annotated[Account, Depends(signed_in_account)]


@router.get("/sharing")
def sharing_page(request: Request, server: ServerOf, me: Me) -> Response:
    overview = consent.sharing_overview(server, me)
    return render(
        request,
        "consent/page.html",
        {
            "overview": overview,
            "saved": request.query_params.get("saved"),
            "group_labels": {group.code: group.label for group in SHARING_GROUPS},
            "page_labels": READ_PAGES,
        },
    )


@router.post("/sharing/{counsellor_id}", dependencies=[Depends(require_csrf)])
def change_sharing(
    request: Request,
    server: ServerOf,
    me: Me,
    counsellor_id: int,
    groups: Annotated[list[str] | None, Form()] = None,
) -> Response:
    consent.set_sharing(server, me, counsellor_id, groups or ())
    return RedirectResponse(f"/sharing?saved={counsellor_id}", status_code=303)


@router.post("/settings/weekly-email", dependencies=[Depends(require_csrf)])
def weekly_email(server: ServerOf, me: Me, digest_weekday: Annotated[str, Form()] = "") -> Response:
    """The weekly digest from the agency: on a weekday, or never (an empty choice)."""
    set_weekly_email(server, me, digest_weekday or None)
    return RedirectResponse("/settings?saved=agency-digest#agency-digest-heading", status_code=303)


@router.get("/sharing/history.json")
def sharing_history(server: ServerOf, me: Me) -> Response:
    """Every grant, every read and every note, for the client to keep with their data."""
    overview = consent.sharing_overview(server, me, reads=100_000)
    return Response(
        json.dumps(overview.to_dict(), ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="orchardist-sharing.json"'},
    )
