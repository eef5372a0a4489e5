"""What the People and Person pages read: filter choices, tagging in bulk, one person's likely duplicates."""

from __future__ import annotations

import pytest

from orchardist.domain.people import Person
from orchardist.domain.queries import HasTag
from orchardist.services.demo import load_demo
from orchardist.services.duplicates import LikelyDuplicate, duplicate_pairs
from orchardist.services.errors import NotFound
from orchardist.services.network import Network
from orchardist.services.people import (
    NameCount,
    PersonError,
    add_person,
    browse_people,
    count_people,
    get_person,
    person_overview,
    tag_people,
)


def tags_in_use(network: Network) -> list[NameCount] | None:
    return browse_people(network, choices=True).tags


def organisations_in_use(network: Network, *, limit: int | None = None) -> list[NameCount]:
    if limit is None:
        return browse_people(network, choices=True).organisations or []
    with network.reading() as unit:
        return [NameCount(*item) for item in unit.people.organisations_in_use(limit)]


def likely_duplicates_of(network: Network, person_id: int) -> list[LikelyDuplicate]:
    return person_overview(network, person_id).likely_duplicates


def _add(network: Network, name: str, **fields: object) -> int:
    given, _, family = name.partition(" ")
    person = add_person(network, Person(display_name=name, given_name=given, family_name=family, **fields))  # type: ignore[arg-type]
    assert person.id is not None
    return person.id


def test_tags_in_use_are_counted_once_per_spelling_and_scoped(
    network: Network, other_network: Network
) -> None:
    _add(network, "Ann Lee", tags=("Mentor", "café"))
    _add(network, "Bo Chen", tags=("mentor",))
    _add(other_network, "Cy Park", tags=("secret",))
    assert tags_in_use(network) == [NameCount("café", 1), NameCount("Mentor", 2)]
    assert tags_in_use(other_network) == [NameCount("secret", 1)]


def test_organisations_in_use_list_the_most_common_first(network: Network, other_network: Network) -> None:
    _add(network, "Ann Lee", organisation="Acme")
    _add(network, "Bo Chen", organisation="acme")
    _add(network, "Cy Park", organisation="Zeta")
    _add(network, "Di Roy")
    _add(other_network, "Ed Moss", organisation="Hidden Corp")
    _add(other_network, "Fay Nash", organisation="Zeta")
    _add(other_network, "Gus Ortiz", organisation="Zeta")
    assert organisations_in_use(network) == [NameCount("Acme", 2), NameCount("Zeta", 1)]
    assert organisations_in_use(network, limit=1) == [NameCount("Acme", 2)]
    assert organisations_in_use(other_network) == [NameCount("Zeta", 2), NameCount("Hidden Corp", 1)]


def test_bulk_tag_adds_the_tag_once_and_marks_it_manual(network: Network) -> None:
    ann = _add(network, "Ann Lee", tags=("Mentor",))
    bo = _add(network, "Bo Chen")
    assert tag_people(network, [ann, bo, bo], " mentor ") == 1
    assert get_person(network, ann).tags == ("Mentor",)  # type: ignore[union-attr]
    tagged = get_person(network, bo)
    assert tagged is not None and tagged.tags == ("mentor",) and tagged.sources["tags"] == ("manual",)
    assert count_people(network, HasTag("MENTOR")) == 2


@pytest.mark.parametrize(("tag", "field"), [("  ", "tag"), ("x" * 201, "tag")])
def test_bulk_tag_refuses_a_bad_tag(network: Network, tag: str, field: str) -> None:
    ann = _add(network, "Ann Lee")
    with pytest.raises(PersonError) as error:
        tag_people(network, [ann], tag)
    assert error.value.field == field
    assert get_person(network, ann).tags == ()  # type: ignore[union-attr]


def test_bulk_tag_changes_no_one_when_an_id_is_unknown_or_someone_elses(
    network: Network, other_network: Network
) -> None:
    ann = _add(network, "Ann Lee")
    bob = _add(other_network, "Bob Stone")
    with pytest.raises(NotFound, match=str(bob)):
        tag_people(network, [ann, bob], "mentor")
    with pytest.raises(PersonError):
        tag_people(network, [], "mentor")
    assert get_person(network, ann).tags == ()  # type: ignore[union-attr]
    assert get_person(other_network, bob).tags == ()  # type: ignore[union-attr]


def test_likely_duplicates_of_agree_with_the_whole_network_comparison(network: Network) -> None:
    load_demo(network)
    robert = _add(network, "Robert Smith", emails=("rob@x.example",))
    bob = _add(network, "Bob Smith")
    same_mail = _add(network, "R. S.", emails=("ROB@x.example",))
    _add(network, "Ann Smith")
    found = likely_duplicates_of(network, robert)
    expected = {
        (pair.first_id if pair.second_id == robert else pair.second_id): pair.score
        for pair in duplicate_pairs(network)
        if robert in (pair.first_id, pair.second_id)
    }
    assert {item.person.id: item.score for item in found} == expected
    assert {bob, same_mail} <= set(expected)
    assert [item.score for item in found] == sorted((item.score for item in found), reverse=True)
    assert all(item.reasons for item in found)


def test_likely_duplicates_of_stay_in_the_network(network: Network, other_network: Network) -> None:
    ann = _add(network, "Ann Lee", emails=("ann@x.example",))
    _add(other_network, "Ann Lee", emails=("ann@x.example",))
    assert likely_duplicates_of(network, ann) == []
    bob = _add(other_network, "Bob Stone")
    with pytest.raises(NotFound):
        likely_duplicates_of(network, bob)
