"""The unit of one read transaction on an SQLite file read through the standard library."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from orchardist.store.unit import Unit

# SQLite allows 32,766 bound values a statement; stay well under it for IN lists.
CHUNK = 5_000


def chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def marks(count: int) -> str:
    """``?, ?, ?``: the placeholders of an IN list of ``count`` values."""
    return ", ".join("?" * count)


class LiteUnit:
    """The lite repositories of one space within one read transaction; every other repository, and
    every method a lite repository does not have, is SQLAlchemy's on the same connection: ``full``
    makes that unit (the first time one is needed), in the transaction ``conn`` is in."""

    def __init__(self, conn: sqlite3.Connection, space_id: int, full: Callable[[], Unit]) -> None:
        self.conn = conn
        self.space_id = space_id
        self._make_full = full
        self._full: Unit | None = None

    @cached_property
    def people(self) -> Any:
        from orchardist.store.lite.people import LitePeople

        return LitePeople(self)

    @cached_property
    def matching(self) -> Any:
        from orchardist.store.lite.matching import LiteMatching

        return LiteMatching(self)

    @cached_property
    def tending(self) -> Any:
        from orchardist.store.lite.tending import LiteTending

        return LiteTending(self)

    @cached_property
    def settings(self) -> Any:
        from orchardist.store.lite.settings import LiteSettings

        return LiteSettings(self)

    @cached_property
    def interactions(self) -> Any:
        from orchardist.store.lite.other import LiteInteractions

        return LiteInteractions(self)

    @cached_property
    def offers(self) -> Any:
        from orchardist.store.lite.other import LiteOffers

        return LiteOffers(self)

    @cached_property
    def leads(self) -> Any:
        from orchardist.store.lite.records import LiteLeads

        return LiteLeads(self)

    @cached_property
    def groups(self) -> Any:
        from orchardist.store.lite.records import LiteGroups

        return LiteGroups(self)

    @cached_property
    def introductions(self) -> Any:
        from orchardist.store.lite.other import LiteIntroductions

        return LiteIntroductions(self)

    def full(self) -> Unit:
        """SQLAlchemy's unit on this transaction's connection (importing SQLAlchemy)."""
        if self._full is None:
            self._full = self._make_full()
        return self._full

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.full(), name)


class LiteRepository:
    """A repository answering in plain SQL for SQLite; a method it does not have is the SQLAlchemy
    repository's, on the same connection and transaction."""

    name: ClassVar[str]  # the Unit's attribute it stands in for

    def __init__(self, unit: LiteUnit) -> None:
        self.unit = unit
        self.conn = unit.conn
        self.space_id = unit.space_id

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(getattr(self.unit.full(), self.name), name)
