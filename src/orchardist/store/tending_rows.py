"""Rows of what Today reads, turned into the domain's ``Tended`` and ``Contact``: shared by the SQLAlchemy
repository (``store/tending.py``) and the standard library's (``store/lite``), which hand over the same
columns, as values (SQLAlchemy) or as SQLite's text (dates and times)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from orchardist.domain.interactions import Direction
from orchardist.domain.people import PartialDate, Tier
from orchardist.domain.rhythm import TendingSettings
from orchardist.domain.tending import Contact, Tended, birthdays_between, holiday_between

CONNECTED = "connected"  # the date label LinkedIn's "Connected On" is kept under


@lru_cache(maxsize=4_096)
def connected_on(dates: str) -> date | None:
    """The full date under the "connected" label of a person's stored dates (JSON text), if any."""
    if CONNECTED not in dates:
        return None
    for item in json.loads(dates):
        if item.get("label") == CONNECTED:
            try:
                found = PartialDate.parse(str(item.get("date", "")))
            except ValueError:
                return None
            return date(found.year, found.month, found.day) if found.year else None
    return None


# The columns a Tended is made of, in the order ``tended_from`` reads them.
TENDED_COLUMNS = (
    "id",
    "display_name",
    "tier",
    "every_days",
    "created_at",
    "last_contact_on",
    "birthday",
    "dates",
    "gave_count",
    "asked_count",
    "mutual_count",
)
TIERS = (Tier.INNER, Tier.ACTIVE, Tier.CASUAL)
EVERY_BIRTHDAY = "every"
_DIRECTIONS = {direction.value: direction for direction in Direction}


def day_of(value: date | str) -> date:
    """A stored date or time as the day it falls on (SQLite gives text, the drivers values)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def stored_moment(moment: datetime) -> str:
    """``moment`` as SQLAlchemy writes a time into SQLite (and compares it there): its fields as given."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _birthday(text: str | None) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


def _dates(raw: str | None) -> tuple[tuple[str, PartialDate], ...]:
    found: list[tuple[str, PartialDate]] = []
    for item in json.loads(raw or "[]"):
        try:
            found.append((str(item["label"]), PartialDate.parse(str(item["date"]))))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(found)


def tended_from(
    row: Iterable[Any], moves: Mapping[int, tuple[date, str]], reconnect: Mapping[int, date] | None
) -> Tended:
    """A person as tending sees them, from a row of ``TENDED_COLUMNS`` (``dates`` as its JSON text)."""
    person_id, name, tier, every_days, created_at, last_contact, birthday, dates, gave, asked, mutual = row
    move = moves.get(person_id)
    return Tended(
        person_id=person_id,
        name=name,
        tier=Tier(tier),
        every_days=every_days,
        added_on=day_of(created_at),
        last_contact=None if last_contact is None else day_of(last_contact),
        birthday=_birthday(birthday),
        dates=_dates(dates),
        gave=gave,
        asked=asked,
        mutual=mutual,
        new_job_seen_on=move[0] if move else None,
        new_organisation=move[1] if move else "",
        reconnect_since=(reconnect or {}).get(person_id),
    )


def contacts_from_rows(rows: Iterable[Any]) -> list[Contact]:
    """Contacts from (person, day, direction, kind) rows, fetched at once: psycopg's row-at-a-time
    fetching costs more than the rows."""
    days: dict[object, date] = {}  # a few dozen distinct days among thousands of rows: parse each once
    found = []
    for person_id, day, way, kind in rows:
        parsed = days.get(day)
        if parsed is None:
            parsed = days[day] = day if isinstance(day, date) else date.fromisoformat(day)
        found.append(Contact(person_id, parsed, _DIRECTIONS[way], kind))
    return found


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def candidate_values(
    space_id: int, on: date, settings: TendingSettings, wanted: int, occasions: tuple[date, date] | None
) -> tuple[dict[str, Any], str | None, bool]:
    """The values of Today's candidates statement, which birthdays it reads (None: no one for an
    occasion, ``EVERY_BIRTHDAY``, or "some": those in ``values["birthdays"]``) and whether a chosen
    holiday falls within ``occasions``."""
    values: dict[str, Any] = {"space": space_id, "wanted": wanted}
    for tier in TIERS:
        days = settings.tier_days(tier)
        assert days is not None
        cutoff = on - timedelta(days=days)
        values[f"{tier.value}_contact"] = cutoff
        values[f"{tier.value}_added"] = _start_of(cutoff + timedelta(days=1))
    birthdays: str | None = None
    holiday = False
    if occasions is not None:
        first, last = occasions
        month_days = birthdays_between(first, last)
        birthdays = EVERY_BIRTHDAY if len(month_days) >= 366 else "some"
        values["birthdays"] = sorted(f"{month:02d}-{day:02d}" for month, day in month_days)
        holiday = holiday_between(settings.holidays, first, last)
    return values, birthdays, holiday
