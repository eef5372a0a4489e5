"""Given-name equivalences: nicknames, spelling variants, French compound names and their initials."""

from __future__ import annotations

import pytest

from orchardist.domain.nicknames import (
    NICKNAME_GROUPS,
    nickname_groups,
    normalise_given_name,
    same_given_name,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bob", "Robert"),
        ("Rob", "Bobby"),
        ("Bill", "William"),
        ("Liam", "Will"),
        ("Kate", "Katherine"),
        ("Kathy", "Catherine"),
        ("Katherine", "Catherine"),
        ("Jim", "James"),
        ("Beth", "Elizabeth"),
        ("Liz", "Betty"),
        ("Jean-François", "JF"),
        ("Alex", "Alexander"),
        ("Sasha", "Alexandra"),
        ("Mike", "Michael"),
        ("Danny", "Daniel"),
        ("Dave", "David"),
        ("Sam", "Samantha"),
        ("Sam", "Samuel"),
        ("Chris", "Christopher"),
        ("Chris", "Christine"),
        ("Tom", "Thomas"),
        ("Steve", "Stephen"),
        ("Steven", "Stephen"),
        ("Peggy", "Margaret"),
        ("Ted", "Edward"),
        ("Jack", "John"),
        ("Fred", "Frédéric"),
        ("Seb", "Sébastien"),
        ("Guillaume", "William"),
        ("Mohamed", "Muhammad"),
    ],
)
def test_nicknames_and_variants_are_the_same_given_name(a: str, b: str) -> None:
    assert same_given_name(a, b)
    assert same_given_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Christopher", "Christine"),  # both are "Chris", yet not each other
        ("Samuel", "Samantha"),
        ("Alexander", "Alexandra"),
        ("Alfred", "Frederick"),
        ("Francis", "Frances"),
        ("Jean-François", "Jean"),
        ("Jean-Philippe", "Jean-Pierre"),
        ("Robert", "William"),
        ("Johnny", "Jean"),  # John = Jean across languages, but the nickname does not carry over
        ("Mary", "Maria"),
    ],
)
def test_different_given_names_stay_different(a: str, b: str) -> None:
    assert not same_given_name(a, b)


def test_case_accents_hyphens_and_dots_are_ignored() -> None:
    assert same_given_name("HÉLÈNE", "helene")
    assert same_given_name("J.-F.", "Jean François")
    assert same_given_name("j.f.", "JEAN-FRANCOIS")
    assert same_given_name("  Marie-Ève ", "ME")


def test_an_unknown_name_matches_only_itself() -> None:
    assert same_given_name("Zebulon", "zébulon")
    assert not same_given_name("Zebulon", "Zeb")
    assert nickname_groups("Zebulon") == frozenset()


def test_empty_names_never_match() -> None:
    assert not same_given_name("", "")
    assert not same_given_name("Bob", " ")


def test_normalised_forms() -> None:
    assert normalise_given_name("Jean-François") == "jean francois"
    assert normalise_given_name("J.-F.") == "jf"
    assert normalise_given_name("JF") == "jf"
    assert normalise_given_name("O’Neil") == "oneil"


def test_the_table_is_large_and_each_group_lists_distinct_names() -> None:
    assert len(NICKNAME_GROUPS) >= 150
    for group in NICKNAME_GROUPS:
        assert len(group) >= 2, group
        assert len({normalise_given_name(name) for name in group}) == len(group), group


def test_a_short_form_belongs_to_every_group_it_shortens() -> None:
    chris = nickname_groups("Chris")
    assert not chris.isdisjoint(nickname_groups("Christine"))
    assert not chris.isdisjoint(nickname_groups("Christopher"))
    assert nickname_groups("Christine").isdisjoint(nickname_groups("Christopher"))
