"""Introductions the user brokers: suggestions on a hand-made network, the double opt-in, the ledger."""

from __future__ import annotations

from datetime import date

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.introductions import IntroState
from orchardist.domain.people import Person
from orchardist.services.discretion import set_about_me
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import interactions_with
from orchardist.services.introductions import (
    introduction_to_dict,
    list_introductions,
    move_introduction,
    pair_to_dict,
    record_received,
    start_introduction,
    suggest_introductions,
)
from orchardist.services.network import Network
from orchardist.services.people import person_overview


def _network(network: Network) -> dict[str, int]:
    people = [
        Person(
            "Priya Raman",
            given_name="Priya",
            title="Systems Administrator",
            organisation="Harbour Bank",
            could_use_help_with=("cloud certifications",),
            emails=("priya@example.org",),
        ),
        Person(
            "Omar Haddad",
            given_name="Omar",
            title="Site Reliability Engineer",
            organisation="Cedar Software",
            can_help_with=("coaching for cloud certification exams",),
            emails=("omar@example.org",),
        ),
        Person(
            "Amira Said",
            given_name="Amira",
            title="Data Analyst",
            organisation="Prairie Foods",
            tags=("job seeker",),
            notes="Would love to work at Maple Health one day",
        ),
        Person(
            "Grace Tremblay", given_name="Grace", title="Senior Data Analyst", organisation="Maple Health"
        ),
        Person(
            "Lukas Becker",
            title="Project Manager",
            organisation="Summit Logistics",
            interests=("road cycling",),
        ),
        Person(
            "Tom Wilson", title="Product Manager", organisation="Orchard Media", interests=("road cycling",)
        ),
        Person(
            "Dana Contoso",
            title="Engineer",
            organisation="Contoso Ltd",
            can_help_with=("cloud certification study groups",),
        ),
        Person("Nobody Special", title="Accountant", organisation="Granite Bank"),
    ]
    with network.writing() as unit:
        ids = unit.people.add_many(people)
    return {person.display_name.split()[0]: person_id for person, person_id in zip(people, ids, strict=True)}


def _pairs(network: Network) -> list[tuple[str, str, str]]:
    return [(pair.a_name, pair.b_name, pair.why()) for pair in suggest_introductions(network)]


def test_the_best_pairs_come_first_with_their_reasons_in_words(network: Network) -> None:
    _network(network)
    found = _pairs(network)
    # A searcher and someone where they want to be, in their field, first; then a need met by an offer.
    assert found[0][:2] == ("Amira Said", "Grace Tremblay")
    assert found[1][:2] in {("Priya Raman", "Omar Haddad"), ("Priya Raman", "Dana Contoso")}
    assert (
        "Priya Raman could use help with cloud certifications; Omar Haddad offers exactly that "
        "(coaching for cloud certification exams)"
    ) in [why for _, _, why in found]
    wanted = next(item for item in found if item[:2] == ("Amira Said", "Grace Tremblay"))
    assert (
        "Amira Said is looking for work and would like to be at Maple Health, where Grace Tremblay works"
        in (wanted[2])
    )
    assert "both work in the same field (Data Analyst)" in wanted[2]
    cycling = next(item for item in found if {item[0], item[1]} == {"Lukas Becker", "Tom Wilson"})
    assert cycling[2] == "both are interested in road cycling"
    assert not any("Nobody Special" in (a, b) for a, b, _ in found)
    scores = [pair.score for pair in suggest_introductions(network)]
    assert scores == sorted(scores, reverse=True)


def test_the_json_has_the_contract_keys(network: Network) -> None:
    _network(network)
    first = pair_to_dict(suggest_introductions(network, limit=1)[0])
    assert set(first) >= {"a", "b", "why", "score"} and set(first["a"]) == {"id", "name"}


def test_a_coworker_is_never_paired_while_the_search_is_discreet(network: Network) -> None:
    _network(network)
    assert any("Dana Contoso" in (a, b) for a, b, _ in _pairs(network))
    set_about_me(network, {"employer": "Contoso", "search_mode": "discreet"})
    assert not any("Dana Contoso" in (a, b) for a, b, _ in _pairs(network))
    set_about_me(network, {"search_mode": "open"})
    assert any("Dana Contoso" in (a, b) for a, b, _ in _pairs(network))


def test_the_double_opt_in_drafts_each_step_and_logs_each_give(network: Network) -> None:
    ids = _network(network)
    started = start_introduction(network, ids["Priya"], ids["Omar"], on=date(2026, 12, 1))
    intro = started.introduction
    assert intro.state is IntroState.STARTED and "offers exactly that" in intro.why
    assert started.draft is not None and started.draft.step.state is IntroState.ASKED_A
    [to_priya] = started.draft.letters
    assert to_priya.person_id == ids["Priya"] and "Omar Haddad" in to_priya.body
    # Suggested no more once started.
    assert not any(
        {pair.a_id, pair.b_id} == {ids["Priya"], ids["Omar"]} for pair in suggest_introductions(network)
    )

    asked = move_introduction(network, intro.id or 0, "asked_a", log=True)
    [logged] = asked.logged
    assert logged.direction is Direction.GAVE and logged.kind == "introduction"
    assert logged.person_ids == (ids["Priya"],)
    assert asked.draft is not None and asked.draft.letters[0].person_id == ids["Omar"]
    move_introduction(network, intro.id or 0, "asked_b", log=True)
    introduced = move_introduction(network, intro.id or 0, "introduced", log=True)
    assert set(introduced.logged[0].person_ids) == {ids["Priya"], ids["Omar"]}
    assert introduced.draft is not None and introduced.draft.step.template == "introduction-follow-up"
    done = move_introduction(network, intro.id or 0, "done", outcome="They met twice; Priya passed the exam")
    assert done.introduction.outcome == "They met twice; Priya passed the exam" and done.draft is None
    assert [moved.state for moved in done.introduction.history] == [
        IntroState.STARTED,
        IntroState.ASKED_A,
        IntroState.ASKED_B,
        IntroState.INTRODUCED,
        IntroState.DONE,
    ]
    assert len(interactions_with(network, ids["Priya"])) == 2  # asked, then introduced
    assert introduction_to_dict(list_introductions(network)[0])["state"] == "done"


def test_moves_go_forward_only_and_closed_ones_stay_closed(network: Network) -> None:
    ids = _network(network)
    intro = start_introduction(network, ids["Lukas"], ids["Tom"]).introduction
    assert intro.id is not None
    move_introduction(network, intro.id, "asked_b")
    with pytest.raises(InputRefused) as refused:
        move_introduction(network, intro.id, "asked_a")
    assert refused.value.code == "introduction.move"
    move_introduction(network, intro.id, "declined", outcome="Tom is too busy this month")
    with pytest.raises(InputRefused):
        move_introduction(network, intro.id, "done")
    with pytest.raises(InputRefused) as unknown:
        move_introduction(network, intro.id, "sideways")
    assert unknown.value.field == "state"
    # Declined, so the two may be introduced again later.
    assert start_introduction(network, ids["Tom"], ids["Lukas"]).introduction.id != intro.id


def test_refusals(network: Network, other_network: Network) -> None:
    ids = _network(network)
    with pytest.raises(InputRefused):
        start_introduction(network, ids["Priya"], ids["Priya"])
    start_introduction(network, ids["Priya"], ids["Omar"])
    with pytest.raises(InputRefused) as twice:
        start_introduction(network, ids["Omar"], ids["Priya"])
    assert twice.value.code == "introduction.open"
    with pytest.raises(NotFound):
        start_introduction(other_network, ids["Priya"], ids["Omar"])
    with pytest.raises(NotFound):
        move_introduction(other_network, 1, "asked_a")
    assert list_introductions(other_network) == []


def test_a_discreet_search_warns_before_introducing_a_coworker(network: Network) -> None:
    ids = _network(network)
    set_about_me(network, {"employer": "Contoso", "search_mode": "discreet"})
    started = start_introduction(network, ids["Priya"], ids["Dana"])
    assert [warning.code for warning in started.warnings] == ["discretion.introduce_coworker"]


def test_an_introduction_received_shows_on_the_persons_page(network: Network) -> None:
    ids = _network(network)
    record_received(network, ids["Grace"], ids["Amira"])
    overview = person_overview(network, ids["Amira"])
    assert overview.introducer is not None and overview.introducer.id == ids["Grace"]
    with pytest.raises(InputRefused):
        record_received(network, ids["Amira"], ids["Amira"])
