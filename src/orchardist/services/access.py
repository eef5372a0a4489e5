"""The web app's access passcode: set, cleared and checked here, kept only as an argon2id hash.

The hash lives in the network's settings as a secret (never in a JSON backup, masked wherever settings
are shown). What the web app needs to know per request is ``access(network)``: whether a passcode is
set, and a stamp that changes each time it is set or cleared, so that signing in again is needed
after any change (each hash has its own random salt, so setting the same passcode again changes it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orchardist.services import refusals
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network

if TYPE_CHECKING:
    from orchardist.store.changes import Mark

PASSCODE = "access_passcode"
SHORTEST = 8
# Long enough for any passphrase; a longer one is refused before any hashing is done.
LONGEST = 1024


@dataclass(frozen=True, slots=True)
class Access:
    """Whether the web app asks for a passcode, and the stamp of the passcode now set ("" if none)."""

    passcode_set: bool
    stamp: str


def _stamp(stored: str) -> str:
    return hashlib.sha256(stored.encode()).hexdigest()[:32]


def checked_passcode(passcode: str) -> str:
    """``passcode`` if it can be one (8 to 1,024 characters); InputRefused if not."""
    if len(passcode) < SHORTEST:
        raise InputRefused(refusals.PASSCODE_TOO_SHORT(least=SHORTEST), field="passcode")
    if len(passcode) > LONGEST:
        raise InputRefused(refusals.PASSCODE_TOO_LONG(most=LONGEST), field="passcode")
    return passcode


def set_passcode(network: Network, passcode: str) -> None:
    """Set the access passcode (stored as an argon2id hash); everyone signed in must sign in again."""
    from argon2 import PasswordHasher

    hashed = PasswordHasher().hash(checked_passcode(passcode))
    with network.writing() as unit:
        unit.settings.write({PASSCODE: hashed})


def clear_passcode(network: Network) -> bool:
    """Remove the access passcode; returns whether one was set. Every session ends with it."""
    with network.writing() as unit:
        was_set = bool(unit.settings.read().get(PASSCODE))
        unit.settings.write({PASSCODE: None})
    return was_set


def _stored(network: Network) -> str:
    with network.reading() as unit:
        value = unit.settings.value(PASSCODE)
    return value if isinstance(value, str) else ""


def access(network: Network) -> Access:
    """Whether a passcode is set and its stamp (read on every request the web app answers)."""
    stored = _stored(network)
    return Access(passcode_set=bool(stored), stamp=_stamp(stored) if stored else "")


class AccessWatch:
    """``access(network)`` for a server answering many requests: read again only when something may
    have been committed to the store since it was last read (``Network.change_watch``), by this
    process or any other. ``known()`` answers without a transaction, or None when it must be read
    (``read()``): on PostgreSQL, on a store in memory, and whenever SQLite is busy, always."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self._watch = network.change_watch()
        self._last: tuple[Mark, Access] | None = None

    def known(self) -> Access | None:
        """The access in force, if nothing was committed since it was read; None if it must be read."""
        last = self._last
        if last is None or self._watch is None:
            return None
        return last[1] if self._watch.mark() == last[0] else None

    def read(self) -> Access:
        """``access(network)``, read now, and kept for ``known()``."""
        # The mark is taken before the read: a change committed in between moves it, and the value
        # kept is then read again.
        mark = self._watch.mark() if self._watch is not None else None
        now = access(self.network)
        if mark is not None:
            self._last = (mark, now)
        return now


def passcode_matches(network: Network, passcode: str) -> Access | None:
    """The access now in force if ``passcode`` is the one set; None if it is not, or none is set.

    The check takes a deliberate fraction of a second (argon2id); a passcode longer than any that
    can be set is refused without it.
    """
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    stored = _stored(network)
    if not stored or len(passcode) > LONGEST:
        return None
    try:
        PasswordHasher().verify(stored, passcode)
    except (VerificationError, InvalidHashError):
        return None
    return Access(passcode_set=True, stamp=_stamp(stored))
