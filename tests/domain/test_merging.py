"""Merging: two records the user says are one become one, and a newer import folds into a stored one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orchardist.domain.merging import merge_incoming, merge_people
from orchardist.domain.people import MANUAL_SOURCE, NamedDate, PartialDate, Person, Tier, with_sources
from tests.strategies import people


def person(person_id: int, given: str, family: str, **fields: object) -> Person:
    return Person(
        id=person_id,
        display_name=f"{given} {family}".strip(),
        given_name=given,
        family_name=family,
        **fields,  # type: ignore[arg-type]
    )


# Merging two records the user says are the same ------------------------------------------------


def test_merge_keeps_filled_values_and_fills_the_rest() -> None:
    keep = person(1, "Amira", "Haddad", organisation="Acme", title="", pronouns="she/her")
    other = person(2, "Amira", "Hadad", organisation="Initech", title="Analyst", location="Montréal")
    merged = merge_people(keep, other)
    assert merged.id == 1
    assert (merged.family_name, merged.organisation) == ("Haddad", "Acme")
    assert (merged.title, merged.location, merged.pronouns) == ("Analyst", "Montréal", "she/her")


def test_merge_unites_lists_without_duplicates() -> None:
    keep = person(
        1,
        "Dan",
        "Roy",
        emails=("Dan@Roy.example",),
        phones=("+1 514 555 0101",),
        urls=("https://dan.example",),
        tags=("python",),
        dates=(NamedDate("connected", PartialDate(month=3, day=1, year=2020)),),
    )
    other = person(
        2,
        "Dan",
        "Roy",
        emails=("dan@roy.example", "dan@work.example"),
        phones=("514-555-0101", "514 555 0202"),
        urls=("https://dan.example", "https://www.linkedin.com/in/danroy/"),
        tags=("python", "mentor"),
        dates=(
            NamedDate("connected", PartialDate(month=3, day=1, year=2020)),
            NamedDate("anniversary", PartialDate(month=6, day=2)),
        ),
    )
    merged = merge_people(keep, other)
    assert merged.emails == ("Dan@Roy.example", "dan@work.example")
    assert merged.phones == ("+1 514 555 0101", "514 555 0202")
    assert merged.urls == ("https://dan.example", "https://www.linkedin.com/in/danroy/")
    assert merged.tags == ("python", "mentor")
    assert [named.label for named in merged.dates] == ["connected", "anniversary"]


def test_merge_keeps_a_second_linkedin_profile_among_the_urls() -> None:
    keep = person(1, "A", "B", linkedin_url="https://www.linkedin.com/in/ab")
    other = person(2, "A", "B", linkedin_url="https://linkedin.com/in/a-b-2/")
    assert merge_people(keep, other).urls == ("https://linkedin.com/in/a-b-2/",)
    same = person(2, "A", "B", linkedin_url="http://ca.linkedin.com/in/AB/")
    assert merge_people(keep, same).urls == ()


def test_merge_joins_different_notes_with_a_blank_line() -> None:
    keep, other = person(1, "A", "B", notes="Met at the fair."), person(2, "A", "B", notes="Likes jazz.")
    assert merge_people(keep, other).notes == "Met at the fair.\n\nLikes jazz."
    assert merge_people(keep, replace(other, notes="Met at the fair.")).notes == "Met at the fair."
    assert merge_people(replace(keep, notes=""), other).notes == "Likes jazz."


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        (Tier.CASUAL, Tier.INNER, Tier.INNER),
        (Tier.ACTIVE, Tier.DORMANT, Tier.ACTIVE),
        (Tier.DORMANT, Tier.CASUAL, Tier.CASUAL),
        (Tier.INNER, Tier.ACTIVE, Tier.INNER),
    ],
)
def test_merge_keeps_the_closer_tier(mine: Tier, theirs: Tier, expected: Tier) -> None:
    assert merge_people(person(1, "A", "B", tier=mine), person(2, "A", "B", tier=theirs)).tier == expected


def test_merge_keeps_the_shorter_rhythm() -> None:
    assert (
        merge_people(person(1, "A", "B", every_days=90), person(2, "A", "B", every_days=30)).every_days == 30
    )
    assert (
        merge_people(person(1, "A", "B", every_days=30), person(2, "A", "B", every_days=90)).every_days == 30
    )
    assert merge_people(person(1, "A", "B"), person(2, "A", "B", every_days=60)).every_days == 60
    assert merge_people(person(1, "A", "B", every_days=60), person(2, "A", "B")).every_days == 60


def test_merge_unites_sources_with_the_kept_value_last() -> None:
    keep = person(
        1, "A", "B", title="Lead", emails=("a@b.example",),
        sources={"title": ("linkedin:C.csv", MANUAL_SOURCE), "emails": ("google:g.csv",)},
    )  # fmt: skip
    other = person(
        2, "A", "B", title="Engineer", emails=("z@b.example",), location="Lyon",
        sources={"title": ("outlook:o.csv",), "emails": ("outlook:o.csv",), "location": ("outlook:o.csv",)},
    )  # fmt: skip
    merged = merge_people(keep, other)
    assert merged.title == "Lead"
    assert merged.sources["title"] == ("outlook:o.csv", "linkedin:C.csv", MANUAL_SOURCE)
    assert merged.sources["emails"] == ("outlook:o.csv", "google:g.csv")
    assert merged.sources["location"] == ("outlook:o.csv",)


def test_merge_drops_a_met_through_that_points_at_the_duplicate() -> None:
    assert merge_people(person(1, "A", "B", met_through_id=2), person(2, "A", "B")).met_through_id is None
    assert merge_people(person(1, "A", "B"), person(2, "A", "B", met_through_id=9)).met_through_id == 9


@given(people)
def test_merging_a_record_with_itself_changes_nothing(someone: Person) -> None:
    assert merge_people(someone, someone) == someone


@given(people, people)
def test_merge_loses_no_email_phone_or_tag(keep: Person, other: Person) -> None:
    merged = merge_people(keep, other)
    for name in ("emails", "phones", "tags", "interests"):
        assert set(getattr(keep, name)) <= set(getattr(merged, name))
    assert {e.casefold() for e in other.emails} <= {e.casefold() for e in merged.emails}


# Folding a newer import into a stored record ---------------------------------------------------


def stored(**fields: object) -> Person:
    base = person(5, "Amira", "Haddad", **fields)
    return with_sources(base, "linkedin:Connections.csv")


def imported(**fields: object) -> Person:
    return with_sources(person(0, "Amira", "Haddad", **fields), "linkedin:Connections-2025.csv")


def test_an_import_fills_empty_fields_and_adds_list_values() -> None:
    existing = stored(emails=("amira@mail.example",), organisation="Acme")
    merged, changed = merge_incoming(
        existing,
        imported(emails=("AMIRA@mail.example", "amira@acme.example"), location="Laval", organisation="Acme"),
    )
    assert changed == ["emails", "location"]
    assert merged.id == 5
    assert merged.emails == ("amira@mail.example", "amira@acme.example")
    assert merged.location == "Laval"
    assert merged.sources["emails"] == ("linkedin:Connections.csv", "linkedin:Connections-2025.csv")
    assert merged.sources["location"] == ("linkedin:Connections-2025.csv",)
    assert merged.sources["organisation"] == ("linkedin:Connections.csv",)


def test_a_job_change_replaces_organisation_and_title() -> None:
    existing = stored(organisation="Acme", title="Analyst")
    merged, changed = merge_incoming(existing, imported(organisation="Globex", title="Senior Analyst"))
    assert changed == ["organisation", "title"]
    assert (merged.organisation, merged.title) == ("Globex", "Senior Analyst")
    assert merged.sources["title"][-1] == "linkedin:Connections-2025.csv"


def test_an_empty_or_differently_cased_job_changes_nothing() -> None:
    existing = stored(organisation="Acme Inc", title="Analyst")
    assert merge_incoming(existing, imported(organisation="ACME INC", title="")) == (existing, [])


def test_a_hand_edited_field_is_never_overwritten() -> None:
    existing = stored(organisation="Acme", title="Analyst")
    existing = replace(existing, sources={**existing.sources, "title": ("linkedin:C.csv", MANUAL_SOURCE)})
    merged, changed = merge_incoming(existing, imported(organisation="Globex", title="Director"))
    assert changed == ["organisation"]
    assert merged.title == "Analyst"
    assert merged.sources["title"] == ("linkedin:C.csv", MANUAL_SOURCE)


def test_a_hand_edited_list_gets_no_new_values() -> None:
    existing = replace(stored(emails=("a@b.example",)), sources={"emails": (MANUAL_SOURCE,)})
    assert merge_incoming(existing, imported(emails=("new@b.example",))) == (existing, [])


def test_names_and_tier_stay_as_stored() -> None:
    existing = replace(stored(tier=Tier.INNER), display_name="Amira H.")
    incoming = replace(imported(tier=Tier.DORMANT), display_name="Amira Haddad, MBA", given_name="Ami")
    assert merge_incoming(existing, incoming) == (existing, [])
    unnamed = replace(existing, given_name="", sources={})
    merged, changed = merge_incoming(unnamed, incoming)
    assert changed == ["given_name"]
    assert merged.given_name == "Ami"


def test_notes_of_an_import_are_added_once() -> None:
    existing = stored(notes="Met at the fair.")
    merged, changed = merge_incoming(existing, imported(notes="Likes jazz."))
    assert changed == ["notes"]
    assert merged.notes == "Met at the fair.\n\nLikes jazz."
    assert merge_incoming(merged, imported(notes="Likes jazz.")) == (merged, [])


def test_a_birthday_gains_its_year() -> None:
    existing = stored(birthday=PartialDate(month=3, day=29))
    merged, changed = merge_incoming(existing, imported(birthday=PartialDate(month=3, day=29, year=1990)))
    assert changed == ["birthday"]
    assert merged.birthday == PartialDate(month=3, day=29, year=1990)
    assert merge_incoming(existing, imported(birthday=PartialDate(month=4, day=1, year=1990))) == (
        existing,
        [],
    )


def test_a_different_linkedin_profile_is_kept_among_the_urls() -> None:
    existing = stored(linkedin_url="https://www.linkedin.com/in/amira")
    merged, changed = merge_incoming(existing, imported(linkedin_url="https://www.linkedin.com/in/amira-h"))
    assert changed == ["urls"]
    assert merged.linkedin_url == "https://www.linkedin.com/in/amira"
    assert merged.urls == ("https://www.linkedin.com/in/amira-h",)
    assert merged.sources["urls"] == ("linkedin:Connections-2025.csv",)


def test_reimporting_the_same_file_changes_nothing() -> None:
    row = imported(emails=("a@b.example",), organisation="Acme", title="Analyst", notes="n", tags=("x",))
    existing = replace(row, id=5)
    assert merge_incoming(existing, row) == (existing, [])


_manual_sources = st.dictionaries(
    st.sampled_from(["title", "organisation", "emails", "notes", "location", "urls"]),
    st.sampled_from([("linkedin:C.csv",), ("google:g.csv", MANUAL_SOURCE), (MANUAL_SOURCE,)]),
)


@given(people, people, _manual_sources)
def test_a_second_import_of_the_same_record_changes_nothing(
    existing: Person, incoming: Person, sources: dict[str, tuple[str, ...]]
) -> None:
    existing = replace(existing, id=3, sources=sources)
    once, _ = merge_incoming(existing, with_sources(incoming, "vcard:x.vcf"))
    assert merge_incoming(once, with_sources(incoming, "vcard:x.vcf")) == (once, [])
    for name, recorded in sources.items():
        if recorded[-1] == MANUAL_SOURCE:
            assert getattr(once, name) == getattr(existing, name)
            assert once.sources[name] == recorded


def test_merging_keeps_the_discretion_marks() -> None:
    confidant = person(1, "Ann", "Lee", knows_search=True)
    plain = person(2, "Ann", "Lee", coworker_override=False)
    merged = merge_people(plain, confidant)
    assert merged.knows_search and merged.coworker_override is False  # either record's "knows" holds
    assert (
        merge_people(person(3, "Bo", "Chen"), plain).coworker_override is False
    )  # auto takes the other's word
    assert merge_people(person(4, "Bo", "Chen", coworker_override=True), plain).coworker_override is True
    # An import never sets them: only Orchardist's own backup carries them, and it fills what is unset.
    stored = person(5, "Cy", "Wu", knows_search=True, coworker_override=True)
    imported = with_sources(person(0, "Cy", "Wu"), "linkedin:Connections.csv")
    assert merge_incoming(stored, imported) == (stored, [])
    from_backup = with_sources(
        person(0, "Cy", "Wu", knows_search=True, coworker_override=False), "json:b.json"
    )
    filled, changed = merge_incoming(person(6, "Cy", "Wu"), from_backup)
    assert changed == ["knows_search", "coworker_override"] and filled.knows_search


def test_the_user_picks_whose_value_stays_where_the_two_differ() -> None:
    import pytest

    from orchardist.domain.merging import choosable, look_different, merge_people
    from orchardist.domain.messages import InputRefused

    keep = Person(id=1, display_name="Robert Smith", title="Engineer", emails=("a@x.example",))
    other = Person(id=2, display_name="Robert Smith", title="Lead", emails=("b@x.example",))
    assert choosable(keep, other) == ["title"]
    assert merge_people(keep, other).title == "Engineer"
    taken = merge_people(keep, other, {"title": "other"})
    assert taken.title == "Lead" and taken.emails == ("a@x.example", "b@x.example")
    with pytest.raises(InputRefused):
        merge_people(keep, other, {"emails": "other"})
    assert look_different(keep, other) == []
    stranger = Person(id=3, display_name="Ann Lee", linkedin_url="https://www.linkedin.com/in/ann-lee")
    known = Person(id=4, display_name="Bo Chen", linkedin_url="https://www.linkedin.com/in/bo-chen")
    assert [reason.code for reason in look_different(known, stranger)] == [
        "merge.other_linkedin",
        "merge.no_name_in_common",
    ]
