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
