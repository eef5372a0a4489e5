"""Spaces: one person's network each. The local app works in a single default space."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.people import Space
from orchardist.store.tables import spaces

DEFAULT_SPACE_NAME = "My network"


def create_space(conn: Connection, name: str) -> Space:
    space_id = conn.execute(
        spaces.insert().values(name=name, created_at=datetime.now(UTC)).returning(spaces.c.id)
    ).scalar_one()
    return Space(id=space_id, name=name)


def first_space(conn: Connection) -> Space | None:
    row = conn.execute(sa.select(spaces.c.id, spaces.c.name).order_by(spaces.c.id).limit(1)).first()
    return Space(id=row.id, name=row.name) if row else None


def get_space(conn: Connection, space_id: int) -> Space | None:
    row = conn.execute(sa.select(spaces.c.id, spaces.c.name).where(spaces.c.id == space_id)).first()
    return Space(id=row.id, name=row.name) if row else None
