"""Who should meet: the reasons, their order, and what is never paired (pure rules, no store)."""

from __future__ import annotations

import time

from orchardist.domain.introductions import IntroState, can_move
from orchardist.domain.pairing import (
    MOST_SHARING,
    Organisations,
    Profile,
    field_key,
    is_searching,
    suggest_pairs,
    wanted_organisations,
)


def _p(person_id: int, name: str, **fields: object) -> Profile:
    return Profile(person_id=person_id, name=name, **fields)  # type: ignore[arg-type]


def test_a_need_meets_an_offer_by_word_stems() -> None:
    priya = _p(1, "Priya", needs=("cloud certifications",))
    omar = _p(2, "Omar", offers=("coaching for a cloud certification exam",))
    other = _p(3, "Sam", offers=("résumé review",))
    [pair] = suggest_pairs([priya, omar, other])
    assert (pair.a_name, pair.b_name, pair.score) == ("Priya", "Omar", 3.0)
    assert pair.why() == (
        "Priya could use help with cloud certifications; Omar offers exactly that "
        "(coaching for a cloud certification exam)"
    )


def test_searching_and_where_they_want_to_be() -> None:
    amira = _p(1, "Amira", tags=("Open to work",), notes="Would love a job at Maple Health Inc.")
    grace = _p(2, "Grace", organisation="Maple Health")
    organisations = Organisations.of(["Maple Health", "Health", "Cedar Labs"])
    assert is_searching(amira) and not is_searching(grace)
    # "Health" within "Maple Health" is not another organisation.
    assert wanted_organisations(amira, organisations) == ["Maple Health"]
    [pair] = suggest_pairs([amira], workers={"Maple Health": [grace]}, organisations=organisations)
    assert pair.why() == "Amira is looking for work and would like to be at Maple Health, where Grace works"


def test_the_same_field_counts_with_another_reason_or_a_search() -> None:
    assert field_key("Senior Software Engineer") == field_key("software engineer") == "software engineer"
    one = _p(1, "Ana", title="Data Analyst", interests=("chess",))
    two = _p(2, "Bo", title="Senior Data Analyst", interests=("chess",))
    three = _p(3, "Cy", title="Data Analyst")
    [pair] = suggest_pairs([one, two, three])
    assert pair.why() == "both work in the same field (Data Analyst); both are interested in chess"
    seeker = _p(4, "Di", title="Data Analyst", tags=("job seeker",))
    found = {(pair.a_name, pair.b_name) for pair in suggest_pairs([one, two, three, seeker])}
    assert {("Di", "Ana"), ("Di", "Bo"), ("Di", "Cy")} <= found


def test_never_paired() -> None:
    a = _p(1, "Ana", interests=("chess",), organisation="Contoso Ltd")
    b = _p(2, "Bo", interests=("chess",), organisation="CONTOSO LIMITED")  # the same organisation
    c = _p(3, "Cy", interests=("chess",), met_through_id=4)
    d = _p(4, "Di", interests=("chess",))
    assert suggest_pairs([a, b]) == []
    assert suggest_pairs([c, d]) == []  # one introduced the other
    e = _p(5, "Ed", interests=("chess",))
    assert suggest_pairs([d, e], known=[(4, 5)]) == []
    assert suggest_pairs([d, e], excluded=[5]) == []
    assert len(suggest_pairs([d, e])) == 1


def test_a_common_interest_pairs_nobody_so_nothing_grows_with_the_square() -> None:
    many = [_p(number, f"P{number}", interests=("hiking",)) for number in range(1, MOST_SHARING + 2)]
    assert suggest_pairs(many) == []
    crowd = [
        _p(
            number,
            f"P{number}",
            interests=(f"topic {number % 50}",),
            needs=(f"topic {number % 40}",),
            offers=(f"topic {number % 30}",),
            title="Engineer",
        )
        for number in range(1, 5_001)
    ]
    # Every need meets every offer here: each need weighs a bounded number of offers all the same.
    started = time.perf_counter()
    found = suggest_pairs(crowd, limit=20)
    assert len(found) == 20 and time.perf_counter() - started < 5  # seconds, on a busy machine


def test_steps_go_forward_and_closed_stays_closed() -> None:
    assert can_move(IntroState.STARTED, IntroState.INTRODUCED)
    assert not can_move(IntroState.ASKED_B, IntroState.ASKED_A)
    assert can_move(IntroState.ASKED_B, IntroState.DECLINED)
    assert not can_move(IntroState.DONE, IntroState.DECLINED)
    assert not can_move(IntroState.DECLINED, IntroState.DONE)
