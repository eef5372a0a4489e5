"""The network being worked on: an open store and the space within it."""

from __future__ import annotations

from dataclasses import dataclass

from orchardist.store.engine import Store
from orchardist.store.migrate import open_store
from orchardist.store.spaces import DEFAULT_SPACE_NAME, create_space, first_space, get_space


@dataclass(frozen=True, slots=True)
class Network:
    """One space in one store; every service call names the network it works on."""

    store: Store
    space_id: int


def open_network(db: str | None = None, *, space_id: int | None = None) -> Network:
    """Open the store (migrating it) and the given space, or the local default space."""
    store = open_store(db)
    if space_id is not None:
        with store.read() as conn:
            if get_space(conn, space_id) is None:
                raise LookupError(f"no space with id {space_id}")
        return Network(store=store, space_id=space_id)
    with store.read() as conn:
        space = first_space(conn)
    if space is None:
        with store.write() as conn:
            space = first_space(conn) or create_space(conn, DEFAULT_SPACE_NAME)
    return Network(store=store, space_id=space.id)
