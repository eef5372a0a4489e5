"""A page of a list of people and how many match in all, read together: the same people in the same
order, and the same number, as reading the page and counting apart, whichever way the store finds them
(each match looked up, or the name index walked; the search index's own count in a store of one space)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.people import Person, Tier
from orchardist.domain.queries import Everyone, InTier, Query, Text
from orchardist.services.network import Network, open_network
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


def _agree(network: Network, queries: list[Query]) -> None:
    """Each page of each query in each order, and its total, as reading them apart gives them."""
    for query in queries:
        for order in ("name", "last_contact", "recent"):
            for offset in (0, 5, 22, 44, 45, 100):
                with network.reading() as unit:
                    page = unit.people.find_page(query, limit=7, offset=offset, order=order)  # type: ignore[arg-type]
                    apart = (
                        unit.people.find_ids(query, limit=7, offset=offset, order=order),  # type: ignore[arg-type]
                        unit.people.count(query),
                    )
                assert page == apart, (query, order, offset)


@pytest.mark.parametrize("others", [False, True], ids=["one space", "two spaces"])
def test_a_page_and_its_total_agree_with_reading_them_apart(
    request: pytest.FixtureRequest, network: Network, others: bool
) -> None:
    _fill(network, 45)
    if others:
        # Bob's people match the same searches and sit in the same search index.
        _fill(request.getfixturevalue("other_network"), 30)
    _agree(network, QUERIES)
    with network.reading() as unit:
        assert unit.people.find_page(Text("engineer"), limit=50)[1] == 22


WAYS: list[tuple[pages.Way, int]] = [("walk", 0), ("look_up", 0), ("walk_within", 3), ("walk_within", 30)]
"""Each way of finding a search's page; walking within 3 names seldom fills one, within 30 mostly does."""


@pytest.mark.parametrize(("way", "within"), WAYS, ids=[f"{way} {within}" for way, within in WAYS])
def test_each_way_to_a_search_page_finds_the_same_page(
    sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: pages.Way, within: int
) -> None:
    # Only SQLite, in a store of one space, finds a search's page one of these ways.
    path = tmp_path / "orchardist.sqlite3"
    shutil.copyfile(sqlite_template, path)
    network = open_network(str(path))
    monkeypatch.setattr(pages, "way_to_page", lambda total, people, wanted: (way, within))
    _fill(network, 45)
    _agree(network, [query for query in QUERIES if isinstance(query, Text)])
    network.close()


def test_a_search_walks_the_names_or_looks_up_its_matches_as_costs_least() -> None:
    # A title's word held by one in six of 100,000 people: every name is walked at worst.
    assert pages.way_to_page(16_000, 100_000, 50) == ("walk", 100_000)
    # An organisation's word held by 5,000: where its 50th match would be if spread evenly, twice over.
    assert pages.way_to_page(5_000, 100_000, 50) == ("walk_within", 2_000)
    # A surname held by 1,800 of 100,000: the names where the page would be first, then the look-ups.
    assert pages.way_to_page(1_800, 100_000, 50) == ("walk_within", 5_555)
    # One held by 550 of 30,000: that walk would cost more than half the look-ups.
    assert pages.way_to_page(550, 30_000, 50) == ("look_up", 0)
    # A rare name, or a page deep in the list: each match looked up.
    assert pages.way_to_page(40, 30_000, 50) == ("look_up", 0)
    assert pages.way_to_page(1_800, 100_000, 550) == ("look_up", 0)
