"""Accounts on an agency's server: who may sign in, what a client shares with a counsellor, and the
rules a password, a sign-in and a session follow (OWASP ASVS 5.0 numbers in brackets).

The local app has no accounts. On a server (``orchardist serve --server``) an agency has admins and
counsellors; each client owns one network (a space). A client decides, per counsellor and per group of
fields, what the counsellor may read; every read is logged for the client to see.
"""

from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import cache
from importlib import resources

from orchardist.domain.messages import N_, Message, Wording


class Role(StrEnum):
    ADMIN = "admin"
    COUNSELLOR = "counsellor"
    CLIENT = "client"

    @property
    def needs_second_factor(self) -> bool:
        """Counsellors and admins sign in with a one-time code too [6.3.3]."""
        return self is not Role.CLIENT


@dataclass(frozen=True, slots=True)
class SharingGroup:
    """A group of fields a client may share with a counsellor, with what it holds in words."""

    code: str
    label: str
    holds: str
    on_by_default: bool


SHARING_GROUPS: tuple[SharingGroup, ...] = (
    SharingGroup(
        "progress",
        N_("Progress"),
        N_("weekly counts of people tended, the weekly goal and the give/ask balance"),
        True,
    ),
    SharingGroup(
        "activity",
        N_("Activity"),
        N_("the dates, kinds and directions of contacts; no names, no summaries"),
        True,
    ),
    SharingGroup("people", N_("People"), N_("names, organisations and tiers of the people you know"), False),
    SharingGroup(
        "notes",
        N_("Notes"),
        N_("what you wrote about your contacts and about people: summaries and private notes"),
        False,
    ),
    SharingGroup(
        "leads",
        N_("Leads"),
        N_("the job leads you noted: organisation, role, status and next step, and who told you with People"),
        False,
    ),
    SharingGroup(
        "presence",
        N_("Presence and pitch"),
        N_("your profiles on each platform, their consistency report and your elevator pitch"),
        False,
    ),
)
"""Every group a client can share, in the order pages show them: a new one is one entry here."""

GROUP_CODES = tuple(group.code for group in SHARING_GROUPS)

READ_PAGES = {
    "caseload": N_("the caseload"),
    "client": N_("your file"),
    "report": N_("a progress report"),
}
"""Where a counsellor read a client's data, as the access log says it."""


def sharing_group(code: str) -> SharingGroup:
    for group in SHARING_GROUPS:
        if group.code == code:
            return group
    raise KeyError(code)


# Passwords [6.2.1, 6.2.9, 6.2.11]: at least 12 characters, any characters, no composition rules, and
# none of the 10,000 most common passwords.
PASSWORD_SHORTEST = 12
PASSWORD_LONGEST = 1024

PASSWORD_TOO_SHORT = Wording(
    "password.too_short", N_("a password needs at least %(least)s characters; a few words make a good one")
)
PASSWORD_TOO_LONG = Wording("password.too_long", N_("a password can have at most %(most)s characters"))
PASSWORD_COMMON = Wording(
    "password.common",
    N_("this password is one of the most common ones, so it is guessed first: choose another"),
)


@cache
def common_passwords() -> frozenset[str]:
    """The 10,000 most common passwords, lower-cased (``data/common-passwords.txt.gz``: the list Royce
    Williams compiled from public breaches, as Django ships it, cut to its first 10,000 lines)."""
    packed = resources.files("orchardist.domain").joinpath("data/common-passwords.txt.gz").read_bytes()
    return frozenset(gzip.decompress(packed).decode().split())


def password_problem(password: str) -> Message | None:
    """What is wrong with ``password`` as a new password, or None. Counted in characters, as people
    count them (NFC), so an accent typed two ways counts once."""
    length = len(unicodedata.normalize("NFC", password))
    if length < PASSWORD_SHORTEST:
        return PASSWORD_TOO_SHORT(least=PASSWORD_SHORTEST)
    if length > PASSWORD_LONGEST:
        return PASSWORD_TOO_LONG(most=PASSWORD_LONGEST)
    if password.strip().lower() in common_passwords():
        return PASSWORD_COMMON()
    return None


def normal_email(email: str) -> str:
    """An e-mail address as accounts are found by: trimmed, lower-cased."""
    return email.strip().lower()


# Sign-in throttling [6.3.1]: 10 failures for one account, or from one address, within 15 minutes and
# that account or address waits until the oldest of them is 15 minutes old.
FAILURES_ALLOWED = 10
FAILURE_WINDOW = timedelta(minutes=15)

# Sessions [7.3.1, 7.3.2]: ended after 30 minutes without a request, and 12 hours after signing in.
SESSION_IDLE = timedelta(minutes=30)
SESSION_LONGEST = timedelta(hours=12)
# A session's "last seen" is written at most this often: not one write per request.
SESSION_TOUCH_EVERY = timedelta(minutes=1)

# One-time links: an invitation or a set-up link lasts 7 days, a password reset one hour.
LINK_LASTS = {"setup": timedelta(days=7), "invite": timedelta(days=7), "reset": timedelta(hours=1)}

RECOVERY_CODES = 10


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    agency_id: int
    email: str
    role: Role
    name: str
    space_id: int | None
    has_password: bool
    has_second_factor: bool
    # A client's weekly digest from the agency: the weekday it goes on, or None (off).
    digest_weekday: str | None = None


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in browser: its account, when it began and was last seen, and whether the second factor
    has been given (a counsellor between the password and the code has a session that opens nothing)."""

    account: Account
    started: datetime
    seen: datetime
    complete: bool

    def expired(self, now: datetime) -> bool:
        return now - self.seen > SESSION_IDLE or now - self.started > SESSION_LONGEST

    def needs_touch(self, now: datetime) -> bool:
        return now - self.seen > SESSION_TOUCH_EVERY


@dataclass(frozen=True, slots=True)
class Grant:
    """What a client shares with one counsellor since ``since``."""

    client_id: int
    counsellor_id: int
    groups: frozenset[str]
    since: datetime | None

    def allows(self, group: str) -> bool:
        return group in self.groups


@dataclass(frozen=True, slots=True)
class AccessRecord:
    """One read of a client's data by a counsellor [16.x]."""

    at: datetime
    counsellor: str
    group: str
    page: str


@dataclass(frozen=True, slots=True)
class CounsellorNote:
    id: int
    counsellor: str
    on: date
    text: str


def now() -> datetime:
    return datetime.now(UTC)
