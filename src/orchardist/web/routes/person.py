"""The Person page: everything about one person, and editing, logging, merging and deleting them.

Each route parses the request, calls one use case and renders its view; a person who is not in this
network is NotFound, which the app answers with its 404 page.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.fields import FIELDS, Group, Kind, is_filled, value_of
from orchardist.domain.interactions import KNOWN_KINDS, Channel, Direction
from orchardist.domain.people import Person, Tier
from orchardist.services.duplicates import RecordPair, compare_people, merge
from orchardist.services.errors import InputRefused
from orchardist.services.interactions import log_contact
from orchardist.services.network import Network
from orchardist.services.people import (
    PersonError,
    PersonOverview,
    delete_person,
    edit_person,
    person_card,
    person_overview,
)
from orchardist.services.tending import end_snooze, snooze
from orchardist.web.app import network_of
from orchardist.web.i18n import _, gettext, said
from orchardist.web.labels import (
    field_labels,
    group_labels,
    kind_labels,
    known_kind,
    partial_day,
    shown_order,
    source_name,
    tier_labels,
    web_link,
    yes_or_no,
)
from orchardist.web.person_form import (
    changes_from,
    date_fields,
    date_parts,
    edited,
    form_values,
    introducer_text,
    layout,
    month_names,
    originals,
    with_picked_dates,
)
from orchardist.web.routes.introductions import step_labels
from orchardist.web.routes.today import SNOOZES
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()


def _plain(person: Person, introducers: dict[int, Person], name: str) -> str:
    """A field as one line of text (for comparing two records)."""
    value, kind = value_of(person, name), FIELDS[name].kind
    if kind in (Kind.FLAG, Kind.OVERRIDE):
        return yes_or_no(kind, value)
    if value in (None, "", ()):
        return ""
    if kind is Kind.PERSON:
        return introducer_text(introducers.get(value))
    if kind is Kind.TIER:
        return tier_labels()[value.value]
    if kind is Kind.DATE:
        return partial_day(value)
    if kind is Kind.DATES:
        return "; ".join(
            _("%(label)s: %(date)s") % {"label": item.label, "date": partial_day(item.date)} for item in value
        )
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


# The edit form -----------------------------------------------------------------------------------


def _edit_page(
    request: Request,
    person: Person,
    values: dict[str, str],
    shown_with: dict[str, str],
    errors: dict[str, str],
    status: int,
) -> Response:
    return render(
        request,
        "person/edit.html",
        {
            "person": person,
            "values": values,
            "was": shown_with,
            "errors": errors,
            "labels": field_labels(),
            "tiers": [tier.value for tier in Tier],
            "layout": layout(),
            "months": month_names(),
            "date_parts": {name: date_parts(values.get(name, "")) for name in date_fields()},
            "groups": group_labels(),
        },
        status_code=status,
    )


# The person page ---------------------------------------------------------------------------------


def _repeats_name(person: Person, name: str) -> bool:
    """A given and family name that only spell out the name in the heading add nothing to the page."""
    if name not in {"given_name", "family_name"}:
        return False
    return " ".join(part for part in (person.given_name, person.family_name) if part) == person.display_name


def _log_defaults() -> dict[str, str]:
    return {
        "on": date.today().isoformat(),
        "channel": Channel.OTHER.value,
        "direction": "",
        "kind": "",
        "summary": "",
    }


def _person_context(
    overview: PersonOverview,
    *,
    message: str | None = None,
    log: dict[str, str] | None = None,
    log_errors: dict[str, str] | None = None,
) -> dict[str, Any]:
    person = overview.person
    labels = field_labels()
    # The heading says the name; the discretion marks have a box of their own.
    order = [
        name
        for name in shown_order()
        if name != "display_name" and FIELDS[name].group is not Group.DISCRETION
    ]
    blank = [name for name in order if not is_filled(person, name)]
    return {
        "person": person,
        "filled": [name for name in order if name not in blank and not _repeats_name(person, name)],
        "values": {name: value_of(person, name) for name in order},
        "field_kinds": {name: FIELDS[name].kind.value for name in order},
        "empty": [labels[name] for name in blank],
        "links": {url: web_link(url) for url in (*person.urls, person.linkedin_url) if url},
        "dates_shown": {
            name: partial_day(value_of(person, name))
            for name in order
            if FIELDS[name].kind is Kind.DATE and is_filled(person, name)
        },
        "dates": [(item.label, partial_day(item.date)) for item in person.dates],
        "last_contact": overview.last_contact,
        "met_at": overview.met_at,
        "their_leads": overview.leads,
        "standing": overview.standing,
        "interactions": overview.timeline,
        "met_through": overview.introducer,
        "introductions": overview.introductions,
        "intro_steps": step_labels(),
        "duplicates": overview.likely_duplicates,
        "labels": labels,
        "sources": [
            (labels[name], [source_name(source) for source in person.sources[name]])
            for name in FIELDS
            if person.sources.get(name)
        ],
        "message": message,
        "log": log or _log_defaults(),
        "latest_day": date.today().isoformat(),  # a contact is logged once it has happened
        "log_errors": log_errors or {},
        "channels": [channel.value for channel in Channel],
        "directions": [direction.value for direction in Direction],
        "kinds": list(KNOWN_KINDS),
        "kind_labels": kind_labels(),
        # Someone the user has only asked of: give first (the notice beside the log form).
        "ask_warning": overview.ask_warning,
        # A co-worker (or maybe one) and whether they know of the search; in discreet mode, the
        # warning beside the log form.
        "coworker": overview.coworker,
        "discretion_warning": overview.discretion_warning.text(gettext)
        if overview.discretion_warning
        else None,
    }


def _ask_logged_message() -> str:
    return _(
        "The ask is in the timeline. So far you had only asked of this person: give something before "
        "the next ask."
    )


def _done_message(request: Request) -> str | None:
    params = request.query_params
    if params.get("saved") == "1":
        return _("Saved.")
    if params.get("logged") == "1" and params.get("only_asked") == "1":
        return _ask_logged_message()
    if params.get("logged") == "1":
        return _("The interaction is in the timeline.")
    if params.get("snoozed") == "1":
        return _("Snoozed: they are off Today until the day shown.")
    if params.get("unsnoozed") == "1":
        return _("The snooze has ended: they are back on Today when due.")
    if params.get("merged") == "1":
        return _("Merged: the other record's details and interactions are now here.")
    return None


@router.get("/people/{person_id:int}")
def person_page(
    request: Request, person_id: int, network: Annotated[Network, Depends(network_of)]
) -> Response:
    overview = person_overview(network, person_id)
    log = _log_defaults()
    suggested = request.query_params.get("kind", "")
    if suggested in KNOWN_KINDS:
        # Coming from Today: the log form starts with the kind the suggested action is.
        log["kind"] = kind_labels().get(suggested, suggested)
    return render(
        request, "person/page.html", _person_context(overview, message=_done_message(request), log=log)
    )


@router.get("/people/{person_id:int}/edit")
def edit_page(request: Request, person_id: int, network: Annotated[Network, Depends(network_of)]) -> Response:
    card = person_card(network, person_id)
    values = form_values(card.person, card.introducer)
    return _edit_page(request, card.person, values, values, {}, 200)


@router.post("/people/{person_id:int}", dependencies=[Depends(require_csrf)])
async def save_person(
    request: Request, person_id: int, network: Annotated[Network, Depends(network_of)]
) -> Response:
    """Store what the user changed on the edit form; a refused field brings the form back with the
    reason beside it."""
    form = await request.form()
    texts = {name: value.replace("\r\n", "\n") for name, value in form.items() if isinstance(value, str)}
    values, changed = edited(with_picked_dates(texts))
    try:
        edit_person(network, person_id, changes_from(changed))
    except PersonError as error:
        field = error.field if error.field in FIELDS else "display_name"
        card = person_card(network, person_id)
        stored = form_values(card.person, card.introducer)
        shown_with = {**stored, **originals(texts)}
        errors = {field: error.text(gettext)}
        return _edit_page(request, card.person, {**stored, **values}, shown_with, errors, 400)
    return RedirectResponse(f"/people/{person_id}?saved=1", status_code=303)


@router.post("/people/{person_id:int}/interactions", dependencies=[Depends(require_csrf)])
def log_for_person(
    request: Request,
    person_id: int,
    network: Annotated[Network, Depends(network_of)],
    on: Annotated[str, Form()] = "",
    channel: Annotated[str, Form()] = "",
    direction: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
    summary: Annotated[str, Form()] = "",
) -> Response:
    """Log a contact, in one transaction that also reads the timeline back; htmx gets the refreshed
    timeline, a plain form post the page again."""
    is_htmx = request.headers.get("hx-request") == "true"
    log = {"on": on, "channel": channel, "direction": direction, "kind": kind, "summary": summary}
    errors: dict[str, str] = {}
    day = date.today()
    try:
        day = date.fromisoformat(on.strip()) if on.strip() else date.today()
    except ValueError:
        errors["on"] = _("Write the date as YYYY-MM-DD.")
    if channel not in {item.value for item in Channel}:
        errors["channel"] = _("Choose how you were in touch.")
    if direction not in {item.value for item in Direction}:
        errors["direction"] = _("Choose whether you gave, asked, or it was mutual or social.")
    if not kind.strip():
        errors["kind"] = _("Say what kind of contact it was, such as coffee, call or introduction.")
    if not summary.strip():
        errors["summary"] = _("Write a few words about it.")
    if not errors:
        try:
            logged = log_contact(
                network,
                [person_id],
                direction=Direction(direction),
                kind=known_kind(kind),
                summary=summary,
                on=day,
                channel=Channel(channel),
                overview_of=person_id if is_htmx else None,
            )
        except InputRefused as error:
            # Shown beside the field it is about: the date, the kind or the summary.
            shown_at = {"date": "on", "kind": "kind", "summary": "summary"}.get(error.field or "", "form")
            errors[shown_at] = error.text(gettext)
    if errors:
        context = _person_context(person_overview(network, person_id), log=log, log_errors=errors)
        template = "person/_timeline.html" if is_htmx else "person/page.html"
        return render(request, template, context, status_code=400)
    # Read before the ask was stored: whether the user had only asked of them until now.
    only_asked = bool(logged.warnings)
    if not is_htmx:
        done = "logged=1&only_asked=1" if only_asked else "logged=1"
        return RedirectResponse(f"/people/{person_id}?{done}#timeline", status_code=303)
    assert logged.overview is not None
    message = _ask_logged_message() if only_asked else _("Logged.")
    return render(request, "person/_timeline.html", _person_context(logged.overview, message=message))


# Today from the person's page ----------------------------------------------------------------------


@router.post("/people/{person_id:int}/snooze", dependencies=[Depends(require_csrf)])
def snooze_person(
    person_id: int, network: Annotated[Network, Depends(network_of)], length: Annotated[str, Form()]
) -> Response:
    if length not in SNOOZES:
        raise HTTPException(status_code=400, detail=_("Snooze for a week or a month."))
    snooze(network, person_id, date.today() + timedelta(days=SNOOZES[length]))
    return RedirectResponse(f"/people/{person_id}?snoozed=1", status_code=303)


@router.post("/people/{person_id:int}/unsnooze", dependencies=[Depends(require_csrf)])
def unsnooze_person(person_id: int, network: Annotated[Network, Depends(network_of)]) -> Response:
    """End the snooze early: they are back on Today when due."""
    end_snooze(network, [person_id])
    return RedirectResponse(f"/people/{person_id}?unsnoozed=1", status_code=303)


# Merging and deleting ----------------------------------------------------------------------------


CHOOSE = "choose:"  # the form's name for whose value of a field stays


def _other_id(value: str, person_id: int) -> int:
    if not value.strip().isdigit():
        raise HTTPException(status_code=400, detail=_("Choose the record to merge into this one."))
    other_id = int(value)
    if other_id == person_id:
        raise HTTPException(status_code=400, detail=_("A person cannot be merged with themselves."))
    return other_id


def _rows(pair: RecordPair) -> list[tuple[str, str, str, str, bool]]:
    """Each field either record fills: its name, its label, both values, and whether they differ."""
    labels = field_labels()
    shown = [
        (
            name,
            labels[name],
            _plain(pair.first, pair.introducers, name),
            _plain(pair.second, pair.introducers, name),
        )
        for name in FIELDS
    ]
    return [
        (name, label, kept, merged, kept != merged) for name, label, kept, merged in shown if kept or merged
    ]


@router.get("/people/{person_id:int}/merge")
def merge_page(
    request: Request,
    person_id: int,
    network: Annotated[Network, Depends(network_of)],
    other_id: str = "",
) -> Response:
    """Both records side by side before the user merges them."""
    pair = compare_people(network, person_id, _other_id(other_id, person_id))
    return render(
        request,
        "person/merge.html",
        {
            "person": pair.first,
            "other": pair.second,
            "rows": _rows(pair),
            "choosable": list(pair.choosable),
            "look_different": [said(reason) for reason in pair.look_different],
        },
    )


@router.post("/people/{person_id:int}/merge", dependencies=[Depends(require_csrf)])
async def merge_into(
    request: Request, person_id: int, network: Annotated[Network, Depends(network_of)]
) -> Response:
    """Fold the other record into this person, each value the user picked kept; the other record is
    deleted."""
    form = await request.form()
    other = _other_id(str(form.get("other_id", "")), person_id)
    chosen = {
        name[len(CHOOSE) :]: str(value)
        for name, value in form.items()
        if name.startswith(CHOOSE) and str(value) in ("keep", "other")
    }
    try:
        merge(network, person_id, other, chosen)
    except InputRefused as refused:
        raise HTTPException(status_code=400, detail=refused.text(gettext)) from None
    return RedirectResponse(f"/people/{person_id}?merged=1", status_code=303)


@router.get("/people/{person_id:int}/delete")
def delete_page(
    request: Request, person_id: int, network: Annotated[Network, Depends(network_of)]
) -> Response:
    """The confirmation step before a deletion that cannot be undone."""
    overview = person_overview(network, person_id)
    return render(
        request,
        "person/delete.html",
        {"person": overview.person, "interaction_count": len(overview.timeline)},
    )


@router.post("/people/{person_id:int}/delete", dependencies=[Depends(require_csrf)])
def delete(person_id: int, network: Annotated[Network, Depends(network_of)]) -> Response:
    delete_person(network, person_id)
    return RedirectResponse("/people?deleted=1", status_code=303)
