"""The agency server: one store holding many networks, and the one door to it.

A ``Server`` is to the agency what a ``Network`` is to one person: use cases open exactly one transaction
with ``reading()`` or ``writing()`` and work through the ``ServerUnit`` it gives (accounts, sharing, and
the networks the use case has been allowed to open). ``network_of(account)`` is a client's own network,
which the ordinary pages and the API use as in the local app.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from orchardist.domain.accounts import Account, Role
from orchardist.services.network import Network

if TYPE_CHECKING:
    from orchardist.store.engine import Store
    from orchardist.store.server_unit import ServerUnit


class Server:
    __slots__ = ("_store",)

    def __init__(self, store: Store) -> None:
        self._store = store

    @contextmanager
    def reading(self) -> Iterator[ServerUnit]:
        with self._store.server_reading() as unit:
            yield unit

    @contextmanager
    def writing(self) -> Iterator[ServerUnit]:
        with self._store.server_writing() as unit:
            yield unit

    @contextmanager
    def exclusive(self, name: str) -> Iterator[bool]:
        """Whether this worker holds ``name`` for the block (one worker of many does a job at a time)."""
        with self._store.exclusive(name) as held:
            yield held

    @property
    def on_postgres(self) -> bool:
        return not self._store.is_sqlite

    def network_of(self, account: Account) -> Network | None:
        """A client's own network; None for counsellors, admins and a client not yet set up."""
        if account.role is not Role.CLIENT or account.space_id is None:
            return None
        return Network(self._store, account.space_id)

    def describe(self) -> str:
        return self._store.describe()

    @property
    def url(self) -> str:
        """The store's address, password included: for the worker processes started from the same
        environment (never printed)."""
        return self._store.url.render_as_string(hide_password=False)

    def grant_app_role(self, role: str) -> None:
        """Let the database role ``role`` read and write every table (run as the tables' owner)."""
        from orchardist.store.row_security import grant_app_role

        with self._store.write() as conn:
            grant_app_role(conn, role)

    def close(self) -> None:
        self._store.dispose()


def open_server(db: str | None, *, migrate: bool = True) -> Server:
    """The agency server on the store at ``db``; InputRefused unless it is PostgreSQL.

    ``migrate`` (the admin commands, run as the tables' owner): bring the schema up to date first.
    Without it (serving, as a role that owns no table and so cannot migrate): refused, saying to run
    ``orchardist migrate``, when the schema is not this version's."""
    from orchardist.services import account_refusals
    from orchardist.services.errors import InputRefused
    from orchardist.store.location import resolve_url
    from orchardist.store.migrate import open_store

    url = resolve_url(db)
    if not url.startswith("postgresql"):
        raise InputRefused(account_refusals.SERVER_NEEDS_POSTGRES(), field="db")
    if migrate:
        return Server(open_store(url))
    from orchardist.store.location import HEAD
    from orchardist.store.migrate import current_revision

    store = open_store(url, migrate=False)
    found = current_revision(store)
    if found != HEAD:
        store.dispose()
        raise InputRefused(
            account_refusals.SERVER_NOT_MIGRATED(found=found or "none", needed=HEAD), field="db"
        )
    return Server(store)
