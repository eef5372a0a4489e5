"""An import works out each person's search words and sort key while the sandbox still reads the file:
what is stored is what the domain says of the person stored, merged twins and cleaned text included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from orchardist.domain import search
from orchardist.services.importing import import_file
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
    path = tmp_path / "Connections.csv"
    path.write_bytes(linkedin_2024(corpus, rows))
    return path


def test_what_is_stored_is_what_the_domain_says_of_each_person(
    network: Network, store: Store, export: Path
) -> None:
    report = import_file(network, export)
    assert (report.added, report.merged) == (4_499, 1)
    with store.read() as conn:
        stored = {row.id: (row.search_text, row.sort_key) for row in conn.execute(sa.select(people))}
    with network.reading() as unit:
        everyone = unit.people.get_many(sorted(stored))
    assert len(everyone) == 4_499
    for person_id, person in everyone.items():
        assert stored[person_id] == (search.search_text(person), search.sort_key(person))
    twin = next(person for person in everyone.values() if person.linkedin_url == f"{_URL}p10")
    assert "director" in stored[twin.id][0].split() and "g10" in stored[twin.id][0]


def test_the_words_are_worked_out_once_ahead_but_for_a_merged_twin(
    network: Network, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worked_out_when_storing: list[str] = []
    storing = False

    def counted(person: object) -> str:
        if storing:
            worked_out_when_storing.append(person.display_name)  # type: ignore[attr-defined]
        return search.search_text(person)  # type: ignore[arg-type]

    add_many = PeopleRepository.add_many

    def add_many_storing(self: PeopleRepository, *args: Any, **kwargs: Any) -> list[int]:
        nonlocal storing
        storing = True
        try:
            return add_many(self, *args, **kwargs)
        finally:
            storing = False

    monkeypatch.setattr(person_rows, "search_text", counted)  # (person_values reads it there)
    monkeypatch.setattr(PeopleRepository, "add_many", add_many_storing)
    import_file(network, export)
    assert worked_out_when_storing == ["Given10 Family10"]
