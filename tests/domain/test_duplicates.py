"""Finding probable duplicates, merging two records, and folding a newer import into a stored one."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orchardist.domain.duplicates import (
    DEFAULT_THRESHOLD,
    MANUAL_SOURCE,
    DuplicatePair,
    duplicates_of,
    find_duplicates,
    merge_incoming,
    merge_people,
)
from orchardist.domain.people import NamedDate, PartialDate, Person, Tier, with_sources
from tests.strategies import people


def person(person_id: int, given: str, family: str, **fields: object) -> Person:
    return Person(
        id=person_id,
        display_name=f"{given} {family}".strip(),
        given_name=given,
        family_name=family,
        **fields,  # type: ignore[arg-type]
    )


def only_pair(people_: list[Person], threshold: float = DEFAULT_THRESHOLD) -> DuplicatePair:
    pairs = find_duplicates(people_, threshold=threshold)
    assert len(pairs) == 1, pairs
    return pairs[0]


# Each reason -----------------------------------------------------------------------------------


def test_same_email_whatever_its_case() -> None:
    pair = only_pair(
        [
            person(1, "Amira", "Haddad", emails=("Amira.Haddad@Mail.example",)),
            person(2, "", "", emails=("amira.haddad@mail.example",)),
        ]
    )
    assert (pair.first_id, pair.second_id) == (1, 2)
    assert [str(reason) for reason in pair.reasons] == [
        "same e-mail amira.haddad@mail.example",
    ]
    assert pair.score == 0.95


def test_same_phone_written_differently() -> None:
    pair = only_pair(
        [
            person(1, "Dan", "Okafor", phones=("+1 (514) 555-0123",)),
            person(2, "Dan", "Okafor", phones=("514.555.0123",)),
        ]
    )
    assert [str(reason) for reason in pair.reasons] == [
        "same phone +1 (514) 555-0123",
        "same name (accents and case folded)",
    ]
    assert pair.score > 0.95


def test_same_linkedin_profile_from_different_exports() -> None:
    pair = only_pair(
        [
            person(1, "Juliana", "Reyes", linkedin_url="https://www.linkedin.com/in/juliana-reyes/"),
            person(2, "J", "Reyes", urls=("http://ca.linkedin.com/in/Juliana-Reyes?trk=x",)),
        ]
    )
    assert [str(reason) for reason in pair.reasons] == [
        "same LinkedIn profile",
    ]
    assert pair.score == 0.97


def test_same_personal_web_address() -> None:
    pair = only_pair(
        [
            person(1, "Kim", "Lau", urls=("https://kimlau.example/",)),
            person(2, "Kimberly", "Lau", urls=("http://www.KimLau.example",)),
        ]
    )
    assert [str(reason) for reason in pair.reasons] == [
        "same web address https://kimlau.example/",
        "nickname: Kim = Kimberly",
    ]


def test_same_name_with_accents_and_case_folded() -> None:
    pair = only_pair([person(1, "Hélène", "Côté"), person(2, "HELENE", "cote")])
    assert [str(reason) for reason in pair.reasons] == [
        "same name (accents and case folded)",
    ]
    assert pair.score == 0.85


def test_nickname_in_the_same_family() -> None:
    pair = only_pair([person(7, "Bob", "Martin"), person(3, "Robert", "Martin")])
    assert (pair.first_id, pair.second_id) == (3, 7)
    assert [str(reason) for reason in pair.reasons] == [
        "nickname: Robert = Bob",
    ]


def test_french_compound_name_and_its_initials() -> None:
    pair = only_pair([person(1, "Jean-François", "Tremblay"), person(2, "JF", "Tremblay")])
    assert [str(reason) for reason in pair.reasons] == [
        "nickname: Jean-François = JF",
    ]


def test_given_and_family_names_swapped() -> None:
    pair = only_pair([person(1, "Wei", "Zhang"), person(2, "Zhang", "Wei")])
    assert [str(reason) for reason in pair.reasons] == [
        "given and family names swapped",
    ]
    assert pair.score == 0.8


def test_swapped_name_read_from_a_display_name_alone() -> None:
    pair = only_pair([person(1, "John", "Okoye"), Person(id=2, display_name="Okoye, John")])
    assert [str(reason) for reason in pair.reasons] == [
        "given and family names swapped",
    ]


def test_similar_name_with_the_same_organisation() -> None:
    pair = only_pair(
        [
            person(1, "Michael", "Nguyen", organisation="Globex"),
            person(2, "Micheal", "Ngyuen", organisation="globex"),
        ]
    )
    assert [str(reason) for reason in pair.reasons] == ["similar name (score 0.86)", "same organisation"]
    assert 0.8 < pair.score < 0.85


def test_a_middle_initial_on_one_side() -> None:
    pair = only_pair([person(1, "John A.", "Okafor"), person(2, "John", "Okafor")])
    assert [str(reason) for reason in pair.reasons] == [
        "same name but for a middle initial",
    ]
    assert pair.score == 0.8


def test_same_organisation_alone_is_not_enough() -> None:
    assert (
        find_duplicates([person(1, "Ana", "Silva", organisation="Acme"), person(2, "Ana", "Silvestre")]) == []
    )
    pair = only_pair(
        [
            person(1, "Kate", "Silva", organisation="Acme"),
            person(2, "Katherine", "Silva", organisation="ACME"),
        ]
    )
    assert [str(reason) for reason in pair.reasons] == ["nickname: Kate = Katherine", "same organisation"]
    assert pair.score == pytest.approx(1 - (1 - 0.75) * (1 - 0.5), abs=0.001)


# Scores and counter-evidence -------------------------------------------------------------------


def test_a_shared_phone_between_differently_named_people_scores_low() -> None:
    couple = [
        person(1, "Maria", "Santos", phones=("514 555 0199",)),
        person(2, "Paulo", "Ferreira", phones=("+1 514 555 0199",)),
    ]
    assert find_duplicates(couple) == []
    pair = only_pair(couple, threshold=0.5)
    assert [str(reason) for reason in pair.reasons] == [
        "same phone 514 555 0199",
    ]
    assert pair.score == pytest.approx(0.85 * 0.75, abs=0.001)


def test_an_office_line_shared_by_many_is_no_evidence() -> None:
    office = [person(n, f"Person{n}", f"Family{n}", phones=("+1 800 555 0100",)) for n in range(1, 8)]
    assert find_duplicates(office, threshold=0.01) == []


def test_a_shared_inbox_does_not_count_against_a_pair() -> None:
    inbox = ("info@acme.example",)
    team = [person(n, f"Given{n}", f"Family{n}", emails=inbox) for n in range(3, 10)]
    pair = only_pair([person(1, "Ana", "Lima", emails=inbox), person(2, "Ana", "Lima", emails=inbox), *team])
    assert [str(reason) for reason in pair.reasons] == [
        "same name (accents and case folded)",
    ]
    assert pair.score == 0.85


def test_same_name_with_different_linkedin_profiles_is_not_a_duplicate() -> None:
    two_johns = [
        person(1, "John", "Smith", linkedin_url="https://www.linkedin.com/in/john-smith-1"),
        person(2, "John", "Smith", linkedin_url="https://www.linkedin.com/in/john-smith-2"),
    ]
    assert find_duplicates(two_johns) == []
    assert only_pair(two_johns, threshold=0.5).score == pytest.approx(0.85 * 0.6, abs=0.001)


def test_a_nickname_at_a_different_organisation_is_not_enough() -> None:
    assert (
        find_duplicates(
            [
                person(1, "Bob", "Lee", organisation="Initech"),
                person(2, "Robert", "Lee", organisation="Hooli"),
            ]
        )
        == []
    )


def test_more_evidence_scores_higher() -> None:
    base = [person(1, "Ana", "Lima"), person(2, "Ana", "Lima")]
    name_only = only_pair(base).score
    with_org = only_pair([replace(p, organisation="Acme") for p in base]).score
    with_email = only_pair([replace(p, emails=("ana@lima.example",)) for p in base]).score
    assert name_only < with_org < with_email <= 1.0


def test_different_people_with_a_common_surname_are_not_paired() -> None:
    given_names = [
        "John", "Mary", "Ahmed", "Priya", "Wei", "Carlos", "Fatima", "Olga", "Kenji", "Aisha",
        "Lucas", "Emma", "Noah", "Sofia", "Ethan", "Chloe", "Omar", "Zara", "Ivan", "Leila",
        "Jason", "Mason", "Andrea", "Andrew", "Daniel", "Danielle", "Paul", "Paula", "Christian",
        "Christina", "Louis", "Louise", "Maria", "Mario", "Jean", "Jane", "Joan", "Karl", "Carla",
    ]  # fmt: skip
    smiths = [
        person(
            index + 1,
            given,
            family,
            emails=(f"{given.lower()}.{family.lower()}@mail.example",),
            organisation=f"Company {index}",
        )
        for index, (given, family) in enumerate(
            (given, family) for family in ("Smith", "Nguyen", "Tremblay") for given in given_names
        )
    ]
    assert find_duplicates(smiths) == []


def test_feminine_forms_are_different_names_even_with_nothing_else_known() -> None:
    for a, b in [("Daniel", "Danielle"), ("Paul", "Paula"), ("Christian", "Christina"), ("Andrew", "Andrea")]:
        assert find_duplicates([person(1, a, "Roy"), person(2, b, "Roy")], threshold=0.5) == [], (a, b)


def test_a_family_name_one_letter_off_is_not_a_typo_when_short() -> None:
    assert find_duplicates([person(1, "Li", "Wang"), person(2, "Li", "Wong")], threshold=0.3) == []


# Results ---------------------------------------------------------------------------------------


def test_results_are_sorted_and_the_same_in_any_order() -> None:
    network = [
        person(1, "Bob", "Martin"),
        person(2, "Robert", "Martin", emails=("rm@x.example",)),
        person(3, "Hélène", "Côté"),
        person(4, "Helene", "Cote", emails=("rm@x.example",)),
        person(5, "Wei", "Zhang"),
        person(6, "Zhang", "Wei"),
    ]
    pairs = find_duplicates(network)
    assert [pair.score for pair in pairs] == sorted((pair.score for pair in pairs), reverse=True)
    assert all(pair.first_id < pair.second_id for pair in pairs)
    shuffled = network[:]
    random.Random(4).shuffle(shuffled)
    assert find_duplicates(shuffled) == pairs
    assert {(pair.first_id, pair.second_id) for pair in pairs} >= {(1, 2), (3, 4), (5, 6)}


def test_threshold_filters() -> None:
    network = [person(1, "Bob", "Martin"), person(2, "Robert", "Martin")]
    assert find_duplicates(network, threshold=0.76) == []
    assert len(find_duplicates(network, threshold=0.75)) == 1


def test_people_need_distinct_ids() -> None:
    with pytest.raises(ValueError, match="no id"):
        find_duplicates([Person(display_name="Ana")])
    with pytest.raises(ValueError, match="share the id 1"):
        find_duplicates([person(1, "A", "B"), person(1, "C", "D")])


def test_an_oversized_family_block_still_finds_nicknames_typos_and_same_names() -> None:
    rng = random.Random(11)
    crowd = [
        person(
            n, f"{rng.choice('ABCDEFGHKLMNPRSTVWZ')}{n:04d}x", "Nguyen", linkedin_url=f"linkedin.com/in/n{n}"
        )
        for n in range(1, 1500)
    ]
    wanted = [
        person(5001, "Bob", "Nguyen"),
        person(5002, "Robert", "Nguyen"),
        person(5003, "Micheal", "Nguyen"),
        person(5004, "Michael", "Nguyen"),
        person(5005, "Thi Lan", "Nguyen"),
        person(5006, "Thi Lan", "Nguyen"),
    ]
    pairs = {(pair.first_id, pair.second_id) for pair in find_duplicates(crowd + wanted)}
    assert pairs == {(5001, 5002), (5003, 5004), (5005, 5006)}


# Scale -----------------------------------------------------------------------------------------

_GIVEN = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard "
    "Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty "
    "Anthony Sandra Mark Margaret Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua "
    "Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald "
    "Jean-François Marie-Ève Mathieu Geneviève Sébastien Émilie Frédéric Stéphanie Guillaume "
    "Isabelle Étienne Véronique Benoît Nathalie Maxime Mélanie Wei Li Priya Arjun Mohammed Fatima "
    "Ahmed Aisha Yuki Hiroshi Olga Dmitri Amira Juliana Kwame Ngozi Santiago Valentina"
).split()
_FAMILY = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Nguyen Tremblay "
    "Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier Bélanger Chan "
    "Wong Singh Kumar Sharma Chen Wang Zhang Liu Patel Kim Lee Khan Ali Cohen O'Brien MacDonald"
).split()
_SYLLABLES = "ka ri mo sen ta li ber gan do vic hal mar ston wel ford ley ash bro sa mi ne lo ru".split()
_ORGS = [f"{a} {b}" for a in ("Acme", "Globex", "Initech", "Hooli", "Stark") for b in ("Inc", "Labs", "Bank")]
_NICKNAMES = {"Robert": "Bob", "William": "Bill", "Elizabeth": "Liz", "Michael": "Mike", "James": "Jim"}


def realistic_network(count: int, seed: int) -> list[Person]:
    """People as a LinkedIn-heavy network has them: common surnames, most with a profile URL."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(_FAMILY))]
    network = []
    for index in range(count):
        given = rng.choice(_GIVEN)
        if rng.random() < 0.35:  # Smith is then about 3% of people; the rest is a long tail
            family = rng.choices(_FAMILY, weights)[0]
        else:
            family = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        slug = f"{given}-{family}-{index:x}".lower().replace("'", "")
        network.append(
            person(
                index + 1,
                given,
                family,
                organisation=rng.choice(_ORGS) if rng.random() < 0.85 else "",
                linkedin_url=f"https://www.linkedin.com/in/{slug}" if rng.random() < 0.8 else "",
                emails=(f"{slug}@mail.example",) if rng.random() < 0.4 else (),
                phones=(f"+1 514 {rng.randrange(10**7):07d}",) if rng.random() < 0.2 else (),
            )
        )
    return network


def test_thirty_thousand_people_with_planted_duplicates() -> None:
    network = realistic_network(30_000, seed=2024)
    rng = random.Random(99)
    planted: set[tuple[int, int]] = set()
    next_id = 40_000
    for original in rng.sample(network, 200):
        assert original.id is not None
        next_id += 1
        variant = len(planted) % 4
        if variant == 0:  # the same e-mail in another export, the name in capitals
            email = f"planted.{next_id}@mail.example"
            network[original.id - 1] = replace(original, emails=(email,))
            given, family = original.given_name.upper(), original.family_name.upper()
            copy = person(next_id, given, family, emails=(email.upper(),))
        elif variant == 1:  # given and family names swapped, with the same LinkedIn profile if any
            copy = person(
                next_id, original.family_name, original.given_name, linkedin_url=original.linkedin_url
            )
        elif variant == 2:  # a nickname (or the same name) at the same organisation
            nickname = _NICKNAMES.get(original.given_name, original.given_name)
            copy = person(next_id, nickname, original.family_name, organisation=original.organisation)
        else:  # the same phone number written another way
            network[original.id - 1] = replace(original, phones=(f"+1 514 555 {next_id % 10000:04d}",))
            copy = person(
                next_id,
                original.given_name,
                original.family_name,
                phones=(f"(514) 555-{next_id % 10000:04d}",),
            )
        network.append(copy)
        planted.add((original.id, next_id))
    pairs = find_duplicates(network)
    found = {(pair.first_id, pair.second_id) for pair in pairs}
    assert planted <= found
    assert all(DEFAULT_THRESHOLD <= pair.score <= 1 for pair in pairs)
    assert [pair.score for pair in pairs] == sorted((pair.score for pair in pairs), reverse=True)


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


_NAMES = st.sampled_from(["Ana", "Anna", "Bob", "Robert", "José", "Jose", "Li", "Wei"])
_FAMILIES = st.sampled_from(["Silva", "Sylva", "Chen", "Álvarez", "Alvarez", "Li", ""])
_EMAILS = st.lists(st.sampled_from(["a@x.org", "b@x.org", "c@y.org"]), max_size=2, unique=True)


@given(
    st.lists(st.tuples(_NAMES, _FAMILIES, _EMAILS), min_size=2, max_size=12),
)
def test_the_duplicates_of_one_person_are_the_pairs_the_whole_comparison_finds(
    rows: list[tuple[str, str, list[str]]],
) -> None:
    crowd = [
        person(index + 1, given, family, emails=tuple(emails))
        for index, (given, family, emails) in enumerate(rows)
    ]
    focus = crowd[0]
    expected = [pair for pair in find_duplicates(crowd) if focus.id in (pair.first_id, pair.second_id)]
    assert duplicates_of(focus, crowd[1:]) == expected
