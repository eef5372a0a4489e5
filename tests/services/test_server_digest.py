"""The agency server's weekly digest: sent to each client who asked for it on their weekday, at their
account's address, once, whichever worker gets there first."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.server import Server
from orchardist.services.server_digest import LOCK, send_due, set_weekly_email
from orchardist.services.settings import WEEKDAYS
from orchardist.store.engine import Store
from tests.server_personas import Cast, cast


@pytest.fixture
def the_cast(store: Store, quick_passwords: None) -> Cast:
    return cast(Server(store))


class Outbox:
    def __init__(self, failing: bool = False) -> None:
        self.sent: list[tuple[str, str, str]] = []
        self.failing = failing

    def __call__(self, to: str, subject: str, body: str) -> None:
        if self.failing:
            raise OSError("the mail server is away")
        self.sent.append((to, subject, body))


def test_a_client_gets_it_on_their_day_once(today: date, the_cast: Cast) -> None:
    set_weekly_email(the_cast.server, the_cast.alice.account, WEEKDAYS[today.weekday()])
    set_weekly_email(the_cast.server, the_cast.bob.account, WEEKDAYS[(today.weekday() + 1) % 7])
    outbox = Outbox()
    assert send_due(the_cast.server, outbox, today) == 1
    [(to, subject, body)] = outbox.sent
    assert to == "alice@example.org" and subject.startswith("Orchardist: ")
    assert "Sent by your agency's Orchardist" in body and "on your computer" not in body
    assert send_due(the_cast.server, outbox, today) == 0
    # Bob's day comes tomorrow; Alice's again a week later.
    assert send_due(the_cast.server, outbox, today + timedelta(days=1)) == 1
    assert outbox.sent[-1][0] == "bob@example.org"
    assert send_due(the_cast.server, outbox, today + timedelta(days=7)) == 1
    assert outbox.sent[-1][0] == "alice@example.org"
    # A day the server was down is caught up at the next check.
    assert send_due(the_cast.server, outbox, today + timedelta(days=10)) == 1
    assert outbox.sent[-1][0] == "bob@example.org"


def test_a_failed_send_is_tried_again(today: date, the_cast: Cast) -> None:
    set_weekly_email(the_cast.server, the_cast.alice.account, WEEKDAYS[today.weekday()])
    assert send_due(the_cast.server, Outbox(failing=True), today) == 0
    assert send_due(the_cast.server, Outbox(), today) == 1


def test_stopping_it_stops_it(today: date, the_cast: Cast) -> None:
    set_weekly_email(the_cast.server, the_cast.alice.account, WEEKDAYS[today.weekday()])
    set_weekly_email(the_cast.server, the_cast.alice.account, None)
    assert send_due(the_cast.server, Outbox(), today) == 0


def test_a_weekday_is_checked_and_only_a_client_has_one(the_cast: Cast) -> None:
    with pytest.raises(InputRefused):
        set_weekly_email(the_cast.server, the_cast.alice.account, "someday")
    with pytest.raises(NotFound):
        set_weekly_email(the_cast.server, the_cast.carol.account, "monday")


@pytest.mark.parametrize("store", ["postgres"], indirect=True)
def test_while_one_worker_sends_another_sends_nothing(today: date, the_cast: Cast, store: Store) -> None:
    set_weekly_email(the_cast.server, the_cast.alice.account, WEEKDAYS[today.weekday()])
    other_worker = Server(Store(store.url.render_as_string(hide_password=False)))
    outbox = Outbox()
    with the_cast.server.exclusive(LOCK) as held:
        assert held
        assert send_due(other_worker, outbox, today) == 0
    assert send_due(other_worker, outbox, today) == 1
    other_worker.close()
