"""The Today page: whom to tend and why, with the action one click away; and who is losing touch."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.tending import TodayItem
from orchardist.services import reasons
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.services.tending import dismiss, losing_touch, snooze, today
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext, speech
from orchardist.web.labels import tier_labels
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()


def draft_href(item: TodayItem) -> str:
    """The "Write a message" page for a Today item: the template of its reason, and which occasion
    when it is one."""
    occasion = str(item.detail.get("occasion") or "")
    query = {"template": reasons.template_for(str(item.reason), occasion)}
    for name in ("occasion", "holiday"):
        if item.detail.get(name):
            query[name] = str(item.detail[name])
    return f"/people/{item.person_id}/write?{urlencode(query)}"


SNOOZES = {"week": 7, "month": 30}


def reason_labels() -> dict[str, str]:
    """Each reason code's label in the page's language."""
    return reasons.labels(gettext)


def log_kinds() -> dict[str, str]:
    """What logging each reason's suggested action means: the kind the log form starts with."""
    return {code: spec.log_kind for code, spec in reasons.REASONS.items()}


@router.get("/today")
def today_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    entries = today(network, date.today(), _=speech())
    done = request.query_params.get("done", "")
    return render(
        request,
        "today/page.html",
        {
            "entries": entries,
            "reasons": reason_labels(),
            "log_kinds": log_kinds(),
            "drafts": [draft_href(entry.item) for entry in entries],
            "done": done if done in {"snoozed", "dismissed"} else "",
        },
    )


@router.get("/today/losing-touch")
def losing_touch_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return render(
        request,
        "today/losing.html",
        {"people": losing_touch(network, date.today()), "tiers": tier_labels()},
    )


@router.post("/today/snooze", dependencies=[Depends(require_csrf)])
def snooze_from_today(
    network: Annotated[Network, Depends(network_of)],
    person_id: Annotated[int, Form()],
    length: Annotated[str, Form()],
) -> Response:
    if length not in SNOOZES:
        raise HTTPException(status_code=400, detail=_("Snooze for a week or a month."))
    snooze(network, person_id, date.today() + timedelta(days=SNOOZES[length]))
    return RedirectResponse("/today?done=snoozed", status_code=303)


@router.post("/today/dismiss", dependencies=[Depends(require_csrf)])
def dismiss_from_today(
    network: Annotated[Network, Depends(network_of)],
    person_id: Annotated[int, Form()],
    reason: Annotated[str, Form()],
    due: Annotated[date, Form()],
) -> Response:
    try:
        dismiss(network, person_id, reason, due)
    except InputRefused:
        raise HTTPException(status_code=400, detail=_("This suggestion cannot be dismissed.")) from None
    return RedirectResponse("/today?done=dismissed", status_code=303)
