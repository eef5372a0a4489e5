"""``/api/v1/people``: find, add, change, merge and delete people; likely duplicates."""

from __future__ import annotations

from typing import Annotated, Any, get_args

from fastapi import Depends, Path, Query, Request
from starlette.responses import Response

from orchardist.domain.people import Tier
from orchardist.domain.queries import people_filter
from orchardist.services import people as service
from orchardist.services import refusals
from orchardist.services.duplicates import duplicate_review, merge
from orchardist.services.network import Network
from orchardist.services.people import PersonError, browse_people, person_overview
from orchardist.services.person_input import person_from
from orchardist.services.serialisers import listing_to_dict, listings_to_dicts, overview_to_dict
from orchardist.web.api._json import all_as_model_writes, answer, field_order
from orchardist.web.api._models import (
    DEFAULT_PAGE,
    FORBIDDEN,
    MAX_ID,
    MAX_OFFSET,
    MAX_PAGE,
    NOT_FOUND,
    REFUSED,
    DuplicatePairOut,
    DuplicatesPage,
    MergeRequest,
    PeopleOrder,
    PeoplePage,
    PersonChanges,
    PersonDetailOut,
    PersonFields,
    PersonOut,
    PersonRef,
    Problem,
    api_router,
)
from orchardist.web.api._quick import plain_int, quick_route
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("people")

NetworkDep = Annotated[Network, Depends(network_of)]
PersonPath = Annotated[int, Path(ge=1, le=MAX_ID, description="The person's id.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many first.")]
CHANGES = [Depends(require_same_origin_json)]
TEXT_LIMITS = {"search": 500, "tag": 200, "organisation": 300}
"""The longest ``search``, ``tag`` and ``organisation`` ``list_people`` takes."""


def list_people(
    network: NetworkDep,
    search: Annotated[
        str | None,
        Query(max_length=TEXT_LIMITS["search"], description="Words to find in names, organisation, title, …"),
    ] = None,
    tag: Annotated[
        str | None, Query(max_length=TEXT_LIMITS["tag"], description="Only people with this tag.")
    ] = None,
    tier: Annotated[Tier | None, Query(description="Only people in this tier.")] = None,
    organisation: Annotated[
        str | None,
        Query(max_length=TEXT_LIMITS["organisation"], description="Only people at this organisation."),
    ] = None,
    sort: Annotated[
        PeopleOrder,
        Query(description="last_contact: longest without contact first; recent: latest contact first."),
    ] = "name",
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> Response:
    """People matching every filter given, a page at a time, with the date of the last contact."""
    query = people_filter(search, tag=tag, tier=tier, organisation=organisation)
    found = browse_people(network, query, limit=limit, offset=offset, order=sort, count=True)
    # Written as PeoplePage writes (tests/web/test_api_people.py compares them), without checking
    # again the people the services made; made in PersonOut's order, so not ordered again.
    people = all_as_model_writes(listings_to_dicts(found.people, field_order(PersonOut)), PersonOut)
    return answer({"total": found.total or 0, "limit": limit, "offset": offset, "people": people})


TIERS = {tier.value: tier for tier in Tier}
ORDERS = frozenset(get_args(PeopleOrder))


def plain_people_query(request: Request) -> dict[str, Any] | None:
    """``list_people``'s arguments from a query with each parameter once and valid as it is written;
    None for FastAPI to read (and refuse, or not) any other."""
    query = request.query_params
    if len(query) != len(query.multi_items()):
        return None
    arguments: dict[str, Any] = {}
    for key, value in query.items():
        if key in TEXT_LIMITS:
            if len(value) > TEXT_LIMITS[key]:
                return None
            arguments[key] = value
        elif key == "tier" and value in TIERS:
            arguments[key] = TIERS[value]
        elif key == "sort" and value in ORDERS:
            arguments[key] = value
        elif key in ("limit", "offset"):
            number = plain_int(value, 1, MAX_PAGE) if key == "limit" else plain_int(value, 0, MAX_OFFSET)
            if number is None:
                return None
            arguments[key] = number
        else:
            return None
    arguments["network"] = network_of(request)
    return arguments


def reads_in_process(request: Request) -> bool:
    """Whether the request's network is read inside this process (``quick_route``'s ``at_once``)."""
    return network_of(request).reads_in_process


router.add_api_route(
    "/people",
    list_people,
    methods=["GET"],
    response_model=PeoplePage,
    summary="List and search people",
    route_class_override=quick_route(plain_people_query, at_once=reads_in_process),
)


@router.post(
    "/people",
    response_model=PersonOut,
    status_code=201,
    summary="Add a person",
    dependencies=CHANGES,
    responses={
        **REFUSED,
        **FORBIDDEN,
        404: {"model": Problem, "description": "The introducer (met_through_id) is not in this network."},
    },
)
def add_person(network: NetworkDep, fields: PersonFields) -> PersonOut:
    """Store a person typed in by hand; every field given is marked as entered manually."""
    added = service.add_person_listing(network, person_from(fields.given()))
    return PersonOut.model_validate(listing_to_dict(added))


# Declared before /people/{person_id} so that "duplicates" is not taken for an id.
@router.get("/people/duplicates", response_model=DuplicatesPage, summary="List likely duplicates")
def list_duplicates(network: NetworkDep, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> DuplicatesPage:
    """Pairs of records that are probably the same person, most likely first, with the reasons."""
    review = duplicate_review(network, offset=offset, limit=limit)
    return DuplicatesPage(
        total=review.total,
        limit=limit,
        offset=offset,
        pairs=[
            DuplicatePairOut(
                first=PersonRef(id=pair.first.id or 0, name=pair.first.display_name),
                second=PersonRef(id=pair.second.id or 0, name=pair.second.display_name),
                score=round(pair.score, 3),
                reasons=[str(reason) for reason in pair.reasons],
            )
            for pair in review.pairs
        ],
    )


@router.get(
    "/people/{person_id:int}", response_model=PersonDetailOut, summary="Show a person", responses=NOT_FOUND
)
def show_person(network: NetworkDep, person_id: PersonPath) -> PersonDetailOut:
    """Everything about one person: their fields, their give/ask ledger and next due day, who
    introduced you, and every interaction."""
    return PersonDetailOut.model_validate(overview_to_dict(person_overview(network, person_id)))


@router.patch(
    "/people/{person_id:int}",
    response_model=PersonOut,
    summary="Change some fields of a person",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NOT_FOUND},
)
def edit_person(network: NetworkDep, person_id: PersonPath, changes: PersonChanges) -> PersonOut:
    """Change only the fields given; each changed field is then marked as entered manually."""
    given = changes.given()
    if not given:
        raise PersonError(refusals.NOTHING_TO_CHANGE())
    if "display_name" in given and not given["display_name"].strip():
        # Whatever the other names hold: the OpenAPI document says a new name holds more than spaces.
        raise PersonError(refusals.NEEDS_NAME(), field="name")
    edited = service.edit_person(network, person_id, given)
    return PersonOut.model_validate(listing_to_dict(edited))


@router.delete(
    "/people/{person_id:int}",
    status_code=204,
    response_class=Response,
    response_model=None,
    summary="Delete a person",
    dependencies=CHANGES,
    responses={**FORBIDDEN, **NOT_FOUND},
)
def delete_person(network: NetworkDep, person_id: PersonPath) -> Response:
    """Delete a person for real, with their contact details and search index entries."""
    service.delete_person(network, person_id)
    return Response(status_code=204)


@router.post(
    "/people/{person_id:int}/merge",
    response_model=PersonOut,
    summary="Merge another record into this person",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NOT_FOUND},
)
def merge_people(network: NetworkDep, person_id: PersonPath, request: MergeRequest) -> PersonOut:
    """Fold ``other_id`` into this person: details, interactions and introductions move over."""
    merged = merge(network, person_id, request.other_id, {name: "other" for name in request.take})
    return PersonOut.model_validate(listing_to_dict(merged))
