"""``/api/v1/progress``: the weekly figures, the weekly goal and the give/ask ledger."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from orchardist.domain.progress import DEFAULT_WEEKS, MAX_WEEKS
from orchardist.services.network import Network
from orchardist.services.progress import progress
from orchardist.web.api._models import Day, ProgressOut, api_router
from orchardist.web.app import network_of

router = api_router("progress")

NetworkDep = Annotated[Network, Depends(network_of)]


@router.get("/progress", response_model=ProgressOut, summary="Weekly progress and the give/ask ledger")
def read_progress(
    network: NetworkDep,
    weeks: Annotated[
        int, Query(ge=1, le=MAX_WEEKS, description="How many weeks, the week of date included.")
    ] = DEFAULT_WEEKS,
    date: Annotated[
        Day | None, Query(description="Count up to the week of this day (YYYY-MM-DD); default today.")
    ] = None,
) -> ProgressOut:
    """Each week's people tended, reconnections, gives, asks, thank-yous and new people (Monday to
    Sunday, oldest first), this week against the weekly goal, and the overall give/ask ledger."""
    return ProgressOut.model_validate(progress(network, date, weeks).to_dict())
