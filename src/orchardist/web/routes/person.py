"""The Person page: everything about one person, and editing, logging, merging and deleting them."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from babel import Locale
from babel.dates import format_skeleton
from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.interactions import KNOWN_KINDS, Channel, Direction
from orchardist.domain.people import LIST_FIELDS, PERSON_FIELDS, NamedDate, PartialDate, Person, Tier
from orchardist.services.demo import DEMO_SOURCE
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.offers import ask_warning
from orchardist.services.people import (
    MANUAL,
    PersonDetail,
    PersonError,
    delete_person,
    edit_person,
    likely_duplicates_of,
    merge,
    show_person,
)
from orchardist.web.app import network_of
from orchardist.web.i18n import _, current_language, format_day
from orchardist.web.messages import translate_message
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

TEXT_FIELDS = (
    "display_name",
    "given_name",
    "family_name",
    "pronouns",
    "linkedin_url",
    "organisation",
    "title",
    "location",
    "how_met",
    "where_met",
    "notes",
)
# Lists are typed one item a line or separated by commas, except web addresses, which may hold commas.
LINES_ONLY = frozenset({"urls"})
# List fields the form shows in a one-line box, so they are written separated by commas.
ONE_LINE = frozenset({"tags"})
_LIST_SEPARATORS = re.compile(r"[\n,]")
_INTRODUCER = re.compile(r"^(?:.*\(#(\d+)\)|#?(\d+))$")


def field_labels() -> dict[str, str]:
    """What each field of a person is called on the page, in the current language."""
    return {
        "display_name": _("Name"),
        "given_name": _("Given name"),
        "family_name": _("Family name"),
        "pronouns": _("Pronouns"),
        "emails": _("E-mails"),
        "phones": _("Phones"),
        "urls": _("Web addresses"),
        "linkedin_url": _("LinkedIn"),
        "organisation": _("Organisation"),
        "title": _("Title"),
        "location": _("Location"),
        "tags": _("Tags"),
        "tier": _("Tier"),
        "every_days": _("Stay in touch every"),
        "interests": _("Interests"),
        "can_help_with": _("Can help with"),
        "could_use_help_with": _("Could use help with"),
        "how_met": _("How you met"),
        "where_met": _("Where you met"),
        "met_through_id": _("Met through"),
        "birthday": _("Birthday"),
        "dates": _("Dates"),
        "notes": _("Notes"),
    }


def tier_labels() -> dict[str, str]:
    return {
        "inner": _("Inner circle"),
        "active": _("Active"),
        "casual": _("Casual"),
        "dormant": _("Dormant"),
    }


def kind_labels() -> dict[str, str]:
    """What each known kind of interaction is called on the page, in the current language."""
    return {
        "meeting": _("meeting"),
        "call": _("call"),
        "coffee": _("coffee"),
        "message": _("message"),
        "introduction": _("introduction"),
        "favour": _("favour"),
        "advice": _("advice"),
        "referral": _("referral"),
        "thank_you": _("thank you"),
        "follow_up": _("follow-up"),
        "congratulation": _("congratulation"),
        "greeting": _("greeting"),
        "article": _("article"),
        "event": _("event"),
        "chance_encounter": _("chance encounter"),
        "note": _("note"),
    }


def known_kind(text: str) -> str:
    """The known kind a label names in the current language ("café" is "coffee"), else ``text``."""
    wanted = " ".join(text.split()).casefold()
    return next((kind for kind, label in kind_labels().items() if label.casefold() == wanted), text)


def source_name(source: str) -> str:
    """Where a field's value came from, as the page says it: typed in, the demo, or an imported file."""
    if source == MANUAL:
        return _("typed in by you")
    if source == DEMO_SOURCE:
        return _("the demo network")
    kind, _sep, file_name = source.partition(":")
    return _("%(file)s (%(format)s import)") % {"file": file_name, "format": kind} if file_name else source


# What the page shows first: who they are and where they work, then how to reach them, then the relationship.
SHOWN_ORDER = (
    "given_name",
    "family_name",
    "pronouns",
    "organisation",
    "title",
    "location",
    "emails",
    "phones",
    "urls",
    "linkedin_url",
    "tier",
    "every_days",
    "tags",
    "how_met",
    "where_met",
    "met_through_id",
    "birthday",
    "dates",
    "interests",
    "can_help_with",
    "could_use_help_with",
    "notes",
)


def partial_day(value: PartialDate) -> str:
    """A birthday or other date in the current language, without a year when none is known."""
    when = date(value.year or 2000, value.month, value.day)
    if value.year is not None:
        return format_day(when, "long")
    return format_skeleton("MMMMd", when, locale=Locale.parse(current_language()))


def web_link(url: str) -> str | None:
    """``url`` when it is safe to link to (a web address), else None and the page shows it as text."""
    return url.strip() if url.strip().lower().startswith(("https://", "http://")) else None


def _plain(detail: PersonDetail, name: str) -> str:
    """A field as one line of text (for comparing two records)."""
    person = detail.person
    value = getattr(person, name)
    if value in (None, "", ()):
        return ""
    if name == "met_through_id":
        return _introducer_text(detail.met_through)
    if name == "tier":
        return tier_labels()[value.value]
    if name == "birthday":
        return partial_day(value)
    if name == "dates":
        return "; ".join(
            _("%(label)s: %(date)s") % {"label": item.label, "date": partial_day(item.date)} for item in value
        )
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def _require(network: Network, person_id: int) -> PersonDetail:
    """The person, or the 404 page: someone else's person is as absent as one who never existed."""
    detail = show_person(network, person_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=_("There is no such person in your network."))
    return detail


# The edit form -----------------------------------------------------------------------------------


def _introducer_text(person: Person | None) -> str:
    return f"{person.display_name} (#{person.id})" if person else ""


def form_values(detail: PersonDetail) -> dict[str, str]:
    """The edit form filled in with the person as stored."""
    person = detail.person
    values = {name: getattr(person, name) for name in TEXT_FIELDS}
    for name in LIST_FIELDS - {"dates"}:
        values[name] = (", " if name in ONE_LINE else "\n").join(getattr(person, name))
    values["tier"] = person.tier.value
    values["every_days"] = str(person.every_days or "")
    values["birthday"] = person.birthday.isoformat() if person.birthday else ""
    values["dates"] = "\n".join(f"{item.label}: {item.date.isoformat()}" for item in person.dates)
    values["met_through_id"] = _introducer_text(detail.met_through)
    return values


def _split(name: str, text: str) -> list[str]:
    parts = text.splitlines() if name in LINES_ONLY else _LIST_SEPARATORS.split(text)
    return [part.strip() for part in parts if part.strip()]


def _dates(text: str) -> tuple[NamedDate, ...]:
    """``label: YYYY-MM-DD`` (or ``--MM-DD``), one a line."""
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        label, _sep, when = line.rpartition(":")
        try:
            if not label.strip():
                raise ValueError(line)
            found.append(NamedDate(label=label.strip(), date=PartialDate.parse(when)))
        except ValueError:
            raise PersonError(
                _("write each date as “label: YYYY-MM-DD” or “label: --MM-DD”; “%(line)s” is not")
                % {"line": line.strip()},
                field="dates",
            ) from None
    return tuple(found)


def _introducer(text: str) -> int | None:
    """The id in ``Name (#12)``, ``#12`` or ``12``, as the suggestions write it; None when blank."""
    text = text.strip()
    if not text:
        return None
    match = _INTRODUCER.match(text)
    if match is None:
        raise PersonError(
            _("choose someone from the suggestions, or type their number, such as #12"),
            field="met_through_id",
        )
    return int(match.group(1) or match.group(2))


def changes_from(values: dict[str, str]) -> dict[str, Any]:
    """The fields the form sent, as ``edit_person`` takes them; a field not sent is left alone."""
    changes: dict[str, Any] = {}
    for name in PERSON_FIELDS:
        if name not in values:
            continue
        text = values[name]
        if name in LIST_FIELDS - {"dates"}:
            changes[name] = _split(name, text)
        elif name == "dates":
            changes[name] = _dates(text)
        elif name == "met_through_id":
            changes[name] = _introducer(text)
        else:
            changes[name] = text
    return changes


def _error_text(error: InputRefused) -> str:
    """The service's words without the field name in front (the page shows them by the field)."""
    message = str(error)
    field = getattr(error, "field", None)
    return translate_message(message.removeprefix(f"{field}: ") if field else message)


def _edit_page(
    request: Request, detail: PersonDetail, values: dict[str, str], errors: dict[str, str], status: int
) -> Response:
    return render(
        request,
        "person/edit.html",
        {
            "person": detail.person,
            "values": values,
            "errors": errors,
            "labels": field_labels(),
            "tiers": [tier.value for tier in Tier],
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
    network: Network,
    detail: PersonDetail,
    *,
    message: str | None = None,
    log: dict[str, str] | None = None,
    log_errors: dict[str, str] | None = None,
) -> dict[str, Any]:
    person = detail.person
    labels = field_labels()
    blank = [name for name in SHOWN_ORDER if getattr(person, name) in (None, "", ())]
    return {
        "person": person,
        "filled": [name for name in SHOWN_ORDER if name not in blank and not _repeats_name(person, name)],
        "empty": [labels[name] for name in blank],
        "links": {url: web_link(url) for url in (*person.urls, person.linkedin_url) if url},
        "birthday": partial_day(person.birthday) if person.birthday else "",
        "dates": [(item.label, partial_day(item.date)) for item in person.dates],
        "last_contact": detail.last_contact,
        "interactions": detail.interactions,
        "met_through": detail.met_through,
        "duplicates": likely_duplicates_of(network, person.id or 0),
        "labels": labels,
        "sources": [
            (labels[name], [source_name(source) for source in person.sources[name]])
            for name in PERSON_FIELDS
            if person.sources.get(name)
        ],
        "message": message,
        "log": log or _log_defaults(),
        "log_errors": log_errors or {},
        "channels": [channel.value for channel in Channel],
        "directions": [direction.value for direction in Direction],
        "kinds": list(KNOWN_KINDS),
        "kind_labels": kind_labels(),
        # Someone the user has only asked of: give first (the notice beside the log form).
        "ask_warning": ask_warning(network, person.id or 0),
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
    if params.get("merged") == "1":
        return _("Merged: the other record's details and interactions are now here.")
    return None


@router.get("/people/{person_id:int}")
def person_page(
    request: Request, person_id: int, network: Annotated[Network, Depends(network_of)]
) -> Response:
    detail = _require(network, person_id)
    log = _log_defaults()
    suggested = request.query_params.get("kind", "")
    if suggested in KNOWN_KINDS:
        # Coming from Today: the log form starts with the kind the suggested action is.
        log["kind"] = kind_labels().get(suggested, suggested)
    return render(
        request,
        "person/page.html",
        _person_context(network, detail, message=_done_message(request), log=log),
    )


@router.get("/people/{person_id:int}/edit")
def edit_page(request: Request, person_id: int, network: Annotated[Network, Depends(network_of)]) -> Response:
    detail = _require(network, person_id)
    return _edit_page(request, detail, form_values(detail), {}, 200)


@router.post("/people/{person_id:int}", dependencies=[Depends(require_csrf)])
async def save_person(
    request: Request, person_id: int, network: Annotated[Network, Depends(network_of)]
) -> Response:
    """Store the edit form; a refused field brings the form back with the reason beside it."""
    detail = _require(network, person_id)
    form = await request.form()
    values = {name: value.replace("\r\n", "\n") for name, value in form.items() if isinstance(value, str)}
    stored = form_values(detail)
    # Only what the user changed is read back: an item with a comma in it (from an import) is not
    # split, nor its field marked as typed in, because some other field was edited.
    changed = {name: text for name, text in values.items() if name in stored and text != stored[name]}
    try:
        edit_person(network, person_id, changes_from(changed))
    except NotFound:
        raise HTTPException(status_code=404, detail=_("There is no such person in your network.")) from None
    except PersonError as error:
        field = error.field if error.field in PERSON_FIELDS else "display_name"
        shown = {**stored, **values}
        return _edit_page(request, detail, shown, {field: _error_text(error)}, 400)
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
    """Log a contact; htmx gets the refreshed timeline, a plain form post the page again."""
    detail = _require(network, person_id)
    is_htmx = request.headers.get("hx-request") == "true"
    log = {"on": on, "channel": channel, "direction": direction, "kind": kind, "summary": summary}
    errors: dict[str, str] = {}
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
    # Read before the ask is stored: whether the user had only asked of them until now.
    only_asked = direction == Direction.ASKED.value and ask_warning(network, person_id) is not None
    if not errors:
        try:
            log_interaction(
                network,
                [person_id],
                direction=Direction(direction),
                kind=known_kind(kind),
                summary=summary,
                on=day,
                channel=Channel(channel),
            )
        except LookupError:
            raise HTTPException(
                status_code=404, detail=_("There is no such person in your network.")
            ) from None
        except InputRefused as error:
            errors["form"] = translate_message(str(error))
    if errors:
        context = _person_context(network, detail, log=log, log_errors=errors)
        template = "person/_timeline.html" if is_htmx else "person/page.html"
        return render(request, template, context, status_code=400)
    if not is_htmx:
        done = "logged=1&only_asked=1" if only_asked else "logged=1"
        return RedirectResponse(f"/people/{person_id}?{done}#timeline", status_code=303)
    message = _ask_logged_message() if only_asked else _("Logged.")
    context = _person_context(network, _require(network, person_id), message=message)
    return render(request, "person/_timeline.html", context)


# Merging and deleting ----------------------------------------------------------------------------


def _other_id(value: str, person_id: int) -> int:
    if not value.strip().isdigit():
        raise HTTPException(status_code=400, detail=_("Choose the record to merge into this one."))
    other_id = int(value)
    if other_id == person_id:
        raise HTTPException(status_code=400, detail=_("A person cannot be merged with themselves."))
    return other_id


@router.get("/people/{person_id:int}/merge")
def merge_page(
    request: Request,
    person_id: int,
    network: Annotated[Network, Depends(network_of)],
    other_id: str = "",
) -> Response:
    """Both records side by side before the user merges them."""
    detail = _require(network, person_id)
    other = _require(network, _other_id(other_id, person_id))
    labels = field_labels()
    rows = [
        (labels[name], _plain(detail, name), _plain(other, name))
        for name in PERSON_FIELDS
        if _plain(detail, name) or _plain(other, name)
    ]
    return render(
        request, "person/merge.html", {"person": detail.person, "other": other.person, "rows": rows}
    )


@router.post("/people/{person_id:int}/merge", dependencies=[Depends(require_csrf)])
def merge_into(
    person_id: int,
    network: Annotated[Network, Depends(network_of)],
    other_id: Annotated[str, Form()] = "",
) -> Response:
    """Fold the other record into this person; the other record is deleted."""
    _require(network, person_id)
    other = _other_id(other_id, person_id)
    try:
        merge(network, person_id, other)
    except NotFound:
        raise HTTPException(status_code=404, detail=_("There is no such person in your network.")) from None
    return RedirectResponse(f"/people/{person_id}?merged=1", status_code=303)


@router.get("/people/{person_id:int}/delete")
def delete_page(
    request: Request, person_id: int, network: Annotated[Network, Depends(network_of)]
) -> Response:
    """The confirmation step before a deletion that cannot be undone."""
    detail = _require(network, person_id)
    return render(
        request,
        "person/delete.html",
        {"person": detail.person, "interaction_count": len(detail.interactions)},
    )


@router.post("/people/{person_id:int}/delete", dependencies=[Depends(require_csrf)])
def delete(person_id: int, network: Annotated[Network, Depends(network_of)]) -> Response:
    if not delete_person(network, person_id):
        raise HTTPException(status_code=404, detail=_("There is no such person in your network."))
    return RedirectResponse("/people?deleted=1", status_code=303)
