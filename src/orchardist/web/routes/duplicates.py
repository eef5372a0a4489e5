"""The Duplicates page: likely pairs side by side, field by field, and a merge chosen by the user."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.duplicates import DuplicatePair
from orchardist.domain.people import PERSON_FIELDS, Person
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.people import duplicate_pairs, get_person, merge
from orchardist.web.app import network_of
from orchardist.web.i18n import _, ngettext
from orchardist.web.routes.person import field_labels, source_name
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

PAGE_SIZE = 50


def _tier_labels() -> dict[str, str]:
    return {
        "inner": _("Inner circle"),
        "active": _("Active"),
        "casual": _("Casual"),
        "dormant": _("Dormant"),
    }


def _shown(network: Network, person: Person, name: str) -> list[str]:
    """The value of field ``name`` as lines of text; an empty list when the field is empty."""
    value = getattr(person, name)
    if value in (None, "", ()):
        return []
    if name == "tier":
        return [_tier_labels()[value.value]]
    if name == "every_days":
        return [ngettext("%(num)d day", "%(num)d days", value) % {"num": value}]
    if name == "met_through_id":
        introducer = get_person(network, value)
        return [introducer.display_name if introducer else f"#{value}"]
    if name == "birthday":
        return [value.isoformat()]
    if name == "dates":
        return [f"{item.label}: {item.date.isoformat()}" for item in value]
    if name == "notes":
        return [line for line in value.splitlines() if line.strip()]
    if isinstance(value, tuple):
        return [str(item) for item in value]
    return [str(value)]


def _sources(person: Person) -> list[str]:
    """Where a record's fields came from (imports by file, or typed in), each named once."""
    return sorted({source_name(label) for labels in person.sources.values() for label in labels})


def _row(field: str, label: str, first: list[str], second: list[str]) -> dict[str, Any]:
    """One field of both records; ``conflict`` when both fill it, differently."""
    return {
        "field": field,
        "label": label,
        "first": first,
        "second": second,
        "same": first == second,
        "conflict": bool(first) and bool(second) and first != second,
    }


def _side_by_side(network: Network, pair: DuplicatePair) -> dict[str, Any] | None:
    """A pair with both records and one row per field that either of them fills."""
    first, second = get_person(network, pair.first_id), get_person(network, pair.second_id)
    if first is None or second is None:
        return None
    labels = field_labels()
    rows = []
    for name in PERSON_FIELDS:
        mine, theirs = _shown(network, first, name), _shown(network, second, name)
        if mine or theirs:
            rows.append(_row(name, labels[name], mine, theirs))
    rows.append(_row("sources", _("Came from"), _sources(first), _sources(second)))
    return {
        "pair": pair,
        "first": first,
        "second": second,
        "percent": round(pair.score * 100),
        "rows": rows,
    }


@router.get("/duplicates")
def duplicates_page(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    page: Annotated[int, Query(ge=1)] = 1,
    merged: int | None = None,
) -> Response:
    """The likely duplicate pairs, most likely first, a page of them at a time."""
    pairs = duplicate_pairs(network)
    total = len(pairs)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(page, pages)
    start = (page - 1) * PAGE_SIZE
    shown = [view for pair in pairs[start : start + PAGE_SIZE] if (view := _side_by_side(network, pair))]
    return render(
        request,
        "duplicates/index.html",
        {
            "pairs": shown,
            "total": total,
            "page": page,
            "pages": pages,
            "first_shown": start + 1 if shown else 0,
            "last_shown": start + len(shown),
            "merged_person": get_person(network, merged) if merged is not None else None,
        },
    )


@router.post("/duplicates/merge", dependencies=[Depends(require_csrf)])
def merge_pair(
    network: Annotated[Network, Depends(network_of)],
    keep_id: Annotated[int, Form()],
    other_id: Annotated[int, Form()],
    page: Annotated[int, Form(ge=1)] = 1,
) -> Response:
    """Fold ``other_id`` into ``keep_id``, then back to the list with a confirmation."""
    try:
        merge(network, keep_id, other_id)
    except NotFound:
        detail = _("One of these people is not in your network (any more); nothing was merged.")
        raise HTTPException(status_code=404, detail=detail) from None
    except InputRefused as refused:
        raise HTTPException(status_code=400, detail=str(refused)) from None
    return RedirectResponse(f"/duplicates?merged={keep_id}&page={page}", status_code=303)
