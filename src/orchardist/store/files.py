"""Files that hold the network: private to their owner, and written whole or not at all.

The store, its ``-wal`` and ``-shm``, backups and exports are created ``0600`` in folders Orchardist
creates ``0700``. A file is written under a temporary name in the folder it goes to, flushed to the
disk, then renamed over the target: a full disk leaves the earlier file as it was and nothing
half-written beside it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orchardist.domain.messages import Message
from orchardist.store import messages
from orchardist.store.failures import StoreError

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
# What SQLite keeps beside a database while it is open or being written.
SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT})
_SQLITE_FULL = 13  # SQLITE_FULL
_SQLITE_IOERR = 10  # SQLITE_IOERR, the low byte of every SQLITE_IOERR_* code


def private_folder(folder: Path, *, tighten: bool = False) -> None:
    """Create ``folder`` and any missing parent ``0700``; with ``tighten``, an existing one (Orchardist's
    own data folder) loses any access by others. Someone else's existing folder is left alone."""
    missing: list[Path] = []
    here = folder
    while not here.exists() and here != here.parent:
        missing.append(here)
        here = here.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue
        # mkdir's mode passes through the umask; make sure of it.
        path.chmod(PRIVATE_FOLDER)
    if tighten and not missing:
        _remove_others_access(folder)


def private_store_files(database: Path) -> None:
    """Take away others' access to an existing store and what SQLite keeps beside it (a store
    created by an earlier version was readable by everyone on the computer)."""
    for path in (database, *(database.with_name(database.name + end) for end in SQLITE_COMPANIONS)):
        _remove_others_access(path)


def _remove_others_access(path: Path) -> None:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)
    except OSError:
        # Missing, or not ours to change: nothing to tighten.
        pass


def failure_reason(error: BaseException) -> Message | str:
    """Why a write failed, in words a user can act on: a full disk is said plainly."""
    found = getattr(error, "orig", None) or error  # SQLAlchemy wraps the driver's error
    if isinstance(found, OSError):
        if found.errno in _NO_ROOM:
            return messages.DISK_FULL()
        if found.errno == errno.EFBIG:
            return messages.FILE_TOO_LARGE()
        return str(found.strerror or found)
    if isinstance(found, sqlite3.Error):
        code = getattr(found, "sqlite_errorcode", None)
        if code == _SQLITE_FULL:
            return messages.DISK_FULL()
        if code is not None and code & 0xFF == _SQLITE_IOERR:
            return messages.WRITE_FAILED()
    return str(found)


def _is_write_failure(error: BaseException) -> bool:
    found = getattr(error, "orig", None) or error
    return isinstance(found, OSError | sqlite3.Error)


def _discard(temporary: Path) -> None:
    for path in (temporary, *(temporary.with_name(temporary.name + end) for end in SQLITE_COMPANIONS)):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def _flush(path: Path) -> None:
    """Make sure what was written to ``path`` is on the disk, not only in the system's cache."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _flush_folder(folder: Path) -> None:
    """Make a rename in ``folder`` last through a power cut (where the system allows it)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _destination(target: Path) -> Path:
    """The file a write lands in: through a symbolic link to the file it names, so the link stays."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


@contextmanager
def replacing(target: Path, *, create_only: bool = False) -> Iterator[Path]:
    """A private, empty temporary file beside ``target`` to write; once the block succeeds it is
    flushed and renamed over ``target``. On any failure it is removed, ``target`` is left as it was,
    and a failed write raises StoreError naming ``target`` and why (a full disk said plainly).

    With ``create_only``, a ``target`` that appeared meanwhile is kept and the new file dropped.
    """
    destination = _destination(target)
    private_folder(destination.parent)
    wording = messages.NOT_CREATED if create_only else messages.NOT_WRITTEN
    import tempfile  # only a write needs it: a command that reads starts without it

    try:
        handle, name = tempfile.mkstemp(dir=destination.parent, prefix=".orchardist-", suffix=".partial")
    except OSError as error:
        raise StoreError(wording(file=str(target), reason=failure_reason(error))) from error
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _flush(temporary)
        if create_only:
            _link_new(temporary, destination)
        else:
            os.replace(temporary, destination)
        _flush_folder(destination.parent)
    except BaseException as error:
        _discard(temporary)
        if isinstance(error, Exception) and _is_write_failure(error):
            raise StoreError(wording(file=str(target), reason=failure_reason(error))) from error
        raise
    finally:
        _discard(temporary)


def _link_new(temporary: Path, destination: Path) -> None:
    """Put ``temporary`` in place as ``destination`` unless a file of that name now exists."""
    try:
        os.link(temporary, destination)
    except FileExistsError:
        return
    except OSError:
        # A file system without hard links: a rename, which a file made meanwhile would lose to.
        if not destination.exists():
            os.replace(temporary, destination)


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` privately and whole (see ``replacing``). A target that is not a
    regular file (a terminal, a pipe such as ``/dev/stdout``) is written to as it is."""
    if target.exists() and not target.is_file():
        try:
            with target.open("wb") as handle:
                handle.write(data)
        except OSError as error:
            raise StoreError(messages.NOT_WRITTEN(file=str(target), reason=failure_reason(error))) from error
        return
    with replacing(target) as temporary, temporary.open("wb") as handle:
        handle.write(data)
