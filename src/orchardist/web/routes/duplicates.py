"""The Duplicates page: likely pairs side by side, field by field, and a merge chosen by the user."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.fields import FIELDS, Kind, value_of
from orchardist.domain.people import Person
from orchardist.services.duplicates import RecordPair, duplicate_review, merge
from orchardist.services.errors import NotFound
from orchardist.services.network import Network
from orchardist.web.app import network_of
from orchardist.web.i18n import _, ngettext
from orchardist.web.labels import field_labels, source_name, tier_labels, yes_or_no
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

PAGE_SIZE = 50


def _shown(person: Person, introducers: dict[int, Person], name: str) -> list[str]:
    """The value of field ``name`` as lines of text; an empty list when the field is empty."""
    value, kind = value_of(person, name), FIELDS[name].kind
    if kind in (Kind.FLAG, Kind.OVERRIDE):
        return [shown] if (shown := yes_or_no(kind, value)) else []
    if value in (None, "", ()):
        return []
    if kind is Kind.TIER:
        return [tier_labels()[value.value]]
    if kind is Kind.DAYS:
        return [ngettext("%(num)d day", "%(num)d days", value) % {"num": value}]
    if kind is Kind.PERSON:
        introducer = introducers.get(value)
        return [introducer.display_name if introducer else f"#{value}"]
    if kind is Kind.DATE:
        return [value.isoformat()]
    if kind is Kind.DATES:
        return [f"{item.label}: {item.date.isoformat()}" for item in value]
    if kind is Kind.NOTES:
        return [line for line in value.splitlines() if line.strip()]
    if isinstance(value, tuple):
        return [str(item) for item in value]
    return [str(value)]


def _sources(person: Person) -> list[str]:
    """Where a record's fields came from (imports by file, typed in, the demo), each named once."""
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


def _side_by_side(pair: RecordPair) -> dict[str, Any]:
    """A pair with both records and one row per field that either of them fills."""
    labels = field_labels()
    rows = []
    for name in FIELDS:
        mine = _shown(pair.first, pair.introducers, name)
        theirs = _shown(pair.second, pair.introducers, name)
        if mine or theirs:
            rows.append(_row(name, labels[name], mine, theirs))
    rows.append(_row("sources", _("Came from"), _sources(pair.first), _sources(pair.second)))
    return {
        "pair": pair,
        "first": pair.first,
        "second": pair.second,
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
    """The likely duplicate pairs, most likely first, a page of them at a time; while they are being
    found (in the background), a page that says so and asks again every second."""
    review = duplicate_review(
        network, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, merged=merged, wait=False
    )
    pages = max(1, -(-review.total // PAGE_SIZE))
    if review.ready and page > pages:
        # Past the last page (pairs were merged since the link was made): show the last one.
        page = pages
        review = duplicate_review(
            network, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, merged=merged, wait=False
        )
    start = (page - 1) * PAGE_SIZE
    shown = [_side_by_side(pair) for pair in review.pairs]
    total = review.total
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
            "merged_person": review.merged,
            "ready": review.ready,
            "again": f"/duplicates?page={page}" + (f"&merged={merged}" if merged is not None else ""),
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
    return RedirectResponse(f"/duplicates?merged={keep_id}&page={page}", status_code=303)
