"""Accounts on the agency server: set-up links, passwords, the second factor, sessions, throttling and
resets, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest
import time_machine

from orchardist.domain.accounts import Role
from orchardist.services import accounts
from orchardist.services.accounts import Throttled
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.server import Server
from orchardist.store.engine import Store

GOOD = "correct horse battery staple"


@pytest.fixture
def server(store: Store) -> Server:
    return Server(store)


def _counsellor(server: Server) -> tuple[accounts.Account, str]:
    """Carol, a counsellor set up with her second factor; returns her account and TOTP secret."""
    accounts.create_agency(server, "North Shore Employment", "admin@north.example")
    invitation = accounts.add_counsellor(server, "North Shore Employment", "carol@north.example", "Carol")
    secret = accounts.new_totp_secret()
    done = accounts.complete_setup(
        server, invitation.token, password=GOOD, totp_secret=secret, code=pyotp.TOTP(secret).now()
    )
    return done.account, secret


def test_a_client_invited_sets_up_a_network_and_shares_what_they_chose(server: Server) -> None:
    carol, _ = _counsellor(server)
    invitation = accounts.invite_client(server, carol, "Alice@Example.org", "Alice")
    assert invitation.account.email == "alice@example.org"
    view = accounts.link_view(server, invitation.token)
    assert view.invited_by == "Carol" and not view.needs_second_factor
    done = accounts.complete_setup(server, invitation.token, password=GOOD, groups=["progress", "people"])
    assert done.account.space_id is not None and done.account.role is Role.CLIENT
    assert server.network_of(done.account) is not None
    with server.reading() as unit:
        assert unit.consent.grant_of(done.account.id, carol.id).groups == {"progress", "people"}
    # The link is good once.
    with pytest.raises(NotFound):
        accounts.link_view(server, invitation.token)


def test_links_expire_after_seven_days(server: Server) -> None:
    carol, _ = _counsellor(server)
    invitation = accounts.invite_client(server, carol, "alice@example.org")
    with time_machine.travel(invitation.expires + timedelta(seconds=1)), pytest.raises(NotFound):
        accounts.complete_setup(server, invitation.token, password=GOOD)


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short one", "password.too_short"),
        ("password1234", "password.common"),
        ("x" * 1025, "password.too_long"),
    ],
)
def test_weak_passwords_are_refused_and_nothing_is_set_up(server: Server, password: str, code: str) -> None:
    carol, _ = _counsellor(server)
    invitation = accounts.invite_client(server, carol, "alice@example.org")
    with pytest.raises(InputRefused) as refused:
        accounts.complete_setup(server, invitation.token, password=password)
    assert refused.value.code == code
    assert accounts.link_view(server, invitation.token).account.space_id is None


def test_a_counsellor_needs_a_code_that_proves_the_authenticator(server: Server) -> None:
    accounts.create_agency(server, "North", "admin@north.example")
    invitation = accounts.add_counsellor(server, "North", "carol@north.example")
    with pytest.raises(InputRefused) as refused:
        accounts.complete_setup(
            server, invitation.token, password=GOOD, totp_secret=accounts.new_totp_secret(), code="000000"
        )
    assert refused.value.code == "second_factor.wrong"


def test_sign_in_then_code_then_a_new_session(server: Server) -> None:
    carol, secret = _counsellor(server)
    half = accounts.sign_in(server, "CAROL@north.example", GOOD, "10.0.0.1")
    assert not half.complete
    session = accounts.session_of(server, half.session)
    assert session is not None and not session.complete
    with time_machine.travel(accounts.now() + timedelta(seconds=31)):
        full = accounts.give_code(server, half.session, pyotp.TOTP(secret).now(), "10.0.0.1")
    assert full.complete and full.session != half.session
    assert accounts.session_of(server, half.session) is None
    accounts.sign_out(server, full.session)
    assert accounts.session_of(server, full.session) is None


def test_a_code_is_good_once_and_recovery_codes_work_once(server: Server) -> None:
    accounts.create_agency(server, "North", "admin@north.example")
    invitation = accounts.add_counsellor(server, "North", "carol@north.example")
    secret = accounts.new_totp_secret()
    code = pyotp.TOTP(secret).now()
    done = accounts.complete_setup(server, invitation.token, password=GOOD, totp_secret=secret, code=code)
    half = accounts.sign_in(server, "carol@north.example", GOOD, "10.0.0.1")
    with pytest.raises(InputRefused):
        accounts.give_code(server, half.session, code, "10.0.0.1")  # used at set-up
    recovery = done.recovery_codes[0]
    assert accounts.give_code(server, half.session, recovery, "10.0.0.1").complete
    again = accounts.sign_in(server, "carol@north.example", GOOD, "10.0.0.1")
    with pytest.raises(InputRefused):
        accounts.give_code(server, again.session, recovery, "10.0.0.1")


def test_wrong_passwords_are_throttled_per_account_and_say_nothing_of_the_address(server: Server) -> None:
    _counsellor(server)
    with pytest.raises(InputRefused) as unknown:
        accounts.sign_in(server, "nobody@north.example", GOOD, "10.0.0.9")
    with pytest.raises(InputRefused) as wrong:
        accounts.sign_in(server, "carol@north.example", "not the password", "10.0.0.9")
    assert unknown.value.code == wrong.value.code == "sign_in.wrong"
    for n in range(9):
        with pytest.raises(InputRefused):
            accounts.sign_in(server, "carol@north.example", f"wrong {n}", f"10.0.1.{n}")
    with pytest.raises(Throttled) as throttled:
        accounts.sign_in(server, "carol@north.example", GOOD, "10.0.2.1")
    assert 0 < throttled.value.retry_after <= 15 * 60 + 1
    with time_machine.travel(accounts.now() + timedelta(minutes=16)):
        assert (
            accounts.sign_in(server, "carol@north.example", GOOD, "10.0.2.1").account.email
            == "carol@north.example"
        )


def test_sessions_end_after_30_idle_minutes_and_12_hours(server: Server) -> None:
    carol, _ = _counsellor(server)
    invitation = accounts.invite_client(server, carol, "alice@example.org")
    done = accounts.complete_setup(server, invitation.token, password=GOOD)
    start = accounts.now()
    with time_machine.travel(start + timedelta(minutes=29)):
        assert accounts.session_of(server, done.session) is not None
    with time_machine.travel(start + timedelta(minutes=58)):
        assert accounts.session_of(server, done.session) is not None  # seen at minute 29
    with time_machine.travel(start + timedelta(minutes=89)):
        assert accounts.session_of(server, done.session) is None
    fresh = accounts.sign_in(server, "alice@example.org", GOOD, "10.0.0.1")
    later = start
    for minutes in range(25, 12 * 60, 25):
        later = start + timedelta(minutes=minutes)
        with time_machine.travel(later):
            accounts.session_of(server, fresh.session)
    with time_machine.travel(start + timedelta(hours=12, minutes=1)):
        assert accounts.session_of(server, fresh.session) is None


def test_a_reset_link_sets_a_new_password_and_ends_every_session(server: Server) -> None:
    carol, _ = _counsellor(server)
    invitation = accounts.invite_client(server, carol, "alice@example.org")
    done = accounts.complete_setup(server, invitation.token, password=GOOD)
    sent: list[tuple[str, str]] = []
    accounts.request_reset(server, "nobody@example.org", lambda to, token: sent.append((to, token)))
    assert sent == []
    accounts.request_reset(server, "ALICE@example.org", lambda to, token: sent.append((to, token)))
    assert [to for to, _ in sent] == ["alice@example.org"]
    accounts.complete_reset(server, sent[0][1], "a whole new passphrase")
    assert accounts.session_of(server, done.session) is None
    assert accounts.sign_in(server, "alice@example.org", "a whole new passphrase", "10.0.0.1").complete
    with pytest.raises(NotFound):
        accounts.complete_reset(server, sent[0][1], "yet another passphrase")


def test_an_address_is_one_account_and_an_agency_one_name(server: Server) -> None:
    _counsellor(server)
    with pytest.raises(InputRefused) as taken:
        accounts.add_counsellor(server, "North Shore Employment", "Carol@north.example")
    assert taken.value.code == "account.exists"
    with pytest.raises(InputRefused):
        accounts.create_agency(server, "north shore employment", "other@north.example")
    with pytest.raises(NotFound):
        accounts.add_counsellor(server, "Nowhere", "dave@north.example")
    listing = accounts.agencies_overview(server)
    assert [(a.email, a.role.value) for a, _ in listing[0].accounts] == [
        ("admin@north.example", "admin"),
        ("carol@north.example", "counsellor"),
    ]
