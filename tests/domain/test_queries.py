"""Filters on people compose like values: ``Everyone`` is the identity, ``All``/``AnyOf`` stay flat."""

from __future__ import annotations

import pytest

from orchardist.domain.people import Person, Tier
from orchardist.domain.queries import (
    All,
    AnyOf,
    AtOrganisation,
    Everyone,
    HasTag,
    InTier,
    Text,
    people_filter,
)


def test_everyone_is_the_identity_of_and() -> None:
    tag = HasTag("mentor")
    assert Everyone() & tag == tag
    assert tag & Everyone() == tag
    assert Everyone() & Everyone() == Everyone()


def test_everyone_absorbs_or() -> None:
    assert Everyone() | HasTag("mentor") == Everyone()
    assert HasTag("mentor") | Everyone() == Everyone()


def test_nested_parts_are_flattened() -> None:
    a, b, c = Text("dan"), HasTag("mentor"), InTier(Tier.INNER)
    assert (a & b) & c == All((a, b, c))
    assert a & (b & c) == All((a, b, c))
    assert (a | b) | c == AnyOf((a, b, c))
    # Different operators nest: an AnyOf inside an All stays one part.
    assert (a | b) & c == All((AnyOf((a, b)), c))


def test_people_filter_combines_the_given_parts_only() -> None:
    assert people_filter() == Everyone()
    assert people_filter("  ", tag="", organisation=" ") == Everyone()
    assert people_filter("dan") == Text("dan")
    assert people_filter("dan", tag="mentor", tier="inner", organisation="Maple") == All(
        (Text("dan"), HasTag("mentor"), InTier(Tier.INNER), AtOrganisation("Maple"))
    )


def test_people_filter_refuses_an_unknown_tier() -> None:
    with pytest.raises(ValueError):
        people_filter(tier="best friends")


def test_a_flattened_filter_matches_like_the_nested_one() -> None:
    person = Person(display_name="Dana Li", organisation="Maple", tags=("mentor",), tier=Tier.INNER)
    other = Person(display_name="Omar Haddad", organisation="Cedar", tier=Tier.CASUAL)
    query = people_filter("dan", tag="mentor", tier="inner", organisation="maple")
    assert query.matches(person)
    assert not query.matches(other)
    assert (HasTag("nobody") | Text("omar")).matches(other)
