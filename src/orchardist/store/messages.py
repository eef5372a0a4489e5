"""What the store says when a database or a backup file cannot be used: the catalogue of
``orchardist.store`` (see ``orchardist.domain.messages``)."""

from __future__ import annotations

from orchardist.domain.messages import N_, Wording

NOT_SQLITE = Wording("backup.not_sqlite", N_("%(file)s is not an SQLite database"))
UNREADABLE = Wording("backup.unreadable", N_("%(file)s cannot be read as an SQLite database: %(reason)s"))
FAILED_CHECK = Wording("backup.integrity", N_("%(file)s failed its integrity check: %(problems)s"))
NOT_A_STORE = Wording("backup.not_a_store", N_("%(file)s is an SQLite database but not an Orchardist store"))
NEEDS_SQLITE = Wording("backup.needs_sqlite", N_("an SQLite file backup or restore needs an SQLite store"))
CANNOT_OPEN = Wording("store.cannot_open", N_("cannot open the store at %(where)s: %(reason)s"))
NO_SUCH_SPACE = Wording("space.not_found", N_("no space with id %(id)s"))

# The database itself failed (store/failures.py); nothing was changed.
LOCKED = Wording(
    "store.locked",
    N_("the store is busy: another program kept it locked for %(seconds)s seconds; try again in a moment"),
)
FULL = Wording(
    "store.full", N_("the disk that holds the store (%(where)s) is full; free some space, then try again")
)
READ_ONLY = Wording(
    "store.read_only",
    N_("the store (%(where)s) cannot be written: the file, its folder or its disk is read-only"),
)
DISK_ERROR = Wording(
    "store.disk_error",
    N_(
        "the store (%(where)s) could not be read or written because of a disk error; check the disk, "
        "and restore a backup if it happens again"
    ),
)
UNREACHABLE = Wording(
    "store.unreachable",
    N_("the store (%(where)s) cannot be opened or reached; check that it exists and that you may use it"),
)
DATABASE_REFUSED = Wording(
    "store.refused", N_("the database refused the change (%(problem)s); nothing was changed")
)
NOT_WRITTEN = Wording(
    "write.not_written", N_("%(file)s was not written (%(reason)s); any earlier file there is unchanged")
)
NOT_CREATED = Wording(
    "store.not_created", N_("the store at %(file)s was not created (%(reason)s); nothing was left behind")
)
DISK_FULL = Wording("write.disk_full", N_("the disk is full"))
FILE_TOO_LARGE = Wording("write.too_large", N_("the file would be larger than this computer allows"))
WRITE_FAILED = Wording("write.failed", N_("the disk refused the write, it may be full"))
NOT_A_FOLDER = Wording(
    "write.not_a_folder", N_("%(folder)s is a file, not a folder: a vdir export writes a folder of files")
)
