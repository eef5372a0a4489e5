"""A page of a list of people and how many match in all, read together: the same people in the same
order, and the same number, as reading the page and counting apart, whichever way the store finds them
(each match looked up, or the name index walked; the search index's own count in a store of one space)."""

from __future__ import annotations

from datetime import date

import pytest

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.people import Person, Tier
from orchardist.domain.queries import Everyone, InTier, Query, Text
from orchardist.services.network import Network
from orchardist.store.lite import pages

GIVEN = ("Amira", "Dan", "Juliana", "Mei", "Zoë")
FAMILY = ("Tremblay", "Côté", "Smith", "Okafor", "Abbott", "Young", "Chen", "Roy")


def _fill(network: Network, how_many: int) -> None:
    people = [
        Person(
            display_name=f"{GIVEN[n % len(GIVEN)]} {FAMILY[n % len(FAMILY)]}",
            given_name=GIVEN[n % len(GIVEN)],
            family_name=FAMILY[n % len(FAMILY)],
            title="Engineer" if n % 2 else "Nurse",
            organisation="Maple Health" if n % 3 == 0 else "Cedar Labs",
            tier=Tier.ACTIVE if n % 4 == 0 else Tier.CASUAL,
        )
        for n in range(how_many)
    ]
    with network.writing() as unit:
        ids = unit.people.add_many(people)
        for n, person_id in enumerate(ids[::5]):
            unit.interactions.add(
                Interaction(
                    on=date(2026, 1, 1 + n % 28),
                    direction=Direction.SOCIAL,
                    kind="coffee",
                    summary="Coffee",
                    person_ids=(person_id,),
                )
            )


QUERIES: list[Query] = [
    Text("engineer"),
    Text("maple"),
    Text("tremblay"),
    Text("zo"),
    Text("nobody"),
    Text("dan eng"),
    Text("engineer") & InTier(Tier.ACTIVE),
    Everyone(),
    InTier(Tier.ACTIVE),
]


@pytest.mark.parametrize("scan_from", [1, 10_000])
@pytest.mark.parametrize("others", [False, True], ids=["one space", "two spaces"])
def test_a_page_and_its_total_agree_with_reading_them_apart(
    request: pytest.FixtureRequest,
    network: Network,
    monkeypatch: pytest.MonkeyPatch,
    scan_from: int,
    others: bool,
) -> None:
    monkeypatch.setattr(pages, "SCAN_FROM", scan_from)
    _fill(network, 45)
    if others:
        # Bob's people match the same searches and sit in the same search index.
        _fill(request.getfixturevalue("other_network"), 30)
    for query in QUERIES:
        for order in ("name", "last_contact", "recent"):
            for offset in (0, 5, 22, 44, 45, 100):
                with network.reading() as unit:
                    page = unit.people.find_page(query, limit=7, offset=offset, order=order)  # type: ignore[arg-type]
                    apart = (
                        unit.people.find_ids(query, limit=7, offset=offset, order=order),  # type: ignore[arg-type]
                        unit.people.count(query),
                    )
                assert page == apart, (query, order, offset)
    with network.reading() as unit:
        assert unit.people.find_page(Text("engineer"), limit=50)[1] == 22
