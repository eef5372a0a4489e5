"""A counsellor's pages on the agency server: the caseload, inviting a client, a client's file with the
counsellor's notes, and the monthly progress report as a PDF. What they show of a client is what that
client shares now (``services/caseload.py`` reads it through its one door)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.accounts import SHARING_GROUPS, Account
from orchardist.services import accounts, caseload
from orchardist.services.caseload import CaseloadRow
from orchardist.services.errors import InputRefused
from orchardist.services.server import Server
from orchardist.services.server_mail import base_url
from orchardist.web.app import server_of
from orchardist.web.i18n import gettext, speech
from orchardist.web.labels import kind_labels
from orchardist.web.routes.leads import status_labels
from orchardist.web.security import require_csrf
from orchardist.web.server_gate import signed_in_account
from orchardist.web.templating import render

router = APIRouter()
ServerOf = Annotated[Server, Depends(server_of)]

# Each column the caseload sorts by, with a row's key for it ("not shared" last).
SORTS: dict[str, Callable[[CaseloadRow], tuple[object, ...]]] = {
    "name": lambda row: (row.name.lower(),),
    "tended": lambda row: (row.tended is None, -(row.tended or 0)),
    "streak": lambda row: (row.streak is None, -(row.streak or 0)),
    "balance": lambda row: (row.balance is None, row.balance or 0),
    "activity": lambda row: (row.last_activity is None, row.last_activity or date.min),
}


Me = Annotated[Account, Depends(signed_in_account)]


@router.get("/caseload")
def caseload_page(
    request: Request, server: ServerOf, me: Me, sort: Annotated[str, Query()] = "name"
) -> Response:
    seen = caseload.caseload(server, me)
    rows = sorted(seen.rows, key=SORTS.get(sort, SORTS["name"]))
    return render(
        request,
        "caseload/page.html",
        {"caseload": seen, "rows": rows, "sort": sort if sort in SORTS else "name", "me": me},
    )


@router.get("/caseload/invite")
def invite_page(request: Request) -> Response:
    return render(request, "caseload/invite.html", {"error": "", "link": "", "email": "", "name": ""})


@router.post("/caseload/invite", dependencies=[Depends(require_csrf)])
def invite(
    request: Request,
    server: ServerOf,
    me: Me,
    email: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
) -> Response:
    try:
        invitation = accounts.invite_client(server, me, email, name)
    except InputRefused as error:
        return render(
            request,
            "caseload/invite.html",
            {"error": error.text(gettext), "link": "", "email": email, "name": name},
            status_code=400,
        )
    link = base_url(str(request.base_url)) + invitation.path()
    return render(
        request,
        "caseload/invite.html",
        {
            "error": "",
            "link": link,
            "email": invitation.account.email,
            "name": "",
            "expires": invitation.expires,
        },
    )


@router.get("/clients/{client_id}")
def client_page(request: Request, server: ServerOf, me: Me, client_id: int) -> Response:
    seen = caseload.client_file(server, me, client_id)
    most = (
        max([week.tended for week in seen.progress.weeks] + [seen.progress.goal, 1]) if seen.progress else 1
    )
    return render(
        request,
        "caseload/client.html",
        {
            "file": seen,
            "groups": SHARING_GROUPS,
            "most": most,
            "today": date.today(),
            "this_month": date.today().strftime("%Y-%m"),
            "note_error": "",
            "kinds": kind_labels(),
            "lead_statuses": status_labels(),
        },
    )


@router.post("/clients/{client_id}/notes", dependencies=[Depends(require_csrf)])
def add_note(
    request: Request,
    server: ServerOf,
    me: Me,
    client_id: int,
    text: Annotated[str, Form()] = "",
    on: Annotated[date | None, Form()] = None,
) -> Response:
    caseload.add_note(server, me, client_id, on or date.today(), text)
    return RedirectResponse(f"/clients/{client_id}#notes", status_code=303)


@router.get("/clients/{client_id}/report.pdf")
def report_pdf(
    request: Request, server: ServerOf, me: Me, client_id: int, month: Annotated[str, Query()] = ""
) -> Response:
    from orchardist.web.report_pdf import render_report

    chosen = caseload.month_of(month) if month else date.today().replace(day=1)
    report = caseload.report(server, me, client_id, chosen)
    content = render_report(report, speech())
    return Response(
        content,
        media_type="application/pdf",
        # A neutral file name: no client's name in a downloads folder.
        headers={"Content-Disposition": f'attachment; filename="orchardist-report-{chosen:%Y-%m}.pdf"'},
    )
