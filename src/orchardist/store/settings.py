"""A network's settings: one JSON value per key, per space."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.store.tables import settings

# Read on every request (the access gate, the co-worker flags of a list): statements made once.
_EVERY_SETTING = sa.select(settings.c.key, settings.c.value).where(
    settings.c.space_id == sa.bindparam("space")
)
_ONE_SETTING = sa.select(settings.c.value).where(
    settings.c.space_id == sa.bindparam("space"), settings.c.key == sa.bindparam("key")
)


class SettingsRepository:
    """A network's settings: one JSON value per key, per space."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def read(self) -> dict[str, Any]:
        """Every stored setting of the space (keys never set are absent)."""
        rows = self.conn.execute(_EVERY_SETTING, {"space": self.space_id})
        return {key: json.loads(value) for key, value in rows}

    def value(self, key: str) -> Any:
        """One stored setting of the space, or None when it was never set."""
        text = self.conn.execute(_ONE_SETTING, {"space": self.space_id, "key": key}).scalar()
        return None if text is None else json.loads(text)

    def write(self, values: Mapping[str, Any]) -> None:
        """Store the values; a value of None removes the key (back to its default)."""
        for key, value in values.items():
            where = sa.and_(settings.c.space_id == self.space_id, settings.c.key == key)
            if value is None:
                self.conn.execute(sa.delete(settings).where(where))
                continue
            text = json.dumps(value, ensure_ascii=False)
            if self.conn.execute(sa.update(settings).where(where).values(value=text)).rowcount == 0:
                self.conn.execute(sa.insert(settings).values(space_id=self.space_id, key=key, value=text))


def spaces_holding(conn: Connection, key: str, value: Any) -> list[int]:
    """The spaces whose setting ``key`` is ``value`` (a private feed's token is looked up this way,
    before anyone knows whose it is)."""
    rows = conn.execute(
        sa.select(settings.c.space_id).where(
            settings.c.key == key, settings.c.value == json.dumps(value, ensure_ascii=False)
        )
    )
    return [space_id for (space_id,) in rows]
