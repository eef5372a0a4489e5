"""Finding probable duplicates: the pairs, their scores and the reasons in plain words."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from orchardist.domain.duplicates import (
    DEFAULT_THRESHOLD,
    DuplicatePair,
    find_duplicates,
)
from orchardist.domain.matching import linkedin_key
from orchardist.domain.people import Person


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


@pytest.mark.slow
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


@pytest.mark.parametrize("url", ["]x[", "http://[::1", "https://[not-an-address]/in/ana", "\x00["])
def test_a_web_address_that_is_not_a_url_is_no_linkedin_profile(url: str) -> None:
    # urlsplit raises on an unclosed "[" (an IPv6 address): such text is kept as written, never a crash.
    assert linkedin_key(url) == ""
