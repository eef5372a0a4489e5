"""``people_pages``: the whole list a page at a time, in order, the same people ``browse_people`` gives."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from orchardist.cli.main import cli
from orchardist.domain.people import Person
from orchardist.domain.queries import Text
from orchardist.services import listings
from orchardist.services.listings import people_pages
from orchardist.services.network import Network
from orchardist.services.people import add_person, browse_people


@pytest.fixture
def five(network: Network, monkeypatch: pytest.MonkeyPatch) -> Network:
    monkeypatch.setattr(listings, "PAGE", 2)
    for letter in "EDCBA":
        add_person(network, Person(display_name=f"Ana {letter}", organisation="Acme"))
    return network


def test_pages_hold_every_person_in_order(five: Network) -> None:
    pages = list(people_pages(five))
    assert [len(page) for page in pages] == [2, 2, 1]
    names = [item.person.display_name for page in pages for item in page]
    assert names == ["Ana A", "Ana B", "Ana C", "Ana D", "Ana E"]
    assert names == [item.person.display_name for item in browse_people(five).people]


def test_pages_follow_the_query_limit_and_order(five: Network) -> None:
    limited = [item.person.display_name for page in people_pages(five, Text("ana"), limit=3) for item in page]
    assert limited == ["Ana A", "Ana B", "Ana C"]
    assert list(people_pages(five, Text("nobody"))) == []


def test_the_cli_writes_the_pages_as_one_list(five: Network, db_arg: str) -> None:
    listed = CliRunner().invoke(cli, ["--db", db_arg, "people", "list", "--json"], catch_exceptions=False)
    assert [item["name"] for item in json.loads(listed.output)] == [f"Ana {c}" for c in "ABCDE"]
    table = CliRunner().invoke(cli, ["--db", db_arg, "people", "list"], catch_exceptions=False).output
    lines = table.splitlines()
    assert lines[0].split() == ["id", "name", "organisation", "title", "tier", "last", "contact"]
    assert [line.split()[1:3] for line in lines[1:]] == [["Ana", c] for c in "ABCDE"]


def test_a_reader_that_goes_away_ends_the_list_quietly(tmp_path: object) -> None:
    import subprocess
    import sys
    from pathlib import Path

    from orchardist.services.network import open_network

    path = Path(str(tmp_path)) / "many.sqlite3"
    network = open_network(str(path))
    with network.writing() as unit:
        unit.people.add_many(
            [Person(display_name=f"Person {number:04}", notes="x" * 300) for number in range(600)]
        )
    network.close()
    command = [sys.executable, "-c", "from orchardist.cli.main import main; main()", "--db", str(path)]
    listing = subprocess.Popen(
        [*command, "people", "list", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert listing.stdout is not None and listing.stderr is not None
    assert listing.stdout.read(10)
    listing.stdout.close()  # as `| head -c 10` does
    error = listing.stderr.read().decode()
    listing.stderr.close()
    listing.wait(timeout=60)
    assert error == ""
