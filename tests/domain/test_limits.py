"""The limits every way in shares: what a person, an interaction or an offer may hold."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orchardist.domain import limits
from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.messages import InputRefused
from orchardist.domain.offers import Offer, OfferKind
from orchardist.domain.people import NamedDate, PartialDate, Person
from tests.strategies import people as people_strategy


def _interaction(**changes: object) -> Interaction:
    values: dict[str, object] = {
        "on": date(2026, 3, 1),
        "direction": Direction.GAVE,
        "kind": "coffee",
        "summary": "Coffee",
        "person_ids": (1,),
    }
    values.update(changes)
    return Interaction(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "limit", "code"),
    [
        ("x" * 11, 10, "field.too_long"),
        ("Ana\ud800", 10, "text.not_unicode"),
        ("Zoë\udfff", 10, "text.not_unicode"),
        ("a\x00b", 10, "text.nul"),
        ("é\x00", 10, "text.nul"),
    ],
)
def test_text_that_cannot_be_stored_is_named(text: str, limit: int, code: str) -> None:
    problem = limits.text_problem(text, limit)
    assert problem is not None and problem.code == code


def test_text_within_its_limit_passes_and_nul_passes_where_the_store_removes_it() -> None:
    assert limits.text_problem("Zoë 🌱 Ng", 10) is None
    assert limits.text_problem("x" * 10, 10) is None
    assert limits.text_problem("a\x00b", 10, nul=True) is None
    assert str(limits.text_problem("\ud800", 10)) == (
        "holds a character that is not valid Unicode (U+D800, a lone surrogate)"
    )


@pytest.mark.parametrize("days", [0, -1, 3651, 999_999_999, 2**63, 2**70])
def test_a_person_cannot_hold_a_rhythm_the_rules_cannot_count_with(days: int) -> None:
    with pytest.raises(InputRefused) as refused:
        Person(display_name="Ana", every_days=days)
    assert refused.value.field == "every_days"
    assert refused.value.message.code == "person.rhythm_days"


def test_a_rhythm_must_be_a_whole_number_not_true() -> None:
    with pytest.raises(InputRefused):
        Person(display_name="Ana", every_days=True)
    assert Person(display_name="Ana", every_days=3650).every_days == 3650
    assert Person(display_name="Ana", every_days=1).every_days == 1


@pytest.mark.parametrize(
    ("person", "field", "code"),
    [
        (Person(display_name="x" * 501), "display_name", "field.too_long"),
        (Person(display_name="Ana", organisation="\ud83d"), "organisation", "text.not_unicode"),
        (Person(display_name="Ana", emails=("a@b.c",) * 501), "emails", "list.too_many"),
        (Person(display_name="Ana", tags=("x" * 201,)), "tags", "field.too_long"),
        (Person(display_name="Ana", notes="n" * 100_001), "notes", "field.too_long"),
        (Person(display_name="Ana", met_through_id=2**31), "met_through_id", "value.range"),
        (Person(display_name="Ana", id=0), "id", "value.range"),
        (
            Person(display_name="Ana", dates=(NamedDate("\udc00", PartialDate(month=1, day=2)),)),
            "dates",
            "text.not_unicode",
        ),
        (Person(display_name="Ana", sources={"title": ("x" * 401,)}), "sources", "field.too_long"),
    ],
)
def test_the_first_field_a_person_cannot_hold_is_named(person: Person, field: str, code: str) -> None:
    found = limits.person_problem(person)
    assert found is not None
    assert (found[0], found[1].code) == (field, code)
    with pytest.raises(InputRefused) as refused:
        limits.check_person(person)
    assert refused.value.field == field


def test_a_person_at_every_limit_is_accepted() -> None:
    person = Person(
        display_name="x" * 500,
        id=2**31 - 1,
        emails=tuple(f"{n}@example.org" for n in range(500)),
        notes="n" * 100_000,
        met_through_id=1,
        every_days=3650,
        dates=(NamedDate("connected", PartialDate(month=2, day=29)),),
    )
    assert limits.person_problem(person) is None
    assert limits.check_person(person) is person


@pytest.mark.parametrize(
    ("interaction", "field", "code"),
    [
        (_interaction(on=date(1899, 12, 31)), "date", "date.range"),
        (_interaction(on=date(9999, 1, 1)), "date", "date.range"),
        (_interaction(kind="k" * 51), "kind", "field.too_long"),
        (_interaction(summary="s" * 2_001), "summary", "field.too_long"),
        (_interaction(summary="Coffee\ud800"), "summary", "text.not_unicode"),
        (_interaction(notes="a\x00b"), "notes", "text.nul"),
        (_interaction(person_ids=tuple(range(1, 502))), "person_ids", "list.too_many"),
        (_interaction(person_ids=(2**40,)), "person_ids", "value.range"),
        (_interaction(id=-3), "id", "value.range"),
    ],
)
def test_the_first_field_an_interaction_cannot_hold_is_named(
    interaction: Interaction, field: str, code: str
) -> None:
    found = limits.interaction_problem(interaction)
    assert found is not None
    assert (found[0], found[1].code) == (field, code)
    with pytest.raises(InputRefused) as refused:
        limits.check_interaction(interaction)
    assert refused.value.field == field


def test_an_interaction_within_its_limits_is_accepted() -> None:
    assert limits.interaction_problem(_interaction(kind="k" * 50, on=date(1900, 1, 1))) is None
    assert limits.check_interaction(_interaction(on=date(2999, 12, 31))).kind == "coffee"


def test_an_offer_is_held_to_its_column() -> None:
    made = datetime(2026, 1, 1, tzinfo=UTC)
    assert limits.offer_problem(Offer(id=0, kind=OfferKind.SKILL, text="Résumés", created_at=made)) is None
    found = limits.offer_problem(Offer(id=0, kind=OfferKind.SKILL, text="r" * 501, created_at=made))
    assert found is not None and found[0] == "text"
    found = limits.offer_problem(Offer(id=2**33, kind=OfferKind.SKILL, text="Résumés", created_at=made))
    assert found is not None and found[0] == "id"


@given(st.text(max_size=40))
def test_any_text_is_either_accepted_or_refused_with_a_reason(text: str) -> None:
    problem = limits.text_problem(text, 30)
    storable = len(text) <= 30 and "\x00" not in text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        storable = False
    assert (problem is None) == storable


_ODD_VALUES = st.sampled_from(
    [
        "",
        "x" * 301,
        "x" * 100_001,
        "\ud800",
        "caf\u00e9",
        "\x00",
        7,
        None,
        True,
        "casual",
        ("a",),
        ("\ud800",),
    ]
)
_FIELD_NAMES = st.sampled_from(
    ["display_name", "organisation", "title", "notes", "pronouns", "emails", "tags", "interests", "tier"]
    + ["met_through_id", "knows_search", "coworker_override", "dates"]
)


@settings(max_examples=150, deadline=None)
@given(
    person=people_strategy,
    changes=st.lists(st.tuples(_FIELD_NAMES, _ODD_VALUES), max_size=3),
    many=st.booleans(),
)
def test_the_quick_check_names_the_same_first_field_as_the_field_by_field_one(
    person: Person, changes: list[tuple[str, object]], many: bool
) -> None:
    for name, value in changes:
        object.__setattr__(person, name, value)  # values no typed way in would let through
    if many:
        object.__setattr__(person, "tags", ("t",) * (limits.MAX_ITEMS + 1))
    assert _outcome(limits.person_checker(), person) == _outcome(limits.person_checker(quick=False), person)


def _outcome(check: limits.PersonCheck, person: Person) -> object:
    """What ``check`` says, or the type of what it raised (a value of the wrong type trips both alike)."""
    try:
        return check(person)
    except (TypeError, AttributeError) as error:
        return type(error)


def test_people_sharing_sources_and_dates_are_each_checked() -> None:
    check = limits.person_checker()
    sources = {"display_name": ("linkedin:a.csv",)}
    dates = (NamedDate("connected", PartialDate(1, 2, 2020)),)
    fine = Person(display_name="Ada", sources=sources, dates=dates)
    assert check(fine) is None and check(fine) is None
    too_long = Person(display_name="x" * 501, sources=sources, dates=dates)
    assert check(too_long) == limits.person_checker(quick=False)(too_long) != None  # noqa: E711
