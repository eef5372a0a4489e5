"""Adding people in bulk (the import's path: rows as prepared values, COPY on PostgreSQL) writes the very
row that updating them writes through the column types, on both databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings

from orchardist.domain.people import NamedDate, PartialDate, Person, Tier
from orchardist.store.bulk import insert_rows, insert_values
from orchardist.store.engine import Store
from orchardist.store.people import PeopleRepository
from orchardist.store.person_rows import has_nul, without_nul
from orchardist.store.spaces import create_space
from orchardist.store.tables import offers, people
from tests.strategies import people as people_strategy

_WRITTEN_AGAIN = ("updated_at", "created_at", "search_vector")


def _stored_row(conn: sa.Connection, person_id: int) -> dict[str, object]:
    row = conn.execute(sa.text("SELECT * FROM people WHERE id = :id"), {"id": person_id}).mappings().one()
    return {name: value for name, value in row.items() if name not in _WRITTEN_AGAIN}


def _added_then_updated(store: Store, person: Person) -> tuple[dict[str, object], dict[str, object]]:
    with store.write() as conn:
        space = create_space(conn, "example")
        repo = PeopleRepository(conn, space.id)
        (person_id,) = repo.add_many([person])
        added = _stored_row(conn, person_id)
        repo.update(replace(person, id=person_id))
        return added, _stored_row(conn, person_id)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(person=people_strategy)
def test_a_person_added_in_bulk_is_the_row_an_update_writes(store: Store, person: Person) -> None:
    person = replace(
        person, sources={"display_name": ("linkedin:a.csv",), "emails": ("manual", "vcard:b.vcf")}
    )
    added, updated = _added_then_updated(store, person)
    assert added == updated


def test_json_columns_and_flags_are_written_as_an_update_writes_them(store: Store) -> None:
    person = Person(
        display_name="Zoë O’Brien",
        given_name="Zoë",
        family_name="O’Brien",
        interests=("jazz", "cafés"),
        can_help_with=("intros",),
        dates=(NamedDate("started", PartialDate(3, 1, 2019)), NamedDate("connected", PartialDate(2, 29))),
        tier=Tier.INNER,
        knows_search=True,
        coworker_override=False,
        sources={"display_name": ("linkedin:Connections.csv",), "dates": ("manual",)},
    )
    added, updated = _added_then_updated(store, person)
    assert added == updated
    assert added["interests"] == '["jazz","cafés"]'
    assert added["has_work_date"] in (True, 1)


def test_many_people_are_added_at_once_with_their_contact_points(store: Store) -> None:
    crowd = [
        Person(display_name=f"Person {number}", emails=(f"p{number}@example.com",), tags=("Data", "data"))
        for number in range(1_200)
    ]
    with store.write() as conn:
        space = create_space(conn, "example")
        repo = PeopleRepository(conn, space.id)
        ids = repo.add_many(crowd)
        loaded = repo.get_many(ids)
    assert [loaded[person_id] for person_id in ids] == [
        replace(person, id=person_id, uid=loaded[person_id].uid)
        for person_id, person in zip(ids, crowd, strict=True)
    ]
    uids = {person.uid for person in loaded.values()}
    assert len(uids) == len(crowd) and "" not in uids  # each given a UID of their own


def test_insert_values_writes_prepared_values_and_insert_rows_their_types(store: Store) -> None:
    at = datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    with store.write() as conn:
        space = create_space(conn, "example")
        insert_rows(
            conn,
            offers,
            [{"id": 7, "space_id": space.id, "kind": "skill", "text": "CV review", "created_at": at}],
        )
        count_before = conn.execute(sa.select(sa.func.count()).select_from(people)).scalar_one()
        insert_values(conn, people, ("id",), [])  # nothing to insert: no statement at all
        stored = conn.execute(sa.select(offers.c.id, offers.c.text, offers.c.created_at)).one()
        assert conn.execute(sa.select(sa.func.count()).select_from(people)).scalar_one() == count_before
    assert (stored.id, stored.text) == (7, "CV review")
    assert stored.created_at.replace(tzinfo=UTC) == at


def test_a_person_with_nul_anywhere_is_cleaned_and_one_without_is_left_alone() -> None:
    clean = Person(display_name="Ada", tags=("x",), interests=("y",))
    assert not has_nul(clean)
    for dirty in (
        replace(clean, notes="a\x00b"),
        replace(clean, tags=("x", "\x00")),
        replace(clean, could_use_help_with=("\x00",)),
    ):
        assert has_nul(dirty)
        assert not has_nul(without_nul(dirty))


def test_statistics_are_refreshed_after_a_bulk_add_on_both_databases(store: Store) -> None:
    with store.write() as conn:
        space = create_space(conn, "example")
        repo = PeopleRepository(conn, space.id)
        repo.add_many([Person(display_name=f"Person {number}") for number in range(50)])
        repo.refresh_statistics()  # every column it names exists (PostgreSQL analyses those only)
    if not store.is_sqlite:
        with store.read() as conn:
            analysed = conn.execute(
                sa.text("SELECT reltuples FROM pg_class WHERE relname = 'people'")
            ).scalar_one()
        assert analysed >= 50
