"""Adding, editing, merging and deleting people through the services."""

from __future__ import annotations

import json
from datetime import date

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services.duplicates import duplicate_pairs, merge
from orchardist.services.errors import NotFound
from orchardist.services.interactions import InteractionError, interactions_with, log_interaction
from orchardist.services.network import Network
from orchardist.services.people import (
    PersonError,
    add_person,
    delete_person,
    edit_person,
    get_person,
)


def test_added_fields_are_sourced_manual(network: Network) -> None:
    person = add_person(
        network, Person(display_name="", given_name=" Amira ", family_name="Haddad", title="Analyst")
    )
    assert (person.display_name, person.given_name) == ("Amira Haddad", "Amira")
    assert person.sources["title"] == ("manual",)


@pytest.mark.parametrize(
    ("person", "field"),
    [
        (Person(display_name=" "), "name"),
        (Person(display_name="Bo", emails=("not-an-address",)), "emails"),
        (Person(display_name="Bo", tags=("t",) * 501), "tags"),
        (Person(display_name="Bo\ud800"), "display_name"),
        (Person(display_name="Bo", met_through_id=999_999), "met_through_id"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(network: Network, person: Person, field: str) -> None:
    with pytest.raises(PersonError) as error:
        add_person(network, person)
    assert error.value.field == field
    assert duplicate_pairs(network) == [] and get_person(network, 1) is None


def test_editing_marks_only_changed_fields_manual(network: Network) -> None:
    person = add_person(network, Person(display_name="Bo Chen", title="Recruiter"))
    updated = edit_person(
        network, person.id or 0, {"title": "Lead Recruiter", "tier": "inner", "tags": ["a", "a", " b "]}
    ).person
    assert (updated.title, updated.tier, updated.tags) == ("Lead Recruiter", Tier.INNER, ("a", "b"))
    assert updated.sources["title"] == ("manual",)
    with pytest.raises(PersonError, match="tier"):
        edit_person(network, person.id or 0, {"tier": "best friend"})
    with pytest.raises(PersonError, match="unknown field"):
        edit_person(network, person.id or 0, {"shoe_size": "11"})
    for dates in ("2020-01-01", [{"label": "met"}], [{"date": "2020-13-40", "label": "x"}], [3]):
        with pytest.raises(PersonError) as refused:
            edit_person(network, person.id or 0, {"dates": dates})
        assert refused.value.field == "dates"
    with pytest.raises(LookupError):
        edit_person(network, 999_999, {"title": "x"})


def test_merging_moves_details_interactions_and_introductions(network: Network) -> None:
    keep = add_person(
        network,
        Person(
            display_name="Robert Smith", given_name="Robert", family_name="Smith", emails=("rob@x.example",)
        ),
    )
    other = add_person(
        network,
        Person(
            display_name="Bob Smith",
            given_name="Bob",
            family_name="Smith",
            phones=("+1 555 010 9999",),
            organisation="Acme",
        ),
    )
    friend = add_person(network, Person(display_name="Friend", met_through_id=other.id))
    log_interaction(
        network,
        [other.id or 0],
        direction=Direction.GAVE,
        kind="coffee",
        summary="Coffee",
        on=date(2026, 3, 1),
    )
    log_interaction(
        network,
        [other.id or 0, keep.id or 0],
        direction=Direction.SOCIAL,
        kind="event",
        summary="Both",
        on=date(2026, 4, 1),
    )
    merged = merge(network, keep.id or 0, other.id or 0).person
    assert merged.emails == ("rob@x.example",) and merged.phones == ("+1 555 010 9999",)
    assert merged.organisation == "Acme"
    assert get_person(network, other.id or 0) is None
    assert [i.summary for i in interactions_with(network, keep.id or 0)] == ["Both", "Coffee"]
    assert get_person(network, friend.id or 0).met_through_id == keep.id  # type: ignore[union-attr]
    with pytest.raises(PersonError):
        merge(network, keep.id or 0, keep.id or 0)


def test_duplicates_are_found_and_scoped(network: Network, other_network: Network) -> None:
    add_person(network, Person(display_name="José Álvarez", given_name="José", family_name="Álvarez"))
    add_person(network, Person(display_name="jose alvarez", given_name="jose", family_name="alvarez"))
    add_person(other_network, Person(display_name="Jose Alvarez", given_name="Jose", family_name="Alvarez"))
    pairs = duplicate_pairs(network)
    assert len(pairs) == 1
    assert duplicate_pairs(other_network) == []


def test_duplicate_pairs_follow_every_change_to_the_people(network: Network) -> None:
    first = add_person(network, Person(display_name="Ana Silva", given_name="Ana", family_name="Silva"))
    second = add_person(network, Person(display_name="Bea Costa", given_name="Bea", family_name="Costa"))
    assert duplicate_pairs(network) == []
    third = add_person(network, Person(display_name="Ana Silva", given_name="Ana", family_name="Silva"))
    assert [(p.first_id, p.second_id) for p in duplicate_pairs(network)] == [(first.id, third.id)]
    assert duplicate_pairs(network) == duplicate_pairs(network)
    edit_person(
        network, second.id or 0, {"given_name": "Ana", "family_name": "Silva", "display_name": "Ana Silva"}
    )
    assert len(duplicate_pairs(network)) == 3
    delete_person(network, third.id or 0)
    assert [(p.first_id, p.second_id) for p in duplicate_pairs(network)] == [(first.id, second.id)]


def test_logging_needs_a_known_person_and_a_summary(network: Network, other_network: Network) -> None:
    bob = add_person(other_network, Person(display_name="Bob"))
    with pytest.raises(LookupError):
        log_interaction(network, [bob.id or 0], direction=Direction.ASKED, kind="advice", summary="x")
    ann = add_person(network, Person(display_name="Ann"))
    with pytest.raises(InteractionError):
        log_interaction(network, [ann.id or 0], direction=Direction.ASKED, kind="advice", summary="  ")
    logged = log_interaction(
        network,
        [ann.id or 0],
        direction=Direction.ASKED,
        kind="Informational Interview",
        summary="Asked about her path",
    )
    assert logged.kind == "informational_interview" and logged.on == date.today()


def test_delete_is_real_and_scoped(network: Network, other_network: Network) -> None:
    bob = add_person(other_network, Person(display_name="Bob"))
    with pytest.raises(NotFound):
        delete_person(network, bob.id or 0)
    assert delete_person(other_network, bob.id or 0) == bob
    assert get_person(other_network, bob.id or 0) is None


def test_a_whole_list_is_written_as_each_person_alone_is(network: Network) -> None:
    from orchardist.services.people import browse_people
    from orchardist.services.serialisers import listing_to_dict, listings_to_dicts

    add_person(network, Person(display_name="Ana Silva", emails=("ana@x.example",), interests=("data",)))
    add_person(network, Person(display_name="Ben Roy", tags=("mentor",)))
    listed = browse_people(network).people
    assert listings_to_dicts(listed) == [listing_to_dict(item) for item in listed]
    assert [list(item) for item in listings_to_dicts(listed)] == [
        list(listing_to_dict(item)) for item in listed
    ]
    # In another order of the stored fields (the API model's): the same values, those keys first.
    order = ("tags", "urls", "name")
    reordered = listings_to_dicts(listed, order)
    assert reordered == listings_to_dicts(listed)
    assert [list(item)[2:5] for item in reordered] == [list(order)] * 2
    assert list(reordered[0])[-4:] == ["coworker", "coworker_maybe", "sources", "last_contact"]


def test_a_whole_list_as_json_text_is_each_person_dumped_alone(network: Network) -> None:
    from orchardist.services.people import browse_people
    from orchardist.services.serialisers import listing_to_dict, listings_to_json

    sources = {"display_name": ("linkedin:Connections.csv",), "title": ("vcard:a.vcf", "manual")}
    ana = add_person(network, Person(display_name="Ana Silva", emails=("ana@x.example",), sources=sources))
    add_person(network, Person(display_name="Zoë « Roy »", tags=("mentor",), sources=sources, notes="a\nb"))
    add_person(network, Person(display_name="Ben Roy", sources={"title": ["manual"]}))  # a list: no key
    log_interaction(network, [ana.id or 0], direction=Direction.GAVE, kind="coffee", summary="Coffee")
    listed = browse_people(network).people
    assert any(item.last_contact for item in listed) and not all(item.last_contact for item in listed)
    expected = [json.dumps(listing_to_dict(item), ensure_ascii=False) for item in listed]
    assert listings_to_json(listed) == expected
    assert listings_to_json([]) == []
