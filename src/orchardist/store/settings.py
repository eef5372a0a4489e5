"""A network's settings: one JSON value per key, per space."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.store.tables import settings


def read_settings(conn: Connection, space_id: int) -> dict[str, Any]:
    """Every stored setting of the space (keys never set are absent)."""
    rows = conn.execute(sa.select(settings.c.key, settings.c.value).where(settings.c.space_id == space_id))
    return {key: json.loads(value) for key, value in rows}


def write_settings(conn: Connection, space_id: int, values: Mapping[str, Any]) -> None:
    """Store the values; a value of None removes the key (back to its default)."""
    for key, value in values.items():
        where = sa.and_(settings.c.space_id == space_id, settings.c.key == key)
        if value is None:
            conn.execute(sa.delete(settings).where(where))
            continue
        text = json.dumps(value, ensure_ascii=False)
        if conn.execute(sa.update(settings).where(where).values(value=text)).rowcount == 0:
            conn.execute(sa.insert(settings).values(space_id=space_id, key=key, value=text))
