"""One transaction on one space: the only way services reach stored data.

``Network.reading()`` and ``Network.writing()`` (``orchardist.services.network``) each give a ``Unit``:
a repository per kind of row, all sharing the transaction's connection and scoped to the space. A use
case does all its reading and writing through one unit, so it is one transaction: all of it or none.

Each repository's module is imported when the unit first hands it out, so a module that only names
``Unit`` (every service does) does not load SQLAlchemy: a command reading an SQLite file through the
standard library (``orchardist.store.lite``) starts without it.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from orchardist.store.groups import GroupsRepository
    from orchardist.store.interactions import InteractionsRepository
    from orchardist.store.introductions import IntroductionsRepository
    from orchardist.store.leads import LeadsRepository
    from orchardist.store.matching import MatchingRepository
    from orchardist.store.offers import OffersRepository
    from orchardist.store.people import PeopleRepository
    from orchardist.store.presence import PresenceRepository
    from orchardist.store.progress import ProgressRepository
    from orchardist.store.records import RecordsRepository
    from orchardist.store.settings import SettingsRepository
    from orchardist.store.templates import TemplatesRepository
    from orchardist.store.tending import TendingRepository
    from orchardist.store.warm_paths import WarmPathsRepository


class Unit:
    """The repositories of one space within one transaction."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self._conn = conn
        self.space_id = space_id

    @cached_property
    def people(self) -> PeopleRepository:
        from orchardist.store.people import PeopleRepository

        return PeopleRepository(self._conn, self.space_id)

    @cached_property
    def matching(self) -> MatchingRepository:
        from orchardist.store.matching import MatchingRepository

        return MatchingRepository(self._conn, self.space_id)

    @cached_property
    def interactions(self) -> InteractionsRepository:
        from orchardist.store.interactions import InteractionsRepository

        return InteractionsRepository(self._conn, self.space_id)

    @cached_property
    def tending(self) -> TendingRepository:
        from orchardist.store.tending import TendingRepository

        return TendingRepository(self._conn, self.space_id)

    @cached_property
    def offers(self) -> OffersRepository:
        from orchardist.store.offers import OffersRepository

        return OffersRepository(self._conn, self.space_id)

    @cached_property
    def introductions(self) -> IntroductionsRepository:
        from orchardist.store.introductions import IntroductionsRepository

        return IntroductionsRepository(self._conn, self.space_id)

    @cached_property
    def settings(self) -> SettingsRepository:
        from orchardist.store.settings import SettingsRepository

        return SettingsRepository(self._conn, self.space_id)

    @cached_property
    def records(self) -> RecordsRepository:
        from orchardist.store.records import RecordsRepository

        return RecordsRepository(self._conn, self.space_id)

    @cached_property
    def progress(self) -> ProgressRepository:
        from orchardist.store.progress import ProgressRepository

        return ProgressRepository(self._conn, self.space_id)

    @cached_property
    def templates(self) -> TemplatesRepository:
        from orchardist.store.templates import TemplatesRepository

        return TemplatesRepository(self._conn, self.space_id)

    @cached_property
    def presence(self) -> PresenceRepository:
        from orchardist.store.presence import PresenceRepository

        return PresenceRepository(self._conn, self.space_id)

    @cached_property
    def leads(self) -> LeadsRepository:
        from orchardist.store.leads import LeadsRepository

        return LeadsRepository(self._conn, self.space_id)

    @cached_property
    def groups(self) -> GroupsRepository:
        from orchardist.store.groups import GroupsRepository

        return GroupsRepository(self._conn, self.space_id)

    @cached_property
    def warm_paths(self) -> WarmPathsRepository:
        from orchardist.store.warm_paths import WarmPathsRepository

        return WarmPathsRepository(self._conn, self.space_id)

    def spaces_holding(self, key: str, value: object) -> list[int]:
        """The spaces whose setting ``key`` is ``value`` (looking up whose private feed a token opens)."""
        from orchardist.store.settings import spaces_holding

        return spaces_holding(self._conn, key, value)
