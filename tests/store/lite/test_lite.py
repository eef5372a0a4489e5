"""The lite store answers as the SQLAlchemy store does: the same methods with the same signatures, the
same Today, lists and person pages for any stored network, writes and other reads through SQLAlchemy on
the same connection, and the usual way whenever the file is not ready to be read as it is."""

from __future__ import annotations

import inspect
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.domain.queries import (
    AnyOf,
    AtOrganisation,
    Everyone,
    HasTag,
    InTier,
    Query,
    Text,
    people_filter,
)
from orchardist.services.interactions import log_interaction
from orchardist.services.listings import people_pages
from orchardist.services.network import Network, open_network
from orchardist.services.people import add_person, person_overview
from orchardist.services.progress import progress
from orchardist.services.tending import today
from orchardist.store.engine import Store
from orchardist.store.groups import GroupsRepository
from orchardist.store.interactions import InteractionsRepository
from orchardist.store.introductions import IntroductionsRepository
from orchardist.store.leads import LeadsRepository
from orchardist.store.lite.matching import LiteMatching
from orchardist.store.lite.other import LiteInteractions, LiteIntroductions, LiteOffers
from orchardist.store.lite.people import LitePeople
from orchardist.store.lite.records import LiteGroups, LiteLeads
from orchardist.store.lite.settings import LiteSettings
from orchardist.store.lite.store import LiteStore, open_lite
from orchardist.store.lite.tending import LiteTending
from orchardist.store.lite.unit import LiteRepository
from orchardist.store.matching import MatchingRepository
from orchardist.store.offers import OffersRepository
from orchardist.store.people import PeopleRepository
from orchardist.store.person_rows import LOADED_COLUMNS, NOT_LOADED
from orchardist.store.settings import SettingsRepository
from orchardist.store.tables import people
from orchardist.store.templates import TemplatesRepository
from orchardist.store.tending import TendingRepository
from orchardist.store.unit import Unit
from tests.store_strategies import networks, store

PAIRS = [
    (LitePeople, PeopleRepository),
    (LiteMatching, MatchingRepository),
    (LiteTending, TendingRepository),
    (LiteSettings, SettingsRepository),
    (LiteInteractions, InteractionsRepository),
    (LiteOffers, OffersRepository),
    (LiteLeads, LeadsRepository),
    (LiteGroups, GroupsRepository),
    (LiteIntroductions, IntroductionsRepository),
]


@pytest.mark.parametrize(("lite", "full"), PAIRS, ids=[lite.__name__ for lite, _ in PAIRS])
def test_each_lite_method_has_the_signature_of_the_one_it_stands_for(
    lite: type[LiteRepository], full: type
) -> None:
    methods = [name for name, value in vars(lite).items() if callable(value) and not name.startswith("_")]
    assert methods
    for name in methods:
        assert inspect.signature(getattr(lite, name)) == inspect.signature(getattr(full, name)), name
    # It stands in for the unit's repository of that name, whose class is ``full``.
    assert full.__name__ in inspect.signature(getattr(Unit, lite.name).func).return_annotation


def test_a_person_is_read_from_every_column_but_the_stores_own() -> None:
    assert list(LOADED_COLUMNS) == [column.name for column in people.columns if column.name not in NOT_LOADED]


class SQLAlchemyReads(Store):
    """A store whose reads all go through the SQLAlchemy repositories (``Store.reading`` on SQLite
    answers the lite repositories' reads in plain SQL): what the lite ones are compared with."""

    @contextmanager
    def reading(self, space_id: int) -> Iterator[Unit]:
        with self.read((space_id,)) as conn:
            yield Unit(conn, space_id)


def _file_network(template: Path, folder: Path) -> tuple[Network, Network]:
    path = folder / "orchardist.sqlite3"
    shutil.copyfile(template, path)
    opened = open_network(str(path))
    full = Network(SQLAlchemyReads(f"sqlite:///{path}"), opened.space_id)
    opened.close()
    lite = open_network(str(path), reads_only=True)
    assert isinstance(lite._store, LiteStore)
    with full.reading() as unit:
        assert isinstance(unit, Unit)
    return full, lite


def test_the_store_of_a_served_sqlite_file_reads_through_the_lite_repositories(
    sqlite_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "orchardist.sqlite3"
    shutil.copyfile(sqlite_template, path)
    network = open_network(str(path))
    assert not isinstance(network._store, LiteStore)
    ada = add_person(network, Person(display_name="Ada Lovelace"))
    with network.reading() as unit:
        assert isinstance(unit.people, LitePeople)
        assert unit.people.find_page(Text("ada"), limit=5) == ([ada.id], 1)
        # A repository with no lite stand-in is SQLAlchemy's, in the same transaction.
        assert isinstance(unit.groups, LiteGroups)
        assert isinstance(unit.templates, TemplatesRepository)
    with network.writing() as unit:
        assert isinstance(unit, Unit)
    network.close()


def _queries(stored: list[Person]) -> list[Query]:
    found: list[Query] = [Everyone(), InTier(Tier.INNER), Text("a"), Text("")]
    for person in stored[:3]:
        words = person.display_name.split()
        if words:
            found.append(Text(words[0][:3]))
        if person.tags:
            found.append(HasTag(person.tags[0]) & Text(person.display_name[:2]))
        if person.organisation:
            found.append(AnyOf((AtOrganisation(person.organisation), InTier(Tier.DORMANT))))
    return found


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    planned=networks(), days=st.lists(st.dates(date(1995, 1, 1), date(2035, 12, 31)), min_size=1, max_size=3)
)
def test_any_network_reads_alike_through_both(
    sqlite_template: Path, planned: object, days: list[date]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        full, lite = _file_network(sqlite_template, Path(folder))
        try:
            ids = store(full, planned)  # type: ignore[arg-type]
            for day in days:
                assert [entry.to_dict() for entry in today(lite, day)] == [
                    entry.to_dict() for entry in today(full, day)
                ]
            stored = [person_overview(full, person_id).person for person_id in ids]
            for query in _queries(stored):
                with full.reading() as by_full, lite.reading() as by_lite:
                    assert by_lite.people.count(query) == by_full.people.count(query), query
                    for order in ("name", "last_contact", "recent"):
                        for offset in (0, 1, 3):
                            assert by_lite.people.find_page(
                                query,
                                limit=2,
                                offset=offset,
                                order=order,  # type: ignore[arg-type]
                            ) == by_full.people.find_page(query, limit=2, offset=offset, order=order), (  # type: ignore[arg-type]
                                query,
                                order,
                                offset,
                            )
                for order in ("name", "last_contact", "recent"):
                    assert list(people_pages(lite, query, order=order)) == list(
                        people_pages(full, query, order=order)
                    ), (query, order)
                    assert list(people_pages(lite, query, limit=2, order=order)) == list(
                        people_pages(full, query, limit=2, order=order)
                    )
            for person_id in ids:
                for day in days:
                    assert person_overview(lite, person_id, on=day) == person_overview(
                        full, person_id, on=day
                    )
        finally:
            full.close()
            lite.close()


def test_a_lite_network_writes_and_reads_the_rest_through_sqlalchemy(
    sqlite_template: Path, tmp_path: Path
) -> None:
    full, lite = _file_network(sqlite_template, tmp_path)
    ada = add_person(lite, Person(display_name="Ada Lovelace", organisation="Analytical Engines"))
    assert ada.id is not None
    log_interaction(
        lite, [ada.id], direction=Direction.ASKED, kind="coffee", summary="Advice on analytical engines"
    )
    # Progress reads repositories the lite unit has no stand-in for, within its one transaction.
    assert progress(lite) == progress(full)
    overview = person_overview(lite, ada.id)
    assert overview.person.display_name == "Ada Lovelace" and len(overview.timeline) == 1
    assert [item.person.id for page in people_pages(lite, people_filter("lovelace")) for item in page] == [
        ada.id
    ]
    full.close()
    lite.close()


def test_a_file_not_ready_to_read_as_it_is_opens_the_usual_way(sqlite_template: Path, tmp_path: Path) -> None:
    new = tmp_path / "new.sqlite3"
    assert open_lite(str(new)) is None and not new.exists()
    assert open_lite("postgresql://nobody@127.0.0.1/none") is None
    # A store from an earlier version is migrated by the usual way, not read as it is.
    older = tmp_path / "older.sqlite3"
    shutil.copyfile(sqlite_template, older)
    with sqlite3.connect(older) as conn:
        conn.execute("INSERT INTO spaces (name, created_at) VALUES ('Mine', '2026-01-01 00:00:00.000000')")
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    assert open_lite(str(older)) is None
    # A store with no space yet is given one by the usual way.
    empty = tmp_path / "empty.sqlite3"
    shutil.copyfile(sqlite_template, empty)
    assert open_lite(str(empty)) is None
    network = open_network(str(empty), reads_only=True)
    assert today(network) == []
    network.close()
    opened = open_lite(str(empty))
    assert opened is not None and opened[1] == network.space_id
    opened[0].dispose()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    assert open_lite(str(garbage)) is None


def test_a_store_that_fails_while_read_says_so_in_one_sentence(sqlite_template: Path, tmp_path: Path) -> None:
    full, lite = _file_network(sqlite_template, tmp_path)
    add_person(full, Person(display_name="Ada Lovelace"))
    full.close()
    with sqlite3.connect(tmp_path / "orchardist.sqlite3") as conn:
        conn.execute("DROP TABLE snoozes")
    from orchardist.services.errors import StoreUnavailable

    with pytest.raises(StoreUnavailable) as raised:
        today(lite, date.today() + timedelta(days=1))
    assert "Ada" not in str(raised.value) and "snoozes" not in str(raised.value)
    lite.close()
