"""Quick capture: a chance encounter saved from a phone in under 30 seconds (DESIGN §2 rule 8)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.services.capture import (
    KIND,
    LIMITS,
    CaptureError,
    CaptureWords,
    Encounter,
    Problem,
)
from orchardist.services.capture import (
    capture as capture_and_lead,
)
from orchardist.services.network import Network
from orchardist.services.people import person_overview
from orchardist.services.pitch import pitch_view
from orchardist.web.app import network_of
from orchardist.web.i18n import _, format_number
from orchardist.web.routes.pitch import lang, pitch_context
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

FIELDS = ("who", "where", "said", "lead", "email", "phone", "organisation")
# The optional contact details sit in a disclosure that opens when one of them needs fixing.
DETAILS = ("email", "phone", "organisation")


def _wording() -> CaptureWords:
    return CaptureWords(
        lead=_("Lead"), summary=_("Met by chance"), summary_at=_("Met by chance at %(where)s")
    )


def _message(field: str, problem: Problem) -> str:
    """What to tell the user about one field, in their language."""
    if problem is Problem.MISSING:
        return _("Write a name, or a few words to remember them by.")
    if problem is Problem.TOO_LONG:
        return _("This is too long: keep it under %(limit)s characters.") % {
            "limit": format_number(LIMITS[field])
        }
    if field == "email":
        return _("This does not look like an e-mail address, such as name@example.org.")
    return _("A phone number has digits, and may have +, spaces, dashes, brackets or an extension.")


def _form(
    request: Request,
    network: Network,
    values: dict[str, str],
    errors: dict[str, str],
    *,
    status_code: int = 200,
) -> Response:
    view = pitch_view(network, lang=lang())
    return render(
        request,
        "capture/form.html",
        {
            "values": values,
            "errors": errors,
            "limits": LIMITS,
            "details_open": any(values.get(name) or name in errors for name in DETAILS),
            "first_error": next((name for name in FIELDS if name in errors), None),
            # The pitch at hand, to read over before the conversation.
            "pitch": pitch_context(view) if view.written else None,
        },
        status_code=status_code,
    )


@router.get("/capture")
def capture_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """The short form: who, where, what was said, a lead, and optional contact details; above it, the
    pitch to read over before the conversation."""
    return _form(request, network, dict.fromkeys(FIELDS, ""), {})


@router.post("/capture", dependencies=[Depends(require_csrf)])
def capture(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    who: Annotated[str, Form()] = "",
    where: Annotated[str, Form()] = "",
    said: Annotated[str, Form()] = "",
    lead: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    phone: Annotated[str, Form()] = "",
    organisation: Annotated[str, Form()] = "",
) -> Response:
    """Save the encounter (a person and an interaction, together) or show what to fix; nothing is kept."""
    encounter = Encounter(
        who=who,
        where=where,
        said=said,
        lead=lead,
        email=email,
        phone=phone,
        organisation=organisation,
    )
    try:
        captured = capture_and_lead(network, encounter, wording=_wording())
    except CaptureError as refused:
        values = {name: getattr(encounter, name) for name in FIELDS}
        errors = {name: _message(name, problem) for name, problem in refused.problems.items()}
        return _form(request, network, values, errors, status_code=400)
    # A lead written down becomes a lead heard from them: the confirmation links to it.
    lead = f"?lead={captured.lead.id}" if captured.lead is not None else ""
    return RedirectResponse(f"/capture/saved/{captured.person.id}{lead}", status_code=303)


@router.get("/capture/saved/{person_id:int}")
def saved(request: Request, network: Annotated[Network, Depends(network_of)], person_id: int) -> Response:
    """The confirmation: who was saved, a link to them, and the way to capture another."""
    overview = person_overview(network, person_id)
    encounter = next((item for item in overview.timeline if item.kind == KIND), None)
    wanted = request.query_params.get("lead", "")
    lead = next((lead for lead in overview.leads if str(lead.id) == wanted), None)
    return render(
        request, "capture/saved.html", {"person": overview.person, "encounter": encounter, "lead": lead}
    )
