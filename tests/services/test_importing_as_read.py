"""An import works out each person's columns while the sandbox still reads the file, and into a network with
nobody yet stores them as they come: what is stored is what planning the whole file would store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from orchardist.domain import search
from orchardist.domain.matching import match_keys
from orchardist.domain.people import Person
from orchardist.services.importing import (
    import_file,
    import_parsed,
    parse_upload,
    read_import_file,
    values_and_keys,
)
from orchardist.services.network import Network
from orchardist.store import person_rows
from orchardist.store.engine import Store
from orchardist.store.people import PeopleRepository
from orchardist.store.tables import people
from tests.exports import linkedin_2024

_URL = "https://www.linkedin.com/in/"


@pytest.fixture
def export(tmp_path: Path, corpus: Path) -> Path:
    rows = [
        (f"Given{n}", f"Family{n}", f"{_URL}p{n}", "", f"Org {n % 7}", "Role", "1 Jan 2026")
        for n in range(4_500)
    ]
    # The same profile again further down, now a Director: merged into the first, whose words change.
    rows[4_000] = ("Given10", "Family10", f"{_URL}p10", "g10@x.example", "Org 3", "Director", "1 Jan 2026")
    rows[3_000] = ("Zoë", "Ångström-Łukasz", f"{_URL}zoe", "", "Café Ünïcode", "Søftware", "1 Jan 2026")
    # And within one batch, by e-mail.
    rows[20] = ("Given20", "Family20", "", "same@x.example", "Org 6", "Role", "1 Jan 2026")
    rows[30] = ("Given20", "Family20", f"{_URL}p20", "same@x.example", "Org 6", "Lead", "1 Jan 2026")
    path = tmp_path / "Connections.csv"
    path.write_bytes(linkedin_2024(corpus, rows))
    return path


def test_what_is_stored_is_what_the_domain_says_of_each_person(
    network: Network, store: Store, export: Path
) -> None:
    report = import_file(network, export)
    assert (report.added, report.merged) == (4_498, 2)
    with store.read() as conn:
        stored = {row.id: (row.search_text, row.sort_key) for row in conn.execute(sa.select(people))}
    with network.reading() as unit:
        everyone = unit.people.get_many(sorted(stored))
    assert len(everyone) == 4_498
    for person_id, person in everyone.items():
        assert stored[person_id] == (search.search_text(person), search.sort_key(person))
    twin = next(person for person in everyone.values() if person.linkedin_url == f"{_URL}p10")
    assert "director" in stored[twin.id][0].split() and "g10" in stored[twin.id][0]


def test_the_words_are_worked_out_once_ahead_but_for_merged_twins(
    network: Network, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worked_out_when_storing: list[str] = []
    storing = False

    def counted(person: object) -> str:
        if storing:
            worked_out_when_storing.append(person.display_name)  # type: ignore[attr-defined]
        return search.search_text(person)  # type: ignore[arg-type]

    def storing_with(write: Callable[..., Any]) -> Callable[..., Any]:
        def written(*args: Any, **kwargs: Any) -> Any:
            nonlocal storing
            storing = True
            try:
                return write(*args, **kwargs)
            finally:
                storing = False

        return written

    monkeypatch.setattr(person_rows, "search_text", counted)  # (person_values reads it there)
    for name in ("add_many", "update_many"):
        monkeypatch.setattr(PeopleRepository, name, storing_with(getattr(PeopleRepository, name)))
    import_file(network, export)
    # Joined before their batch is stored: worked out again as they are stored. Stored with the first
    # batch, then joined by a later record: written again.
    assert worked_out_when_storing == ["Given20 Family20", "Given10 Family10"]


def test_a_file_stored_as_read_is_stored_as_when_planned_whole(
    network: Network, other_network: Network, export: Path
) -> None:
    as_read = import_file(network, export)  # a network with nobody: stored as the sandbox reads
    result = parse_upload(read_import_file(export), str(export))
    whole = import_parsed(other_network, result, str(export))  # planned whole, then stored
    assert as_read.to_dict() == whole.to_dict()

    def stored(of: Network) -> list[Person]:
        with of.reading() as unit:
            found = unit.people.all()
        return [replace(person, id=None) for person in sorted(found, key=lambda person: person.id or 0)]

    assert stored(network) == stored(other_network)


def test_what_the_child_works_out_is_what_this_process_would(export: Path) -> None:
    # The keys and columns come from the sandbox's child batch by batch; worked out here for the same
    # people (the last ones, read after the last batch, are), they are the same.
    batches: list[tuple[list[Any], list[Any] | None]] = []
    result = parse_upload(
        read_import_file(export), "Connections.csv", on_people=lambda *pair: batches.append(pair)
    )
    assert [len(records) for records, _prepared in batches] == [250, 500, 1000, 2000]
    assert len(result.people) == 750
    for records, prepared in batches:
        assert prepared is not None
        assert values_and_keys(records, None, {}) == values_and_keys(records, prepared, {})
        assert [keys for _values, keys in prepared] == [match_keys(item.person) for item in records]
