"""The Groups & events page: the groups the user belongs to, the events they attended and whom they met."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.groups import KIND_LABELS, Event, Group
from orchardist.services.groups import GroupError, add_event, add_group, groups_overview, show_group
from orchardist.services.network import Network
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext
from orchardist.web.people_choice import person_id_in
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

MET_BOXES = 3
DONE = ("group", "event")


def kind_labels() -> dict[str, str]:
    """Each kind of group's label in the current language."""
    return {kind.value: _(label) for kind, label in KIND_LABELS.items()}


def _page(
    request: Request,
    network: Network,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    overview = groups_overview(network)
    done = request.query_params.get("done", "")
    context: dict[str, Any] = {
        "overview": overview,
        "kinds": kind_labels(),
        "values": values or {},
        "errors": errors or {},
        "met_boxes": range(MET_BOXES),
        "today": date.today().isoformat(),
        "done": done if done in DONE else "",
    }
    return render(request, "groups/page.html", context, status_code=status_code)


@router.get("/groups")
def groups_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return _page(request, network)


@router.get("/groups/{group_id:int}")
def group_page(request: Request, network: Annotated[Network, Depends(network_of)], group_id: int) -> Response:
    view = show_group(network, group_id)
    return render(request, "groups/group.html", {"view": view, "kinds": kind_labels()})


@router.post("/groups", dependencies=[Depends(require_csrf)])
def add_group_from_page(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    name: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "association",
) -> Response:
    try:
        add_group(network, Group(name=name, kind=kind))  # type: ignore[arg-type]
    except GroupError as error:
        message = error.text(gettext)
        field = "group_" + (error.field or "name")
        return _page(request, network, values={"group_name": name}, errors={field: message}, status_code=400)
    return RedirectResponse("/groups?done=group", status_code=303)


@router.post("/events", dependencies=[Depends(require_csrf)])
def add_event_from_page(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    name: Annotated[str, Form()] = "",
    on: Annotated[str, Form()] = "",
    place: Annotated[str, Form()] = "",
    group: Annotated[str, Form()] = "",
    met: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """Store an event and the people met there; a refused field brings the page back with the reason."""
    values = {"event_name": name, "event_on": on, "event_place": place, "event_group": group}
    try:
        day = date.fromisoformat(on.strip()) if on.strip() else date.today()
    except ValueError:
        return _page(
            request,
            network,
            values=values,
            errors={"event_on": _("Write a date such as 2026-12-31.")},
            status_code=400,
        )
    chosen = [person_id_in(text) for text in met or [] if text.strip()]
    if any(person is None for person in chosen):
        message = _("Choose someone from the suggestions, or write their number, such as #12.")
        return _page(request, network, values=values, errors={"event_met": message}, status_code=400)
    event = Event(
        name=name,
        on=day,
        place=place,
        group_id=int(group) if group.isdigit() else None,
        met=tuple(person for person in chosen if person is not None),
    )
    try:
        add_event(network, event)
    except GroupError as error:
        field = "event_" + (error.field or "name")
        return _page(request, network, values=values, errors={field: error.text(gettext)}, status_code=400)
    return RedirectResponse("/groups?done=event", status_code=303)
