"""One transaction on the agency server: the accounts and sharing repositories, and the networks the
transaction has been allowed to open.

A server transaction starts seeing no network's rows at all (PostgreSQL's row-level security,
``store/row_security.py``). ``open_spaces`` names the spaces it may read from then on, and is only called
by the services' one door for a counsellor (``services/caseload.py``) after the client's grant was read,
or for a client's own network.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

from orchardist.store.accounts import AccountsRepository
from orchardist.store.consent import ConsentRepository
from orchardist.store.unit import Unit

if TYPE_CHECKING:
    from orchardist.store.caseload_reads import CaseloadReads


class ServerUnit:
    def __init__(self, conn: Connection, *, row_security: bool) -> None:
        self._conn = conn
        self._row_security = row_security
        self._open: frozenset[int] = frozenset()

    @cached_property
    def accounts(self) -> AccountsRepository:
        return AccountsRepository(self._conn)

    @cached_property
    def consent(self) -> ConsentRepository:
        return ConsentRepository(self._conn)

    @cached_property
    def caseload(self) -> CaseloadReads:
        """Reads of many opened spaces at once (a counsellor's caseload)."""
        from orchardist.store.caseload_reads import CaseloadReads

        return CaseloadReads(self._conn)

    def open_spaces(self, spaces: Collection[int]) -> None:
        """From now on this transaction sees the rows of ``spaces`` (and no other network's)."""
        self._open = frozenset(spaces)
        if self._row_security:
            from orchardist.store.row_security import allow

            allow(self._conn, sorted(self._open))

    def space(self, space_id: int) -> Unit:
        """The repositories of one space opened with ``open_spaces``, in this transaction."""
        assert space_id in self._open, "a space is opened before it is read"
        return Unit(self._conn, space_id)

    def new_space(self, name: str) -> int:
        from datetime import UTC, datetime

        from orchardist.store.tables import spaces

        return int(
            self._conn.execute(
                spaces.insert().values(name=name, created_at=datetime.now(UTC)).returning(spaces.c.id)
            ).scalar_one()
        )
