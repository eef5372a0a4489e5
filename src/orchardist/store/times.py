"""Times as both databases keep them: in UTC, and read back with their zone."""

from __future__ import annotations

from datetime import UTC, datetime


def to_store(moment: datetime) -> datetime:
    """``moment`` in UTC: SQLite keeps a time without its zone, so every time is stored in one zone."""
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def from_store(value: datetime) -> datetime:
    """A stored time in UTC: SQLite gives it back without its zone, PostgreSQL in the session's zone."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
