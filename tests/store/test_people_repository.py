"""The people repository on SQLite and PostgreSQL: round trips, search, scoping, real deletion."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.people import NamedDate, PartialDate, Person, Tier
from orchardist.domain.queries import AtOrganisation, HasTag, InTier, Text
from orchardist.services.network import Network
from orchardist.store.engine import Store
from orchardist.store.people import PeopleRepository
from orchardist.store.spaces import create_space
from orchardist.store.tables import interactions, person_emails
from tests.strategies import people as people_strategy


def _person(name: str, **fields: object) -> Person:
    given_name, _, family = name.partition(" ")
    return Person(display_name=name, given_name=given_name, family_name=family, **fields)  # type: ignore[arg-type]


def _add(network: Network, *people: Person) -> list[int]:
    with network.writing() as unit:
        return unit.people.add_many(list(people))


def _names(network: Network, query: object) -> list[str]:
    with network.reading() as unit:
        return [p.display_name for p in unit.people.find(query)]  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(person=people_strategy)
def test_a_person_comes_back_exactly_as_stored(store: Store, person: Person) -> None:
    person = replace(person, sources={"display_name": ("manual",), "emails": ("linkedin:x.csv", "manual")})
    with store.write() as conn:
        space = create_space(conn, "example")
        stored = PeopleRepository(conn, space.id).add(person)
    with store.read() as conn:
        loaded = PeopleRepository(conn, space.id).get(stored.id or 0)
    assert loaded == replace(person, id=stored.id)


def test_nul_is_dropped_from_every_text_on_both_databases(network: Network) -> None:
    (person_id,) = _add(
        network, _person("Nul\x00l Byte", notes="a\x00b", tags=("x\x00y",), organisation="\x00Acme")
    )
    with network.reading() as unit:
        person = unit.people.require(person_id)
    assert (person.display_name, person.notes, person.tags, person.organisation) == (
        "Null Byte",
        "ab",
        ("xy",),
        "Acme",
    )


def test_an_organisation_named_only_by_punctuation_is_kept(network: Network) -> None:
    (person_id,) = _add(network, _person("A B", organisation="¨"))
    with network.reading() as unit:
        assert unit.people.require(person_id).organisation == "¨"


def test_update_replaces_every_field(network: Network) -> None:
    (person_id,) = _add(network, _person("Ada Lovelace", emails=("ada@x.example",), tags=("math",)))
    with network.writing() as unit:
        repo = unit.people
        changed = replace(
            repo.require(person_id),
            emails=("countess@y.example",),
            tags=(),
            organisation="Analytical Engines",
            birthday=PartialDate(12, 10, 1815),
            dates=(NamedDate("connected", PartialDate(1, 2, 2020)),),
            tier=Tier.INNER,
        )
        repo.update(changed)
    with network.reading() as unit:
        assert unit.people.require(person_id) == changed


def test_search_finds_prefixes_across_fields_with_accents_and_case_folded(network: Network) -> None:
    _add(
        network,
        _person("José Álvarez", organisation="Acme Corp", title="Data Engineer"),
        _person("Dana O’Brien", tags=("mentor",), notes="Loves sourdough"),
        _person("Danielle Smith", organisation="Globex"),
    )
    assert _names(network, Text("jose")) == ["José Álvarez"]
    assert _names(network, Text("ALVAR")) == ["José Álvarez"]
    assert _names(network, Text("dan")) == ["Dana O’Brien", "Danielle Smith"]  # O’Brien < Smith
    assert _names(network, Text("dan glob")) == ["Danielle Smith"]
    assert _names(network, Text("brien")) == ["Dana O’Brien"]
    assert _names(network, Text("sourdough")) == ["Dana O’Brien"]
    assert _names(network, Text("engin acme")) == ["José Álvarez"]
    assert _names(network, Text("mentor")) == ["Dana O’Brien"]
    assert _names(network, Text("nobody")) == []
    # Characters that mean something to FTS5 or tsquery are only text here.
    assert _names(network, Text('"dan* OR (x) & !:')) == []


def test_filters_combine_with_and_and_or(network: Network) -> None:
    _add(
        network,
        _person("Ann Lee", tags=("Mentor",), tier=Tier.INNER, organisation="Acme"),
        _person("Bo Chen", tags=("recruiter",), tier=Tier.ACTIVE, organisation="ACME"),
        _person("Cy Diaz", tier=Tier.INNER, organisation="Initech"),
    )
    assert _names(network, HasTag("mentor")) == ["Ann Lee"]
    # Lists sort by family name: Chen, Diaz, Lee.
    assert _names(network, InTier(Tier.INNER)) == ["Cy Diaz", "Ann Lee"]
    assert _names(network, AtOrganisation("acme")) == ["Bo Chen", "Ann Lee"]
    assert _names(network, AtOrganisation("acme") & InTier(Tier.INNER)) == ["Ann Lee"]
    assert _names(network, HasTag("recruiter") | AtOrganisation("Initech")) == ["Bo Chen", "Cy Diaz"]
    assert _names(network, (HasTag("mentor") | HasTag("recruiter")) & Text("chen")) == ["Bo Chen"]


def test_nothing_crosses_from_one_space_to_another(network: Network, other_network: Network) -> None:
    (alice_id,) = _add(network, _person("Shared Name", emails=("same@x.example",), tags=("t",)))
    (bob_id,) = _add(other_network, _person("Shared Name", emails=("same@x.example",), tags=("t",)))
    with network.reading() as unit:
        repo = unit.people
        assert repo.get(bob_id) is None
        assert [p.id for p in repo.find(Text("shared"))] == [alice_id]
        assert [p.id for p in repo.find(HasTag("t"))] == [alice_id]
        assert set(unit.matching.match_index().keys.values()) == {alice_id}
        assert repo.count() == 1
    with network.writing() as unit:
        assert unit.people.delete(bob_id) is False
        with pytest.raises(LookupError):
            unit.interactions.add(
                Interaction(
                    on=date(2026, 1, 1), direction=Direction.GAVE, kind="x", summary="x", person_ids=(bob_id,)
                )
            )


def test_deleting_removes_contact_points_search_entries_and_orphaned_interactions(
    network: Network, store: Store
) -> None:
    keep_id, gone_id = _add(network, _person("Keep Me"), _person("Gone Person", emails=("gone@x.example",)))
    with network.writing() as unit:
        interactions_repo = unit.interactions
        interactions_repo.add(
            Interaction(
                on=date(2026, 1, 1),
                direction=Direction.GAVE,
                kind="coffee",
                summary="alone",
                person_ids=(gone_id,),
            )
        )
        interactions_repo.add(
            Interaction(
                on=date(2026, 1, 2),
                direction=Direction.SOCIAL,
                kind="event",
                summary="both",
                person_ids=(gone_id, keep_id),
            )
        )
        assert unit.people.delete(gone_id)
    with network.reading() as unit, store.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(person_emails)).scalar() == 0
        summaries = conn.execute(sa.select(interactions.c.summary)).scalars().all()
        assert summaries == ["both"]
        assert unit.interactions.for_person(keep_id)[0].person_ids == (keep_id,)
        if store.is_sqlite:
            hits = conn.exec_driver_sql(
                "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'gone'"
            ).scalar()
            assert hits == 0
    assert _names(network, Text("gone")) == []


def test_order_by_last_contact_puts_the_longest_neglected_first(network: Network) -> None:
    never, old, recent = _add(network, _person("Nev Er"), _person("Old Contact"), _person("New Contact"))
    with network.writing() as unit:
        repo = unit.interactions
        for person_id, day in ((old, date(2025, 1, 1)), (recent, date(2026, 6, 1)), (old, date(2025, 2, 1))):
            repo.add(
                Interaction(
                    on=day, direction=Direction.SOCIAL, kind="call", summary="hi", person_ids=(person_id,)
                )
            )
    with network.reading() as unit:
        repo_people = unit.people
        assert repo_people.find_ids(order="last_contact") == [never, old, recent]
        assert repo_people.find_ids(order="recent") == [recent, old, never]
        assert repo_people.last_contacts() == {old: date(2025, 2, 1), recent: date(2026, 6, 1)}


def test_match_index_holds_every_key(network: Network) -> None:
    (person_id,) = _add(
        network,
        _person(
            "Ana Ruiz",
            emails=("Ana@X.example",),
            phones=("+1 (555) 010-2345",),
            linkedin_url="https://www.linkedin.com/in/Ana-Ruiz/",
            organisation="Acme",
        ),
    )
    with network.reading() as unit:
        index = unit.matching.match_index()
        uid = unit.people.require(person_id).uid
    assert index.keys == {
        ("uid", uid): person_id,
        ("linkedin", "linkedin.com/in/ana-ruiz"): person_id,
        ("email", "ana@x.example"): person_id,
        ("phone", "5550102345"): person_id,
        ("name_org", "ana ruiz|acme"): person_id,
    }
    assert index.names == {"ana ruiz": [person_id]}
    assert index.profiles == {person_id: ("linkedin.com/in/ana-ruiz", "acme")}


def test_namesakes_are_listed_oldest_first(network: Network) -> None:
    unique, first, second = _add(network, _person("Ana Ruiz"), _person("Wei Zhang"), _person("Wei Zhang"))
    with network.reading() as unit:
        index = unit.matching.match_index()
    assert index.names == {"ana ruiz": [unique], "wei zhang": [first, second]}


def test_organisations_are_shared_by_folded_name(network: Network) -> None:
    ids = _add(
        network,
        _person("A B", organisation="Société Générale"),
        _person("C D", organisation="societe generale"),
    )
    with network.reading() as unit:
        loaded = unit.people.get_many(ids)
    # The first spelling seen names the organisation for everyone who works there.
    assert {p.organisation for p in loaded.values()} == {"Société Générale"}


def test_the_sqlite_search_index_stays_consistent(network: Network, store: Store) -> None:
    if not store.is_sqlite:
        pytest.skip("FTS5 is SQLite's index; PostgreSQL indexes the column itself")
    ids = _add(network, *(_person(f"Person {n}", notes=f"note {n}") for n in range(50)))
    with network.writing() as unit:
        repo = unit.people
        repo.update(replace(repo.require(ids[3]), notes="changed words"))
        repo.delete(ids[7])
        repo.add_many([_person("Late Comer")])
    with store.read() as conn:
        # FTS5 compares every index entry with the content table and raises on any difference.
        conn.exec_driver_sql("INSERT INTO people_fts(people_fts, rank) VALUES ('integrity-check', 1)")
    assert _names(network, Text("changed")) == ["Person 3"]
    assert _names(network, Text("late")) == ["Late Comer"]


def test_introductions_stay_within_the_space(network: Network, other_network: Network) -> None:
    ann, bo = _add(network, _person("Ann Lee"), _person("Bo Chen"))
    (stranger,) = _add(other_network, _person("Cy Diaz"))
    with network.writing() as unit:
        unit.people.set_met_through([(bo, ann), (ann, stranger)])
    with network.reading() as unit:
        loaded = unit.people.get_many([ann, bo])
    assert (loaded[bo].met_through_id, loaded[ann].met_through_id) == (ann, None)


# "ﷺ" is one character that folds to eighteen: a value within its limit whose key is not.
LONG = "\ufdfa"


def test_values_at_their_limits_whose_keys_fold_longer_are_stored_and_found(network: Network) -> None:
    person = Person(
        display_name=LONG * 500,
        family_name=LONG * 300,
        organisation=LONG * 299 + "a",
        tags=(LONG * 200, "short"),
        emails=(LONG * 900 + "@example.org",),
        urls=("https://example.org/" + LONG * 900,),
    )
    other = Person(display_name="Bo", organisation=LONG * 299 + "b", tags=(LONG * 199 + "b",))
    person_id, other_id = _add(network, person, other)
    with network.reading() as unit:
        stored = unit.people.get(person_id)
        assert stored is not None and stored.display_name == LONG * 500
    # Two names alike up to where the key is cut are still two organisations and two tags.
    assert _names(network, AtOrganisation(LONG * 299 + "a")) == [LONG * 500]
    assert _names(network, AtOrganisation(LONG * 299 + "b")) == ["Bo"]
    assert _names(network, HasTag(LONG * 200)) == [LONG * 500]
    assert _names(network, HasTag(LONG * 199 + "b")) == ["Bo"]
    assert other_id != person_id
