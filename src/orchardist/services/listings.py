"""The whole list of people matching a query, a page at a time: what ``people list`` writes out.

Kept apart from ``services/people.py`` so that listing loads only what a listing needs (the queries, the
co-worker flags, the store's reading), not what adding, merging or a person's page need: a command that
lists people starts faster.
"""

from __future__ import annotations

from collections.abc import Iterator

from orchardist.domain.discretion import NOT_FLAGGED
from orchardist.domain.queries import Everyone, Order, Query
from orchardist.services.discretion import flags_in
from orchardist.services.network import Network
from orchardist.services.views import PersonListing

PAGE = 500
"""People read at a time when a whole list is written out (``people_pages``)."""


def people_pages(
    network: Network, query: Query | None = None, *, limit: int | None = None, order: Order = "name"
) -> Iterator[list[PersonListing]]:
    """People matching ``query`` in ``order``, with their last contact and co-worker flag, a page of
    ``PAGE`` at a time from one read transaction: ``people list`` writes each page as it comes, so
    30,000 people start showing at once and are never all in memory."""
    query = query or Everyone()
    with network.reading() as unit:
        ids = unit.people.find_ids(query, limit=limit, order=order)
        for start in range(0, len(ids), PAGE):
            page = ids[start : start + PAGE]
            loaded, last = unit.people.get_many_with_last_contacts(page)
            found = [loaded[person_id] for person_id in page if person_id in loaded]
            flags = flags_in(unit, found)
            yield [
                PersonListing(person, last.get(person.id or 0), flags.get(person.id or 0, NOT_FLAGGED))
                for person in found
            ]
