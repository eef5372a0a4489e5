"""The Leads pages: every lead with the next steps due, a lead's story, moving it along and passing it on."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.leads import STATUS_LABELS, Lead
from orchardist.services.leads import (
    LeadError,
    add_lead,
    link_lead,
    list_leads,
    move_lead,
    pass_on_lead,
    show_lead,
)
from orchardist.services.network import Network
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext
from orchardist.web.people_choice import person_id_in
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

FIELDS = ("organisation", "role", "heard_where", "heard_on", "source", "notes", "next_step", "next_step_on")
DONE = ("moved", "linked", "passed")


def status_labels() -> dict[str, str]:
    """Each status's label in the current language, in the order a lead usually moves."""
    return {status.value: _(label) for status, label in STATUS_LABELS.items()}


def _day(text: str, field: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _Invalid(field, _("Write a date such as 2026-12-31.")) from None


class _Invalid(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _list(
    request: Request,
    network: Network,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    wanted = request.query_params.get("status", "")
    overview = list_leads(network, status=wanted if wanted in status_labels() else None)
    context: dict[str, Any] = {
        "overview": overview,
        "statuses": status_labels(),
        "wanted": wanted if wanted in status_labels() else "",
        # A person's page links here with them as the source ("Note a lead they told you of").
        "values": values
        or {**dict.fromkeys(FIELDS, ""), "source": request.query_params.get("source", "")[:600]},
        "errors": errors or {},
        "today": date.today(),
    }
    return render(request, "leads/list.html", context, status_code=status_code)


@router.get("/leads")
def leads_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return _list(request, network)


@router.post("/leads", dependencies=[Depends(require_csrf)])
def add_from_page(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    organisation: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    heard_where: Annotated[str, Form()] = "",
    heard_on: Annotated[str, Form()] = "",
    source: Annotated[str, Form()] = "",
    notes: Annotated[str, Form()] = "",
    next_step: Annotated[str, Form()] = "",
    next_step_on: Annotated[str, Form()] = "",
) -> Response:
    """Store a lead; a refused field brings the page back with the reason beside it."""
    values = {
        "organisation": organisation,
        "role": role,
        "heard_where": heard_where,
        "heard_on": heard_on,
        "source": source,
        "notes": notes,
        "next_step": next_step,
        "next_step_on": next_step_on,
    }
    try:
        source_id = person_id_in(source)
        if source.strip() and source_id is None:
            raise _Invalid(
                "source", _("Choose someone from the suggestions, or write their number, such as #12.")
            )
        lead = Lead(
            organisation=organisation,
            role=role,
            heard_where=heard_where,
            heard_on=_day(heard_on, "heard_on") or date.today(),
            source_person_id=source_id,
            notes=notes,
            next_step=next_step,
            next_step_on=_day(next_step_on, "next_step_on"),
        )
        view = add_lead(network, lead)
    except _Invalid as invalid:
        return _list(
            request, network, values=values, errors={invalid.field: invalid.message}, status_code=400
        )
    except LeadError as error:
        field = "source" if error.field == "source_person_id" else error.field or "organisation"
        return _list(request, network, values=values, errors={field: error.text(gettext)}, status_code=400)
    return RedirectResponse(f"/leads/{view.lead.id}?done=added", status_code=303)


@router.get("/leads/{lead_id:int}")
def lead_page(request: Request, network: Annotated[Network, Depends(network_of)], lead_id: int) -> Response:
    """A lead: where it stands, its story back through who introduced whom, its next step."""
    view = show_lead(network, lead_id)
    done = request.query_params.get("done", "")
    context = {
        "view": view,
        "lead": view.lead,
        "statuses": status_labels(),
        "done": done if done in (*DONE, "added") else "",
        "errors": {},
    }
    return render(request, "leads/detail.html", context)


@router.post("/leads/{lead_id:int}/move", dependencies=[Depends(require_csrf)])
def move_from_page(
    network: Annotated[Network, Depends(network_of)],
    lead_id: int,
    status: Annotated[str, Form()] = "",
    next_step: Annotated[str, Form()] = "",
    next_step_on: Annotated[str, Form()] = "",
) -> Response:
    """Move the lead to another status, with its next step as the form holds it (blank clears it)."""
    try:
        day = _day(next_step_on, "next_step_on")
    except _Invalid:
        day = None
    move_lead(
        network,
        lead_id,
        status,
        next_step=next_step,
        next_step_on=day,
        clear_next_step=not next_step.strip() and day is None,
    )
    return RedirectResponse(f"/leads/{lead_id}?done=moved", status_code=303)


@router.post("/leads/{lead_id:int}/link", dependencies=[Depends(require_csrf)])
def link_from_page(
    network: Annotated[Network, Depends(network_of)], lead_id: int, source: Annotated[str, Form()] = ""
) -> Response:
    """Say whom the lead came from."""
    link_lead(network, lead_id, person_id=person_id_in(source))
    return RedirectResponse(f"/leads/{lead_id}?done=linked", status_code=303)


@router.post("/leads/{lead_id:int}/pass-on", dependencies=[Depends(require_csrf)])
def pass_on_from_page(
    network: Annotated[Network, Depends(network_of)], lead_id: int, person: Annotated[str, Form()] = ""
) -> Response:
    """Pass the lead on to someone: one click, logged as a give in the ledger."""
    pass_on_lead(network, lead_id, person_id_in(person), words=_("Passed on a lead: %(lead)s"))
    return RedirectResponse(f"/leads/{lead_id}?done=passed", status_code=303)
