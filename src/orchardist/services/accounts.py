"""Accounts on the agency server: agencies and their counsellors, invitations, setting up, signing in
with a password and a one-time code, sessions, and resetting a password (OWASP ASVS numbers in brackets).

Every secret is random from ``secrets`` and kept only as a hash: passwords as argon2id, the tokens of
links and sessions as SHA-256 (they are long and random, so a fast hash is enough). Each use case is one
transaction on the server (``Server.writing()``).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from orchardist.domain.accounts import (
    FAILURE_WINDOW,
    FAILURES_ALLOWED,
    GROUP_CODES,
    LINK_LASTS,
    RECOVERY_CODES,
    SHARING_GROUPS,
    Account,
    Role,
    Session,
    normal_email,
    now,
    password_problem,
)
from orchardist.domain.messages import Refused
from orchardist.services import account_refusals as refused
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.server import Server
from orchardist.store.server_unit import ServerUnit

if TYPE_CHECKING:
    from argon2 import PasswordHasher

NAME_LONGEST = 200
TOTP_ISSUER = "Orchardist"


class Throttled(Refused):
    """Too many wrong sign-ins for this account or from this address: ``retry_after`` seconds to wait."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(refused.TOO_MANY_TRIES(minutes=max(1, -(-retry_after // 60))))
        self.retry_after = retry_after


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    problem = password_problem(password)
    if problem is not None:
        raise InputRefused(problem, field="password")
    return str(_hasher().hash(password))


def _password_matches(stored: str | None, password: str) -> bool:
    """Whether ``password`` is the one stored. Without a stored hash the same work is done against a
    throwaway one, so that a wrong address takes as long as a wrong password."""
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = _hasher()
    try:
        return bool(hasher.verify(stored or _throwaway_hash(), password))
    except (VerificationError, InvalidHashError):
        return False


@cache
def _throwaway_hash() -> str:
    """A hash of a random password, made once: what a wrong address is checked against."""
    return str(_hasher().hash(secrets.token_urlsafe(16)))


def _checked_email(email: str) -> str:
    value = normal_email(email)
    if "@" not in value or value.startswith("@") or value.endswith("@") or len(value) > 320 or " " in value:
        raise InputRefused(refused.NOT_AN_EMAIL(email=email.strip()), field="email")
    return value


def _checked_name(name: str) -> str:
    value = " ".join(name.split())
    if len(value) > NAME_LONGEST:
        raise InputRefused(refused.NAME_TOO_LONG(most=NAME_LONGEST), field="name")
    return value


def checked_groups(groups: Collection[str]) -> frozenset[str]:
    for group in groups:
        if group not in GROUP_CODES:
            raise InputRefused(
                refused.UNKNOWN_GROUP(group=group, known=", ".join(GROUP_CODES)), field="groups"
            )
    return frozenset(groups)


@dataclass(frozen=True, slots=True)
class Invitation:
    """An account made and its one-time link's token (shown once: only its hash is kept)."""

    account: Account
    token: str
    purpose: str
    expires: datetime

    def path(self) -> str:
        """Where the link opens in the web app."""
        return f"/{'reset' if self.purpose == 'reset' else 'setup'}/{self.token}"


def _new_link(
    unit: ServerUnit, account: Account, purpose: str, at: datetime, invited_by: int | None = None
) -> Invitation:
    token = secrets.token_urlsafe(32)
    expires = at + LINK_LASTS[purpose]
    unit.accounts.end_links(account.id, purpose, at)
    unit.accounts.add_link(token_hash(token), account.id, purpose, expires, invited_by)
    return Invitation(account, token, purpose, expires)


def _new_account(
    unit: ServerUnit, agency_id: int, email: str, role: Role, name: str, at: datetime
) -> Account:
    address = _checked_email(email)
    if unit.accounts.by_email(address) is not None:
        raise InputRefused(refused.ACCOUNT_EXISTS(email=address), field="email")
    return unit.accounts.add(agency_id, address, role, _checked_name(name), at)


def create_agency(server: Server, name: str, admin_email: str) -> Invitation:
    """A new agency and its first admin, with the admin's set-up link."""
    agency_name = " ".join(name.split())
    if not agency_name or len(agency_name) > NAME_LONGEST:
        raise InputRefused(refused.NAME_TOO_LONG(most=NAME_LONGEST), field="name")
    at = now()
    with server.writing() as unit:
        if unit.accounts.agency_named(agency_name) is not None:
            raise InputRefused(refused.AGENCY_EXISTS(name=agency_name), field="name")
        agency_id = unit.accounts.add_agency(agency_name, at)
        admin = _new_account(unit, agency_id, admin_email, Role.ADMIN, "", at)
        return _new_link(unit, admin, "setup", at)


def add_counsellor(server: Server, agency: str, email: str, name: str = "") -> Invitation:
    """A counsellor of ``agency`` (its name, or its number), with their set-up link."""
    at = now()
    with server.writing() as unit:
        found = unit.accounts.agency_named(agency.strip())
        if found is None and agency.strip().isdigit():
            found = unit.accounts.agency(int(agency.strip()))
        if found is None:
            raise NotFound(refused.NO_SUCH_AGENCY(name=agency.strip()))
        counsellor = _new_account(unit, found[0], email, Role.COUNSELLOR, name, at)
        return _new_link(unit, counsellor, "setup", at)


def invite_client(server: Server, counsellor: Account, email: str, name: str = "") -> Invitation:
    """A client account in the counsellor's caseload, with the invitation link (7 days)."""
    at = now()
    with server.writing() as unit:
        client = _new_account(unit, counsellor.agency_id, email, Role.CLIENT, name, at)
        unit.consent.add_to_caseload(counsellor.id, client.id, at)
        return _new_link(unit, client, "invite", at, invited_by=counsellor.id)


@dataclass(frozen=True, slots=True)
class AgencyListing:
    id: int
    name: str
    accounts: list[tuple[Account, int]]  # each account with its caseload size (counsellors)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "accounts": [
                {
                    "id": account.id,
                    "email": account.email,
                    "name": account.name,
                    "role": account.role.value,
                    "set_up": account.has_password,
                    "clients": clients if account.role is Role.COUNSELLOR else None,
                }
                for account, clients in self.accounts
            ],
        }


def agencies_overview(server: Server) -> list[AgencyListing]:
    with server.reading() as unit:
        listed = []
        for agency_id, name in unit.accounts.agencies():
            members = unit.accounts.of_agency(agency_id)
            sizes = unit.consent.caseload_sizes([member.id for member in members])
            listed.append(
                AgencyListing(agency_id, name, [(member, sizes.get(member.id, 0)) for member in members])
            )
        return listed


# Set-up links.
@dataclass(frozen=True, slots=True)
class LinkView:
    """What a set-up page shows: whose account, what for, who invited them and what they may share."""

    account: Account
    purpose: str
    invited_by: str
    groups: tuple[tuple[str, str, str, bool], ...]  # code, label, what it holds, checked by default

    @property
    def needs_second_factor(self) -> bool:
        return self.account.role.needs_second_factor and self.purpose != "reset"


def _valid_link(unit: ServerUnit, token: str, at: datetime) -> tuple[Account, str, int | None]:
    found = unit.accounts.link(token_hash(token))
    if found is None:
        raise NotFound(refused.LINK_NOT_VALID())
    account_id, purpose, expires, invited_by, used = found
    account = unit.accounts.get(account_id)
    if used or expires <= at or account is None:
        raise NotFound(refused.LINK_NOT_VALID())
    return account, purpose, invited_by


def link_view(server: Server, token: str) -> LinkView:
    """The set-up page of a link; NotFound (one message for all) if it is unknown, used or expired."""
    with server.reading() as unit:
        account, purpose, invited_by = _valid_link(unit, token, now())
        inviter = unit.accounts.get(invited_by) if invited_by is not None else None
    return LinkView(
        account=account,
        purpose=purpose,
        invited_by=(inviter.name or inviter.email) if inviter else "",
        groups=tuple((group.code, group.label, group.holds, group.on_by_default) for group in SHARING_GROUPS),
    )


def new_totp_secret() -> str:
    import pyotp

    return str(pyotp.random_base32())


def totp_uri(secret: str, email: str) -> str:
    import pyotp

    return str(pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=TOTP_ISSUER))


def _code_step(secret: str, code: str, at: datetime) -> int | None:
    """The time step ``code`` belongs to (this one, or one before or after for a slow clock), or None."""
    import pyotp

    totp = pyotp.TOTP(secret)
    digits = "".join(code.split())
    step = int(at.timestamp()) // totp.interval
    for candidate in (step, step - 1, step + 1):
        if secrets.compare_digest(totp.at(candidate * totp.interval), digits):
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class SetUp:
    """An account set up: its first session's token, and the recovery codes to write down (shown once)."""

    account: Account
    session: str
    recovery_codes: tuple[str, ...]


def _recovery_codes(unit: ServerUnit, account_id: int) -> tuple[str, ...]:
    codes = tuple("-".join(secrets.token_hex(3) for _ in range(3)) for _ in range(RECOVERY_CODES))
    unit.accounts.replace_recovery_codes(account_id, [token_hash(code) for code in codes])
    return codes


def _start_session(unit: ServerUnit, account_id: int, complete: bool, at: datetime) -> str:
    token = secrets.token_urlsafe(16)  # 128 bits [7.2.3]
    unit.accounts.add_session(token_hash(token), account_id, complete, at)
    return token


def complete_setup(
    server: Server,
    token: str,
    *,
    password: str,
    name: str = "",
    groups: Collection[str] = (),
    totp_secret: str = "",
    code: str = "",
) -> SetUp:
    """Set up the account of a set-up or invitation link: its password, a client's network and what
    they share with the counsellor who invited them, a counsellor's or admin's second factor (the code
    proves their authenticator has the secret). Signs them in. The link then stops working."""
    hashed = hash_password(password)
    chosen = checked_groups(groups)
    at = now()
    with server.writing() as unit:
        account, purpose, invited_by = _valid_link(unit, token, at)
        codes: tuple[str, ...] = ()
        if account.role.needs_second_factor and purpose != "reset":
            step = _code_step(totp_secret, code, at) if totp_secret else None
            if step is None:
                raise InputRefused(refused.WRONG_CODE(), field="code")
            unit.accounts.set_second_factor(account.id, totp_secret, step)
            codes = _recovery_codes(unit, account.id)
        if not unit.accounts.use_link(token_hash(token), at):
            raise NotFound(refused.LINK_NOT_VALID())
        unit.accounts.set_password(account.id, hashed)
        if name.strip():
            unit.accounts.set_name(account.id, _checked_name(name))
        if account.role is Role.CLIENT and account.space_id is None:
            space = unit.new_space(account.name or account.email)
            unit.accounts.set_space(account.id, space)
        if account.role is Role.CLIENT and invited_by is not None:
            unit.consent.grant(account.id, invited_by, chosen, at)
        unit.accounts.end_sessions_of(account.id)
        session = _start_session(unit, account.id, True, at)
        done = unit.accounts.get(account.id)
    assert done is not None
    return SetUp(done, session, codes)


# Signing in.
@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new session's token; ``complete`` False while a one-time code is still to be given."""

    session: str
    complete: bool
    account: Account


def _wait(unit: ServerUnit, keys: list[str], at: datetime) -> int:
    """Seconds until every key may try again (0: now)."""
    wait = 0
    for key in keys:
        count, oldest = unit.accounts.failures_since(key, at - FAILURE_WINDOW)
        if count >= FAILURES_ALLOWED and oldest is not None:
            wait = max(wait, int((oldest + FAILURE_WINDOW - at).total_seconds()) + 1)
    return wait


def sign_in(server: Server, email: str, password: str, address: str) -> SignedIn:
    """Check the password; a new session (a new id [7.2.4]). Throttled after 10 failures in 15 minutes
    for the account or the address [6.3.1]; the same refusal whether the address or the password is wrong."""
    address_key = f"address:{address}"[:100]
    account_key = "account:" + token_hash(normal_email(email))
    at = now()
    with server.writing() as unit:
        wait = _wait(unit, [account_key, address_key], at)
        if wait:
            raise Throttled(wait)
        account = unit.accounts.by_email(normal_email(email))
        stored = unit.accounts.password_hash(account.id) if account else None
        if account is None or not _password_matches(stored, password):
            unit.accounts.add_failures([account_key, address_key], at)
            unit.accounts.forget_failures_before(at - FAILURE_WINDOW * 4)
            failed = True
        else:
            failed = False
            unit.accounts.clear_failures(account_key)
            complete = not account.role.needs_second_factor
            session = _start_session(unit, account.id, complete, at)
    if failed:
        raise InputRefused(refused.WRONG_SIGN_IN(), field="password")
    assert account is not None
    return SignedIn(session, complete, account)


def give_code(server: Server, session: str, code: str, address: str) -> SignedIn:
    """The second step for a counsellor or admin: a code from their authenticator, or one of their
    recovery codes (each good once). A new session id replaces the half-signed-in one."""
    at = now()
    address_key = f"address:{address}"[:100]
    with server.writing() as unit:
        found = unit.accounts.session(token_hash(session))
        if found is None or found.complete or found.expired(at):
            raise NotFound(refused.LINK_NOT_VALID())
        account = found.account
        account_key = "code:" + str(account.id)
        wait = _wait(unit, [account_key, address_key], at)
        if wait:
            raise Throttled(wait)
        secret, _last = unit.accounts.second_factor(account.id)
        step = _code_step(secret, code, at) if secret else None
        accepted = (step is not None and unit.accounts.use_step(account.id, step)) or (
            unit.accounts.use_recovery_code(account.id, token_hash(code.strip().lower()), at)
        )
        if accepted:
            unit.accounts.clear_failures(account_key)
            unit.accounts.end_session(token_hash(session))
            fresh = _start_session(unit, account.id, True, at)
        else:
            unit.accounts.add_failures([account_key, address_key], at)
    if not accepted:
        raise InputRefused(refused.WRONG_CODE(), field="code")
    return SignedIn(fresh, True, account)


def session_of(server: Server, token: str | None) -> Session | None:
    """The session a browser's cookie names, if it is still good [7.3.1, 7.3.2]; its last-seen time is
    moved on at most once a minute."""
    if not token or len(token) > 100:
        return None
    at = now()
    key = token_hash(token)
    with server.reading() as unit:
        found = unit.accounts.session(key)
    if found is None:
        return None
    if found.expired(at):
        with server.writing() as unit:
            unit.accounts.end_session(key)
        return None
    if found.needs_touch(at):
        with server.writing() as unit:
            unit.accounts.touch_session(key, at)
    return found


def sign_out(server: Server, token: str | None) -> None:
    """End the session on the server [7.4.1]."""
    if token:
        with server.writing() as unit:
            unit.accounts.end_session(token_hash(token))


def request_reset(server: Server, email: str, send: Callable[[str, str], None]) -> None:
    """Send a reset link to ``email`` if it has an account (``send(address, token)``); says nothing
    either way: the caller shows the same page whether or not the address exists."""
    at = now()
    with server.writing() as unit:
        account = unit.accounts.by_email(normal_email(email))
        if account is None or not account.has_password:
            return
        invitation = _new_link(unit, account, "reset", at)
    send(account.email, invitation.token)


def complete_reset(server: Server, token: str, password: str) -> Account:
    """A new password from a reset link; every session of the account ends."""
    hashed = hash_password(password)
    at = now()
    with server.writing() as unit:
        account, purpose, _ = _valid_link(unit, token, at)
        if purpose != "reset" or not unit.accounts.use_link(token_hash(token), at):
            raise NotFound(refused.LINK_NOT_VALID())
        unit.accounts.set_password(account.id, hashed)
        unit.accounts.end_sessions_of(account.id)
    return account
