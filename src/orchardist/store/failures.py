"""When the database itself fails: locked, full, read-only, a disk error, out of reach.

The drivers' own errors carry the statement and its values (names, e-mails, LinkedIn addresses), so they
never reach a user: ``unavailable`` turns one into a ``StoreUnavailable`` whose message says what
happened and what to do, in words that name no one. The original stays chained (``__cause__``) for
``orchardist --debug``.
"""

from __future__ import annotations

import enum
import sqlite3
import sys

from orchardist.domain.messages import Message, Refused
from orchardist.store import messages


class StoreError(Refused):
    """The store cannot be opened or used as asked; the message says which file and why."""


class Failure(enum.StrEnum):
    """What went wrong, which decides what the user is told and what the API answers."""

    LOCKED = "locked"  # another program holds the write lock beyond our wait
    FULL = "full"  # the disk (or the database server's) is full
    READ_ONLY = "read_only"  # the file, folder, mount or server refuses writes
    DISK = "disk"  # an input/output error: the disk or the file is damaged
    UNREACHABLE = "unreachable"  # the file cannot be opened, or the server cannot be reached
    REFUSED = "refused"  # the database refused a statement (a value it cannot hold, a constraint)


class StoreUnavailable(StoreError):
    """The database could not do what was asked; nothing was changed. ``failure`` says why."""

    def __init__(self, message: Message, failure: Failure) -> None:
        super().__init__(message)
        self.failure = failure

    def __reduce__(self) -> tuple[object, ...]:
        return (StoreUnavailable, (self.message, self.failure))


# SQLite's words for each failure (its errors have no codes through the sqlite3 module before 3.11's
# sqlite_errorname, and the words are stable across versions).
_SQLITE_WORDS: tuple[tuple[Failure, tuple[str, ...]], ...] = (
    (Failure.LOCKED, ("database is locked", "database table is locked", "database schema is locked")),
    (Failure.FULL, ("database or disk is full",)),
    (Failure.READ_ONLY, ("readonly database", "read-only", "readonly")),
    (Failure.DISK, ("disk i/o error", "database disk image is malformed", "file is not a database")),
    (Failure.UNREACHABLE, ("unable to open database file",)),
)
# PostgreSQL's SQLSTATE classes and codes.
_POSTGRES_CODES: tuple[tuple[Failure, tuple[str, ...]], ...] = (
    (
        Failure.LOCKED,
        ("55P03", "40P01", "40001", "57014"),
    ),  # lock timeout, deadlock, serialization, cancelled
    (Failure.FULL, ("53100", "53200", "53300")),  # disk full, out of memory, too many connections
    (Failure.READ_ONLY, ("25006",)),  # read-only transaction (a standby)
    (Failure.DISK, ("58030", "XX001", "XX002")),  # I/O error, data or index corrupted
    (Failure.UNREACHABLE, ("08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03")),
)


def classify(error: BaseException) -> Failure:
    """What kind of failure a driver's error is."""
    original = getattr(error, "orig", error)
    code = str(getattr(original, "sqlstate", "") or getattr(original, "pgcode", "") or "")
    if code:
        for failure, codes in _POSTGRES_CODES:
            if code in codes:
                return failure
        if code.startswith("08"):
            return Failure.UNREACHABLE
        return Failure.REFUSED
    if isinstance(original, sqlite3.Error) or "sqlite" in type(original).__module__:
        words = str(original).casefold()
        for failure, known in _SQLITE_WORDS:
            if any(word in words for word in known):
                return failure
        return Failure.REFUSED
    # SQLAlchemy is asked only when it is loaded: a command reading through the standard library's
    # sqlite3 never imports it, and then no error of its can be raised.
    sa = sys.modules.get("sqlalchemy")
    if (sa is not None and isinstance(error, sa.exc.OperationalError)) or isinstance(original, OSError):
        return Failure.UNREACHABLE
    return Failure.REFUSED


def is_locked(error: BaseException) -> bool:
    return classify(error) is Failure.LOCKED


def unavailable(error: BaseException, where: str, *, waited: float = 0.0) -> StoreUnavailable:
    """The user's words for a driver's error at store ``where`` (a path or an address, no password)."""
    failure = classify(error)
    original = getattr(error, "orig", error)
    if failure is Failure.LOCKED:
        message = messages.LOCKED(seconds=max(1, round(waited)))
    elif failure is Failure.FULL:
        message = messages.FULL(where=where)
    elif failure is Failure.READ_ONLY:
        message = messages.READ_ONLY(where=where)
    elif failure is Failure.DISK:
        message = messages.DISK_ERROR(where=where)
    elif failure is Failure.UNREACHABLE:
        message = messages.UNREACHABLE(where=where)
    else:
        # Only the kind of error and its code: the driver's text may quote the values refused.
        code = str(getattr(original, "sqlstate", "") or "")
        message = messages.DATABASE_REFUSED(problem=type(original).__name__ + (f" {code}" if code else ""))
    return StoreUnavailable(message, failure)
