"""Quick capture: one call stores a person and an interaction, or nothing at all."""

from __future__ import annotations

from datetime import date

import pytest

from orchardist.domain.interactions import Channel, Direction
from orchardist.domain.people import Person
from orchardist.services.capture import (
    LIMITS,
    CaptureError,
    CaptureWords,
    Encounter,
    Problem,
    capture_encounter,
    looks_like_a_name,
)
from orchardist.services.interactions import interactions_with
from orchardist.services.network import Network
from orchardist.services.people import count_people, get_person
from orchardist.store.interactions import InteractionsRepository


def test_an_encounter_becomes_a_person_and_an_interaction(network: Network) -> None:
    person = capture_encounter(
        network,
        Encounter(
            who="Lucía Fernández",
            where="bus stop on Bank Street",
            said="Her team hires analysts every spring.",
            lead="Send her my CV before March",
            email="lucia@example.net",
            phone="+1 613 555 0199",
            organisation="Bright Path Careers",
        ),
        on=date(2026, 11, 22),
    )
    assert person.id is not None
    stored = get_person(network, person.id)
    assert stored == person
    assert (person.display_name, person.given_name, person.family_name) == (
        "Lucía Fernández",
        "Lucía",
        "Fernández",
    )
    assert person.how_met == "chance encounter"
    assert person.where_met == "bus stop on Bank Street"
    assert person.organisation == "Bright Path Careers"
    assert person.emails == ("lucia@example.net",)
    assert person.phones == ("+1 613 555 0199",)
    assert person.notes == "Her team hires analysts every spring.\n\nLead: Send her my CV before March"
    assert person.sources["display_name"] == ("manual",)
    (interaction,) = interactions_with(network, person.id)
    assert interaction.kind == "chance_encounter"
    assert interaction.direction is Direction.SOCIAL
    assert interaction.channel is Channel.IN_PERSON
    assert interaction.on == date(2026, 11, 22)
    assert interaction.summary == "Her team hires analysts every spring."
    assert interaction.notes == "Lead: Send her my CV before March"


def test_a_description_is_kept_whole_as_the_name(network: Network) -> None:
    person = capture_encounter(
        network, Encounter(who="  woman at the bus stop,\n works at the library ", where="Bank St")
    )
    assert person.display_name == "woman at the bus stop, works at the library"
    assert (person.given_name, person.family_name) == ("", "")
    assert person.id is not None
    (interaction,) = interactions_with(network, person.id)
    assert interaction.summary == "Met by chance at Bank St"
    assert person.notes == ""


def test_the_wording_comes_from_the_caller(network: Network) -> None:
    wording = CaptureWords(
        lead="Piste", summary="Rencontre fortuite", summary_at="Rencontre fortuite à %(where)s"
    )
    person = capture_encounter(network, Encounter(who="Sam", lead="un poste"), wording=wording)
    assert person.id is not None
    (interaction,) = interactions_with(network, person.id)
    assert interaction.summary == "Rencontre fortuite"
    assert person.notes == "Piste: un poste"


def test_a_long_conversation_is_summarised_in_one_line(network: Network) -> None:
    said = "We talked about " + "the library's new digital skills programme " * 10
    person = capture_encounter(network, Encounter(who="Sam", said=said))
    assert person.id is not None
    (interaction,) = interactions_with(network, person.id)
    assert len(interaction.summary) <= 160
    assert interaction.summary.endswith("…")
    assert person.notes == said.strip()


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("Lucía Fernández", True),
        ("Ludwig van Beethoven", True),
        ("Marc-André O'Neil", True),
        ("Sam", True),
        ("woman at the bus stop", False),
        ("Sam, the librarian", False),
        ("Guy in a Blue Jacket at Stop 42", False),
        ("van Beethoven", False),
    ],
)
def test_names_are_told_from_descriptions(who: str, expected: bool) -> None:
    assert looks_like_a_name(who) is expected


@pytest.mark.parametrize(
    ("encounter", "problems"),
    [
        (Encounter(who="   "), {"who": Problem.MISSING}),
        (Encounter(who="Sam", email="not an address"), {"email": Problem.INVALID}),
        (Encounter(who="Sam", phone="call me maybe"), {"phone": Problem.INVALID}),
        (Encounter(who="Sam", phone="12"), {"phone": Problem.INVALID}),
        (
            Encounter(who="", said="x" * (LIMITS["said"] + 1)),
            {"who": Problem.MISSING, "said": Problem.TOO_LONG},
        ),
    ],
)
def test_refused_input_stores_nothing(
    network: Network, encounter: Encounter, problems: dict[str, Problem]
) -> None:
    with pytest.raises(CaptureError) as refused:
        capture_encounter(network, encounter)
    assert refused.value.problems == problems
    assert count_people(network) == 0


def test_a_phone_with_an_extension_is_accepted(network: Network) -> None:
    person = capture_encounter(network, Encounter(who="Sam", phone="(613) 555-0142 ext. 12"))
    assert person.phones == ("(613) 555-0142 ext. 12",)


def test_a_failure_while_logging_the_interaction_leaves_nothing(
    network: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_add(self: InteractionsRepository, interaction: object) -> object:
        raise RuntimeError("disk full")

    monkeypatch.setattr(InteractionsRepository, "add", broken_add)
    with pytest.raises(RuntimeError, match="disk full"):
        capture_encounter(network, Encounter(who="Lucía Fernández", where="bus stop"))
    assert count_people(network) == 0
    monkeypatch.undo()
    with network.reading() as unit:
        assert unit.interactions.count() == 0


def test_a_capture_stays_in_its_own_network(network: Network, other_network: Network) -> None:
    person = capture_encounter(network, Encounter(who="Sam"))
    assert person.id is not None
    assert count_people(other_network) == 0
    assert get_person(other_network, person.id) is None
    assert isinstance(get_person(network, person.id), Person)
