"""The Today page: whom to tend and why, grouped by reason with the totals of each, a page of cards at a
time; snoozing (one or several), dismissing and logging without leaving it, each with a message naming
who and an Undo; and who is losing touch."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.interactions import Channel, Direction
from orchardist.domain.tending import MAX_ITEMS, TodayItem
from orchardist.services import reasons
from orchardist.services.errors import InputRefused
from orchardist.services.interactions import log_contact
from orchardist.services.network import Network
from orchardist.services.tending import dismiss, end_snooze, losing_touch, snooze_many, undismiss
from orchardist.services.triage import PAGE, today_view
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext, speech
from orchardist.web.labels import kind_labels, known_kind, tier_labels
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
DONE = frozenset({"snoozed", "dismissed", "logged", "unsnoozed", "undismissed"})


def reason_labels() -> dict[str, str]:
    """Each reason code's label in the page's language."""
    return reasons.labels(gettext)


def log_kinds() -> dict[str, str]:
    """What logging each reason's suggested action means: the kind the log form starts with."""
    return {code: spec.log_kind for code, spec in reasons.REASONS.items()}


def _number(text: str, least: int, most: int, default: int) -> int:
    return min(max(int(text), least), most) if text.strip().isdigit() else default


def _ids(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip().isdigit()][:MAX_ITEMS]


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@router.get("/today")
def today_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    params = request.query_params
    chosen = params.get("reason", "")
    done = params.get("done", "")
    who = _ids(params.get("who", "")) if done in DONE else []
    view = today_view(
        network,
        date.today(),
        reason=chosen if chosen in reasons.REASONS else None,
        shown=_number(params.get("shown", ""), 1, MAX_ITEMS, PAGE),
        named=who,
        _=speech(),
    )
    done_reason = params.get("item", "")
    return render(
        request,
        "today/page.html",
        {
            "view": view,
            "entries": view.entries,
            "reasons": reason_labels(),
            "log_kinds": log_kinds(),
            "kind_labels": kind_labels(),
            "directions": [direction.value for direction in Direction],
            "drafts": {entry.item.person_id: draft_href(entry.item) for entry in view.entries},
            "done": done if done in DONE else "",
            "who": [(person_id, view.named[person_id]) for person_id in who if person_id in view.named],
            "until": _day(params.get("until", "")),
            "done_item": done_reason if done_reason in reasons.REASONS else "",
            "done_due": _day(params.get("due", "")),
            "focus": _number(params.get("focus", ""), 0, MAX_ITEMS, -1),
            "error": params.get("error", "") == "1",
            "page_size": PAGE,
        },
    )


def _back(done: str, who: list[int], shown: str, focus: str, **more: str) -> RedirectResponse:
    """Back to Today after an action, saying what was done to whom, with the list as long as it was."""
    query = {"done": done, "who": ",".join(str(person_id) for person_id in who)}
    if shown.strip().isdigit():
        query["shown"] = shown
    if focus.strip().isdigit():
        query["focus"] = focus
    query.update(more)
    return RedirectResponse(f"/today?{urlencode(query)}#today-main", status_code=303)


@router.get("/today/losing-touch")
def losing_touch_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return render(
        request,
        "today/losing.html",
        {"people": losing_touch(network, date.today()), "tiers": tier_labels()},
    )


def _snooze_length(length: str) -> date:
    if length not in SNOOZES:
        raise HTTPException(status_code=400, detail=_("Snooze for a week or a month."))
    return date.today() + timedelta(days=SNOOZES[length])


@router.post("/today/snooze", dependencies=[Depends(require_csrf)])
def snooze_from_today(
    network: Annotated[Network, Depends(network_of)],
    person_id: Annotated[list[int], Form()],
    length: Annotated[str, Form()],
    shown: Annotated[str, Form()] = "",
    focus: Annotated[str, Form()] = "",
) -> Response:
    """Snooze one person (a card's menu) or everyone ticked (the bar above the list), in one go."""
    until = _snooze_length(length)
    snoozed = snooze_many(network, person_id, until)
    who = [entry.person_id for entry in snoozed]
    return _back("snoozed", who, shown, focus, until=until.isoformat())


@router.post("/today/unsnooze", dependencies=[Depends(require_csrf)])
def unsnooze_from_today(
    network: Annotated[Network, Depends(network_of)],
    person_id: Annotated[list[int], Form()],
    shown: Annotated[str, Form()] = "",
) -> Response:
    """Undo a snooze: the people are back on Today."""
    end_snooze(network, person_id)
    return _back("unsnoozed", person_id, shown, "")


@router.post("/today/dismiss", dependencies=[Depends(require_csrf)])
def dismiss_from_today(
    network: Annotated[Network, Depends(network_of)],
    person_id: Annotated[int, Form()],
    reason: Annotated[str, Form()],
    due: Annotated[date, Form()],
    shown: Annotated[str, Form()] = "",
    focus: Annotated[str, Form()] = "",
) -> Response:
    try:
        dismiss(network, person_id, reason, due)
    except InputRefused:
        raise HTTPException(status_code=400, detail=_("This suggestion cannot be dismissed.")) from None
    return _back("dismissed", [person_id], shown, focus, item=reason, due=due.isoformat())


@router.post("/today/undismiss", dependencies=[Depends(require_csrf)])
def undismiss_from_today(
    network: Annotated[Network, Depends(network_of)],
    person_id: Annotated[int, Form()],
    reason: Annotated[str, Form()],
    due: Annotated[date, Form()],
    shown: Annotated[str, Form()] = "",
) -> Response:
    """Undo a dismissal: the item is back on Today."""
    try:
        undismiss(network, person_id, reason, due)
    except InputRefused:
        raise HTTPException(status_code=400, detail=_("This suggestion cannot be dismissed.")) from None
    return _back("undismissed", [person_id], shown, "")


@router.post("/today/log", dependencies=[Depends(require_csrf)])
def log_from_today(
    network: Annotated[Network, Depends(network_of)],
    person_id: Annotated[int, Form()],
    direction: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
    summary: Annotated[str, Form()] = "",
    shown: Annotated[str, Form()] = "",
    focus: Annotated[str, Form()] = "",
) -> Response:
    """Log a contact from a card: the person leaves Today when the contact closes their item."""
    if direction not in {item.value for item in Direction} or not kind.strip() or not summary.strip():
        return _back("", [person_id], shown, focus, error="1")
    try:
        log_contact(
            network,
            [person_id],
            direction=Direction(direction),
            kind=known_kind(kind),
            summary=summary,
            on=date.today(),
            channel=Channel.OTHER,
        )
    except InputRefused:
        return _back("", [person_id], shown, focus, error="1")
    return _back("logged", [person_id], shown, focus)
