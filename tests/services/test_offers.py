"""The offers inventory on SQLite and PostgreSQL: adding, refusing, matching and the ask warning."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.offers import OfferKind
from orchardist.domain.people import Person
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.offers import (
    OfferError,
    add_offer,
    ask_warning,
    list_offers,
    match_to_dict,
    matches,
    offer_to_dict,
    remove_offer,
)
from orchardist.services.people import add_person

ON = date(2026, 12, 3)


def _person(network: Network, name: str, *needs: str) -> int:
    person = add_person(network, Person(display_name=name, could_use_help_with=needs))
    assert person.id is not None
    return person.id


def _ask(network: Network, person_id: int, direction: Direction = Direction.ASKED) -> None:
    log_interaction(network, [person_id], direction=direction, kind="call", summary="x", on=ON)


def test_offers_are_added_listed_and_removed(network: Network) -> None:
    first = add_offer(network, "skill", "  Reviewing   résumés ")
    second = add_offer(network, OfferKind.INTRODUCTION, "Hiring managers at Northwind")
    assert (first.kind, first.text) == (OfferKind.SKILL, "Reviewing résumés")
    assert first.created_at.utcoffset() == timedelta(0)  # UTC on both databases
    assert [offer.id for offer in list_offers(network)] == [first.id, second.id]
    assert offer_to_dict(first) == {
        "id": first.id,
        "kind": "skill",
        "text": "Reviewing résumés",
        "created_at": first.created_at.isoformat().replace("+00:00", "Z"),
    }
    remove_offer(network, first.id)
    assert list_offers(network) == [second]
    with pytest.raises(NotFound, match=f"no offer with id {first.id}"):
        remove_offer(network, first.id)


@pytest.mark.parametrize(
    ("kind", "text", "field", "words"),
    [
        ("talent", "Reviewing résumés", "kind", "must be one of skill, information, introduction"),
        ("", "Reviewing résumés", "kind", "must be one of"),
        ("skill", "", "text", "say what you can offer"),
        ("skill", " \n\t ", "text", "say what you can offer"),
        ("skill", "x" * 501, "text", "must be at most 500 characters, got 501"),
    ],
)
def test_bad_offers_are_refused_naming_the_field(
    network: Network, kind: str, text: str, field: str, words: str
) -> None:
    with pytest.raises(OfferError) as refused:
        add_offer(network, kind, text)
    assert refused.value.field == field
    assert str(refused.value).startswith(f"{field}: ") and words in str(refused.value)
    assert isinstance(refused.value, InputRefused)
    assert list_offers(network) == []


def test_an_offer_of_exactly_500_characters_is_kept(network: Network) -> None:
    assert len(add_offer(network, "information", "é" * 500).text) == 500


def test_matches_pair_each_offer_with_the_people_who_need_it(network: Network) -> None:
    resumes = add_offer(network, "skill", "Reviewing résumés")
    intros = add_offer(network, "introduction", "Introductions at Northwind")
    add_offer(network, "information", "Gardening")
    ana = _person(network, "Ana Silva", "moving", "résumé review")
    bo = _person(network, "Bo Chen", "an introduction to someone at Northwind", "RESUME template")
    _person(network, "Cy Roy")  # no needs
    _person(network, "Di Park", "the")  # nothing meaningful
    found = matches(network)
    assert [(m.offer.id, m.person_id, m.need) for m in found] == [
        (resumes.id, ana, "résumé review"),
        (resumes.id, bo, "RESUME template"),
        (intros.id, bo, "an introduction to someone at Northwind"),
    ]
    assert match_to_dict(found[0]) == {
        "offer": offer_to_dict(resumes),
        "person": {"id": ana, "name": "Ana Silva"},
        "need": "résumé review",
    }
    assert len(matches(network, limit=2)) == 2


def test_no_offers_no_matches(network: Network) -> None:
    _person(network, "Ana Silva", "résumé review")
    assert matches(network) == []


def test_another_networks_offers_and_people_never_show(network: Network, other_network: Network) -> None:
    theirs = add_offer(other_network, "skill", "Reviewing résumés")
    _person(other_network, "Bob's friend", "résumé review")
    mine = _person(network, "Ana Silva", "résumé review")
    assert list_offers(network) == [] and matches(network) == []
    with pytest.raises(NotFound):
        remove_offer(network, theirs.id)
    assert list_offers(other_network) == [theirs]
    add_offer(network, "skill", "CV and résumé reviews")
    assert [m.person_id for m in matches(network)] == [mine]
    assert [m.name for m in matches(other_network)] == ["Bob's friend"]
    _ask(network, mine)
    warning = ask_warning(network, mine)
    assert warning is not None
    assert [s.offer.text for s in warning.suggestions] == ["CV and résumé reviews"]
    with pytest.raises(NotFound):
        ask_warning(other_network, mine)


def test_ask_warning_only_for_someone_only_taken_from(network: Network) -> None:
    ana = _person(network, "Ana Silva", "résumé review")
    assert ask_warning(network, ana) is None  # never asked
    _ask(network, ana, Direction.SOCIAL)
    assert ask_warning(network, ana) is None
    _ask(network, ana)
    _ask(network, ana)
    warning = ask_warning(network, ana)
    assert warning is not None
    assert (warning.person_id, warning.name, warning.gave, warning.asked, warning.mutual) == (
        ana,
        "Ana Silva",
        0,
        2,
        0,
    )
    assert warning.suggestions == ()
    _ask(network, ana, Direction.GAVE)
    assert ask_warning(network, ana) is None


def test_a_mutual_contact_ends_the_warning(network: Network) -> None:
    ana = _person(network, "Ana Silva")
    _ask(network, ana)
    _ask(network, ana, Direction.MUTUAL)
    assert ask_warning(network, ana) is None


def test_the_warning_suggests_matching_offers_first_else_any_three(network: Network) -> None:
    offers = [add_offer(network, "skill", text) for text in ("Gardening", "Baking", "Chess", "Knitting")]
    resumes = add_offer(network, "skill", "Reviewing résumés")
    ana = _person(network, "Ana Silva", "résumé review")
    bo = _person(network, "Bo Chen", "moving")
    for person in (ana, bo):
        _ask(network, person)
    for_ana = ask_warning(network, ana)
    assert for_ana is not None and for_ana.matched
    assert [(s.offer.id, s.need) for s in for_ana.suggestions] == [(resumes.id, "résumé review")]
    for_bo = ask_warning(network, bo)
    assert for_bo is not None and not for_bo.matched
    assert [(s.offer.id, s.need) for s in for_bo.suggestions] == [(offer.id, "") for offer in offers[:3]]


def test_at_most_three_matching_suggestions(network: Network) -> None:
    for text in ("Résumé review", "Résumé templates", "Résumé layout", "Résumé proofreading"):
        add_offer(network, "skill", text)
    ana = _person(network, "Ana Silva", "my résumé")
    _ask(network, ana)
    warning = ask_warning(network, ana)
    assert warning is not None and len(warning.suggestions) == 3


def test_ask_warning_for_an_unknown_person(network: Network) -> None:
    with pytest.raises(NotFound, match="no person with id 999"):
        ask_warning(network, 999)
