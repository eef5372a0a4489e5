"""Settings: stored per network, checked together, refused whole when one is wrong."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services.errors import InputRefused
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.settings import current, parse, shown, tending_settings, update
from orchardist.services.tending import today

ON = date(2026, 12, 3)


def test_defaults_until_changed_and_per_network(network: Network, other_network: Network) -> None:
    assert tending_settings(network).inner_days == 30
    update(network, {"inner_days": 14, "holidays": ["christmas"], "weekly_goal": 3})
    chosen = tending_settings(network)
    assert (chosen.inner_days, chosen.holidays, chosen.weekly_goal) == (14, ("christmas",), 3)
    assert tending_settings(other_network).inner_days == 30
    update(network, {"inner_days": 30})
    assert current(network)["inner_days"] == 30


def test_a_wrong_value_refuses_every_change(network: Network) -> None:
    update(network, {"active_days": 60})
    for changes, words in [
        ({"active_days": 45, "inner_days": 0}, "inner_days"),
        ({"holidays": ["christmas", "festivus"]}, "festivus"),
        ({"smtp_security": "tls"}, "smtp_security"),
        ({"digest_to": "not an address"}, "digest_to"),
        ({"digest_enabled": True}, "digest_to"),
        ({"colour": "green"}, "colour"),
        ({"inner_days": "30"}, "inner_days"),
    ]:
        with pytest.raises(InputRefused, match=words):
            update(network, changes)
    assert current(network)["active_days"] == 60
    assert current(network)["holidays"] == []


def test_text_values_parse_by_type() -> None:
    assert parse("inner_days", " 21 ") == 21
    assert parse("reminder_names", "on") is True
    assert parse("holidays", "christmas, new_year,") == ["christmas", "new_year"]
    with pytest.raises(InputRefused, match="inner_days: must be a whole number"):
        parse("inner_days", "monthly")
    with pytest.raises(InputRefused, match="reminder_names"):
        parse("reminder_names", "maybe")


def test_the_password_is_masked(network: Network) -> None:
    update(network, {"smtp_password": "hunter2"})
    assert shown(current(network))["smtp_password"] == "********"
    assert shown(current(network))["smtp_host"] == ""


def test_today_follows_the_stored_rhythm(network: Network) -> None:
    friend = add_person(network, Person(display_name="Ana Silva", tier=Tier.ACTIVE))
    log_interaction(
        network,
        [friend.id or 0],
        direction=Direction.SOCIAL,
        kind="message",
        summary="x",
        on=ON - timedelta(days=50),
    )
    assert today(network, ON) == []
    update(network, {"active_days": 45})
    assert [entry.item.reason.value for entry in today(network, ON)] == ["overdue"]
