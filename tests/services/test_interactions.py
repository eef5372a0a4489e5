"""Reading interactions across the network, newest first, a page at a time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.interactions import Channel, Direction
from orchardist.domain.people import Person
from orchardist.services.interactions import (
    InteractionError,
    count_interactions,
    log_interaction,
    recent_interactions,
)
from orchardist.services.network import Network
from orchardist.services.people import add_person


def _person(network: Network, name: str) -> int:
    person = add_person(network, Person(display_name=name))
    assert person.id is not None
    return person.id


def test_recent_interactions_are_newest_first_with_everyone_in_them(network: Network) -> None:
    ana, bo = _person(network, "Ana Silva"), _person(network, "Bo Chen")
    old = log_interaction(
        network, [ana], direction=Direction.GAVE, kind="coffee", summary="Old", on=date(2024, 1, 5)
    )
    both = log_interaction(
        network,
        [bo, ana],
        direction=Direction.MUTUAL,
        kind="event",
        summary="Meetup",
        on=date(2024, 3, 1),
        channel=Channel.EVENT,
        notes="Both came",
    )
    same_day = log_interaction(
        network, [bo], direction=Direction.ASKED, kind="call", summary="Later", on=date(2024, 3, 1)
    )
    found = recent_interactions(network).interactions
    assert [item.id for item in found] == [same_day.id, both.id, old.id]
    assert (found[1].summary, found[1].channel, found[1].notes) == ("Meetup", Channel.EVENT, "Both came")
    assert sorted(found[1].person_ids) == sorted([ana, bo])
    assert count_interactions(network) == 3
    assert [item.id for item in recent_interactions(network, limit=1, offset=1).interactions] == [both.id]
    assert recent_interactions(network, limit=5, offset=3).interactions == []


def test_recent_interactions_stay_in_their_network(network: Network, other_network: Network) -> None:
    mine = _person(network, "Ana Silva")
    theirs = _person(other_network, "Dan Park")
    log_interaction(network, [mine], direction=Direction.GAVE, kind="coffee", summary="Mine")
    log_interaction(other_network, [theirs], direction=Direction.GAVE, kind="coffee", summary="Theirs")
    assert [item.summary for item in recent_interactions(network).interactions] == ["Mine"]
    assert count_interactions(network) == count_interactions(other_network) == 1


def test_a_contact_dated_after_today_is_refused_and_nothing_is_logged(network: Network) -> None:
    ana = _person(network, "Ana Silva")
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(InteractionError) as refused:
        log_interaction(network, [ana], direction=Direction.GAVE, kind="coffee", summary="Soon", on=tomorrow)
    assert refused.value.field == "date" and refused.value.message.code == "interaction.after_today"
    assert str(refused.value.message).startswith(f"{tomorrow.isoformat()} is after today")
    assert count_interactions(network) == 0
    today = log_interaction(
        network, [ana], direction=Direction.GAVE, kind="coffee", summary="Now", on=date.today()
    )
    assert today.on == date.today()


def test_an_interaction_is_held_to_the_shared_limits(network: Network) -> None:
    ana = _person(network, "Ana Silva")
    for changes, field in (({"kind": "k" * 51}, "kind"), ({"summary": "Coffee \ud800"}, "summary")):
        values = {"direction": Direction.GAVE, "kind": "coffee", "summary": "Coffee", **changes}
        with pytest.raises(InteractionError) as refused:
            log_interaction(network, [ana], **values)  # type: ignore[arg-type]
        assert refused.value.field == field
    assert count_interactions(network) == 0


@pytest.mark.parametrize(
    ("typed", "recorded"),
    [
        ("Thanks", "thank_you"),
        ("thank-you note", "thank_you"),
        ("Merci", "thank_you"),
        ("Note de remerciement", "thank_you"),
        ("Follow-up e-mail", "follow_up"),
        ("relance", "follow_up"),
        ("Café", "coffee"),
        ("Entrevue d’information", "informational_interview"),
        ("Board game night", "board_game_night"),
    ],
)
def test_a_kind_is_recorded_by_what_the_words_mean(network: Network, typed: str, recorded: str) -> None:
    ana = add_person(network, Person(display_name="Ana Silva")).id or 0
    logged = log_interaction(network, [ana], direction=Direction.SOCIAL, kind=typed, summary="x")
    assert logged.kind == recorded


def test_thanks_and_a_follow_up_in_other_words_close_what_is_owed(network: Network) -> None:
    from orchardist.services.tending import today

    ana = add_person(network, Person(display_name="Ana Silva")).id or 0
    met = date.today() - timedelta(days=20)
    log_interaction(network, [ana], direction=Direction.ASKED, kind="coffee", summary="Advice", on=met)
    assert [entry.item.reason.value for entry in today(network)] == ["thank_you_owed"]
    log_interaction(network, [ana], direction=Direction.GAVE, kind="Merci", summary="Merci !", on=met)
    assert [entry.item.reason.value for entry in today(network)] == ["follow_up_due"]
    log_interaction(network, [ana], direction=Direction.GAVE, kind="follow-up e-mail", summary="Update")
    assert [entry.item.reason.value for entry in today(network)] == []
