"""The weekly digest: a neutral subject, names only when turned on, due once a week, sent to a local sink."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person, Tier
from orchardist.services.digest import DigestError, compose, is_due, message, send, send_if_due
from orchardist.services.errors import InputRefused
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.settings import current, update
from tests.conftest import SmtpSink

THURSDAY = date(2026, 12, 3)


def _network(network: Network) -> None:
    ana = add_person(
        network, Person(display_name="Ana Silva", organisation="Northwind Bank", tier=Tier.INNER)
    )
    ben = add_person(network, Person(display_name="Ben Roy", tier=Tier.INNER))
    log_interaction(
        network, [ana.id or 0], direction=Direction.ASKED, kind="coffee", summary="CV", on=THURSDAY
    )
    log_interaction(
        network,
        [ben.id or 0],
        direction=Direction.SOCIAL,
        kind="message",
        summary="x",
        on=THURSDAY - timedelta(days=40),
    )


def _configure(network: Network, port: int, **more: object) -> None:
    update(
        network,
        {
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_security": "none",
            "digest_to": "me@example.org",
            "digest_from": "orchardist@example.org",
            "digest_enabled": True,
            **more,
        },
    )


def test_the_subject_is_neutral_and_the_body_names_nobody_by_default(network: Network) -> None:
    _network(network)
    digest = compose(network, THURSDAY)
    assert digest.subject == "Orchardist: 2 people to tend"
    assert (digest.to_tend, digest.tended_this_week) == (2, 1)
    for secret in ("Ana", "Silva", "Northwind", "Ben"):
        assert secret not in digest.body and secret not in digest.subject
    assert "Thank-you owed: 1" in digest.body and "Time to reach out: 1" in digest.body
    assert "you were in touch with 1 person; your weekly goal is 5." in digest.body
    update(network, {"reminder_names": True})
    named = compose(network, THURSDAY)
    assert "Ana Silva" in named.body and named.subject == digest.subject


def test_sent_to_the_sink_and_recorded(network: Network, smtp_sink: tuple[SmtpSink, int]) -> None:
    sink, port = smtp_sink
    _network(network)
    _configure(network, port)
    mail = send(network, THURSDAY)
    assert len(sink.messages) == 1
    received = sink.messages[0]
    assert received["Subject"] == "Orchardist: 2 people to tend" == mail["Subject"]
    assert received["To"] == "me@example.org" and received["From"] == "orchardist@example.org"
    assert "Open Orchardist to see who." in received.get_content()
    assert current(network)["digest_last_sent"] == THURSDAY.isoformat()


def test_due_once_a_week_on_the_weekday_or_the_first_day_after(
    network: Network, smtp_sink: tuple[SmtpSink, int]
) -> None:
    sink, port = smtp_sink
    assert not is_due(network, THURSDAY)  # turned off
    _configure(network, port, digest_weekday="tuesday")
    assert is_due(network, THURSDAY)  # never sent: Tuesday's was missed
    assert send_if_due(network, THURSDAY) is not None
    for day in (THURSDAY, THURSDAY + timedelta(days=1), THURSDAY + timedelta(days=4)):
        assert not is_due(network, day)
        assert send_if_due(network, day) is None
    assert is_due(network, date(2026, 12, 8))  # the next Tuesday
    assert is_due(network, date(2026, 12, 10))  # or later in that week when missed
    assert len(sink.messages) == 1


def test_a_server_that_cannot_be_reached_is_reported_and_nothing_recorded(network: Network) -> None:
    _configure(network, 9)  # the discard port: nothing listens there
    with pytest.raises(DigestError, match="127.0.0.1:9"):
        send(network, THURSDAY)
    assert "digest_last_sent" not in current(network)


def test_missing_addresses_are_refused(network: Network) -> None:
    with pytest.raises(InputRefused, match="digest_to"):
        message(network, THURSDAY)
    with pytest.raises(InputRefused, match="smtp_host"):
        send(network, THURSDAY)
